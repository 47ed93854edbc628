// DL3051 (hadolint's id and message): a label of the label schema is set to an empty value.
#include <algorithm>

#include <fmt/format.h>

#include "ast/dockerfile.hpp"
#include "engine/config.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "facts/labels.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   const auto& schema = cx.settings().label_schema;
   if (inst.name != "label" || schema.empty() || !cx.doc().dockerfile) return;
   for (const auto& l : cx.labels(inst)) {
      const bool in_schema = std::any_of(schema.begin(), schema.end(),
                                         [&](const engine::label_requirement& r) { return r.name == l.key; });
      if (in_schema && l.value.empty()) cx.report(l.value_where, fmt::format("label `{}` is empty.", l.key));
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3051{
    .id = "DL3051",
    .name = "label-empty",
    .default_severity = engine::severity::warning,
    .summary = "A label of the label schema has an empty value",
    .help = "Give the label its value, or drop it from the schema.",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
