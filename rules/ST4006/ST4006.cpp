// ST4006 base-image-skew (formats.md C23): the Linux platforms of one tag were
// built on base images far apart in time. The base's date is the first history
// entry of each section; sections whose dates lie within the threshold of each
// other form a group (chained), and the sections outside the largest group are
// reported (all groups when no group is largest). Option `threshold-days`
// (default 7).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"
#include "engine/outliers.hpp"

namespace strata::rules {
namespace {

struct base {
   const ast::section* section;
   const ast::date_value* date;
};

void check(const ast::tag_page& page, engine::context& cx) {
   double threshold_days = 7;
   if (const auto v = cx.option("threshold-days")) {
      try {
         threshold_days = std::stod(*v);
      } catch (const std::exception&) {
         // a bad option value keeps the default (the config reader checks types, not meanings)
      }
   }
   const auto threshold = static_cast<std::int64_t>(std::llround(threshold_days * 86400));
   std::vector<base> bases;
   for (const auto& s : page.sections) {
      if (s.is_windows() || s.is_attestation() || s.history.empty()) continue;
      bases.push_back({&s, &s.history.front().created});
   }
   if (bases.size() < 2) return;
   std::stable_sort(bases.begin(), bases.end(),
                    [](const base& a, const base& b) { return a.date->epoch < b.date->epoch; });
   std::vector<std::vector<base>> groups{{bases.front()}};
   for (std::size_t i = 1; i < bases.size(); ++i) {
      if (bases[i].date->epoch - bases[i - 1].date->epoch > threshold) groups.emplace_back();
      groups.back().push_back(bases[i]);
   }
   if (groups.size() < 2) return;
   std::size_t largest = 0;
   bool tie = false;
   for (std::size_t g = 1; g < groups.size(); ++g) {
      if (groups[g].size() > groups[largest].size()) {
         largest = g;
         tie = false;
      } else if (groups[g].size() == groups[largest].size()) {
         tie = true;
      }
   }
   for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g == largest && !tie) continue;
      // the other side: the majority group, or every other section when no group is largest
      std::vector<base> others;
      for (std::size_t h = 0; h < groups.size(); ++h) {
         if (h != g && (tie || h == largest)) others.insert(others.end(), groups[h].begin(), groups[h].end());
      }
      for (const auto& b : groups[g]) {
         const auto nearest = std::min_element(others.begin(), others.end(), [&](const base& x, const base& y) {
            return std::llabs(x.date->epoch - b.date->epoch) < std::llabs(y.date->epoch - b.date->epoch);
         });
         const auto days = std::llabs(nearest->date->epoch - b.date->epoch) / 86400;
         cx.report(b.date->where,
                   fmt::format("the base image of {} is dated {}, {} days from the base of {} ({}; threshold {} days)",
                               b.section->platform.text, b.date->text, days, engine::platforms_of(others),
                               nearest->date->text, threshold_days),
                   b.section);
      }
   }
}
constexpr std::string_view tags[] = {"consistency", "published-metadata"};
}  // namespace

extern const engine::rule st4006{
    .id = "ST4006",
    .name = "base-image-skew",
    .default_severity = engine::severity::warning,
    .summary = "The Linux platforms of one tag were built on base images far apart in time",
    .help =
        "Rebuild the stale platforms on the current base image (threshold: rules.ST4006.threshold-days, default 7).",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
