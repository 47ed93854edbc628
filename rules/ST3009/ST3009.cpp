// ST3009 missing-layer-date (formats.md C21): a layer of a tag page has no
// `Last Modified` line (in practice: foreign Windows base layers).
#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      for (const auto& l : s.layers) {
         if (l.last_modified) continue;
         const bool foreign = l.mime && l.mime->text.find("foreign") != std::string::npos;
         cx.report(l.digest.where,
                   fmt::format("layer {} has no Last Modified date{}", l.digest.text,
                               foreign ? " (a foreign layer: the registry does not serve it)" : ""),
                   &s);
      }
   }
}
constexpr std::string_view tags[] = {"published-metadata"};
}  // namespace

extern const engine::rule st3009{
    .id = "ST3009",
    .name = "missing-layer-date",
    .default_severity = engine::severity::info,
    .summary = "A layer of a tag page has no Last Modified date",
    .help = "Nothing to fix in the Dockerfile: the page cannot date the layer (usually a foreign Windows base layer).",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
