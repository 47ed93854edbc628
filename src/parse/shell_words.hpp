// Tokenising RUN bodies with grammar/shell_words.hpp.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace strata::parse {

enum class shell_token_kind { word, separator, redirection };

/// A token of a RUN body: byte offsets [begin, end) into the body.
struct shell_token {
   shell_token_kind kind;
   std::size_t begin;
   std::size_t end;
};

/// Tokens of a POSIX sh body (blanks and comments dropped). Never throws.
[[nodiscard]] std::vector<shell_token> tokenize_sh(std::string_view body);
/// Tokens of a PowerShell body (blanks and comments dropped). Never throws.
[[nodiscard]] std::vector<shell_token> tokenize_pwsh(std::string_view body);

}  // namespace strata::parse
