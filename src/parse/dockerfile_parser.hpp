// Dockerfile parsing: text -> ast::dockerfile (grammar/dockerfile.hpp + actions),
// as BuildKit's parser.Parse reads it (moby/buildkit frontend/dockerfile/parser,
// commit 73ed6825; notes in shared/docs/buildkit-grammar.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"

namespace strata::parse {

/// Parses a Dockerfile. Never throws for bad input: problems become
/// ast::dockerfile::errors with BuildKit's message and a span (parser-layer errors:
/// what parser.Parse rejects; instructions-layer errors: what instructions.Parse and
/// the conversion reject, see dockerfile_instructions.hpp), and every other
/// instruction is still parsed. Also fills stages and each instruction's variables.
[[nodiscard]] ast::dockerfile parse_dockerfile(std::string path, std::string text);

/// The 18 instruction names BuildKit dispatches, lower case.
[[nodiscard]] const std::vector<std::string_view>& known_instructions();

/// The heredocs a joined instruction line declares (`<<EOF`, `<<-"EOF"`, `3<<EOF`), in
/// order, bodies empty. `error` is set when BuildKit's heredoc lexing fails hard.
struct heredoc_result {
   std::vector<ast::heredoc> docs;
   std::optional<std::string> error;
};
[[nodiscard]] heredoc_result heredocs_from_line(std::string_view line);

/// BuildKit's `Node.Dump()` of the whole file plus a final newline (the `result`
/// files of BuildKit's parser test corpus): one `(name ["--flags"] "args"...)` line
/// per instruction, values quoted with Go's strconv.Quote.
[[nodiscard]] std::string dump(const ast::dockerfile& df);
/// The dump of one instruction, without parentheses.
[[nodiscard]] std::string dump(const ast::instruction& inst);

}  // namespace strata::parse
