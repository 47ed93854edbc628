// ST3001 platform-list-mismatch (formats.md C1, C2): the `Platforms:` list at the
// top of a tag page does not name the sections below it (same platforms, same
// order, same count), or its `Platforms: N` count is not the number of items.
#include <algorithm>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   if (page.platforms.empty()) return;  // E1 single-manifest pages have no list
   if (page.platform_count && *page.platform_count != page.platforms.size()) {
      cx.report(page.platforms_header, fmt::format("`Platforms: {}` but the list names {} platform(s)",
                                                   *page.platform_count, page.platforms.size()));
   }
   const std::size_t n = std::min(page.platforms.size(), page.sections.size());
   for (std::size_t i = 0; i < n; ++i) {
      const auto& listed = page.platforms[i];
      const auto& s = page.sections[i];
      if (listed.text == s.platform.text) continue;
      cx.report(listed.where,
                fmt::format("platform {} of the list is `{}` but section {} (line {}) is `{}`", i + 1, listed.text,
                            i + 1, s.platform.where.start.line, s.platform.text),
                &s);
   }
   if (page.platforms.size() != page.sections.size()) {
      cx.report(page.platforms_header,
                fmt::format("the Platforms list names {} platform(s) but the page has {} section(s)",
                            page.platforms.size(), page.sections.size()));
   }
}
constexpr std::string_view tags[] = {"correctness", "published-metadata"};
}  // namespace

extern const engine::rule st3001{
    .id = "ST3001",
    .name = "platform-list-mismatch",
    .default_severity = engine::severity::error,
    .summary = "The Platforms list of a tag page does not match its sections (names, order, count)",
    .help = "Regenerate the page: the list and the sections come from the same manifest list.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
