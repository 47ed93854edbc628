// The `--shellcheck` pass: ShellCheck (the `shellcheck` binary, Debian package `shellcheck`)
// run over the sh scripts of a Dockerfile's RUN instructions, as hadolint feeds it
// (shared/docs/hadolint.md §2, "ShellCheck integration"), with every finding mapped back to
// its exact range in the Dockerfile.
//
// The script given to ShellCheck for each RUN body is `#!<the SHELL's executable, default
// /bin/sh>`, then `export NAME=1` for every ARG/ENV name in scope and the proxy variables
// (HTTP_PROXY, http_proxy, HTTPS_, FTP_, NO_PROXY), then the body (tabs as spaces, so that
// ShellCheck's columns are characters). Bodies run by PowerShell or cmd, stages marked
// `# hadolint shell=powershell` (or pwsh, cmd), and ONBUILD triggers' outer variables are left
// out as in hadolint. SC2187, SC1090 and SC1091 are excluded. One ShellCheck process per
// Dockerfile (`--format=json1`, all bodies as files of one temporary directory).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/finding.hpp"
#include "engine/rule.hpp"

namespace strata::ast {
struct dockerfile;
}

namespace strata::engine {

struct shellcheck_options {
   std::string binary = "shellcheck";  ///< a path, or a name looked up in PATH
};

/// The rule every ShellCheck finding comes from (id `SC`); a finding's code is `SC2086`.
extern const rule shellcheck_rule;

/// ShellCheck's version line (`version: 0.9.0`), or nullopt with `error` set when the
/// binary cannot be run.
[[nodiscard]] std::optional<std::string> shellcheck_version(const shellcheck_options& o, std::string& error);

/// ShellCheck's findings for the sh bodies of `df`, at their ranges in the Dockerfile
/// (1-based lines, columns in code points), severity as ShellCheck's level (error, warning,
/// info, style). On failure (the binary cannot be run, its output is not JSON) returns what
/// was found and sets `error`.
[[nodiscard]] std::vector<finding> shellcheck_findings(const ast::dockerfile& df, const shellcheck_options& o,
                                                       std::string& error);

}  // namespace strata::engine
