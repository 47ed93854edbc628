// DL3046 (hadolint's id and message): `useradd -u` with a UID longer than 5 digits and no
// `-l` / `--no-log-init` (the lastlog and faillog files grow to the size of the UID).
#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: history entries are not linted by DL rules
   const auto& f = run.facts;
   if (f.shell != facts::shell_kind::sh) return;
   for (const auto& q : facts::commands_named(f, {"useradd"})) {
      if (q.has_option("-l") || q.has_option("--no-log-init")) continue;
      for (const auto& a : q.arguments()) {
         if (!a.option || !a.value_index || !(q.is_option(a, "-u") || q.is_option(a, "--uid"))) continue;
         const facts::shell_word& w = q.cmd().words[*a.value_index];
         if (w.literal && a.value->size() > 5) {  // a UID from a variable is not judged
            cx.report(q.cmd().words[a.index].where,
                      "`useradd` without flag `-l` and high UID will result in excessively large Image.");
         }
      }
   }
}
constexpr std::string_view tags[] = {"image-size"};
}  // namespace

extern const engine::rule dl3046{
    .id = "DL3046",
    .name = "useradd-high-uid-without-l",
    .default_severity = engine::severity::warning,
    .summary = "useradd with a high UID and without -l",
    .help = "Add -l (--no-log-init) to useradd, so that /var/log/lastlog and faillog stay small.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
