// Parsing PowerShell RUN bodies (grammar/pwsh.hpp) into the command model of
// ast/shell_script.hpp.
//
// What the model holds for PowerShell:
// - commands: every cmdlet, function or native command call (kind simple; for
//   `& $exe a` and `. .\x.ps1` words[0] is the target and `begin` is at the
//   operator), and every .NET method call `expr.Name(args)` / `[Type]::Name(args)`
//   (kind method: words[0] is `Name`, then one word per argument, `target` the
//   object or type expression as written), in the order of their first byte
//   (a method call starts at its target, so it comes before the commands inside
//   that target). A comma-separated array argument (`-ArgumentList 'a', 'b'`)
//   gives one word per element; `--%` gives one word per blank-separated token.
//   `exit`, `throw`, `return` are keywords, not commands.
// - depth: the number of enclosing brackets: `(...)`, `$(...)`, `@(...)`, `@{...}`,
//   `{...}` (script blocks and statement bodies), the `(...)` of if/while/switch/
//   foreach/for/param, method-call argument lists and `[index]`.
// - piped_to: set on the command of each pipeline element whose output goes to
//   the next element (for an expression element, its outermost method call).
// - assignments: `$x = ...` (and `+=`, ...; name `x`, `env:PATH`, scope kept),
//   `[Environment]::SetEnvironmentVariable('NAME', value, ...)` (name `env:NAME`),
//   `Set-Variable`/`New-Variable` (`-Name x -Value y` or positional),
//   `Set-Item`/`New-Item` on `env:NAME`, `foreach ($x in ...)` (value: the
//   collection) and `param(... $x = default ...)`. `$null = ...` (a discard) is
//   not an assignment.
// - references: every variable read, in strings too; `$_`, `$PSItem`, `$?`,
//   `$$`, `$^`, `$true`, `$false`, `$null` are left out as noise. The target of
//   `+=` and friends is also a reference (it is read).
// - values: see ast/shell_script.hpp. An expression that cannot be rendered is
//   kept as a sub-expression: `(x)` as `$(x)`, other expressions as `$(text)`;
//   variables and `$(...)` as written. Script blocks, hashtables and `@(...)`
//   keep their text.
#pragma once

#include <string_view>

#include "ast/shell_script.hpp"

namespace strata::parse {

/// The deepest bracket/block nesting parse_pwsh accepts; deeper bodies get parsed = false.
inline constexpr int pwsh_max_nesting = 100;

/// Parses a PowerShell body. Offsets in the result are 0-based bytes into `body`.
/// Never throws (but std::bad_alloc): a body that does not parse gives parsed =
/// false, `error` and `error_offset` (for an unclosed bracket, string or comment:
/// the offset of its opening character), and what was complete before the error.
[[nodiscard]] ast::shell_script parse_pwsh(std::string_view body);

}  // namespace strata::parse
