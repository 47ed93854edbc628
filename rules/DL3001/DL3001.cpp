// DL3001 (hadolint's id and message): a RUN calls a program that has no use while an image
// is built (ssh, vim, shutdown, service, ps, free, top, kill, mount).
#include <array>
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
      const auto found = facts::commands_named(
          view.facts, {"free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"});
      if (!found.empty()) {
         const auto& q = found.front();
         cx.report(q.cmd().words[q.program_index()].where,
                   "For some bash commands it makes no sense running them in a Docker container like `ssh`, "
                   "`vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`");
         return;  // one finding per RUN, as hadolint
      }
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl3001{
    .id = "DL3001",
    .name = "container-irrelevant-command",
    .default_severity = engine::severity::info,
    .summary = "RUN calls a program that makes no sense in a build (ssh, vim, service, ps, top, kill, mount ...)",
    .help = "Drop the call: a build step has no terminal, no init system and no other processes to manage.",
    .aliases = {},
    .tags = tags,
    .visit = {.instruction = check},
    .onbuild = true,
    .precision = "medium",
};
}  // namespace strata::rules
