// DL3013 (hadolint's id and message): `pip install` names a package without a version.
#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: history entries are not linted by DL rules
   const auto& f = run.facts;
   for (const auto& in : f.installs) {
      if (in.manager != "pip" || in.pinned || in.command < 0) continue;
      const facts::command_query q(f.commands[static_cast<std::size_t>(in.command)],
                                   f.shell == facts::shell_kind::pwsh);
      if (q.has_option("-c") || q.has_option("--constraint")) continue;  // a constraints file pins the versions
      cx.report(in.where,
                "Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or "
                "`pip install --requirement <requirements file>`.");
   }
}
constexpr std::string_view tags[] = {"reproducibility", "supply-chain"};
}  // namespace

extern const engine::rule dl3013{
    .id = "DL3013",
    .name = "pip-install-unpinned",
    .default_severity = engine::severity::warning,
    .summary = "pip install names a package without a version",
    .help = "Pin the version (pip install flask==3.0.3) or install from a requirements or constraints file.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
