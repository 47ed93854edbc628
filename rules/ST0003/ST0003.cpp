// ST0003 input-not-text: an input holds a NUL byte or invalid UTF-8.
#include <fmt/format.h>

#include "ast/source.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"

namespace strata::rules {
namespace {
void check(const engine::document& doc, engine::context& cx) {
   const auto& src = doc.source();
   if (!doc.transcoded_from.empty()) {
      cx.report(src.make_span(0, 0),
                fmt::format("file is {} (it starts with a byte order mark): strata checked its UTF-8 decoding, but "
                            "Docker and the tools that read history documents read UTF-8 only",
                            doc.transcoded_from));
   }
   if (doc.kind != engine::document_kind::not_text) {
      return;
   }
   const std::size_t at = ast::first_non_text_offset(src.text());
   const bool nul = at < src.text().size() && src.text()[at] == '\0';
   const std::string meant =
       doc.meant_as ? fmt::format(" (by its content it is a {})", engine::to_string(*doc.meant_as)) : std::string();
   cx.report(src.make_span(at, at + 1), fmt::format("file {}: it is not text and was not checked{}",
                                                    nul ? "holds a NUL byte" : "is not valid UTF-8", meant));
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
