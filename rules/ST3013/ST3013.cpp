// ST3013 layer-older-than-history (formats.md C22): on Windows sections, where
// layers and history entries map one to one, a layer's `Last Modified` is before
// the `created` date of the entry that made it.
#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      if (!s.is_windows() || s.layers.size() != s.history.size()) continue;
      for (std::size_t i = 0; i < s.layers.size(); ++i) {
         const auto& l = s.layers[i];
         const auto& e = s.history[i];
         if (!l.last_modified || l.last_modified->epoch >= e.created.epoch) continue;
         cx.report(l.last_modified->where,
                   fmt::format("layer {} was last modified {}, before its history entry was created ({}, line {})",
                               i + 1, l.last_modified->text, e.created.text, e.created.where.start.line),
                   &s);
      }
   }
}
constexpr std::string_view tags[] = {"consistency", "published-metadata"};
}  // namespace

extern const engine::rule st3013{
    .id = "ST3013",
    .name = "layer-older-than-history",
    .default_severity = engine::severity::warning,
    .summary = "A Windows layer is dated before the history entry that made it",
    .help = "A layer cannot be pushed before it was built: the layers and the history come from different images.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
