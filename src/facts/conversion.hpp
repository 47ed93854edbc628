// What BuildKit's conversion of a Dockerfile (frontend/dockerfile/dockerfile2llb) sees when it
// runs its build checks (`docker build --check`): the global ARGs with the automatic platform
// args and the build args, the stages the build dispatches, each stage's ARG/ENV state (a stage
// built FROM an earlier stage inherits its ARGs, ENV, SHELL and WORKDIR), and what each check
// reads from that state. The rules ST1001-ST1021 report these facts; notes on the semantics are
// in shared/docs/buildkit-grammar.md §4.
//
// Limits: a base image's own config (its ENV, SHELL, WORKDIR) is not fetched. A stage whose
// chain of bases ends at `scratch` or at an image known to set only PATH (busybox, alpine,
// debian, ubuntu, ...) has a known environment; for other images `stage_env_known` is false and
// UndefinedVar reports only names that an image would not set (lowercase or mixed case).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ast/dockerfile.hpp"

namespace strata::facts {

/// The build checked: what `docker build --build-arg ... --target ...` passes.
struct build_request {
   std::map<std::string, std::string, std::less<>> build_args;
   std::string target;  ///< "" = every stage is dispatched (as `docker build --check` without --target)
};

/// A variable a word uses that is not defined where it is used.
struct undefined_use {
   std::size_t instruction = 0;  ///< index in dockerfile::instructions
   std::string name;             ///< without `$`
   std::string suggestion;       ///< the closest defined name (BuildKit's suggest.Search), or ""
   bool platform = false;        ///< FROM: used in `--platform` (else in the base image name)
};

/// A port of an EXPOSE as BuildKit reads it (after sorting, expanding and splitting the words).
struct expose_port {
   std::size_t instruction = 0;
   std::string spec;                 ///< the word: `80/TCP`, `127.0.0.1:80:80`
   bool protocol_casing = false;     ///< the protocol is not lowercase
   bool address_or_mapping = false;  ///< an IP address or a host port is given
};

/// A CMD, ENTRYPOINT or HEALTHCHECK that a later one of the same stage overrides.
struct overridden_instruction {
   std::size_t instruction = 0;  ///< the earlier one (only the last one takes effect)
   std::size_t by = 0;           ///< the next one of the same kind
};

/// A COPY/ADD source read from the build context, after expansion.
struct context_source {
   std::size_t instruction = 0;
   std::string path;  ///< as expanded (not cleaned: `./a` stays `./a`, as BuildKit matches it)
};

/// An ARG or ENV key that names a secret.
struct secret_key {
   std::size_t instruction = 0;
   std::string key;  ///< ENV: expanded; ARG: as written
};

/// A FROM ... AS name or ARG whose description comment (the last comment line right above it)
/// does not start with its name (BuildKit's experimental InvalidDefinitionDescription).
struct definition_comment {
   std::size_t instruction = 0;
   std::string key;  ///< the stage name (lowercased), the ARG key, or `<arg_key>` for an ARG of several keys
};

struct conversion {
   /// Per stage (dockerfile::stages): dispatched by the build checked (every stage without a
   /// target; else the target and the stages it needs, through FROM, COPY --from and
   /// RUN --mount=from).
   std::vector<bool> dispatched;
   /// Per stage: the environment comes from the file (see the limits above).
   std::vector<bool> stage_env_known;
   std::string target_problem;  ///< `target stage "x" could not be found`, or ""

   std::vector<undefined_use> undefined_vars;            ///< UndefinedVar, in dispatch order
   std::vector<undefined_use> undefined_from_args;       ///< UndefinedArgInFrom, in file order
   std::vector<std::size_t> invalid_default_froms;       ///< FROMs whose image is not a reference with the default ARGs
   std::vector<std::size_t> redundant_target_platforms;  ///< `FROM --platform=$TARGETPLATFORM`
   /// FROMs with a constant `--platform` that the stage name does not name: (instruction, value).
   std::vector<std::pair<std::size_t, std::string>> constant_platforms;
   std::vector<std::size_t> shell_form_without_shell;  ///< CMD/ENTRYPOINT in shell form, no SHELL in effect
   std::vector<std::size_t> relative_first_workdirs;   ///< the first WORKDIR of a stage chain, relative
   std::vector<overridden_instruction> overridden;     ///< in dispatch order
   std::vector<secret_key> secret_keys;
   std::vector<std::size_t> legacy_key_values;  ///< ENV/LABEL in the `key value` form
   std::vector<expose_port> expose_ports;
   std::vector<context_source> context_sources;
   std::vector<definition_comment> definition_comments;  ///< in every stage and the global ARGs

   /// BuildKit stops at the first error: a parser-layer error gives no check at all; an
   /// instructions-layer error at line L keeps only the parse-time checks of lines up to L
   /// (StageNameCasing, FromAsCasing, MaintainerDeprecated, InvalidDefinitionDescription,
   /// NoEmptyContinuation); a conversion error (an invalid base image) keeps the checks
   /// before dispatch. Lines are 1-based; UINT32_MAX when there is no such error.
   bool parser_failed = false;
   std::uint32_t instructions_error_line = UINT32_MAX;
   std::uint32_t conversion_error_line = UINT32_MAX;

   /// Whether a parse-time check at `line` is reported (see the error fields).
   [[nodiscard]] bool parse_time_reported(std::uint32_t line) const noexcept {
      return !parser_failed && line <= instructions_error_line;
   }
   /// Whether the checks between parsing and dispatch (stage names, casing, FROM) are reported.
   [[nodiscard]] bool before_dispatch_reported() const noexcept {
      return !parser_failed && instructions_error_line == UINT32_MAX;
   }
   /// Whether the dispatch-time checks (ENV, COPY, CMD, WORKDIR, ...) are reported: an invalid
   /// base image stops the conversion before any stage is dispatched.
   [[nodiscard]] bool dispatch_reported() const noexcept {
      return before_dispatch_reported() && conversion_error_line == UINT32_MAX;
   }
};

/// Simulates the conversion of `df` for `request`. Never throws (but std::bad_alloc).
[[nodiscard]] conversion convert(const ast::dockerfile& df, const build_request& request);

/// BuildKit's automatic platform args (BUILDPLATFORM, TARGETARCH, ...) for a linux/amd64
/// build, with `request`'s build args of the same names applied: name -> value.
[[nodiscard]] std::map<std::string, std::string, std::less<>> automatic_args(const build_request& request);

/// Whether an ARG or ENV key names a secret, as BuildKit's SecretsUsedInArgOrEnv decides:
/// a `_`-delimited token (or the whole key), case-insensitive, is apikey, auth, credential(s),
/// key, password, pword, passwd, secret or token, and no token is `public`, `file` or `version`
/// (`PUBLIC_KEY`, `PASSWORD_FILE`, `AUTH_MODULE_VERSION` name no secret). Unlike BuildKit, a
/// token `gpg`, `pgp`, `gnupg` or `fingerprint` also names no secret: `ENV GPG_KEY` holds the
/// public key fingerprint a download is verified against (docker-library's python, wordpress).
[[nodiscard]] bool names_secret(std::string_view key);

/// Whether a WORKDIR path is absolute: `/...`, `\\...`, or a Windows drive path (`C:\go`, `C:/go`),
/// which is absolute for the Windows image it is written for (BuildKit's system.IsAbs with the
/// stage's OS).
[[nodiscard]] bool is_absolute_path(std::string_view path);

/// BuildKit's suggest.Search: the option within 2 edits of `value` (Levenshtein over bytes),
/// the closest first-found; "" when an option equals `value` or none is close. Without
/// `case_sensitive` the comparison is lowercased and the answer takes `value`'s case.
[[nodiscard]] std::string closest_name(std::string_view value, const std::vector<std::string>& options,
                                       bool case_sensitive);

}  // namespace strata::facts
