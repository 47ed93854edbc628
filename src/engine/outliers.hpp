// Where a comparison reports: the outliers among the values one key takes in several
// places (the platforms of a tag, the pages of a run). Shared by the consistency rules.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace strata::engine {

/// The values of `by_value` (value -> the places holding it) to report: every value but
/// the one held by the most places, or every value when no single value is held by the
/// most. Empty when there are fewer than two values.
template <class Holder>
[[nodiscard]] std::vector<const std::string*> outlier_values(
    const std::map<std::string, std::vector<Holder>>& by_value) {
   std::vector<const std::string*> out;
   if (by_value.size() < 2) return out;
   std::size_t best = 0;
   std::size_t best_count = 0;
   for (const auto& [value, holders] : by_value) {
      if (holders.size() > best) {
         best = holders.size();
         best_count = 1;
      } else if (holders.size() == best) {
         ++best_count;
      }
   }
   for (const auto& [value, holders] : by_value) {
      if (best_count == 1 && holders.size() == best) continue;
      out.push_back(&value);
   }
   return out;
}

/// `<value> on <places>; <value> on <places>` for every value but `except`, where
/// `places(holders)` names the holders of one value.
template <class Holder, class Places>
[[nodiscard]] std::string other_values(const std::map<std::string, std::vector<Holder>>& by_value,
                                       const std::string& except, Places&& places) {
   std::string out;
   for (const auto& [value, holders] : by_value) {
      if (value == except) continue;
      if (!out.empty()) out += "; ";
      out += value;
      out += " on ";
      out += places(holders);
   }
   return out;
}

/// `linux; amd64, linux; arm64 variant v8`: the platforms of holders that point at
/// their tag page section (`holder.section->platform`).
template <class Holder>
[[nodiscard]] std::string platforms_of(const std::vector<Holder>& holders) {
   std::string out;
   for (const auto& h : holders) {
      if (!out.empty()) out += ", ";
      out += h.section->platform.text;
   }
   return out;
}

}  // namespace strata::engine
