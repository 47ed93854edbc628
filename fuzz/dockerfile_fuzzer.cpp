// libFuzzer target: Dockerfile parser, then the whole pipeline the CLI runs on a
// file named `Dockerfile` (every rule, sorted findings, full and JSON reports).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "ast/source.hpp"
#include "engine/check.hpp"
#include "engine/document.hpp"
#include "fuzz_common.hpp"
#include "parse/dockerfile_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
   using namespace strata;
   std::string text(reinterpret_cast<const char*>(data), size);
   const std::string_view view(text);
   const bool binary = ast::looks_binary(view);
   if (binary && fuzz::text_only()) return 0;

   // The parser's contract covers any bytes.
   ast::dockerfile df = parse::parse_dockerfile("Dockerfile", text);

   // engine::load_document("Dockerfile", text, origin::named) would classify binary
   // input as not_text and parse nothing else; otherwise it is this document.
   if (binary) return 0;
   engine::document doc;
   doc.kind = engine::document_kind::dockerfile;
   doc.dockerfile = std::move(df);

   fuzz::check_and_report(doc);
   return 0;
}
