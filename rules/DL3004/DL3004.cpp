// DL3004 (hadolint's id and message): a RUN calls sudo.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"
#include "facts/paths.hpp"

namespace strata::rules {
namespace {
/// The `sudo` word of `q`'s command: its name, or one of the wrappers before the program
/// (`env sudo apt-get ...`); null when sudo is not part of the command.
const facts::shell_word* sudo_word(const facts::command_query& q) {
   const auto& words = q.cmd().words;
   if (q.cmd().name == "sudo") return &words.front();
   if (!q.wrapper("sudo")) return nullptr;
   for (std::size_t i = 0; i < q.program_index() && i < words.size(); ++i) {
      if (facts::basename_view(words[i].value) == "sudo") return &words[i];
   }
   return &words.front();
}

void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "run") {
      return;
   }
   for (const auto& view : cx.runs_of(inst)) {
      const bool pwsh = view.facts.shell == facts::shell_kind::pwsh;
      for (const auto& c : view.facts.commands) {
         if (c.in_string) continue;  // hadolint does not look into `sh -c` strings
         const facts::command_query q(c, pwsh);
         if (const auto* w = sudo_word(q)) {
            cx.report(w->where,
                      "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root");
            return;  // one finding per RUN, as hadolint
         }
      }
   }
}
constexpr std::string_view tags[] = {"security", "correctness"};
}  // namespace

extern const engine::rule dl3004{
    .id = "DL3004",
    .name = "sudo-in-run",
    .default_severity = engine::severity::error,
    .summary = "RUN calls sudo",
    .help = "RUN already runs as the USER in effect: switch with USER, or use gosu/su-exec in an entrypoint.",
    .aliases = {},
    .tags = tags,
    .visit = {.instruction = check},
    .onbuild = true,
    .security_severity = "3.0",
};
}  // namespace strata::rules
