// ST3004 size-text-mismatch (formats.md C5, §1.6): a human-readable size is not
// the generator's rendering of its byte count (`30.8 MB (30751999 bytes)`), for
// Total Size and for each layer.
#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"
#include "parse/values.hpp"

namespace strata::rules {
namespace {
void check_size(const ast::size_value& v, std::string_view what, const ast::section& s, engine::context& cx) {
   const std::string expected = parse::format_size(v.bytes);
   if (v.text == expected) return;
   cx.report(v.where, fmt::format("{} reads `{}` but {} bytes render as `{}`", what, v.text, v.bytes, expected), &s);
}

void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      if (s.total_size) check_size(*s.total_size, "Total Size", s, cx);
      for (const auto& l : s.layers) {
         if (l.size) check_size(*l.size, "layer size", s, cx);
      }
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
