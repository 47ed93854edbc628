// Writing findings: text (`path:line:col: severity: message [ID]`), full (text
// plus the source line and carets), json (the strata findings contract),
// SARIF 2.1.0 (one run; GitHub code scanning's required fields), and the CI formats
// hadolint writes (checkstyle, GitLab Code Quality, Code Climate, JUnit, GitHub
// workflow commands, GNU, SonarQube generic issues, hadolint's json); in text, full
// and json also grouped (`check --group`) or counted per rule (`check --statistics`).
#pragma once

#include <cstdint>
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

enum class format {
   text,
   full,
   json,
   sarif,
   checkstyle,     ///< Checkstyle 4.3 XML, as hadolint writes it (Jenkins warnings-ng ...)
   gitlab,         ///< GitLab Code Quality: a JSON array of issues with stable fingerprints
   codeclimate,    ///< Code Climate engine issues: JSON objects each followed by a NUL byte
   junit,          ///< JUnit XML: a testsuite per file, a failing testcase per finding
   github,         ///< GitHub Actions workflow commands (`::warning file=...::message`)
   gnu,            ///< GNU error format with ranges: `file:line.col-line.col: severity: message [ID]`
   sonarqube,      ///< SonarQube Generic Issue Import JSON (`{"issues": [...]}`)
   hadolint_json,  ///< hadolint's `-f json`: `[{"code","column","file","level","line","message"}]`
};

/// Every format, in the order `strata check --help` lists them.
inline constexpr format all_formats[] = {
    format::text,        format::full,  format::json,   format::sarif, format::checkstyle, format::gitlab,
    format::codeclimate, format::junit, format::github, format::gnu,   format::sonarqube,  format::hadolint_json};

/// What a report lists: every finding; one entry per group of findings with the same rule
/// and message key (`engine::finding::message_key`); or a count per rule. SARIF always lists
/// every finding (its results carry partialFingerprints, by which code scanning dedups).
enum class layout { findings, groups, statistics };

/// The format named `name` (`tty` is text; `gitlab_codeclimate`, hadolint's name, is gitlab;
/// `hadolint_json` is hadolint-json); nullopt for an unknown name.
[[nodiscard]] std::optional<format> format_from_string(std::string_view name) noexcept;

/// The canonical name of `f` (`text`, `hadolint-json`, ...): what `-f` takes.
[[nodiscard]] std::string_view format_name(format f) noexcept;

/// A file path as the line-oriented outputs print it (text, full, gnu, and `strata: error:`
/// lines): control characters (bytes below 0x20, and 0x7F) are written `\n`, `\r`, `\t` or
/// `\xNN`, so that a newline in a file name cannot break `path:line:col`. Other bytes are kept.
[[nodiscard]] std::string printable_path(std::string_view path);

/// Whether `f` honours `layout` (`--group`, `--statistics`): text, full and json do; the
/// others always list every finding (CI consumers dedup by location or fingerprint).
[[nodiscard]] bool has_layouts(format f) noexcept;

struct options {
   bool color = false;  ///< ANSI colour on the severity and location (text and full only)
   std::span<const engine::registered_rule* const> rules;  ///< the enabled rules (SARIF's tool.driver.rules)
   std::span<const engine::input_error> input_errors;      ///< inputs that could not be read (SARIF notifications)
   layout shape = layout::findings;                        ///< honoured by text, full, json only
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

/// `<?xml ...?><checkstyle version="4.3">`, one `<file name>` per file (in the order of its
/// first finding) with one `<error line column severity message source="ID"/>` per finding;
/// severity is the text severity word (`note` for info and style is written `info`).
void write_checkstyle(std::span<const engine::finding> findings, std::ostream& out);
/// `<testsuites>` with one `<testsuite name=file>` per file and one `<testcase>` per finding,
/// each with a `<failure message type=ID>` whose text is `file:line:col: severity: message`.
void write_junit(std::span<const engine::finding> findings, std::ostream& out);
/// A JSON array of GitLab Code Quality issues: description, check_name, fingerprint,
/// severity (see `quality_severity`), location.path, location.lines.begin.
void write_gitlab(std::span<const engine::finding> findings, std::ostream& out);
/// Code Climate engine issues (type, check_name, description, categories, location.path,
/// location.positions.begin/end {line, column}, severity, fingerprint), each JSON object
/// followed by a NUL byte, as the Code Climate spec and hadolint write them.
void write_codeclimate(std::span<const engine::finding> findings, std::ostream& out);
/// One workflow command per finding: `::error`, `::warning` or `::notice` (info, style)
/// `file=F,line=L,col=C,endLine=L2,endColumn=C2,title=ID::message`; endColumn is the last
/// column (inclusive) and only written for a one-line range; data escapes `%`, CR, LF and
/// properties also `:` and `,` (GitHub's rules).
void write_github(std::span<const engine::finding> findings, std::ostream& out);
/// GNU's error format with ranges: `file:line.col-line.col: severity: message [ID]`, the end
/// being the last column (inclusive); columns are code points.
void write_gnu(std::span<const engine::finding> findings, std::ostream& out);
/// SonarQube Generic Issue Import: `{"issues": [{engineId "strata", ruleId, severity, type,
/// primaryLocation {message, filePath, textRange {startLine, endLine, startColumn,
/// endColumn}}}]}`, columns 0-based (endColumn exclusive; both left out for an empty range);
/// type VULNERABILITY for rules tagged security or supply-chain, BUG for correctness or
/// reliability, else CODE_SMELL; severity `quality_severity` in capitals.
void write_sonarqube(std::span<const engine::finding> findings, std::ostream& out);
/// hadolint's `-f json`: `[{"code","column","file","level","line","message"}]`, level
/// error, warning, info or style. A rule that stands for exactly one hadolint rule (its one
/// `DLnnnn` alias: ST1010 for DL3000) is reported under that hadolint code.
void write_hadolint_json(std::span<const engine::finding> findings, std::ostream& out);

/// The Code Quality / Code Climate severity of `s`: error critical, warning major, info
/// minor, style info (blocker is not used).
[[nodiscard]] std::string_view quality_severity(engine::severity s) noexcept;

/// The stable fingerprint of every finding, in order: 32 hex digits of a hash of the rule
/// id, the file, the trimmed text of the start line and the index of that triple among the
/// findings before it; not the line number, so that it survives lines added above.
[[nodiscard]] std::vector<std::string> fingerprints(std::span<const engine::finding> findings);

/// The last column of `f`'s range on `f.stop.line` (inclusive, 1-based): the column before
/// `stop`, but not before `start` on a one-line range (an empty range is its start column),
/// and at least 1.
[[nodiscard]] std::uint32_t last_column(const engine::finding& f) noexcept;

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
