// DL3043 (hadolint's id and message): ONBUILD with an ONBUILD, FROM or MAINTAINER trigger.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "onbuild" || inst.trigger.empty()) {
      return;
   }
   const auto& trigger = inst.trigger[0];
   if (trigger.name == "onbuild" || trigger.name == "from" || trigger.name == "maintainer") {
      cx.report(trigger.keyword_span, "`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.");
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3043{
    .id = "DL3043",
    .name = "onbuild-forbidden-trigger",
    .default_severity = engine::severity::error,
    .summary = "ONBUILD triggers ONBUILD, FROM or MAINTAINER",
    .help = "Trigger only instructions a build may run later (ONBUILD COPY, ONBUILD RUN, ...).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
