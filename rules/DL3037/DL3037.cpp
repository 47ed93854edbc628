// DL3037 (hadolint's id and message): a package of `zypper install` without a version
// (`=`, `>=`, `>`, `<=`, `<`); package files (`.rpm`) are not packages named by version.
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/model.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: not the RUN entries of published history
   for (const auto& in : run.facts.installs) {
      if (in.manager == "zypper" && !in.pinned) {
         cx.report(in.where, "Specify version with `zypper install -y <package>=<version>`.");
      }
   }
}
constexpr std::string_view tags[] = {"reproducibility"};
}  // namespace

extern const engine::rule dl3037{
    .id = "DL3037",
    .name = "zypper-install-unpinned",
    .default_severity = engine::severity::warning,
    .summary = "zypper package without a version",
    .help = "Pin the package: zypper install -y <package>=<version> (or a range: <package>>=<version>).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
