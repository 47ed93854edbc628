// ST5003 source-not-found (formats.md §3.1): `strata verify` cannot tell which Dockerfile a
// history was built from: no library entry has the tag for the platform's architecture, the
// entry's commit or path is not in the source tree, no source was given, or several entries
// fit equally. Info: the other sections are still checked. Reported at the section's header.
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
      std::vector<std::string> why = r.unresolved;
      if (r.state == verify::status::ambiguous) why.push_back(r.why);
      if (!r.found_by_content.empty()) {
         // no library entry names the source; the history matches one of the source tree by content
         for (auto& w : why) w += fmt::format(" (the history matches {} by content)", r.found_by_content);
      } else if (r.state == verify::status::match || r.state == verify::status::drift) {
         why.clear();  // the library led to a source
      }
      if (!r.library_mismatch.empty()) why.push_back(r.library_mismatch);
      for (const auto& w : why) {
         engine::finding f = r.section->header;
         f.source_rule = &cx.current_rule();
         f.message = w;
         cx.report(std::move(f));
      }
   }
}
constexpr std::string_view tags[] = {"provenance"};
}  // namespace

extern const engine::rule st5003{
    .id = "ST5003",
    .name = "source-not-found",
    .default_severity = engine::severity::info,
    .summary = "The source Dockerfile of a published history cannot be found (library entry, commit or path)",
    .help = "Give the library files (--library) and the source tree (--source) the image was built from.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = verify::collect_histories, .finish = finish},
};
}  // namespace strata::rules
