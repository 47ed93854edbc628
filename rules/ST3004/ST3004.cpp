// ST3004 size-text-mismatch (formats.md C5, §1.6): a human-readable size is not
// the generator's rendering of its byte count (`30.8 MB (30751999 bytes)`), for
// Total Size and for each layer (engine/page_sizes.hpp; ST0005 leaves these to
// this rule).
#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"
#include "engine/page_sizes.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& w : engine::wrong_sizes(page)) {
      const bool total = w.section->total_size && &*w.section->total_size == w.size;
      cx.report(w.size->where,
                fmt::format("{} reads `{}` but {} bytes render as `{}`", total ? "Total Size" : "layer size",
                            w.size->text, w.size->bytes, w.expected),
                w.section);
   }
}
constexpr std::string_view tags[] = {"correctness", "published-metadata"};
}  // namespace

extern const engine::rule st3004{
    .id = "ST3004",
    .name = "size-text-mismatch",
    .default_severity = engine::severity::error,
    .summary = "A human-readable size on a tag page is not the rendering of its byte count",
    .help =
        "The page was edited by hand or by another tool: regenerate it (`strata normalize` prints the canonical page).",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
