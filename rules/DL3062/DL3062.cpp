// DL3062 (hadolint's id and message): `go install`, `go get` or `go run` of a module
// without `@version`, or with a moving one (`@latest`, `@none`, a branch).
#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: history entries are not linted by DL rules
   for (const auto& in : run.facts.installs) {
      if (in.manager != "go" || in.pinned) continue;
      cx.report(in.where,
                "Pin versions in go install. Instead of `go install <package>` use `go install <package>@<version>`");
   }
}
constexpr std::string_view tags[] = {"reproducibility", "supply-chain"};
}  // namespace

extern const engine::rule dl3062{
    .id = "DL3062",
    .name = "go-install-unpinned",
    .default_severity = engine::severity::warning,
    .summary = "go install, go get or go run names a module without a fixed version",
    .help = "Name the version: go install golang.org/x/tools/gopls@v0.16.1.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
