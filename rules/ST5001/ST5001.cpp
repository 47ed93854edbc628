// ST5001 history-drift (formats.md C24): a history entry differs from the instruction of the
// source Dockerfile it aligns with (`strata verify`; verify/session.hpp). Reported at the
// history entry, with the Dockerfile's file:line:col and the word-level difference.
#include <fmt/format.h>

#include "engine/config.hpp"
#include "engine/context.hpp"
#include "verify/session.hpp"

namespace strata::rules {
namespace {

void finish(engine::context& cx) {
   const auto& s = cx.settings().verify;
   if (!s) return;
   for (const auto& r : s->results()) {
      for (const auto& d : r.differences) {
         if (d.what != verify::entry_difference::kind::drift) continue;
         engine::finding f = d.place;
         f.source_rule = &cx.current_rule();
         f.message = fmt::format("history entry differs from the Dockerfile's instruction at {}: {} (source {})",
                                 d.dockerfile_place, d.detail, r.dockerfile);
         if (!r.matches_instead.empty())
            f.message += fmt::format("; the history matches {}: built from another commit than the library names",
                                     r.matches_instead);
         cx.report(std::move(f));
      }
   }
}
constexpr std::string_view tags[] = {"provenance", "consistency"};
}  // namespace

extern const engine::rule st5001{
    .id = "ST5001",
    .name = "history-drift",
    .default_severity = engine::severity::error,
    .summary = "A published history entry differs from the instruction of its source Dockerfile",
    .help = "Rebuild the image from its source, or fix the library entry (GitCommit, Directory) that names the source.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = verify::collect_histories, .finish = finish},
};
}  // namespace strata::rules
