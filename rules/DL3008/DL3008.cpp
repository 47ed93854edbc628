// DL3008 (hadolint's id and message): a package of `apt-get install` has no `=<version>`.
// Reported at the package's word, once per word (a known `$deps` stands for its packages).
#include <string_view>

#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/model.hpp"

namespace strata::rules {
namespace {

// hadolint accepts a release selector (`curl/bookworm-backports`) and a `.deb` file as they are.
bool exempt(const facts::install& in) {
   return in.package.find('/') != std::string::npos || in.package.ends_with(".deb");
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only (hadolint's scope)
   // A variable holding several packages is one word: it is reported once.
   const ast::span* reported = nullptr;
   for (const auto& in : run.facts.installs) {
      if (in.manager != "apt-get" || in.pinned || exempt(in)) continue;
      if (reported != nullptr && reported->begin == in.where.begin && reported->end == in.where.end) continue;
      reported = &in.where;
      cx.report(in.where,
                "Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install "
                "<package>=<version>`");
   }
}
constexpr std::string_view tags[] = {"reproducibility"};
}  // namespace

extern const engine::rule dl3008{
    .id = "DL3008",
    .name = "apt-get-install-unpinned",
    .default_severity = engine::severity::warning,
    .summary = "A package of apt-get install has no version pin",
    .help = "Pin each package: apt-get install <package>=<version>.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
