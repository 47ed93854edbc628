// SARIF 2.1.0 (OASIS), shaped for GitHub code scanning: one run, the enabled
// rules in tool.driver.rules, every result with a location, columnKind
// unicodeCodePoints, relative URIs under %SRCROOT%, and partialFingerprints.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "version.hpp"

namespace strata::report {

namespace {

using json = nlohmann::ordered_json;

// SARIF levels are the text severity words: error, warning, note.
std::string_view sarif_level(engine::severity s) {
   return text_severity(s);
}

// RFC 3986 percent-encoding of a path, keeping `/` and the unreserved set.
std::string encode_path(std::string_view path) {
   std::string out;
   for (const char ch : path) {
      const auto c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
         out += static_cast<char>(c);
      } else {
         out += fmt::format("%{:02X}", c);
      }
   }
   return out;
}

json artifact_location(const std::string& path) {
   const std::string file = std::filesystem::path(path).lexically_normal().generic_string();
   if (!file.empty() && file.front() == '/') {
      return {{"uri", "file://" + encode_path(file)}};
   }
   std::string_view rel = file;
   while (rel.starts_with("./")) rel.remove_prefix(2);
   return {{"uri", encode_path(rel)}, {"uriBaseId", "%SRCROOT%"}};
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL) {
   for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
   }
   return h;
}

std::string trimmed(std::string_view s) {
   const auto b = s.find_first_not_of(" \t\r");
   if (b == std::string_view::npos) return {};
   const auto e = s.find_last_not_of(" \t\r");
   return std::string(s.substr(b, e - b + 1));
}

std::string first_paragraph(std::string_view text, std::size_t limit) {
   const auto blank = text.find("\n\n");
   std::string p(text.substr(0, blank));
   for (auto& c : p) {
      if (c == '\n') c = ' ';
   }
   if (p.size() > limit) {
      p = p.substr(0, limit - 3) + "...";
   }
   return p;
}

json rule_descriptor(const engine::registered_rule& r) {
   const engine::rule& d = *r.definition;
   std::string why = first_paragraph(engine::doc_section(r.doc_markdown, "Why is this bad?"), 1024);
   if (why.empty()) why = std::string(d.summary);
   json tags = json::array();
   for (auto t : d.tags) tags.push_back(t);
   json props = {{"tags", tags}, {"precision", "high"}};
   const bool security = std::find(d.tags.begin(), d.tags.end(), "security") != d.tags.end();
   if (security) {
      props["security-severity"] = d.default_severity == engine::severity::error ? "7.0" : "5.0";
   } else {
      props["problem.severity"] = d.default_severity == engine::severity::error     ? "error"
                                  : d.default_severity == engine::severity::warning ? "warning"
                                                                                    : "recommendation";
   }
   return {{"id", d.id},
           {"name", d.name},
           {"shortDescription", {{"text", d.summary}}},
           {"fullDescription", {{"text", why}}},
           {"help", {{"text", std::string(d.help)}, {"markdown", std::string(r.doc_markdown)}}},
           {"defaultConfiguration", {{"level", sarif_level(d.default_severity)}}},
           {"properties", props}};
}

}  // namespace

void write_sarif(std::span<const engine::finding> findings, const options& opts, std::ostream& out) {
   json rules = json::array();
   std::map<std::string_view, std::size_t> index;
   for (const auto* r : opts.rules) {
      index.emplace(r->definition->id, rules.size());
      rules.push_back(rule_descriptor(*r));
   }
   json results = json::array();
   std::map<std::string, int> occurrences;
   for (const auto& f : findings) {
      auto it = index.find(f.rule_id());
      if (it == index.end() && !f.code.empty()) {  // a ShellCheck code of --shellcheck: its own descriptor
         it = index.emplace(f.rule_id(), rules.size()).first;
         rules.push_back({{"id", f.code},
                          {"name", "shellcheck-" + f.code},
                          {"shortDescription", {{"text", "ShellCheck " + f.code}}},
                          {"helpUri", "https://www.shellcheck.net/wiki/" + f.code},
                          {"properties", {{"tags", json::array({"shellcheck"})}}}});
      }
      if (it == index.end()) {
         // a finding of a rule outside the selection cannot happen; keep the log valid anyway
         continue;
      }
      json region = {{"startLine", f.start.line},
                     {"startColumn", f.start.column},
                     {"endLine", f.stop.line},
                     {"endColumn", f.stop.column}};
      if (!f.snippet.empty()) {
         region["snippet"] = {{"text", f.snippet}};
      }
      const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", f.rule_id(), f.file, trimmed(f.snippet), f.platform);
      const int n = occurrences[key]++;
      json result = {
          {"ruleId", f.rule_id()},
          {"ruleIndex", it->second},
          {"level", sarif_level(f.level)},
          {"message", {{"text", f.message}}},
          {"locations", json::array({{{"physicalLocation",
                                       {{"artifactLocation", artifact_location(f.file)}, {"region", region}}}}})},
          {"partialFingerprints", {{"strataFingerprint/v1", fmt::format("{:016x}:{}", fnv1a(key), n + 1)}}}};
      if (!f.tag.empty() || !f.platform.empty()) {
         json props;
         if (!f.tag.empty()) props["tag"] = f.tag;
         if (!f.platform.empty()) {
            props["platform"] = f.platform;
            props["section"] = f.section_index;
         }
         result["properties"] = props;
      }
      results.push_back(std::move(result));
   }
   json notifications = json::array();
   for (const auto& e : opts.input_errors) {
      notifications.push_back(
          {{"level", "error"},
           {"message", {{"text", fmt::format("{}: {}", e.path, e.message)}}},
           {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact_location(e.path)}}}}})}});
   }
   json invocation = {{"executionSuccessful", opts.input_errors.empty()}};
   if (!notifications.empty()) {
      invocation["toolExecutionNotifications"] = notifications;
   }
   json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", json::array({{{"tool",
                                       {{"driver",
                                         {{"name", "strata"},
                                          {"semanticVersion", std::string(strata::version())},
                                          {"version", std::string(strata::version())},
                                          {"rules", rules}}}}},
                                      {"invocations", json::array({invocation})},
                                      {"columnKind", "unicodeCodePoints"},
                                      {"results", results}}})}};
   out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace strata::report
