// ST3002 duplicate-platform (formats.md C3): a manifest list names one platform
// twice (attestation entries, `unknown; unknown`, excepted).
#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (std::size_t i = 0; i < page.sections.size(); ++i) {
      const auto& s = page.sections[i];
      if (s.is_attestation()) continue;
      for (std::size_t j = 0; j < i; ++j) {
         if (page.sections[j].platform.text != s.platform.text) continue;
         cx.report(
             s.platform.where,
             fmt::format(
                 "platform {} is listed again (section {}, line {}): a manifest list holds one image per platform",
                 s.platform.text, j + 1, page.sections[j].platform.where.start.line),
             &s);
         break;
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "published-metadata"};
}  // namespace

extern const engine::rule st3002{
    .id = "ST3002",
    .name = "duplicate-platform",
    .default_severity = engine::severity::warning,
    .summary = "A tag page lists the same platform in two sections",
    .help = "Publish one image per platform in the manifest list; pulls pick the first and the others are unreachable.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
