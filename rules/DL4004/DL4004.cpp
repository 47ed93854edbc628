// DL4004 (hadolint's id and message): more than one ENTRYPOINT in a stage.
#include <set>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   // the stages (no_stage: before any FROM) that have had an ENTRYPOINT so far
   std::set<std::size_t> seen;
   for (const auto& inst : df.instructions) {
      if (inst.name == "entrypoint" && !seen.insert(inst.stage).second) {
         cx.report(inst.keyword_span,
                   "Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the "
                   "last `ENTRYPOINT` will take effect");
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "maintainability"};
}  // namespace

extern const engine::rule dl4004{
    .id = "DL4004",
    .name = "multiple-entrypoints",
    .default_severity = engine::severity::error,
    .summary = "More than one ENTRYPOINT in a stage",
    .help = "Keep one ENTRYPOINT per stage: only the last one takes effect.",
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
