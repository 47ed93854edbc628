// DL3036 (hadolint's id and message): `zypper install` with no later `zypper clean`/`cc`
// (or removal of /var/cache/zypp) in the same RUN; a cache mount on /var/cache/zypp
// exempts the RUN.
#include <algorithm>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
bool cache_mounted(const engine::run_view& run) {
   if (run.instruction == nullptr) return false;
   return std::any_of(run.instruction->mounts.begin(), run.instruction->mounts.end(),
                      [](const ast::mount& m) { return m.type == "cache" && m.target.starts_with("/var/cache/zypp"); });
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: not the RUN entries of published history
   const facts::run_facts& f = run.facts;
   if (cache_mounted(run)) return;
   for (const auto& q : facts::commands_named(f, {"zypper"})) {
      const facts::argument* sub = q.subcommand();
      if (sub == nullptr || (sub->name != "install" && sub->name != "in")) continue;
      const auto at = static_cast<int>(&q.cmd() - f.commands.data());
      const bool cleaned = std::any_of(f.cleanups.begin(), f.cleanups.end(), [&](const facts::cleanup& c) {
         return c.command > at && c.kind == "zypper-cache";
      });
      if (!cleaned) {
         cx.report(q.cmd().words[sub->index].where, "`zypper clean` missing after zypper use.");
         return;  // one finding per RUN
      }
   }
}
constexpr std::string_view tags[] = {"image-size"};
}  // namespace

extern const engine::rule dl3036{
    .id = "DL3036",
    .name = "zypper-clean-missing",
    .default_severity = engine::severity::warning,
    .summary = "zypper install without zypper clean in the same RUN",
    .help = "End the RUN with `zypper clean` (or use RUN --mount=type=cache,target=/var/cache/zypp).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
