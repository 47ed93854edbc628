// DL4005 (hadolint's id and message): a RUN links /bin/sh with `ln` to change the shell.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
/// Whether an argument of `q` (an operand, or an option's value) is `/bin/sh`.
bool names_bin_sh(const facts::command_query& q) {
   for (const auto& a : q.arguments()) {
      if (a.option ? a.value == "/bin/sh" : a.name == "/bin/sh") return true;
   }
   return false;
}

void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "run") {
      return;
   }
   for (const auto& view : cx.runs_of(inst)) {
      for (const auto& q : facts::commands_named(view.facts, {"ln"})) {
         if (names_bin_sh(q)) {
            cx.report(q.cmd().words[q.program_index()].where, "Use SHELL to change the default shell");
            return;  // one finding per RUN, as hadolint
         }
      }
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl4005{
    .id = "DL4005",
    .name = "ln-bin-sh",
    .default_severity = engine::severity::warning,
    .summary = "RUN replaces /bin/sh with ln instead of using SHELL",
    .help = "Use SHELL [\"/bin/bash\", \"-c\"] to pick the shell of the RUNs that follow.",
    .aliases = {},
    .tags = tags,
    .visit = {.instruction = check},
    .onbuild = true,
};
}  // namespace strata::rules
