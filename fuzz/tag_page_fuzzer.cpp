// libFuzzer target: repo-info tag page parser, then the pipeline the CLI runs on
// a document it classifies as a tag page (every rule, sorted findings, reports).
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
#include "parse/tag_page_parser.hpp"
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

   (void)parse::split_history_env(view);
   const bool page_like = parse::looks_like_tag_page(view);

   // The parser's contract covers any bytes.
   ast::tag_page page = parse::parse_tag_page("tag.md", text);

   // engine::load_document checks for binary first, then for `## \``: only then
   // does a tag page reach the rules.
   if (!page_like || binary) return 0;
   engine::document doc;
   doc.kind = engine::document_kind::tag_page;
   doc.page = std::move(page);

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
