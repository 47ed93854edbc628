// Facts about one RUN body (from a Dockerfile RUN or a history entry): its
// shell, its simple commands, the downloads it makes and the verifications it
// performs. Rules read these instead of re-parsing shell text.
//
// Positions: spans are into the document's source file (see ast/source.hpp),
// mapped back across continuation lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/source.hpp"

namespace strata::facts {

enum class shell_kind { sh, pwsh, cmd, unknown };

[[nodiscard]] std::string_view to_string(shell_kind k) noexcept;

/// The shell of a SHELL instruction or of image metadata, from its first
/// element (`powershell`, `pwsh` -> pwsh; `cmd` -> cmd; `sh`, `bash`, ... -> sh).
[[nodiscard]] shell_kind shell_from_executable(std::string_view executable);

/// One word of a command: as written, and with quotes removed.
struct shell_word {
   std::string text;   ///< as written
   std::string value;  ///< quotes and escapes removed (variables not expanded)
   ast::span where;
};

/// One simple command (sh) or command invocation (PowerShell).
struct command {
   std::string name;  ///< the command name (basename, as written otherwise)
   std::vector<shell_word> words;  ///< words[0] is the name
   ast::span where;
};

struct verification {
   std::string method;  ///< `sha256sum -c`, `gpg --verify`, `Get-FileHash`, `ADD --checksum`
   ast::span where;
};

struct download {
   std::string tool;    ///< `wget`, `curl`, `Invoke-WebRequest`, `ADD`
   std::string url;     ///< as written (variables not expanded)
   /// `url` with the ARG/ENV values in scope substituted where they are known (Dockerfiles:
   /// BuildKit's lexer over the instruction's variables); equal to `url` otherwise.
   std::string expanded_url;
   std::string output;  ///< the output file when named, else ""
   ast::span where;     ///< the command (or ADD source)
   std::optional<verification> verified_by;
};

struct run_facts {
   shell_kind shell = shell_kind::sh;
   std::vector<command> commands;
   std::vector<download> downloads;
   std::vector<verification> verifications;
};

/// The downloads of an ADD: every source word holding `://` (sources exclude the
/// flags and the destination), verified by the builder when the ADD has a
/// `--checksum` flag (`checksum` is where it stands).
[[nodiscard]] run_facts add_facts(const std::vector<shell_word>& sources, const std::optional<ast::span>& checksum);

/// Splits a RUN body into commands and derives downloads and verifications.
/// `map` maps offsets of `body` to offsets of `source`. A `cmd` or unknown
/// shell yields no commands.
[[nodiscard]] run_facts analyze_run(std::string_view body, const ast::offset_map& map, const ast::source_file& source,
                                    shell_kind shell);

}  // namespace strata::facts
