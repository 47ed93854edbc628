// DL3012 (hadolint's id and message): more than one HEALTHCHECK in a stage.
#include <set>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   // the stages (no_stage: before any FROM) that have had a HEALTHCHECK so far
   std::set<std::size_t> seen;
   for (const auto& inst : df.instructions) {
      if (inst.name == "healthcheck" && !seen.insert(inst.stage).second) {
         cx.report(inst.keyword_span, "Multiple `HEALTHCHECK` instructions.");
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "maintainability"};
}  // namespace

extern const engine::rule dl3012{
    .id = "DL3012",
    .name = "multiple-healthchecks",
    .default_severity = engine::severity::error,
    .summary = "More than one HEALTHCHECK in a stage",
    .help = "Keep one HEALTHCHECK per stage: only the last one takes effect.",
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
