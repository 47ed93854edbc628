// DL3035 (hadolint's id and message): `zypper dist-upgrade` (`dup`) in a build.
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: not the RUN entries of published history
   for (const auto& q : facts::commands_named(run.facts, {"zypper"})) {
      const facts::argument* sub = q.subcommand();
      if (sub != nullptr && (sub->name == "dist-upgrade" || sub->name == "dup")) {
         cx.report(q.cmd().words[sub->index].where, "Do not use `zypper dist-upgrade`.");
      }
   }
}
constexpr std::string_view tags[] = {"reproducibility", "maintainability"};
}  // namespace

extern const engine::rule dl3035{
    .id = "DL3035",
    .name = "zypper-dist-upgrade",
    .default_severity = engine::severity::warning,
    .summary = "zypper dist-upgrade in a build",
    .help = "Use a base image of the distribution release you need; install or update single packages.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
