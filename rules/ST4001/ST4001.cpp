// ST4001 version-mismatch-across-platforms (formats.md C11): an `ENV *_VERSION`
// has different values in the platforms of one tag. Reported at the outlier
// (the value fewer platforms hold), or at every platform when no value has a
// majority. Only platforms that set the variable take part; sections are keyed
// by index.
#include <map>

#include <fmt/format.h>
#include <re2/re2.h>

#include "engine/context.hpp"

namespace strata::rules {
namespace {

struct holder {
   const ast::section* section;
   const ast::env_pair* pair;
};

std::string platforms_of(const std::vector<holder>& hs) {
   std::string out;
   for (const auto& h : hs) {
      if (!out.empty()) out += ", ";
      out += h.section->platform.text;
   }
   return out;
}

void check(const ast::tag_page& page, engine::context& cx) {
   static const RE2 version_key("[A-Z][A-Z0-9_]*_VERSION");
   // key -> value -> the sections that hold it (in section order)
   std::map<std::string, std::map<std::string, std::vector<holder>>> values;
   for (const auto& s : page.sections) {
      std::map<std::string, const ast::env_pair*> last;  // the last assignment in the section wins
      for (const auto& e : s.history) {
         for (const auto& p : e.env) {
            if (RE2::FullMatch(p.key, version_key)) last[p.key] = &p;
         }
      }
      for (const auto& [key, pair] : last) {
         values[key][pair->value].push_back({&s, pair});
      }
   }
   for (const auto& [key, by_value] : values) {
      if (by_value.size() < 2) {
         continue;
      }
      std::size_t best = 0;
      std::size_t best_count = 0;
      for (const auto& [value, hs] : by_value) {
         if (hs.size() > best) {
            best = hs.size();
            best_count = 1;
         } else if (hs.size() == best) {
            ++best_count;
         }
      }
      const bool majority = best_count == 1;
      for (const auto& [value, hs] : by_value) {
         if (majority && hs.size() == best) {
            continue;
         }
         std::string others;
         for (const auto& [other_value, other_hs] : by_value) {
            if (other_value == value) continue;
            if (!others.empty()) others += "; ";
            others += fmt::format("{} on {}", other_value, platforms_of(other_hs));
         }
         for (const auto& h : hs) {
            cx.report(h.pair->value_span,
                      fmt::format("{} is {} on {} but {}", key, value, platforms_of(hs), others), h.section);
         }
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "consistency"};
}  // namespace

extern const engine::rule st4001{
    .id = "ST4001",
    .name = "version-mismatch-across-platforms",
    .default_severity = engine::severity::error,
    .summary = "An ENV *_VERSION differs between the platforms of one tag",
    .help = "Rebuild the stale platforms from the same source commit so that every platform of the tag carries one version.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
