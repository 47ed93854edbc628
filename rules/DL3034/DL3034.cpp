// DL3034 (hadolint's id and message): a zypper command that asks for confirmation
// (install, remove, source-install, patch) without `-n`/`--non-interactive` or
// `-y`/`--no-confirm`.
#include <algorithm>
#include <array>
#include <string_view>

#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
constexpr std::array<std::string_view, 7> asking = {"install", "in", "remove", "rm", "si", "source-install", "patch"};
constexpr std::array<std::string_view, 4> non_interactive = {"-n", "--non-interactive", "-y", "--no-confirm"};

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: not the RUN entries of published history
   for (const auto& q : facts::commands_named(run.facts, {"zypper"})) {
      const facts::argument* sub = q.subcommand();
      if (sub == nullptr || std::find(asking.begin(), asking.end(), sub->name) == asking.end()) continue;
      if (std::any_of(non_interactive.begin(), non_interactive.end(),
                      [&](std::string_view o) { return q.has_option(o); })) {
         continue;
      }
      cx.report(q.cmd().words[sub->index].where,
                "Non-interactive switch missing from `zypper` command: `zypper install -y`");
   }
}
constexpr std::string_view tags[] = {"reliability"};
}  // namespace

extern const engine::rule dl3034{
    .id = "DL3034",
    .name = "zypper-without-non-interactive",
    .default_severity = engine::severity::warning,
    .summary = "zypper install/remove/patch without a non-interactive switch",
    .help = "Add -n (zypper -n install <package>) or -y (zypper install -y <package>).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
