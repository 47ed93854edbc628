// DL3016 (hadolint's id and message): `npm install` names a package without a version
// (or with the moving tag `latest`), or a git URL without a `#` ref.
#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: history entries are not linted by DL rules
   for (const auto& in : run.facts.installs) {
      if (in.manager != "npm" || (!in.version.empty() && in.version != "@latest")) continue;
      cx.report(in.where,
                "Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`");
   }
}
constexpr std::string_view tags[] = {"reproducibility", "supply-chain"};
}  // namespace

extern const engine::rule dl3016{
    .id = "DL3016",
    .name = "npm-install-unpinned",
    .default_severity = engine::severity::warning,
    .summary = "npm install names a package without a version",
    .help = "Pin the version (npm install express@4.19.2), or a git ref (git+https://host/repo.git#v1.0).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
