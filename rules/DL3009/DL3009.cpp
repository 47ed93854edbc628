// DL3009 (hadolint's id and message): a RUN updates apt's package lists (`apt-get update`,
// `apt update`, `aptitude update`) and does not remove /var/lib/apt/lists in the same RUN.
// Only where the lists stay in an image: the final stage, a stage a later FROM builds on,
// and ONBUILD triggers (they run in the image built FROM this one). A cache or tmpfs mount on
// /var/lib/apt/lists (or on both /var/lib/apt and /var/cache/apt) exempts the RUN.
// Reported at the first `update` word of the RUN body.
#include <algorithm>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {

bool mounted(const ast::instruction& inst, std::string_view dir) {
   return std::any_of(inst.mounts.begin(), inst.mounts.end(), [&](const ast::mount& m) {
      return (m.type == "cache" || m.type == "tmpfs") && m.target.starts_with(dir);
   });
}

bool lists_mounted(const ast::instruction& inst) {
   return mounted(inst, "/var/lib/apt/lists") || (mounted(inst, "/var/lib/apt") && mounted(inst, "/var/cache/apt"));
}

// Whether the lists of this stage end up in an image: the final stage (or no stage: a file
// without FROM), or a stage that a later FROM builds on (COPY --from copies files only).
bool kept(const engine::run_view& run, const engine::context& cx) {
   if (run.onbuild || run.stage == nullptr || run.stage->final) return true;
   const auto& df = cx.doc().dockerfile;
   if (!df) return false;
   return std::any_of(run.stage->reused_by.begin(), run.stage->reused_by.end(),
                      [&](std::size_t i) { return i < df->instructions.size() && df->instructions[i].name == "from"; });
}

// Whether any body of the RUN (shell form, heredocs) removes /var/lib/apt/lists.
bool lists_removed(const engine::run_view& run, const engine::context& cx) {
   for (const auto& view : cx.runs_of(*run.instruction)) {
      const auto& cs = view.facts.cleanups;
      if (std::any_of(cs.begin(), cs.end(), [](const facts::cleanup& c) { return c.kind == "apt-lists"; })) {
         return true;
      }
   }
   return false;
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr || lists_mounted(*run.instruction)) return;  // Dockerfiles only (hadolint's scope)
   for (const auto& q : facts::commands_named(run.facts, {"apt-get", "apt", "aptitude"})) {
      const facts::argument* sub = q.subcommand();
      if (sub == nullptr || sub->name != "update") continue;
      if (kept(run, cx) && !lists_removed(run, cx)) {
         cx.report(q.cmd().words[sub->index].where,
                   "Delete the apt lists (/var/lib/apt/lists) after installing something");
      }
      return;
   }
}
constexpr std::string_view tags[] = {"efficiency"};
}  // namespace

extern const engine::rule dl3009{
    .id = "DL3009",
    .name = "apt-lists-not-deleted",
    .default_severity = engine::severity::info,
    .summary = "apt-get update without removing /var/lib/apt/lists in the same RUN",
    .help = "End the RUN with rm -rf /var/lib/apt/lists/* (or mount a cache on /var/lib/apt/lists).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
