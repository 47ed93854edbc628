// DL3052 (hadolint's id and message): a label of type `url` in the label schema holds a value
// of another form.
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
   if (inst.name != "label" || !cx.doc().dockerfile) return;
   const auto& schema = cx.settings().label_schema;
   for (const auto& l : cx.labels(inst)) {
      const bool typed = std::any_of(schema.begin(), schema.end(), [&](const engine::label_requirement& r) {
         return r.name == l.key && r.type == "url";
      });
      if (typed && !l.value.empty() && !facts::is_uri(l.value))
         cx.report(l.value_where, fmt::format("Label `{}` is not a valid URL.", l.key));
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3052{
    .id = "DL3052",
    .name = "label-not-url",
    .default_severity = engine::severity::warning,
    .summary = "A URL label is not an absolute URL (label schema)",
    .help = "Give an absolute URL with its scheme (https://example.com/project).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
