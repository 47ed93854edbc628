// The tolerant, token-level reading of a RUN body that the sh or PowerShell grammar
// rejected (parse/sh_parser.hpp, parse/pwsh_parser.hpp): from the point of failure on, the
// body is cut into words and operators, and the words between command separators become
// commands, so that the downloads, pipes and installs after a syntax error (or past the
// grammar's nesting limit) are still seen by the facts layer.
//
// What it reads:
// - sh: words with their quoting ('...', "...", $'...', backslash escapes, $(...), ${...},
//   backquotes, read as one word each, unbalanced ones to the end of the body); the
//   separators `;` `&` `&&` `||` `;;` newline `(` `)`; pipes `|` `|&`; redirections
//   (`>`, `2>&1`, `<<EOF` with the heredoc's lines skipped); reserved words (`if`, `do`,
//   `{`, `for NAME in ...`, ...) are not commands; leading `NAME=value` words are
//   assignments.
// - PowerShell: words with '...' (`''` escaped) and "..." (backtick escapes) strings,
//   $(...) and @(...) as one word; the separators `;` newline `(` `)` `{` `}` `&&` `||`;
//   pipes `|`; `#` and `<# ... #>` comments; backtick continuations; `$name = value`
//   assignments; keywords (`if`, `foreach`, `try`, ...) and expressions (a first word that
//   starts with `$`, a quote, a digit or `[`) are not commands; `&` and `.` call the next word.
//
// Offsets are 0-based bytes into the body. Commands get kind simple, depth from the brackets
// and blocks opened since `from` (never below 0), and `piped_to` for pipes read here.
#pragma once

#include <cstddef>
#include <string_view>

#include "ast/shell_script.hpp"

namespace strata::parse {

/// The dialect of a body read token by token.
enum class shell_dialect { sh, pwsh };

/// Appends to `out` the commands, assignments and pipes of `body` from byte `from` on, read
/// token by token (see above); commands of `out` that begin at or after `from` are dropped
/// first, so that one command is never listed twice. Keeps `out` in source order. Never
/// throws (but std::bad_alloc); linear in the size of the body.
void read_tolerantly(std::string_view body, std::size_t from, shell_dialect dialect, ast::shell_script& out);

}  // namespace strata::parse
