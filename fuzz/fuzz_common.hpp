// Shared by the libFuzzer targets: the STRATA_FUZZ_TEXT_ONLY switch and the part of
// the CLI's pipeline after parsing (every rule, sorted findings, full and JSON reports).
#pragma once

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "engine/check.hpp"
#include "engine/document.hpp"
#include "report/report.hpp"

namespace strata::fuzz {

// STRATA_FUZZ_TEXT_ONLY=1: skip input holding a NUL byte or invalid UTF-8, which
// the CLI never parses (engine::load_document makes it a not_text document).
// Use it to look past a known crash that only binary input reaches.
inline bool text_only() {
   static const bool on = [] {
      const char* v = std::getenv("STRATA_FUZZ_TEXT_ONLY");
      return v != nullptr && *v != '\0' && *v != '0';
   }();
   return on;
}

/// Runs every rule on the document and renders the findings as the CLI would.
inline void check_and_report(const engine::document& doc) {
   static const auto rules = engine::enabled_rules({});
   std::vector<engine::finding> findings;
   engine::check_document(doc, rules, findings);
   std::sort(findings.begin(), findings.end(), engine::finding_order);
   report::options opts;
   opts.rules = rules;
   std::ostringstream out;
   report::write_full(findings, opts, out);
   report::write_json(findings, opts, out);
}

}  // namespace strata::fuzz
