// Writing findings: text (`path:line:col: severity: message [ID]`), full (text
// plus the source line and carets), json (the strata findings contract) and
// SARIF 2.1.0 (one run; GitHub code scanning's required fields).
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

[[nodiscard]] std::optional<format> format_from_string(std::string_view name) noexcept;

struct options {
   bool color = false;  ///< ANSI colour on the severity and location (text and full only)
   std::span<const engine::registered_rule* const> rules;  ///< the enabled rules (SARIF's tool.driver.rules)
   std::span<const engine::input_error> input_errors;      ///< inputs that could not be read (SARIF notifications)
};

/// Writes `findings` (already sorted) in `fmt`.
void write(format fmt, std::span<const engine::finding> findings, const options& opts, std::ostream& out);

void write_text(std::span<const engine::finding> findings, const options& opts, std::ostream& out);
void write_full(std::span<const engine::finding> findings, const options& opts, std::ostream& out);
void write_json(std::span<const engine::finding> findings, const options& opts, std::ostream& out);
void write_sarif(std::span<const engine::finding> findings, const options& opts, std::ostream& out);

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
