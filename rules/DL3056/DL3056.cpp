// DL3056 (hadolint's id and message): a label of type `semver` in the label schema holds a value
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
         return r.name == l.key && r.type == "semver";
      });
      if (typed && !l.value.empty() && !facts::is_semver(l.value))
         cx.report(l.value_where, fmt::format("Label `{}` does not conform to semantic versioning.", l.key));
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3056{
    .id = "DL3056",
    .name = "label-not-semver",
    .default_severity = engine::severity::warning,
    .summary = "A version label is not a semantic version (label schema)",
    .help = "Give the version as MAJOR.MINOR.PATCH (1.2.3, 2.0.0-rc.1).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
