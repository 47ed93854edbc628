// ST3010 windows-build-mismatch (formats.md C19): the Windows build a section's
// history installs (the last `Install update <build>`, else `Apply image <build>`)
// is not the `os.version` its platform names (`windows version 10.0.14393.2125`).
// Named builds (`ltsc2016-amd64`, `1809-amd64`) are not compared.
#include <fmt/format.h>
#include <re2/re2.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   static const RE2 platform_version(R"(^windows version (\d+\.\d+\.\d+\.\d+);)");
   static const RE2 base_entry(R"(^(?:RUN )?(Apply image|Install update) (\d+\.\d+\.\d+\.\d+)\s*$)");
   for (const auto& s : page.sections) {
      std::string os_version;
      if (!RE2::PartialMatch(s.platform.text, platform_version, &os_version)) continue;
      const ast::history_entry* last = nullptr;
      std::string kind, build;
      for (const auto& e : s.history) {
         std::string k, b;
         if (RE2::FullMatch(e.text, base_entry, &k, &b)) {
            last = &e;
            kind = k;
            build = b;
         }
      }
      if (last == nullptr || build == os_version) continue;
      cx.report(last->text_span, fmt::format("`{} {}` but the platform is windows version {}", kind, build, os_version),
                &s);
   }
}
constexpr std::string_view tags[] = {"consistency", "published-metadata"};
}  // namespace

extern const engine::rule st3010{
    .id = "ST3010",
    .name = "windows-build-mismatch",
    .default_severity = engine::severity::warning,
    .summary = "A Windows section's base build (Install update / Apply image) is not its platform's os.version",
    .help = "The image's os.version and its base layers disagree: rebuild on the base the platform names.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
