// DL3054 (hadolint's id and message): a label of type `spdx` in the label schema holds a value
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
         return r.name == l.key && r.type == "spdx";
      });
      if (typed && !l.value.empty() && !facts::is_spdx_license_id(l.value))
         cx.report(l.value_where, fmt::format("Label `{}` is not a valid SPDX identifier.", l.key));
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3054{
    .id = "DL3054",
    .name = "label-not-spdx",
    .default_severity = engine::severity::warning,
    .summary = "A license label is not an SPDX license identifier (label schema)",
    .help = "Use the SPDX identifier of the license (MIT, Apache-2.0, GPL-3.0-or-later).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
