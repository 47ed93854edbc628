// libFuzzer target: repo-info tag page parser, then the pipeline the CLI runs on
// a document it classifies as a tag page (every rule, sorted findings, reports),
// the JSON model, and the property that `strata normalize` is idempotent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "ast/source.hpp"
#include "engine/check.hpp"
#include "engine/document.hpp"
#include "fuzz_common.hpp"
#include "parse/tag_page_parser.hpp"
#include "render/document.hpp"
#include "render/tag_page.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
   using namespace strata;
   std::string text(reinterpret_cast<const char*>(data), size);
   const std::string_view view(text);
   const bool binary = ast::looks_binary(view);
   if (binary && fuzz::text_only()) return 0;

   (void)parse::split_history_env(view);
   const bool page_like = parse::looks_like_tag_page(view);

   // The parser's contract covers any bytes.
   ast::tag_page page = parse::parse_tag_page("tag.md", text);

   // `strata normalize` is idempotent: the canonical form of the canonical form is itself.
   const std::string canonical = render::render(page);
   const ast::tag_page again = parse::parse_tag_page("canonical.md", canonical);
   if (render::render(again) != canonical) __builtin_trap();

   // engine::load_document checks for binary first, then for `## \``: only then
   // does a tag page reach the rules.
   if (!page_like || binary) return 0;
   engine::document doc;
   doc.kind = engine::document_kind::tag_page;
   doc.page = std::move(page);

   fuzz::check_and_report(doc);  // ST0005 diffs the page against its canonical form
   (void)render::model_json(doc)->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
   return 0;
}
