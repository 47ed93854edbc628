// libFuzzer target: every other history-document parser (E0 tag-details and local
// pages, official-images library files, docs READMEs, `docker history` output, image
// configs, single history lines) on any bytes; then, for the document kind the CLI
// would classify the input as, every rule, the reports, the JSON model, and the
// property that `strata normalize` is idempotent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ast/source.hpp"
#include "engine/document.hpp"
#include "fuzz_common.hpp"
#include "parse/docker_history_parser.hpp"
#include "parse/docs_readme_parser.hpp"
#include "parse/history_line.hpp"
#include "parse/image_config_parser.hpp"
#include "parse/library_parser.hpp"
#include "parse/local_page_parser.hpp"
#include "parse/tag_details_parser.hpp"
#include "render/document.hpp"
#include "render/local_page.hpp"
#include "render/tag_details.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
   using namespace strata;
   const std::string text(reinterpret_cast<const char*>(data), size);
   const std::string_view view(text);
   const bool binary = ast::looks_binary(view);
   if (binary && fuzz::text_only()) return 0;

   // Every parser's contract covers any bytes.
   (void)parse::parse_history_instruction(view);
   (void)parse::parse_history_arg_line(view);
   (void)parse::parse_library_file("library", text);
   (void)parse::parse_docs_readme("README.md", text);
   (void)parse::parse_docker_history("history.txt", text);
   (void)parse::parse_image_config("config.json", text);

   // `strata normalize` is idempotent for the kinds it renders.
   const auto details = parse::parse_tag_details("tag-details.md", text);
   const std::string details_text = render::render(details);
   if (render::render(parse::parse_tag_details("again.md", details_text)) != details_text) __builtin_trap();
   const auto local = parse::parse_local_page("local.md", text);
   const std::string local_text = render::render(local);
   if (render::render(parse::parse_local_page("again.md", local_text)) != local_text) __builtin_trap();

   // The CLI's pipeline on what the input is classified as.
   auto doc = engine::load_document("input", text, engine::origin::walked);
   if (!doc) return 0;
   fuzz::check_and_report(*doc);
   if (const auto model = render::model_json(*doc)) {
      (void)model->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
   }
   return 0;
}
