// `check --group` and `check --statistics`: findings grouped by rule and message key, and
// counted per rule.
#include <algorithm>
#include <ostream>
#include <string>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "report/report.hpp"

namespace strata::report {

std::vector<finding_group> group_findings(std::span<const engine::finding> findings) {
   std::vector<finding_group> groups;
   std::unordered_map<std::string, std::size_t> index;
   for (const auto& f : findings) {
      std::string key = fmt::format("{}\x1f{}", f.rule_id(), f.message_key());
      const auto [it, added] = index.try_emplace(std::move(key), groups.size());
      if (added) {
         groups.push_back({{&f}, f.message});
         continue;
      }
      finding_group& g = groups[it->second];
      if (g.message != f.message) g.message = std::string(f.message_key());
      g.members.push_back(&f);
   }
   return groups;
}

std::vector<rule_count> count_by_rule(std::span<const engine::finding> findings) {
   std::vector<rule_count> counts;
   std::unordered_map<std::string, std::size_t> index;
   for (const auto& f : findings) {
      const auto [it, added] = index.try_emplace(std::string(f.rule_id()), counts.size());
      if (added) {
         rule_count c;
         c.rule = it->first;
         const bool shellcheck_code = !f.code.empty();
         c.name = shellcheck_code ? "shellcheck-" + f.code : std::string(f.source_rule->name);
         c.summary = shellcheck_code ? "ShellCheck " + f.code : std::string(f.source_rule->summary);
         c.level = f.level;
         counts.push_back(std::move(c));
      }
      rule_count& c = counts[it->second];
      ++c.count;
      c.level = std::max(c.level, f.level);
   }
   std::sort(counts.begin(), counts.end(), [](const rule_count& a, const rule_count& b) {
      return a.count != b.count ? a.count > b.count : a.rule < b.rule;
   });
   return counts;
}

void write_statistics_text(std::span<const engine::finding> findings, std::ostream& out) {
   const auto counts = count_by_rule(findings);
   std::size_t count_width = 1, id_width = 0, name_width = 0;
   for (const auto& c : counts) {
      count_width = std::max(count_width, fmt::formatted_size("{}", c.count));
      id_width = std::max(id_width, c.rule.size());
      name_width = std::max(name_width, c.name.size());
   }
   for (const auto& c : counts) {
      fmt::print(out, "{:>{}}  {:<{}}  {:<{}}  {}\n", c.count, count_width, c.rule, id_width, c.name, name_width,
                 c.summary);
   }
   fmt::print(out, "Found {} finding{}.\n", findings.size(), findings.size() == 1 ? "" : "s");
}

}  // namespace strata::report
