// DL1001 (hadolint's id and message; opt-in): an inline ignore pragma is present.
#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/pragmas.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& p : engine::ignore_pragmas(df)) {
      if (p.scope != engine::pragma_scope::next_instruction) continue;
      // hadolint's message, typo included: users grep for it
      cx.report(p.where, "Please refrain from using inline igore pragmas `# hadolint ignore=DLxxxx`.");
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl1001{
    .id = "DL1001",
    .name = "inline-ignore-pragma",
    .default_severity = engine::severity::info,
    .summary = "An inline ignore pragma turns a finding off (opt-in rule)",
    .help = "Fix the finding, or record the exception in the config (`ignored:`) where it is reviewed.",
    .tags = tags,
    .visit = {.dockerfile = check},
    .off_by_default = true,
};
}  // namespace strata::rules
