// Facts about one RUN body (from a Dockerfile RUN or a history entry): its
// shell, whether it parsed, its commands, the downloads it makes and how each
// is verified, the packages it installs, the caches it cleans, and the
// variables it sets and reads. Rules read these instead of re-parsing shell
// text. The bodies are parsed by parse/sh_parser.hpp and parse/pwsh_parser.hpp
// (command model: ast/shell_script.hpp).
//
// Positions: every span is into the document's source file (ast/source.hpp:
// 1-based lines, columns in code points), mapped back across continuation
// lines, tabs and heredocs through the body's offset map.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"
#include "ast/source.hpp"
#include "facts/model.hpp"

namespace strata::facts {

/// `sh`, `pwsh`, `cmd`, `unknown`.
[[nodiscard]] std::string_view to_string(shell_kind k) noexcept;

/// The shell of a SHELL instruction or of image metadata, from its first
/// element (`powershell`, `pwsh` -> pwsh; `cmd` -> cmd; `sh`, `bash`, ... -> sh).
[[nodiscard]] shell_kind shell_from_executable(std::string_view executable);

/// The downloads of an ADD: every source word holding `://` (sources exclude the
/// flags and the destination), verified by the builder when the ADD has a
/// `--checksum` flag (`checksum` is where it stands, `checksum_value` its value,
/// `sha256:<hex>`).
[[nodiscard]] run_facts add_facts(const std::vector<shell_word>& sources, const std::optional<ast::span>& checksum,
                                  std::string_view checksum_value = {});

/// Whether download `d` travels over plain HTTP: its expanded URL is `http://` to a host other
/// than the local one (`localhost`, `127.*`, `[::1]`). Case-insensitive.
[[nodiscard]] bool plain_http(const download& d);

/// A git source of ADD, as BuildKit tells one from a file URL: `git://…`, `git@host:…`, or a
/// URL whose path ends in `.git` (`https://example.com/repo.git#v1.2:subdir`).
struct git_source {
   std::string ref;      ///< the ref after `#` (before a `:subdir`), "" when none (the default branch)
   bool commit = false;  ///< the ref is a commit (40 or 64 hex digits): the content is fixed
};
/// The git source `url` names (after ARG expansion), or nullopt when it is not one.
[[nodiscard]] std::optional<git_source> git_source_of(std::string_view url);

/// Parses a RUN body with the grammar of `shell` and derives its facts. `map`
/// maps offsets of `body` to offsets of `source`. `env` holds the ARG/ENV values
/// known at the instruction (null when none are known); it is used to expand
/// download URLs. A `cmd` or unknown shell yields no commands. Never throws
/// (but std::bad_alloc). The facts are derived with body-relative spans once per thread for
/// each body, shell and value of the variables the derivation read from `env` (run_facts.cpp),
/// then copied and their spans mapped through `map`.
[[nodiscard]] run_facts analyze_run(std::string_view body, const ast::offset_map& map, const ast::source_file& source,
                                    shell_kind shell, const ast::environment* env = nullptr);

}  // namespace strata::facts
