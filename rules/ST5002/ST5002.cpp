// ST5002 history-entry-missing-or-extra (formats.md C24): after the base image's entries, the
// published history lacks an entry the source Dockerfile makes (reported at the entry that
// follows the gap), or has one no instruction makes (`strata verify`; verify/session.hpp).
#include <fmt/format.h>

#include "engine/config.hpp"
#include "engine/context.hpp"
#include "verify/session.hpp"

namespace strata::rules {
namespace {

std::string excerpt(const std::string& s) {
   return s.size() > 120 ? s.substr(0, 117) + "..." : s;
}

void finish(engine::context& cx) {
   const auto& s = cx.settings().verify;
   if (!s) return;
   for (const auto& r : s->results()) {
      for (const auto& d : r.differences) {
         if (d.what == verify::entry_difference::kind::drift) continue;
         engine::finding f = d.place;
         f.source_rule = &cx.current_rule();
         f.message = d.what == verify::entry_difference::kind::missing
                         ? fmt::format("the history has no entry for the Dockerfile's `{}` ({}; source {})",
                                       excerpt(d.predicted), d.dockerfile_place, r.dockerfile)
                         : fmt::format(
                               "history entry `{}` is made by no instruction of {} (after the {} entries of "
                               "the base image)",
                               excerpt(d.observed), r.dockerfile, r.base);
         cx.report(std::move(f));
      }
   }
}
constexpr std::string_view tags[] = {"provenance", "consistency"};
}  // namespace

extern const engine::rule st5002{
    .id = "ST5002",
    .name = "history-entry-missing-or-extra",
    .default_severity = engine::severity::error,
    .summary = "The published history lacks an entry its source Dockerfile makes, or has one it does not make",
    .help = "Rebuild the image from its source, or point the library entry at the Dockerfile it was built from.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = verify::collect_histories, .finish = finish},
};
}  // namespace strata::rules
