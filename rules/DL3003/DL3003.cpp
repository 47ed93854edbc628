// DL3003 (hadolint's id and message): a RUN changes directory with `cd` where WORKDIR would.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "run") {
      return;
   }
   for (const auto& view : cx.runs_of(inst)) {
      const auto found = facts::commands_named(view.facts, {"cd"});
      if (!found.empty()) {
         const auto& q = found.front();
         cx.report(q.cmd().words[q.program_index()].where, "Use WORKDIR to switch to a directory.");
         return;  // one finding per RUN, as hadolint
      }
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl3003{
    .id = "DL3003",
    .name = "cd-in-run",
    .default_severity = engine::severity::warning,
    .summary = "RUN changes directory with cd",
    .help = "Use WORKDIR /path before the RUN instead of cd /path inside it.",
    .aliases = {},
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
