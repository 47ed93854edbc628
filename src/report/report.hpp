// Writing findings: text (`path:line:col: severity: message [ID]`), full (text
// plus the source line and carets), json (the strata findings contract) and
// SARIF 2.1.0 (one run; GitHub code scanning's required fields); in text, full and
// json also grouped (`check --group`) or counted per rule (`check --statistics`).
#pragma once

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/document.hpp"
#include "engine/finding.hpp"
#include "engine/inputs.hpp"
#include "engine/registry.hpp"

namespace strata::report {

enum class format { text, full, json, sarif };

/// What a report lists: every finding; one entry per group of findings with the same rule
/// and message key (`engine::finding::message_key`); or a count per rule. SARIF always lists
/// every finding (its results carry partialFingerprints, by which code scanning dedups).
enum class layout { findings, groups, statistics };

[[nodiscard]] std::optional<format> format_from_string(std::string_view name) noexcept;

struct options {
   bool color = false;  ///< ANSI colour on the severity and location (text and full only)
   std::span<const engine::registered_rule* const> rules;  ///< the enabled rules (SARIF's tool.driver.rules)
   std::span<const engine::input_error> input_errors;      ///< inputs that could not be read (SARIF notifications)
   layout shape = layout::findings;                        ///< ignored by SARIF
   /// SARIF's %SRCROOT%: artifact URIs are relative to it for the inputs inside it (absolute
   /// or relative to the working directory); inputs outside it get `file://` URIs. A relative
   /// directory is taken from the working directory. "" = the top level of the git work tree
   /// of the working directory (the nearest parent with a `.git`), else the working directory.
   std::string srcroot = {};
};

/// The findings of one rule that share one message key, in the order of the findings given.
struct finding_group {
   std::vector<const engine::finding*> members;  ///< never empty; the first is the group's location
   /// The members' message when they all have the same one, else their message key (the
   /// message without the tag and platform naming, which differs between members).
   std::string message;
};

/// Groups `findings` by rule id and message key; groups in the order of their first member.
/// The findings must outlive the groups.
[[nodiscard]] std::vector<finding_group> group_findings(std::span<const engine::finding> findings);

/// How many findings one rule (or ShellCheck code) has.
struct rule_count {
   std::string rule;     ///< the id reported (`ST2001`, `SC2086`)
   std::string name;     ///< the rule's name (`shellcheck-SC2086` for a ShellCheck code)
   std::string summary;  ///< the rule's one-line summary
   std::size_t count = 0;
   engine::severity level = engine::severity::style;  ///< the highest severity among them
};

/// The count per rule of `findings`: by count, highest first, then by rule id.
[[nodiscard]] std::vector<rule_count> count_by_rule(std::span<const engine::finding> findings);

/// Writes `findings` (already sorted) in `fmt`.
void write(format fmt, std::span<const engine::finding> findings, const options& opts, std::ostream& out);

void write_text(std::span<const engine::finding> findings, const options& opts, std::ostream& out);
void write_full(std::span<const engine::finding> findings, const options& opts, std::ostream& out);
void write_json(std::span<const engine::finding> findings, const options& opts, std::ostream& out);
void write_sarif(std::span<const engine::finding> findings, const options& opts, std::ostream& out);

/// `--group` in text (`full`: with the first member's source line): one line per group,
/// `path:line:col: severity: message [ID] (x37, first of 37)` (no count for a group of one).
void write_grouped_text(std::span<const engine::finding> findings, const options& opts, bool full, std::ostream& out);
/// `--group` in json: the json document whose `findings` are one object per group: the
/// first member's finding json with the group's message, `count` and `locations`
/// (`file:line:col` of every member, the first included).
void write_grouped_json(std::span<const engine::finding> findings, const options& opts, std::ostream& out);
/// `--statistics` in text: `count  ID  name  summary` per rule (`count_by_rule` order), the
/// columns aligned, then `Found N finding(s).`; nothing but that line for no finding.
void write_statistics_text(std::span<const engine::finding> findings, std::ostream& out);
/// `--statistics` in json: an array of `{"rule", "name", "count", "severity"}`.
void write_statistics_json(std::span<const engine::finding> findings, std::ostream& out);

/// One finding as the json format writes it (`rule`, `severity`, `message`, `file`,
/// `line`, `column`, `end_line`, `end_column`, and `tag`/`platform`/`section` for history documents).
[[nodiscard]] nlohmann::ordered_json finding_json(const engine::finding& f);

/// `check --emit-docs`: writes `<dir>/<name>.md` (the canonical rendering of a history
/// document, for the kinds that have one: tag pages of every era, local pages) and
/// `<dir>/<name>.json` (`{"document": <model>, "findings": [...]}` with the findings of
/// that document), creating directories as needed. `name` is a relative path without
/// extension. Returns false with `error` set when a file cannot be written; does nothing
/// and returns true for a Dockerfile or binary input.
bool emit_docs(const std::string& dir, const std::string& name, const engine::document& doc,
               std::span<const engine::finding> findings, std::string& error);

/// The severity word of the text formats: `error`, `warning`, or `note` (info and style).
[[nodiscard]] std::string_view text_severity(engine::severity s) noexcept;

}  // namespace strata::report
