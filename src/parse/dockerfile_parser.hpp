// Dockerfile parsing: text -> ast::dockerfile (grammar/dockerfile.hpp + actions).
#pragma once

#include <string>

#include "ast/dockerfile.hpp"

namespace strata::parse {

/// Parses a Dockerfile. Never throws for bad input: problems become
/// ast::dockerfile::errors (with BuildKit's message where BuildKit rejects the
/// input) and every other instruction is still parsed.
[[nodiscard]] ast::dockerfile parse_dockerfile(std::string path, std::string text);

/// BuildKit's `parseWords` (ENV/LABEL `=` form, ARG): whitespace separates words
/// outside quotes, quotes and escapes are kept in the word.
struct raw_word {
   std::size_t begin;  ///< byte offsets into the argument text
   std::size_t end;
};
[[nodiscard]] std::vector<raw_word> split_name_value_words(std::string_view text, char escape);

}  // namespace strata::parse
