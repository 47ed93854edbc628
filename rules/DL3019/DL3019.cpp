// DL3019 (hadolint's id and message): `apk add` without `--no-cache`, unless the RUN mounts a
// cache (or tmpfs) on /var/cache/apk. Reported at the `add` word.
#include <algorithm>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {

// A cache or tmpfs mount keeps apk's cache out of the layer.
bool cache_mounted(const ast::instruction& inst) {
   return std::any_of(inst.mounts.begin(), inst.mounts.end(), [](const ast::mount& m) {
      return (m.type == "cache" || m.type == "tmpfs") && m.target.starts_with("/var/cache/apk");
   });
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr || cache_mounted(*run.instruction)) return;  // Dockerfiles only (hadolint's scope)
   for (const auto& q : facts::commands_named(run.facts, {"apk"})) {
      const facts::argument* sub = q.subcommand();
      // `--no-network` fetches no index: it installs from what earlier commands left.
      if (sub == nullptr || sub->name != "add" || q.has_option("--no-cache") || q.has_option("--no-network")) continue;
      cx.report(q.cmd().words[sub->index].where,
                "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when "
                "done installing packages");
   }
}
constexpr std::string_view tags[] = {"efficiency"};
}  // namespace

extern const engine::rule dl3019{
    .id = "DL3019",
    .name = "apk-add-without-no-cache",
    .default_severity = engine::severity::info,
    .summary = "apk add without --no-cache leaves the package index in the image",
    .help = "Use apk add --no-cache (or a cache mount on /var/cache/apk).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
