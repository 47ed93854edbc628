// `.strata.yaml`: which rules run, at what severity, with which options, and the
// failure threshold. Read with yaml-cpp. Shape (every key optional):
//
//   failure-threshold: warning        # error | warning | info | style | none
//   select: [ST2, ST3003]             # ids, id prefixes, names or aliases (as --select)
//   ignore: [ST2005]                  # (as --ignore)
//   rules:
//     ST2001: error                   # a severity, or `off` to disable the rule
//     duplicate-path-entry:           # a rule's id, name or alias
//       severity: warning
//       enabled: true
//       threshold-days: 7             # rule options: any other scalar key
//
// hadolint's keys (.hadolint.yaml, also accepted in .strata.yaml; shared/docs/hadolint.md §1):
//
//   ignored: [DL3008, SC2086]         # added to `ignore`
//   override: {error: [DL3001], warning: [...], info: [...], style: [...]}   # severities
//   trustedRegistries: [docker.io, "*.gcr.io"]
//   label-schema: {version: semver}   # text | url | semver | hash | rfc3339 | spdx | email
//   strict-labels: true
//   failure-threshold: ignore         # hadolint's `ignore`: any finding fails
//   no-fail / no-color / verbose / disable-ignore-pragma: true
//   format: json                      # and `formats: [json, sarif]`
//
// The build the Dockerfiles are checked for (BuildKit's build checks, ST1001-ST1021):
//
//   build-args: {NODE_VERSION: "22"}  # as `docker build --build-arg` (--build-arg K=V)
//   target: runtime                   # the stage built (--target); default: every stage
//   context: ..                       # the build context, relative to the file (--context DIR)
//
// An id that names no rule (in `ignore`, `ignored`, `override` or `rules`) is a warning
// (`config::warnings`), not an error: a config written for hadolint still runs (SC codes of
// ShellCheck are known ids). Command-line flags win over the file: --select replaces
// `select`, --ignore adds to `ignore`, --failure-threshold replaces `failure-threshold`.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.hpp"
#include "verify/settings.hpp"

namespace strata::verify {
class session;
}  // namespace strata::verify

namespace strata::engine {

/// The settings of one rule.
struct rule_settings {
   std::optional<severity> level;  ///< replaces the rule's default severity
   bool enabled = true;
   std::map<std::string, std::string, std::less<>> options;  ///< other keys, values as written
};

/// One label of hadolint's label schema (`label-schema: {version: semver}`, `--require-label version:semver`).
struct label_requirement {
   std::string name;
   std::string type;  ///< text, url, semver, hash, rfc3339, spdx or email
};

struct config {
   std::string path;  ///< the file read ("" for the defaults)
   std::vector<std::string> select;
   std::vector<std::string> ignore;
   std::optional<std::string> failure_threshold;
   /// By rule id (`ST2001`), whatever key the file used for the rule.
   std::map<std::string, rule_settings, std::less<>> rules;
   /// Registries FROM, `COPY --from` and `RUN --mount=from=` images may come from (DL3026; hadolint's
   /// `trustedRegistries`, `--trusted-registry`): `docker.io`, `*.gcr.io`, `my.reg:5000`. Empty: DL3026 is inactive.
   std::vector<std::string> trusted_registries;
   /// hadolint's `label-schema` (DL3049-DL3058), in the order given; a name given twice keeps the last type.
   std::vector<label_requirement> label_schema;
   /// hadolint's `strict-labels` (DL3050): labels outside the schema are findings.
   bool strict_labels = false;
   /// hadolint's `disable-ignore-pragma`: `# hadolint ignore=` / `# strata ignore=` pragmas are not read.
   bool disable_ignore_pragma = false;
   std::optional<bool> no_fail;       ///< hadolint's `no-fail` (as --exit-zero)
   std::optional<bool> no_color;      ///< hadolint's `no-color`
   std::optional<bool> verbose;       ///< hadolint's `verbose`
   std::vector<std::string> formats;  ///< hadolint's `format` / `formats`, used when no --format is given
   /// `--shellcheck`: run ShellCheck (this binary) over the sh scripts of RUN (engine/shellcheck.hpp).
   bool shellcheck = false;
   std::string shellcheck_binary = "shellcheck";
   /// The config file's `verify:` section (`library`, `source`, `dockerfile`, `build-args`,
   /// `target`; paths relative to the file): a checker made with this config compares the
   /// histories of its run with them (ST5001-ST5003), as `strata verify` does.
   std::optional<verify::settings> verify_settings;
   /// The comparison of one run the rules ST5001-ST5003 report from (verify/session.hpp):
   /// set by `strata verify`, or by the checker from `verify_settings`; null otherwise (those
   /// rules then report nothing).
   std::shared_ptr<verify::session> verify;
   /// `--build-arg K=V` / `build-args:`: the values of ARGs for the build the Dockerfiles are
   /// checked for (ARG scopes, BuildKit's checks, `BUILDKIT_DOCKERFILE_CHECK`); later wins.
   std::map<std::string, std::string, std::less<>> build_args;
   /// `--target` / `target:`: the build stage built (BuildKit's checks of the stages it needs); "" = the last.
   std::string target;
   /// `--context DIR` / `context:`: the build context, whose `.dockerignore` CopyIgnoredFile
   /// (ST1019) reads; "" = each Dockerfile's own directory.
   std::string context_dir;
   /// `-j N`: how many inputs are read and checked at once; 0 = one per core. The findings do
   /// not depend on it (engine/run.hpp).
   std::size_t jobs = 0;
   /// What the file says that the run ignores: `path:line:col: message` (an id that names no rule).
   std::vector<std::string> warnings;

   /// The settings of rule `id`, or null.
   [[nodiscard]] const rule_settings* find(std::string_view id) const;
};

/// A failure threshold as written (`error` ... `style`, `none`, hadolint's `ignore`): true when known.
[[nodiscard]] bool valid_threshold(std::string_view name) noexcept;

/// Whether `key` names a rule (id, id prefix, name or alias) or is a ShellCheck code (`SC2086`).
[[nodiscard]] bool known_rule_key(std::string_view key);

/// hadolint's label types for `label-schema` / `--require-label`.
[[nodiscard]] bool valid_label_type(std::string_view type) noexcept;

/// Reads and validates a config file. On error returns nullopt and sets `error` to
/// `path:line:col: message` (1-based line and column, as yaml-cpp reports them):
/// unreadable file, YAML syntax, an unknown top-level key, a severity that is not one, a
/// value of the wrong type. Unknown rule ids are `config::warnings`.
[[nodiscard]] std::optional<config> read_config(const std::string& path, std::string& error);

}  // namespace strata::engine
