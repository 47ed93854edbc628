// ST4007 base-layer-history-conflict (formats.md C20): over all tag pages of one
// run, one base layer digest with different history texts or dates. A section's
// base layers are paired with its base history entries (engine/base_layers.hpp:
// the first entry when it creates the root filesystem, then each Windows
// `Install update …`). Reported at the outlier entries, naming the other
// sections by tag and platform.
#include <map>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/base_layers.hpp"
#include "engine/context.hpp"
#include "engine/kept_findings.hpp"

namespace strata::rules {
namespace {

struct state {
   engine::kept_findings kept;
   std::map<std::string, std::map<std::string, std::vector<std::size_t>>> by_layer;  // digest -> `text` @ date -> ids
};

void collect(const ast::tag_page& page, engine::context& cx) {
   auto& st = cx.state<state>();
   for (const auto& s : page.sections) {
      const std::size_t n = engine::base_layer_count(s);  // 0 without a base root filesystem entry
      for (std::size_t i = 0; i < n; ++i) {
         const ast::history_entry& e = s.history[i];
         const std::size_t id = st.kept.keep(cx.locate(e.text_span, {}, &s));
         st.by_layer[s.layers[i].digest.text][fmt::format("`{}` dated {}", e.text, e.created.text)].push_back(id);
      }
   }
}

void finish(engine::context& cx) {
   const auto& st = cx.state<state>();
   for (const auto& [layer, by_history] : st.by_layer) {
      const std::string& digest = layer;  // a lambda captures it, not the binding (clang 14)
      engine::report_outliers(
          cx, st.kept, by_history, [](const std::string& history, const std::vector<std::size_t>&) { return history; },
          [&](const std::string&, const std::string& history, const std::string& others) {
             return fmt::format("layer {} has the history {} here but {}", digest, history, others);
          },
          /*by_section=*/true);
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
