// Parsing sh RUN bodies (grammar/sh.hpp) into the command model of
// ast/shell_script.hpp.
#pragma once

#include <string>
#include <string_view>

#include "ast/shell_script.hpp"

namespace strata::parse {

/// Parses a sh body (POSIX sh plus the bash-isms of grammar/sh.hpp). Offsets in
/// the result are 0-based bytes into `body`. Heredoc bodies inside the script
/// (`cat <<EOF ... EOF`) are skipped, not parsed; backquoted substitutions are
/// parsed as nested scripts. A body that does not parse gives `parsed = false`
/// with a message and the offset of the problem, and keeps the commands found
/// before it (a command cut short by the error included). Never throws (but
/// std::bad_alloc); nesting deeper than 200 levels (backquoted text included) is
/// an error, not a crash. A word longer than 64 KiB keeps its range but only its
/// first 64 KiB of text and value (then `literal` is false).
[[nodiscard]] ast::shell_script parse_sh(std::string_view body);

/// A sh word after quote removal (see ast::shell_word::value): quotes and
/// escapes removed, `$NAME`, `${...}`, `$(...)`, `$((...))` and backquotes kept
/// as written. `literal` is set to false when such an expansion is present.
[[nodiscard]] std::string sh_word_value(std::string_view text, bool& literal);

}  // namespace strata::parse
