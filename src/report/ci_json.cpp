// The JSON formats of CI services: GitLab Code Quality, Code Climate engine issues,
// SonarQube Generic Issue Import, and hadolint's own `-f json`.
#include <algorithm>
#include <cctype>
#include <map>
#include <ostream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/report.hpp"

namespace strata::report {

namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& j, int indent) {
   return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// FNV-1a with a 128-bit state (offset basis and prime of the FNV specification), as 32 hex digits.
std::string fnv1a_128_hex(std::string_view data) {
   __extension__ using u128 = unsigned __int128;
   const u128 prime = (u128{1} << 88) | 0x13BU;
   u128 h = (u128{0x6C62272E07BB0142ULL} << 64) | 0x62B821756295C58DULL;
   for (const char c : data) {
      h ^= static_cast<unsigned char>(c);
      h *= prime;
   }
   return fmt::format("{:016x}{:016x}", static_cast<std::uint64_t>(h >> 64), static_cast<std::uint64_t>(h));
}

std::string_view trim(std::string_view s) {
   const auto b = s.find_first_not_of(" \t\r");
   if (b == std::string_view::npos) return {};
   return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool tagged(const engine::finding& f, std::initializer_list<std::string_view> any) {
   const auto& tags = f.source_rule->tags;
   return std::any_of(tags.begin(), tags.end(),
                      [&](std::string_view t) { return std::find(any.begin(), any.end(), t) != any.end(); });
}

// Code Climate's categories (Bug Risk, Clarity, Compatibility, Complexity, Duplication,
// Performance, Security, Style) of the rule's tags, each once, in the order of the tags.
json categories(const engine::finding& f) {
   json out = json::array();
   for (const auto tag : f.source_rule->tags) {
      std::string_view c;
      if (tag == "security" || tag == "supply-chain" || tag == "integrity" || tag == "provenance") {
         c = "Security";
      } else if (tag == "correctness" || tag == "reliability" || tag == "reproducibility" || tag == "consistency" ||
                 tag == "published-metadata") {
         c = "Bug Risk";
      } else if (tag == "image-size" || tag == "efficiency" || tag == "performance") {
         c = "Performance";
      } else if (tag == "portability" || tag == "windows") {
         c = "Compatibility";
      } else if (tag == "style") {
         c = "Style";
      } else {
         c = "Clarity";  // maintainability, metadata, documentation, operations, best-practice
      }
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
   }
   if (out.empty()) out.push_back("Bug Risk");  // hadolint's category for every issue
   return out;
}

std::string sonar_severity(engine::severity s) {
   std::string out(quality_severity(s));
   for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
   return out;
}

}  // namespace

std::vector<std::string> fingerprints(std::span<const engine::finding> findings) {
   std::vector<std::string> out;
   out.reserve(findings.size());
   std::map<std::string, std::size_t> seen;
   for (const auto& f : findings) {
      const std::string key = fmt::format("{}\x1f{}\x1f{}", f.rule_id(), f.file, trim(f.snippet));
      const std::size_t n = seen[key]++;
      // the index first, so that it changes every digit (FNV spreads a last byte poorly)
      out.push_back(fnv1a_128_hex(fmt::format("{}\x1f{}", n, key)));
   }
   return out;
}

void write_gitlab(std::span<const engine::finding> findings, std::ostream& out) {
   const auto prints = fingerprints(findings);
   json issues = json::array();
   for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& f = findings[i];
      issues.push_back({{"description", f.message},
                        {"check_name", f.rule_id()},
                        {"fingerprint", prints[i]},
                        {"severity", quality_severity(f.level)},
                        {"location", {{"path", f.file}, {"lines", {{"begin", f.start.line}}}}}});
   }
   out << dump(issues, 2) << '\n';
}

void write_codeclimate(std::span<const engine::finding> findings, std::ostream& out) {
   const auto prints = fingerprints(findings);
   for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& f = findings[i];
      const json issue = {{"type", "issue"},
                          {"check_name", f.rule_id()},
                          {"description", f.message},
                          {"categories", categories(f)},
                          {"location",
                           {{"path", f.file},
                            {"positions",
                             {{"begin", {{"line", f.start.line}, {"column", f.start.column}}},
                              {"end", {{"line", std::max(f.stop.line, f.start.line)}, {"column", last_column(f)}}}}}}},
                          {"severity", quality_severity(f.level)},
                          {"fingerprint", prints[i]}};
      out << dump(issue, -1) << '\0';
   }
}

void write_sonarqube(std::span<const engine::finding> findings, std::ostream& out) {
   json issues = json::array();
   for (const auto& f : findings) {
      json range = {{"startLine", f.start.line}, {"endLine", std::max(f.stop.line, f.start.line)}};
      // columns only for a range that is not empty (Sonar rejects a start that is not before the end)
      if (f.stop.line > f.start.line || f.stop.column > f.start.column) {
         range["startColumn"] = f.start.column - 1;
         range["endColumn"] = f.stop.column - 1;
      }
      const std::string_view type = tagged(f, {"security", "supply-chain"})     ? "VULNERABILITY"
                                    : tagged(f, {"correctness", "reliability"}) ? "BUG"
                                                                                : "CODE_SMELL";
      issues.push_back({{"engineId", "strata"},
                        {"ruleId", f.rule_id()},
                        {"severity", sonar_severity(f.level)},
                        {"type", type},
                        {"primaryLocation", {{"message", f.message}, {"filePath", f.file}, {"textRange", range}}}});
   }
   out << dump(json{{"issues", issues}}, 2) << '\n';
}

namespace {

// The hadolint code a finding stands for: a strata rule that stands for exactly one hadolint
// rule (ST1010 for DL3000) is reported under that code, so hadolint consumers keep their codes.
std::string_view hadolint_code(const engine::finding& f) {
   if (!f.code.empty() || f.source_rule == nullptr || f.source_rule->id.starts_with("DL")) return f.rule_id();
   std::string_view only;
   for (const std::string_view a : f.source_rule->aliases) {
      if (a.size() == 6 && a.starts_with("DL")) {
         if (!only.empty()) return f.rule_id();  // more than one (ST1012): which depends on the instruction
         only = a;
      }
   }
   return only.empty() ? f.rule_id() : only;
}

}  // namespace

void write_hadolint_json(std::span<const engine::finding> findings, std::ostream& out) {
   json list = json::array();
   for (const auto& f : findings) {
      list.push_back({{"code", hadolint_code(f)},
                      {"column", f.start.column},
                      {"file", f.file},
                      {"level", engine::to_string(f.level)},
                      {"line", f.start.line},
                      {"message", f.message}});
   }
   out << dump(list, 2) << '\n';
}

}  // namespace strata::report
