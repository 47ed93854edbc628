// DL3047 (hadolint's id and message): `wget` without `--progress`, `-q`/`--quiet`,
// `-nv`/`--no-verbose`, `-o`/`--output-file` or `-a`/`--append-output`: its default
// progress output floods the build log.
#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
constexpr std::string_view quiet_options[] = {"--progress",    "-q", "--quiet",        "-nv", "--no-verbose", "-o",
                                              "--output-file", "-a", "--append-output"};

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: history entries are not linted by DL rules
   const auto& f = run.facts;
   if (f.shell != facts::shell_kind::sh) return;  // in PowerShell, wget is Invoke-WebRequest
   for (const auto& q : facts::commands_named(f, {"wget"})) {
      bool quiet = false;
      for (std::string_view o : quiet_options) quiet = quiet || q.has_option(o);
      if (quiet) continue;
      cx.report(q.cmd().words[q.program_index()].where,
                // hadolint's text, without a space after the first sentence
                "Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`.Or consider using "
                "`-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).");
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl3047{
    .id = "DL3047",
    .name = "wget-without-progress",
    .default_severity = engine::severity::info,
    .summary = "wget without a progress setting floods the build log",
    .help = "Add --progress=dot:giga, or -q / -nv.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
