#include "engine/platform_env.hpp"

#include <map>

#include <fmt/format.h>

#include "engine/outliers.hpp"

namespace strata::engine {

namespace {

struct holder {
   const ast::section* section;
   const ast::env_pair* pair;
};

}  // namespace

bool is_tool_pin_key(std::string_view key) noexcept {
   return key.ends_with("_PIP_VERSION") || key == "PIP_VERSION" || key.ends_with("_SETUPTOOLS_VERSION") ||
          key == "SETUPTOOLS_VERSION" || key.ends_with("_WHEEL_VERSION") || key == "WHEEL_VERSION";
}

const ast::env_pair* last_env(const ast::section& s, std::string_view key) {
   const ast::env_pair* last = nullptr;
   for (const auto& e : s.history) {
      for (const auto& p : e.env) {
         if (p.key == key) last = &p;
      }
   }
   return last;
}

void compare_env_across_platforms(const ast::tag_page& page, context& cx, bool (*wanted)(std::string_view key),
                                  platform_groups groups) {
   // group -> key -> value -> the sections that hold it (in section order)
   std::map<int, std::map<std::string, std::map<std::string, std::vector<holder>>>> values;
   for (const auto& s : page.sections) {
      std::map<std::string_view, const ast::env_pair*> last;  // the last assignment in the section wins
      for (const auto& e : s.history) {
         for (const auto& p : e.env) {
            if (wanted(p.key)) last[p.key] = &p;
         }
      }
      const int group = groups == platform_groups::os_family && s.is_windows() ? 1 : 0;
      for (const auto& [key, pair] : last) {
         values[group][pair->key][pair->value].push_back({&s, pair});
      }
   }
   for (const auto& [group, keys] : values) {
      for (const auto& [key, by_value] : keys) {
         for (const std::string* value : outlier_values(by_value)) {
            const auto& hs = by_value.at(*value);
            const std::string others = other_values(by_value, *value, platforms_of<holder>);
            for (const auto& h : hs) {
               cx.report(h.pair->value_span,
                         fmt::format("{} is {} on {} but {}", key, *value, platforms_of(hs), others), h.section);
            }
         }
      }
   }
}

}  // namespace strata::engine
