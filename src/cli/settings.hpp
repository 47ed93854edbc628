// Where `strata check` gets its settings, and in which order (hadolint's precedence,
// shared/docs/hadolint.md §1): environment < config file < command line. Scalars: the
// later source wins. Lists (ignore, severity overrides, trusted registries, label schema,
// formats) are concatenated across the three sources; when one id gets several severities,
// the highest wins (error > warning > info > style), as in hadolint.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/config.hpp"

namespace strata::cli {

/// hadolint's truthy values: `1`, `y`, `on`, `true`, `yes` (any case).
[[nodiscard]] bool truthy(std::string_view value) noexcept;

/// Settings from the environment: `HADOLINT_*` then `STRATA_*` of the same name (so STRATA_
/// wins): NOFAIL, VERBOSE, FORMAT, FAILURE_THRESHOLD, OVERRIDE_ERROR / _WARNING / _INFO /
/// _STYLE, IGNORE, TRUSTED_REGISTRIES, REQUIRE_LABELS (`name:type,...`), STRICT_LABELS,
/// DISABLE_IGNORE_PRAGMA; `NO_COLOR` (any value). Lists are comma-separated. A value that
/// is not valid (an unknown threshold, a label type) goes to `warnings` and is dropped.
[[nodiscard]] engine::config config_from_environment(std::vector<std::string>& warnings);

/// The config file a run reads when none is given with `-c/--config`, or nullopt:
///  1. `.strata.yaml` / `.strata.yml` in the working directory or a parent, up to the
///     repository root (the first directory holding `.git`) or the filesystem root;
///  2. else `.hadolint.yaml` / `.hadolint.yml` along the same walk;
///  3. else the same two walks from the directory of the first input file (a Dockerfile
///     checked from outside its tree still finds the config beside it);
///  4. else `$XDG_CONFIG_HOME` (default `~/.config`): `strata/config.yaml`, `strata.yaml`,
///     `hadolint.yaml`, `hadolint.yml`; then `~/.hadolint/hadolint.yaml|yml`,
///     `~/.hadolint/config.yaml|yml`, `~/.hadolint.yaml|yml` (hadolint's own places).
[[nodiscard]] std::optional<std::string> discover_config(const std::vector<std::string>& inputs);

/// Adds `later`'s settings to `base` (see the file comment for the order): `later` comes
/// from a source of higher precedence.
void merge_config(engine::config& base, const engine::config& later);

/// Parses `--require-label` / HADOLINT_REQUIRE_LABELS items `name:type` (empty type = text).
/// False (with `error`) when the type is not one of hadolint's.
[[nodiscard]] bool parse_label_requirement(std::string_view item, engine::label_requirement& out, std::string& error);

/// Sets severity `level` for each id of `ids` in `cfg.rules` (highest wins); unknown ids
/// are appended to `warnings`.
void add_overrides(engine::config& cfg, engine::severity level, const std::vector<std::string>& ids,
                   std::vector<std::string>& warnings, std::string_view source);

}  // namespace strata::cli
