// DL3058 (hadolint's id and message): a label of type `email` in the label schema holds a value
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
         return r.name == l.key && r.type == "email";
      });
      if (typed && !l.value.empty() && !facts::is_email(l.value))
         cx.report(l.value_where,
                   fmt::format("Label `{}` is not a valid email format - must be conform to RFC5322.", l.key));
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3058{
    .id = "DL3058",
    .name = "label-not-email",
    .default_severity = engine::severity::warning,
    .summary = "A contact label is not an e-mail address (label schema)",
    .help = "Give an address of the form name@example.com.",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
