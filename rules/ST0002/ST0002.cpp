// ST0002 history-document-syntax-error: lines of a history document (repo-info
// tag page of any era, tag-details and local pages, official-images library
// file, docs README "Supported tags" section, `docker history` output, image
// config JSON) that are not part of its format, or out of place.
#include "engine/context.hpp"
#include "engine/document.hpp"

namespace strata::rules {
namespace {
void check(const engine::document& doc, engine::context& cx) {
   for (const auto& e : doc.history_errors()) {
      cx.report(e.where, e.message);
   }
}
constexpr std::string_view aliases[] = {"tag-page-syntax-error"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st0002{
    .id = "ST0002",
    .name = "history-document-syntax-error",
    .default_severity = engine::severity::warning,
    .summary =
        "A line of a history document (tag page, library file, README tags, docker history ...) is not part of its "
        "format",
    .help =
        "Compare the line with the generator's output (formats.md §1-3); the rest of the document is still checked.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.document = check},
};
}  // namespace strata::rules
