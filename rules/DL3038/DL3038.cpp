// DL3038 (hadolint's id and message): `dnf`/`microdnf install` (or groupinstall, localinstall, module
// install) without `-y`/`--assumeyes`, which waits for an answer the build cannot give.
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
// The word that makes the command install: the subcommand `install`, `groupinstall` or
// `localinstall`, or `install` after `module`/`group`; null when it installs nothing.
const facts::shell_word* install_word(const facts::command_query& q) {
   const facts::argument* sub = q.subcommand();
   if (sub == nullptr) return nullptr;
   const auto& words = q.cmd().words;
   if (sub->name == "install" || sub->name == "groupinstall" || sub->name == "localinstall") {
      return &words[sub->index];
   }
   if (sub->name != "module" && sub->name != "group") return nullptr;
   const auto rest = q.operands();
   return !rest.empty() && rest.front()->name == "install" ? &words[rest.front()->index] : nullptr;
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: not the RUN entries of published history
   for (const auto& q : facts::commands_named(run.facts, {"dnf", "dnf5", "microdnf"})) {
      const facts::shell_word* word = install_word(q);
      if (word == nullptr || q.has_option("-y") || q.has_option("--assumeyes")) continue;
      cx.report(word->where, "Use the -y switch to avoid manual input `dnf install -y <package>`.");
   }
}
constexpr std::string_view tags[] = {"reliability"};
}  // namespace

extern const engine::rule dl3038{
    .id = "DL3038",
    .name = "dnf-install-without-yes",
    .default_severity = engine::severity::warning,
    .summary = "dnf or microdnf install without -y",
    .help = "Add -y (dnf install -y <package>) so the build does not wait for a confirmation.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
