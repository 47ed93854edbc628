// DL3059 (hadolint's id and message): two RUNs in a row (only comments between them), with
// the same flags, each running a single command: one RUN would make one layer.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {
/// What the rule remembers of the RUN before: its flags as written and its command count.
struct previous_run {
   std::vector<std::string> flags;
   std::size_t commands = 0;
};

/// The commands of every body of RUN `inst` (heredoc scripts included), nested ones too.
std::size_t command_count(const ast::instruction& inst, engine::context& cx) {
   std::size_t n = 0;
   for (const auto& view : cx.runs_of(inst)) {
      // hadolint counts the commands of the body, not those of `sh -c` strings
      n += static_cast<std::size_t>(std::count_if(view.facts.commands.begin(), view.facts.commands.end(),
                                                  [](const facts::command& c) { return !c.in_string; }));
   }
   return n;
}

void check(const ast::dockerfile& df, engine::context& cx) {
   std::optional<previous_run> previous;  // reset by any other instruction (comments are not instructions)
   for (const auto& inst : df.instructions) {
      if (inst.name != "run") {
         previous.reset();
         continue;
      }
      previous_run here;
      for (const auto& f : inst.flags) here.flags.push_back(f.text);
      here.commands = command_count(inst, cx);
      if (previous && previous->flags == here.flags && previous->commands <= 1 && here.commands <= 1) {
         cx.report(inst.keyword_span, "Multiple consecutive `RUN` instructions. Consider consolidation.");
      }
      previous = std::move(here);
   }
}
constexpr std::string_view tags[] = {"maintainability", "performance"};
}  // namespace

extern const engine::rule dl3059{
    .id = "DL3059",
    .name = "consecutive-run",
    .default_severity = engine::severity::info,
    .summary = "Two consecutive RUNs with the same flags, each with a single command",
    .help = "Join them into one RUN with && (one layer, one cache step).",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
    .precision = "medium",
};
}  // namespace strata::rules
