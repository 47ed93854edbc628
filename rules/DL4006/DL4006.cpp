// DL4006 (hadolint's id and message): a RUN has a pipe while the SHELL in effect does not
// set `-o pipefail` (a failing command on the left of `|` does not fail the step).
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/paths.hpp"
#include "facts/run_facts.hpp"

namespace strata::rules {
namespace {
/// The SHELL's words split at blanks: hadolint reads the SHELL arguments as one command line
/// (`["/bin/bash", "-c", "set -o pipefail"]` -> `/bin/bash -c set -o pipefail`).
std::vector<std::string_view> shell_tokens(const ast::instruction& inst) {
   std::vector<std::string_view> out;
   for (const auto& w : inst.words) {
      const std::string_view text = w.text;
      for (std::size_t p = 0; p < text.size();) {
         const auto b = text.find_first_not_of(" \t\r\n", p);
         if (b == std::string_view::npos) break;
         const auto e = std::min(text.find_first_of(" \t\r\n", b), text.size());
         out.push_back(text.substr(b, e - b));
         p = e;
      }
   }
   return out;
}

/// Whether option word `t` sets option letter `o`: `-o`, a group holding it (`-eo`), `--o`.
bool sets_o(std::string_view t) {
   if (t.starts_with("--")) {
      const auto name = t.substr(2);
      return name.substr(0, name.find('=')) == "o";
   }
   return t.starts_with('-') && t.size() > 1 && t.find('o', 1) != std::string_view::npos;
}

/// Whether the SHELL `inst` makes pipes safe: a non-POSIX shell (PowerShell, cmd: the rule
/// does not apply), or bash/zsh/ash with `-o pipefail`.
bool shell_is_safe(const ast::instruction& inst) {
   const auto tokens = shell_tokens(inst);
   if (tokens.empty()) return false;
   const auto kind = facts::shell_from_executable(tokens.front());
   if (kind == facts::shell_kind::pwsh || kind == facts::shell_kind::cmd) return true;
   const auto program = facts::basename_view(tokens.front());
   if (program != "bash" && program != "zsh" && program != "ash") return false;
   bool o = false;
   bool pipefail = false;
   for (std::size_t i = 1; i < tokens.size(); ++i) {
      o = o || sets_o(tokens[i]);
      pipefail = pipefail || tokens[i] == "pipefail";
   }
   return o && pipefail;
}

/// The first command of RUN `inst` whose output is piped, or null.
const facts::command* first_piped(const ast::instruction& inst, engine::context& cx) {
   for (const auto& view : cx.runs_of(inst)) {
      for (const auto& c : view.facts.commands) {
         if (c.piped_to >= 0 && !c.in_string) return &c;
      }
   }
   return nullptr;
}

void check(const ast::dockerfile& df, engine::context& cx) {
   bool safe = false;  // no SHELL yet: /bin/sh -c
   for (const auto& inst : df.instructions) {
      if (inst.name == "from") {
         safe = false;  // a stage does not inherit the SHELL of the stage before it
      } else if (inst.name == "shell") {
         safe = shell_is_safe(inst);
      } else if (inst.name == "run" && !safe) {
         if (const auto* c = first_piped(inst, cx)) {
            cx.report(c->words.front().where,
                      "Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an "
                      "alpine image or if your shell is symlinked to busybox then consider explicitly setting your "
                      "SHELL to /bin/ash, or disable this check");
         }
      }
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl4006{
    .id = "DL4006",
    .name = "pipe-without-pipefail",
    .default_severity = engine::severity::warning,
    .summary = "A RUN has a pipe and the SHELL in effect does not set -o pipefail",
    .help = "Add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] (or /bin/ash on Alpine) before the RUN.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
