// DL3053 (hadolint's id and message): a label of type `rfc3339` in the label schema holds a value
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
         return r.name == l.key && r.type == "rfc3339";
      });
      if (typed && !l.value.empty() && !facts::is_rfc3339(l.value))
         cx.report(l.value_where,
                   fmt::format("Label `{}` is not a valid time format - must be conform to RFC3339.", l.key));
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3053{
    .id = "DL3053",
    .name = "label-not-rfc3339",
    .default_severity = engine::severity::warning,
    .summary = "A date label is not an RFC 3339 time (label schema)",
    .help = "Write the time as RFC 3339 (2024-05-01T12:00:00Z).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
