// ST3005 layer-count-mismatch (formats.md C6, C7): a section lists more layers
// than its history can have made. Windows (pages with a platform list, E2+): one
// layer per history entry. Linux: at most one layer per layer-creating entry
// (RUN, ADD, COPY, and WORKDIR, which the classic builder commits when it creates
// the directory); fewer is normal (a step that changes nothing adds no layer).
#include <algorithm>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      if (s.is_attestation() || s.layers.empty() || s.history.empty()) continue;
      if (s.is_windows()) {
         // early pages list the base layers without their history (no `Apply image` entry): not comparable
         const bool base_shown = std::any_of(s.history.begin(), s.history.end(), [](const ast::history_entry& e) {
            return e.instruction.arguments.starts_with("Apply image") ||
                   e.text.find("Apply image") != std::string::npos;
         });
         if (!base_shown || s.layers.size() == s.history.size()) continue;
         cx.report(s.layers_header,
                   fmt::format("{} layers but {} history entries: a Windows image has one layer per history entry",
                               s.layers.size(), s.history.size()),
                   &s);
         continue;
      }
      const auto creating =
          static_cast<std::size_t>(std::count_if(s.history.begin(), s.history.end(), [](const ast::history_entry& e) {
             const auto& k = e.instruction.keyword;
             return k == "RUN" || k == "ADD" || k == "COPY" ||
                    k == "WORKDIR";  // the classic builder's WORKDIR makes the directory
          }));
      // images of the old builder (v1 layout) have one layer per entry, metadata entries included
      if (s.layers.size() <= creating || s.layers.size() == s.history.size()) continue;
      cx.report(s.layers_header,
                fmt::format("{} layers but only {} RUN/ADD/COPY/WORKDIR history entries could have made them",
                            s.layers.size(), creating),
                &s);
   }
}
constexpr std::string_view tags[] = {"consistency", "published-metadata"};
}  // namespace

extern const engine::rule st3005{
    .id = "ST3005",
    .name = "layer-count-mismatch",
    .default_severity = engine::severity::warning,
    .summary = "A section lists more layers than its history can have made",
    .help = "The layers and the history come from one image: regenerate the page, or find which image each belongs to.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
