// DL3050 (hadolint's id and message): with strict labels, a label outside the label schema.
#include <algorithm>

#include "ast/dockerfile.hpp"
#include "engine/config.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "facts/labels.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   const auto& cfg = cx.settings();
   if (inst.name != "label" || !cfg.strict_labels || !cx.doc().dockerfile) return;
   for (const auto& l : cx.labels(inst)) {
      const bool known = std::any_of(cfg.label_schema.begin(), cfg.label_schema.end(),
                                     [&](const engine::label_requirement& r) { return r.name == l.key; });
      if (!known) cx.report(l.key_where, "Superfluous label(s) present.");
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3050{
    .id = "DL3050",
    .name = "superfluous-label",
    .default_severity = engine::severity::info,
    .summary = "With strict labels, a label that the label schema does not list",
    .help = "Remove the label, or add it to `label-schema` in the config.",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
