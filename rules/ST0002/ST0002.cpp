// ST0002 tag-page-syntax-error: lines of a repo-info tag page that are not part
// of the format (shared/docs/formats.md §1.2), or out of place.
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& e : page.errors) {
      cx.report(e.where, e.message);
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st0002{
    .id = "ST0002",
    .name = "tag-page-syntax-error",
    .default_severity = engine::severity::warning,
    .summary = "A line of a repo-info tag page is not part of the page format",
    .help = "Compare the line with the generator's output (formats.md §1.2); the rest of the page is still checked.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
