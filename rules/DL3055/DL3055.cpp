// DL3055 (hadolint's id and message): a label of type `hash` in the label schema holds a value
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
         return r.name == l.key && r.type == "hash";
      });
      if (typed && !l.value.empty() && !facts::is_git_hash(l.value))
         cx.report(l.value_where, fmt::format("Label `{}` is not a valid git hash.", l.key));
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3055{
    .id = "DL3055",
    .name = "label-not-git-hash",
    .default_severity = engine::severity::warning,
    .summary = "A revision label is not a git commit hash (label schema)",
    .help = "Give the commit as 7 or 40 lowercase hex digits.",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
