// DL3028 (hadolint's id and message): `gem install` names a gem without `:version` or `-v`.
#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: history entries are not linted by DL rules
   for (const auto& in : run.facts.installs) {
      if (in.manager != "gem" || in.pinned) continue;
      cx.report(in.where,
                "Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.");
   }
}
constexpr std::string_view tags[] = {"reproducibility", "supply-chain"};
}  // namespace

extern const engine::rule dl3028{
    .id = "DL3028",
    .name = "gem-install-unpinned",
    .default_severity = engine::severity::warning,
    .summary = "gem install names a gem without a version",
    .help = "Pin the version: gem install bundler:2.5.10 (or gem install bundler -v 2.5.10).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
