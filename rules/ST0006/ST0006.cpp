// ST0006 pragma-unknown-rule: an ignore pragma (`# hadolint ignore=...`, `# strata ignore=...`)
// names something that is no rule, so it ignores nothing it was meant to.
#include <fmt/format.h>

#include "ast/dockerfile.hpp"
#include "engine/config.hpp"
#include "engine/context.hpp"
#include "engine/pragmas.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   if (cx.settings().disable_ignore_pragma) return;  // the pragmas are not read at all
   for (const auto& p : engine::ignore_pragmas(df)) {
      for (const auto& n : p.names) {
         if (n.known) continue;
         if (n.voids) {
            cx.report(n.where, fmt::format("`{}` is not a rule id: hadolint reads ids made of D, L, S, C and digits "
                                           "only, and ignores nothing of this pragma",
                                           n.text));
         } else {
            cx.report(n.where,
                      fmt::format("`{}` names no rule (see `strata rules`): the pragma does not ignore it", n.text));
         }
      }
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st0006{
    .id = "ST0006",
    .name = "pragma-unknown-rule",
    .default_severity = engine::severity::warning,
    .summary = "An ignore pragma names no rule",
    .help = "Name a rule by its id (DL3008, SC2086, ST2001), or for `# strata` pragmas by its name or an id prefix.",
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
