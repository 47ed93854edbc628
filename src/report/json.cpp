#include <ostream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "version.hpp"

namespace strata::report {

nlohmann::ordered_json finding_json(const engine::finding& f) {
   nlohmann::ordered_json j;
   j["rule"] = f.rule_id();
   auto aliases = nlohmann::ordered_json::array();
   for (auto a : f.source_rule->aliases) aliases.push_back(a);
   j["aliases"] = std::move(aliases);
   j["severity"] = engine::to_string(f.level);
   j["message"] = f.message;
   j["file"] = f.file;
   j["line"] = f.start.line;
   j["column"] = f.start.column;
   j["end_line"] = f.stop.line;
   j["end_column"] = f.stop.column;
   if (!f.tag.empty()) j["tag"] = f.tag;
   if (!f.platform.empty()) {
      j["platform"] = f.platform;
      j["section"] = f.section_index;
   }
   if (!f.related.empty()) {
      auto related = nlohmann::ordered_json::array();
      for (const auto& r : f.related) {
         related.push_back({{"file", r.file},
                            {"line", r.start.line},
                            {"column", r.start.column},
                            {"end_line", r.stop.line},
                            {"end_column", r.stop.column},
                            {"message", r.message}});
      }
      j["related"] = std::move(related);
   }
   return j;
}

namespace {

// `{"tool": ..., "findings": list}`, written as every json report is.
void write_document(nlohmann::ordered_json list, std::ostream& out) {
   nlohmann::ordered_json doc;
   doc["tool"] = {{"name", "strata"}, {"version", std::string(strata::version())}};
   doc["findings"] = std::move(list);
   out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace

void write_json(std::span<const engine::finding> findings, const options&, std::ostream& out) {
   auto list = nlohmann::ordered_json::array();
   for (const auto& f : findings) list.push_back(finding_json(f));
   write_document(std::move(list), out);
}

void write_grouped_json(std::span<const engine::finding> findings, const options&, std::ostream& out) {
   auto list = nlohmann::ordered_json::array();
   for (const auto& g : group_findings(findings)) {
      auto j = finding_json(*g.members.front());
      j["message"] = g.message;
      j["count"] = g.members.size();
      auto locations = nlohmann::ordered_json::array();
      for (const auto* f : g.members)
         locations.push_back(fmt::format("{}:{}:{}", f->file, f->start.line, f->start.column));
      j["locations"] = std::move(locations);
      list.push_back(std::move(j));
   }
   write_document(std::move(list), out);
}

void write_statistics_json(std::span<const engine::finding> findings, std::ostream& out) {
   auto list = nlohmann::ordered_json::array();
   for (const auto& c : count_by_rule(findings)) {
      list.push_back(
          {{"rule", c.rule}, {"name", c.name}, {"count", c.count}, {"severity", engine::to_string(c.level)}});
   }
   out << list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace strata::report
