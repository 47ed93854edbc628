// ST3006 history-date-order (formats.md C8): within one platform's history, an
// entry is dated before the entry above it. Equal dates are fine (BuildKit gives
// consecutive cached metadata entries one timestamp).
#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      const ast::history_entry* latest = nullptr;  // the latest date so far
      for (const auto& e : s.history) {
         if (latest != nullptr && e.created.epoch < latest->created.epoch) {
            cx.report(e.created.where,
                      fmt::format("history entry dated {} comes after one dated {} (line {}): history is oldest first",
                                  e.created.text, latest->created.text, latest->created.where.start.line),
                      &s);
            continue;
         }
         latest = &e;
      }
   }
}
constexpr std::string_view tags[] = {"published-metadata"};
}  // namespace

extern const engine::rule st3006{
    .id = "ST3006",
    .name = "history-date-order",
    .default_severity = engine::severity::warning,
    .summary = "A history entry is dated before the one above it",
    .help =
        "History lists the image's build steps oldest first; an older date further down means the page or the image "
        "was put together by hand.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
