// DL3018 (hadolint's id and message): a package of `apk add` has no version constraint
// (`=`, `~`, `<`, `>`). Reported at the package's word, once per word (a known `$deps` stands
// for its packages).
#include <string_view>

#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/model.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only (hadolint's scope)
   // A variable holding several packages is one word: it is reported once.
   const ast::span* reported = nullptr;
   for (const auto& in : run.facts.installs) {
      if (in.manager != "apk" || in.pinned || in.package.ends_with(".apk")) continue;
      if (reported != nullptr && reported->begin == in.where.begin && reported->end == in.where.end) continue;
      reported = &in.where;
      cx.report(in.where, "Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`");
   }
}
constexpr std::string_view tags[] = {"reproducibility"};
}  // namespace

extern const engine::rule dl3018{
    .id = "DL3018",
    .name = "apk-add-unpinned",
    .default_severity = engine::severity::warning,
    .summary = "A package of apk add has no version pin",
    .help = "Pin each package: apk add <package>=<version> (or ~<version> for a release series).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
