// DL4003 (hadolint's id and message): more than one CMD in a stage.
#include <set>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   // the stages (no_stage: before any FROM) that have had a CMD so far
   std::set<std::size_t> seen;
   for (const auto& inst : df.instructions) {
      if (inst.name == "cmd" && !seen.insert(inst.stage).second) {
         cx.report(inst.keyword_span,
                   "Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will "
                   "take effect");
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "maintainability"};
}  // namespace

extern const engine::rule dl4003{
    .id = "DL4003",
    .name = "multiple-cmds",
    .default_severity = engine::severity::warning,
    .summary = "More than one CMD in a stage",
    .help = "Keep one CMD per stage: only the last one takes effect.",
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
