#include "engine/platform_env.hpp"

#include <array>
#include <map>
#include <set>

#include <fmt/format.h>

#include <re2/re2.h>

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

bool is_version_key(std::string_view key) {
   static const RE2 shape("[A-Z][A-Z0-9_]*_VERSION");
   return RE2::FullMatch(key, shape) && !is_tool_pin_key(key);
}

bool is_pin_key(std::string_view key) {
   static constexpr std::array<std::string_view, 12> suffixes = {
       "SHA", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "MD5", "HASH", "CHECKSUM", "KEY", "KEYS", "URL"};
   if (is_tool_pin_key(key)) return true;
   const auto underscore = key.rfind('_');
   const std::string_view last = underscore == std::string_view::npos ? key : key.substr(underscore + 1);
   for (const auto s : suffixes) {
      if (last == s) return true;
   }
   return false;
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

std::vector<env_difference> env_differences(const ast::tag_page& page, bool (*wanted)(std::string_view key),
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
   std::vector<env_difference> out;
   for (const auto& [group, keys] : values) {
      for (const auto& [key, by_value] : keys) {
         for (const std::string* value : outlier_values(by_value)) {
            const auto& hs = by_value.at(*value);
            const std::string others = other_values(by_value, *value, platforms_of<holder>);
            for (const auto& h : hs) {
               out.push_back(
                   {h.section, h.pair, fmt::format("{} is {} on {} but {}", key, *value, platforms_of(hs), others)});
            }
         }
      }
   }
   return out;
}

void report_version_differences(const ast::tag_page& page, context& cx) {
   const auto versions = env_differences(page, is_version_key, platform_groups::all);
   if (versions.empty()) return;
   const auto pins = env_differences(page, is_pin_key, platform_groups::os_family);
   std::set<const ast::section*> named;  // the sections whose pins a finding already carries
   for (const auto& d : versions) {
      std::string message = d.text;
      if (named.insert(d.section).second) {
         std::string differing;
         for (const auto& p : pins) {
            if (p.section != d.section) continue;
            if (!differing.empty()) differing += "; ";
            differing += p.text;
         }
         if (!differing.empty()) message += "; its pins differ too: " + differing;
      }
      cx.report(d.pair->value_span, std::move(message), d.section);
   }
}

void report_pin_differences(const ast::tag_page& page, context& cx) {
   const auto pins = env_differences(page, is_pin_key, platform_groups::os_family);
   if (pins.empty()) return;
   std::set<const ast::section*> stale;
   for (const auto& d : env_differences(page, is_version_key, platform_groups::all)) stale.insert(d.section);
   for (const auto& p : pins) {
      if (!stale.contains(p.section)) cx.report(p.pair->value_span, p.text, p.section);
   }
}

}  // namespace strata::engine
