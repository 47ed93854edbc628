// ST4007 base-layer-history-conflict (formats.md C20): over all tag pages of one
// run, one base layer digest with different history texts or dates. A section's
// base layers are paired with its base history entries (the first entry when it
// creates the root filesystem: `ADD file:… in /`, `ADD <tarball> /`,
// `RUN # debian.sh …`, Windows `Apply image …`, then each `Install update …`).
// Reported at the outlier entries.
#include <map>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"
#include "engine/kept_findings.hpp"

namespace strata::rules {
namespace {

struct state {
   engine::kept_findings kept;
   std::map<std::string, std::map<std::string, std::vector<std::size_t>>> by_layer;  // digest -> `text` @ date -> ids
};

bool creates_root(const ast::history_entry& e) {
   std::string_view a = e.arguments;
   while (a.ends_with(' ')) a.remove_suffix(1);  // classic `ADD file:… in / `
   if (e.keyword == "ADD" || e.keyword == "COPY") return a.ends_with(" /") || a.ends_with(" in /");
   return e.keyword == "RUN" && (a.starts_with("Apply image ") || a.starts_with("# debian.sh "));
}

void collect(const ast::tag_page& page, engine::context& cx) {
   auto& st = cx.state<state>();
   for (const auto& s : page.sections) {
      if (s.history.empty() || !creates_root(s.history.front())) continue;
      const bool windows_base = s.history.front().arguments.starts_with("Apply image ");
      for (std::size_t i = 0; i < s.history.size() && i < s.layers.size(); ++i) {
         const ast::history_entry& e = s.history[i];
         if (i > 0 && !(windows_base && e.keyword == "RUN" && e.arguments.starts_with("Install update "))) break;
         const std::size_t id = st.kept.keep(cx.locate(e.text_span, {}, &s));
         st.by_layer[s.layers[i].digest.text][fmt::format("`{}` dated {}", e.text, e.created.text)].push_back(id);
      }
   }
}

void finish(engine::context& cx) {
   const auto& st = cx.state<state>();
   for (const auto& [digest, by_history] : st.by_layer) {
      engine::report_outliers(
          cx, st.kept, by_history, [](const std::string& history, const std::vector<std::size_t>&) { return history; },
          [&](const std::string&, const std::string& history, const std::string& others) {
             return fmt::format("layer {} has the history {} here but {}", digest, history, others);
          });
   }
}
constexpr std::string_view tags[] = {"consistency", "provenance"};
}  // namespace

extern const engine::rule st4007{
    .id = "ST4007",
    .name = "base-layer-history-conflict",
    .default_severity = engine::severity::info,
    .summary = "One base layer digest has different history texts or dates across the pages of a run",
    .help =
        "Trust the layer digest, not the history label: find which base image the layer really is and record it the "
        "same way everywhere.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = collect, .finish = finish},
};
}  // namespace strata::rules
