// DL3032 (hadolint's id and message): `yum install` (or `yum module/group install`) with no
// later `yum clean all` or removal of /var/cache/yum in the same RUN.
#include <algorithm>

#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
// The word that makes the command install: the subcommand `install`, or `install` after
// `module`/`group`; null otherwise.
const facts::shell_word* install_word(const facts::command_query& q) {
   const facts::argument* sub = q.subcommand();
   if (sub == nullptr) return nullptr;
   const auto& words = q.cmd().words;
   if (sub->name == "install") return &words[sub->index];
   if (sub->name != "module" && sub->name != "group") return nullptr;
   const auto rest = q.operands();
   return !rest.empty() && rest.front()->name == "install" ? &words[rest.front()->index] : nullptr;
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: not the RUN entries of published history
   const facts::run_facts& f = run.facts;
   for (const auto& q : facts::commands_named(f, {"yum"})) {
      const facts::shell_word* word = install_word(q);
      if (word == nullptr) continue;
      const auto at = static_cast<int>(&q.cmd() - f.commands.data());
      const bool cleaned = std::any_of(f.cleanups.begin(), f.cleanups.end(), [&](const facts::cleanup& c) {
         return c.command > at && c.kind == "yum-cache";
      });
      if (!cleaned) {
         cx.report(word->where, "`yum clean all` missing after yum command.");
         return;  // one finding per RUN
      }
   }
}
constexpr std::string_view tags[] = {"image-size"};
}  // namespace

extern const engine::rule dl3032{
    .id = "DL3032",
    .name = "yum-clean-missing",
    .default_severity = engine::severity::warning,
    .summary = "yum install without yum clean all in the same RUN",
    .help = "End the RUN with `yum clean all` (or rm -rf /var/cache/yum).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
