// DL3040 (hadolint's id and message): a dnf or microdnf install, upgrade or reinstall with
// no later `dnf clean all` (the same program's `clean`) or removal of the package cache in
// the same RUN; a cache mount on the dnf cache exempts the RUN.
#include <algorithm>
#include <array>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
constexpr std::array<std::string_view, 2> cache_dirs = {"/var/cache/libdnf5", "/var/cache/dnf"};

bool cache_mounted(const engine::run_view& run) {
   if (run.instruction == nullptr) return false;
   return std::any_of(run.instruction->mounts.begin(), run.instruction->mounts.end(), [](const ast::mount& m) {
      return m.type == "cache" && std::any_of(cache_dirs.begin(), cache_dirs.end(),
                                              [&](std::string_view d) { return m.target.starts_with(d); });
   });
}

// The word that makes the command fill the cache: the subcommand `install`, `upgrade` or
// `reinstall`, or `install` after `module`/`group`; null otherwise.
const facts::shell_word* install_word(const facts::command_query& q) {
   const facts::argument* sub = q.subcommand();
   if (sub == nullptr) return nullptr;
   const auto& words = q.cmd().words;
   if (sub->name == "install" || sub->name == "upgrade" || sub->name == "reinstall") return &words[sub->index];
   if (sub->name != "module" && sub->name != "group") return nullptr;
   const auto rest = q.operands();
   return !rest.empty() && rest.front()->name == "install" ? &words[rest.front()->index] : nullptr;
}

// Whether cleanup `c` empties the cache `program` filled: that program's `clean`, or `rm` of
// the yum/dnf cache folders.
bool cleans(const facts::run_facts& f, const facts::cleanup& c, const std::string& program) {
   if (c.command < 0) return false;
   const facts::command_query by(f.commands[static_cast<std::size_t>(c.command)], f.shell == facts::shell_kind::pwsh);
   if (by.program() == program) return c.kind == program + "-cache";
   return by.program() == "rm" && (c.kind == "dnf-cache" || c.kind == "yum-cache");
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: not the RUN entries of published history
   const facts::run_facts& f = run.facts;
   if (cache_mounted(run)) return;
   for (const auto& q : facts::commands_named(f, {"dnf", "dnf5", "microdnf"})) {
      const facts::shell_word* word = install_word(q);
      if (word == nullptr) continue;
      const auto at = static_cast<int>(&q.cmd() - f.commands.data());
      const bool cleaned = std::any_of(f.cleanups.begin(), f.cleanups.end(), [&](const facts::cleanup& c) {
         return c.command > at && cleans(f, c, q.program());
      });
      if (!cleaned) {
         cx.report(word->where, "`dnf clean all` missing after dnf command.");
         return;  // one finding per RUN
      }
   }
}
constexpr std::string_view tags[] = {"image-size"};
}  // namespace

extern const engine::rule dl3040{
    .id = "DL3040",
    .name = "dnf-clean-missing",
    .default_severity = engine::severity::warning,
    .summary = "dnf install without dnf clean all in the same RUN",
    .help = "End the RUN with `dnf clean all` (or use RUN --mount=type=cache,target=/var/cache/libdnf5).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
