// ST4004 release-version-mismatch (formats.md C14): `ENV <NAME>_RELEASE` must be
// `<NAME>_VERSION` without its pre-release suffix (`3.7.0b1` -> `3.7.0`; the
// Windows python images download `/ftp/python/<RELEASE>/python-<VERSION>-amd64.exe`).
// Only releases written as dotted numbers are compared (`ODOO_RELEASE=20180122` is a date).
#include <map>

#include <fmt/format.h>
#include <re2/re2.h>

#include "ast/tag_page.hpp"
#include "engine/platform_env.hpp"

namespace strata::rules {
namespace {

void check(const ast::tag_page& page, engine::context& cx) {
   static const RE2 dotted(R"([0-9]+(\.[0-9]+)+)");
   for (const auto& s : page.sections) {
      std::map<std::string_view, const ast::env_pair*> last;
      for (const auto& e : s.history) {
         for (const auto& p : e.env) last[p.key] = &p;
      }
      for (const auto& [key, release] : last) {
         if (!key.ends_with("_RELEASE") || !RE2::FullMatch(release->value, dotted)) continue;
         const std::string version_key = std::string(key.substr(0, key.size() - 8)) + "_VERSION";
         const auto v = last.find(version_key);
         if (v == last.end()) continue;
         const std::string& version = v->second->value;
         const auto letter = version.find_first_of("abcdefghijklmnopqrstuvwxyz");
         const std::string expected = version.substr(0, letter);
         if (release->value == expected) continue;
         cx.report(release->value_span,
                   fmt::format("{} is {} but {} is {} (release {}) on {}", key, release->value, version_key, version,
                               expected, s.platform.text),
                   &s);
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "consistency"};
}  // namespace

extern const engine::rule st4004{
    .id = "ST4004",
    .name = "release-version-mismatch",
    .default_severity = engine::severity::warning,
    .summary = "ENV <NAME>_RELEASE is not <NAME>_VERSION without its pre-release suffix",
    .help =
        "Set the release to the version's numeric part (PYTHON_VERSION=3.7.0b1 -> PYTHON_RELEASE=3.7.0), in the same "
        "commit.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
