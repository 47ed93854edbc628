// libFuzzer target: Dockerfile parser, then the whole pipeline the CLI runs on a
// file named `Dockerfile` (every rule, sorted findings, full and JSON reports).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ast/source.hpp"
#include "engine/check.hpp"
#include "engine/document.hpp"
#include "parse/dockerfile_parser.hpp"
#include "report/report.hpp"

namespace {

// STRATA_FUZZ_TEXT_ONLY=1: skip input holding a NUL byte or invalid UTF-8, which
// the CLI never parses (engine::load_document makes it a not_text document).
// Use it to look past a known crash that only binary input reaches.
bool text_only() {
   static const bool on = [] {
      const char* v = std::getenv("STRATA_FUZZ_TEXT_ONLY");
      return v != nullptr && *v != '\0' && *v != '0';
   }();
   return on;
}

const std::vector<const strata::engine::registered_rule*>& all_rules() {
   static const auto rules = strata::engine::enabled_rules({});
   return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
   using namespace strata;
   std::string text(reinterpret_cast<const char*>(data), size);
   const std::string_view view(text);
   const bool binary = ast::looks_binary(view);
   if (binary && text_only()) return 0;

   // The parser's contract covers any bytes.
   ast::dockerfile df = parse::parse_dockerfile("Dockerfile", text);

   // engine::load_document("Dockerfile", text, origin::named) would classify binary
   // input as not_text and parse nothing else; otherwise it is this document.
   if (binary) return 0;
   engine::document doc;
   doc.kind = engine::document_kind::dockerfile;
   doc.dockerfile = std::move(df);

   const auto& rules = all_rules();
   std::vector<engine::finding> findings;
   engine::check_document(doc, rules, findings);
   std::sort(findings.begin(), findings.end(), engine::finding_order);

   report::options opts;
   opts.rules = rules;
   std::ostringstream out;
   report::write_full(findings, opts, out);
   report::write_json(findings, opts, out);
   return 0;
}
