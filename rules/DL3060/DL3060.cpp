// DL3060 (hadolint's id and message): `yarn install` with no later `yarn cache clean` in
// the same RUN, in a stage whose files end up in an image: the final stage, a stage
// another FROM builds on, or an ONBUILD trigger (it runs in the builds of child images).
#include <algorithm>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {

bool cache_mounted(const ast::instruction& inst) {
   return std::any_of(inst.mounts.begin(), inst.mounts.end(), [](const ast::mount& m) {
      return m.type == "cache" && m.target.find(".cache/yarn") != std::string::npos;
   });
}

// Whether the stage's layers are in an image: it is the last one, or a later FROM builds on
// it (a `COPY --from` takes its files, not its cache). No stage (before any FROM): one stage.
bool kept(const engine::run_view& run, const engine::context& cx) {
   if (run.onbuild || run.stage == nullptr || run.stage->final) return true;
   const auto& df = cx.doc().dockerfile;
   if (!df) return true;
   return std::any_of(run.stage->reused_by.begin(), run.stage->reused_by.end(),
                      [&](std::size_t k) { return k < df->instructions.size() && df->instructions[k].name == "from"; });
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr || cache_mounted(*run.instruction) || !kept(run, cx)) return;
   const auto& f = run.facts;
   // commands_named leaves out the commands of `sh -c` strings: hadolint does not look into them
   for (const auto& q : facts::commands_named(f, {"yarn"})) {
      const auto i = static_cast<std::size_t>(&q.cmd() - f.commands.data());
      const facts::argument* sub = q.subcommand();
      if (sub == nullptr || ast::lower(sub->name) != "install") continue;
      const bool cleaned = std::any_of(f.cleanups.begin(), f.cleanups.end(), [&](const facts::cleanup& c) {
         return c.kind == "yarn-cache" && c.command > static_cast<int>(i);
      });
      if (!cleaned) {
         cx.report(q.cmd().words[q.program_index()].where, "`yarn cache clean` missing after `yarn install` was run.");
      }
   }
}
constexpr std::string_view tags[] = {"image-size"};
}  // namespace

extern const engine::rule dl3060{
    .id = "DL3060",
    .name = "yarn-install-without-cache-clean",
    .default_severity = engine::severity::info,
    .summary = "yarn install leaves its package cache in the image",
    .help = "Run yarn cache clean in the same RUN after yarn install (or use a cache mount on the yarn cache).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
