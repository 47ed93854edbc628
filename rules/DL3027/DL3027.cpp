// DL3027 (hadolint's id and message): a RUN runs `apt`, the interactive front end, instead of
// apt-get / apt-cache. Reported at the `apt` word of each such command.
#include <string_view>

#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only (hadolint's scope)
   for (const auto& q : facts::commands_named(run.facts, {"apt"})) {
      if (q.program_index() >= q.cmd().words.size()) continue;
      cx.report(q.cmd().words[q.program_index()].where,
                "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead");
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3027{
    .id = "DL3027",
    .name = "apt-in-run",
    .default_severity = engine::severity::warning,
    .summary = "A RUN uses apt, whose interface is not stable for scripts",
    .help = "Use apt-get (or apt-cache) in Dockerfiles.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
