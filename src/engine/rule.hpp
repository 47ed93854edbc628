// What a rule is: metadata (id, name, severity, summary, help) and the visitors
// the engine calls. Rules live in rules/<ID>/<ID>.cpp, one per folder, and are
// registered by the build (rules/CMakeLists.txt generates the registry from the
// folders: adding a rule edits no existing file).
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace strata::ast {
struct dockerfile;
struct instruction;
struct tag_page;
}  // namespace strata::ast

namespace strata::engine {

struct run_view;

/// Severities, lowest first. Text and SARIF print info and style as `note`.
enum class severity { style, info, warning, error };

[[nodiscard]] std::string_view to_string(severity s) noexcept;
[[nodiscard]] std::optional<severity> severity_from_string(std::string_view s) noexcept;

class context;
struct document;

/// The visitors of a rule; the engine calls those that are set.
struct visitors {
   /// Any document, whatever its kind (binary and unrecognised inputs included).
   void (*document)(const document&, context&) = nullptr;
   /// Every Dockerfile, once.
   void (*dockerfile)(const ast::dockerfile&, context&) = nullptr;
   /// Every instruction of every Dockerfile, in order. The trigger of an ONBUILD comes
   /// right after its ONBUILD, with `context::onbuild()` true, for rules with `rule::onbuild`.
   void (*instruction)(const ast::instruction&, context&) = nullptr;
   /// Every RUN body and ADD-from-URL, of Dockerfiles and of history entries (engine/runs.hpp).
   /// RUN triggers of ONBUILD (`run_view::onbuild`) only for rules with `rule::onbuild`.
   void (*run)(const run_view&, context&) = nullptr;
   /// Every repo-info tag page, once.
   void (*tag_page)(const ast::tag_page&, context&) = nullptr;
   /// Once per document, after its other visitors and before the next document: for rules
   /// that look at the whole file (what the instruction visitors kept in `context::state<T>()`,
   /// `context::runs()`).
   void (*end_of_document)(context&) = nullptr;
   /// Once after the last document of a run, for rules that compare inputs (ST4003,
   /// ST4005, ST4006, ST4007): the other visitors keep what they need in `context::state<T>()` and
   /// the findings they may report as `context::locate(...)` results; this reports.
   /// `context::doc()` is not available here.
   void (*finish)(context&) = nullptr;
};

/// A numeric option a rule reads from the config (`rules: {ST4006: {threshold-days: 7}}`).
/// The config reader refuses, with file:line:col, an option no rule declares and a value
/// that is not a finite number in [min, max].
struct rule_option {
   std::string_view name;  ///< the key, kebab-case
   double min = 0;
   double max = 0;
   std::string_view meaning;  ///< what it sets, with its unit and default: "days (default 7)"
};

struct rule {
   std::string_view id;    ///< `DL3007`, `ST2001`: the contract; never reused
   std::string_view name;  ///< kebab-case name of the flagged pattern
   severity default_severity = severity::warning;
   std::string_view summary;                        ///< one line: what is flagged
   std::string_view help;                           ///< one line: what to do instead
   std::span<const std::string_view> aliases = {};  ///< other ids meaning this rule (hadolint, BuildKit checks)
   std::span<const std::string_view> tags = {};     ///< SARIF tags (`security`, `correctness`, ...)
   visitors visit = {};
   /// Whether the instruction and run visitors also see ONBUILD triggers (the instruction
   /// after `ONBUILD`, which runs in the builds of images based on this one). Off by default:
   /// a rule that turns it on tells triggers apart by `context::onbuild()` / `run_view::onbuild`.
   bool onbuild = false;
   /// Opt-in (hadolint's default severity `ignore`: DL1001, DL3057): the rule runs only when
   /// named exactly (id, name or alias) by a select list, or given a severity by the config
   /// (`rules: {DL3057: info}`, hadolint's `override`) or by `--error/--warning/--info/--style ID`.
   bool off_by_default = false;
   /// BuildKit's name of the build check this rule is (`StageNameCasing`; `docker build --check`),
   /// also matched as an alias; "" for the other rules. The findings of such a rule obey the
   /// Dockerfile's `# check=skip=...;error=true` directive and the `BUILDKIT_DOCKERFILE_CHECK`
   /// build arg (engine/build_checks.hpp), and its help link is BuildKit's rule page.
   std::string_view buildkit_check = {};
   /// BuildKit's experimental checks (InvalidDefinitionDescription): the rule runs, but its
   /// findings are kept only in files whose `# check=experimental=NAME|all` enables it, or when
   /// the rule is named exactly by a select list or given a severity (as `off_by_default`).
   bool experimental = false;
   /// For rules tagged `security`: GitHub code scanning's `security-severity`, a CVSS-like
   /// score "0.1".."10.0" as a string ("7.5": High, "5.0": Medium, "3.0": Low). "" for the
   /// other rules (their results are quality alerts, ranked by `problem.severity`).
   std::string_view security_severity = {};
   /// How often a finding is right (SARIF `precision`): "very-high", "high" (default) or
   /// "medium" for heuristics that can misread intent (names, patterns of use).
   std::string_view precision = "high";
   /// The options the rule reads (context::option); any other key is a config error.
   std::span<const rule_option> options = {};
};

}  // namespace strata::engine
