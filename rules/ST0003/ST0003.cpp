// ST0003 input-not-text: an input holds a NUL byte or invalid UTF-8.
#include "ast/source.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"

namespace strata::rules {
namespace {
void check(const engine::document& doc, engine::context& cx) {
   if (doc.kind != engine::document_kind::not_text) {
      return;
   }
   const auto& src = doc.source();
   const std::size_t at = ast::first_non_text_offset(src.text());
   const bool nul = at < src.text().size() && src.text()[at] == '\0';
   cx.report(src.make_span(at, at + 1), nul ? "file holds a NUL byte: it is not text and was not checked"
                                            : "file is not valid UTF-8: it is not text and was not checked");
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st0003{
    .id = "ST0003",
    .name = "input-not-text",
    .default_severity = engine::severity::error,
    .summary = "An input file is binary or not valid UTF-8",
    .help = "Pass Dockerfiles and history documents as UTF-8 text.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = check},
};
}  // namespace strata::rules
