// The command model of a RUN body: what the sh and PowerShell parsers
// (parse/sh_parser.hpp, parse/pwsh_parser.hpp) produce from a body's text.
//
// Offsets are 0-based byte offsets into the body that was parsed ([begin, end)
// half-open). The facts layer (facts/run_facts.hpp) maps them back to file
// line:column through the body's offset map, across continuation lines,
// tabs and heredocs.
//
// Values: `value` is a word after quote removal with every expansion kept as
// a reference the facts layer can substitute later: sh writes `$NAME` /
// `${NAME...}` / `$(...)` as written; PowerShell writes `$env:NAME` and
// `$name`, and renders `-f` format expressions and `+` concatenations of
// constant strings with those references in place (`('x/{0}' -f $env:V)`
// -> `x/$env:V`). `literal` says the value holds no expansion at all.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace strata::ast {

/// A word of a command (or an argument expression of a PowerShell call).
struct shell_word {
   std::size_t begin = 0;  ///< byte offset of the first byte in the body
   std::size_t end = 0;    ///< byte offset just past the last byte
   std::string text;       ///< as written
   std::string value;      ///< quotes and escapes removed, expansions kept (see above)
   bool literal = true;    ///< true when `value` holds no expansion
};

/// What kind of call a command is.
enum class command_kind {
   simple,  ///< sh simple command; PowerShell cmdlet, function or native command
   method,  ///< PowerShell .NET call `expr.Name(args)` / `[Type]::Name(args)`: words[0] is `Name`
};

/// A redirection of a command: `>`, `2>&1`, `<<EOF`, PowerShell `>`, `*>&1`, ...
struct shell_redirect {
   std::string op;     ///< the operator as written, fd included (`2>`, `>>`, `<<-`)
   shell_word target;  ///< the file, fd or heredoc delimiter
};

/// One simple command / cmdlet call / method call, in source order (the order
/// of their first word). Commands inside `$(...)`, backticks, subshells,
/// groups, `if`/`for`/`while`/`case` bodies, PowerShell script blocks and
/// sub-expressions are listed too, each once.
struct shell_command {
   command_kind kind = command_kind::simple;
   std::vector<shell_word> words;  ///< words[0] is the command name; never empty
   /// sh: `NAME=value` prefixes of this command (`DEBIAN_FRONTEND=noninteractive apt-get ...`).
   std::vector<shell_word> assignments;
   std::vector<shell_redirect> redirections;
   /// PowerShell method calls: the object or type expression as written
   /// (`(New-Object Net.WebClient)`, `[IO.File]`); "" otherwise.
   std::string target;
   std::size_t begin = 0;  ///< first byte of the command (its first word, assignment or redirection)
   std::size_t end = 0;    ///< just past its last byte
   /// Index (into shell_script::commands) of the command this one's output is piped into, or -1.
   int piped_to = -1;
   /// Nesting depth: 0 at top level; +1 inside each `$(...)`, backticks, subshell,
   /// group, compound command body or script block.
   int depth = 0;
};

/// A variable assignment: sh `NAME=value` (standalone, `export`/`local`/`readonly`
/// arguments, `for NAME in`), PowerShell `$name = expr`, `$env:NAME = expr`,
/// `Set-Variable`/`New-Variable`/`[Environment]::SetEnvironmentVariable`.
struct shell_assignment {
   std::string name;  ///< `PATH`, `url`, `env:PYTHON_VERSION` (PowerShell scope kept; case as written)
   shell_word value;  ///< the right-hand side (value rendered as described above)
   /// `for NAME in WORDS`: the loop's words, as written (value is then empty and not literal:
   /// which word the variable holds at a given point is not known). Empty otherwise.
   std::vector<shell_word> loop_values;
   std::size_t begin = 0;
   std::size_t end = 0;
};

/// A variable reference: sh `$NAME`, `${NAME...}`; PowerShell `$name`, `$env:NAME`, `${name}`.
struct shell_reference {
   std::string name;  ///< as in shell_assignment::name
   std::size_t begin = 0;
   std::size_t end = 0;
};

/// The result of parsing one body.
struct shell_script {
   std::vector<shell_command> commands;
   std::vector<shell_assignment> assignments;
   std::vector<shell_reference> references;
   /// False when the body does not parse (or is cut short); then `error` says
   /// why and `error_offset` where, and the lists above hold what the grammar
   /// found before the failure and, from `error_offset` on, what a tolerant
   /// token-level reading found (parse/shell_tokens.hpp).
   bool parsed = true;
   std::string error;
   std::size_t error_offset = 0;
};

}  // namespace strata::ast
