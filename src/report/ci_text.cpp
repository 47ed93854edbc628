// The line formats of CI logs: GitHub Actions workflow commands and GNU's error format.
#include <algorithm>
#include <ostream>
#include <string>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "report/report.hpp"

namespace strata::report {

namespace {

// A workflow command's data: `%`, CR and LF percent-encoded; in a property also `:` and `,`.
std::string workflow_escape(std::string_view text, bool property) {
   std::string out;
   out.reserve(text.size());
   for (const char c : text) {
      switch (c) {
         case '%':
            out += "%25";
            break;
         case '\r':
            out += "%0D";
            break;
         case '\n':
            out += "%0A";
            break;
         case ':':
            out += property ? "%3A" : ":";
            break;
         case ',':
            out += property ? "%2C" : ",";
            break;
         default:
            out += c;
      }
   }
   return out;
}

std::string_view workflow_command(engine::severity s) {
   return s == engine::severity::error ? "error" : s == engine::severity::warning ? "warning" : "notice";
}

}  // namespace

void write_github(std::span<const engine::finding> findings, std::ostream& out) {
   for (const auto& f : findings) {
      const std::uint32_t end_line = std::max(f.stop.line, f.start.line);
      std::string props = fmt::format("file={},line={},col={},endLine={}", workflow_escape(f.file, true), f.start.line,
                                      f.start.column, end_line);
      // GitHub takes a column range on one line only
      if (end_line == f.start.line) props += fmt::format(",endColumn={}", last_column(f));
      fmt::print(out, "::{} {},title={}::{}\n", workflow_command(f.level), props, workflow_escape(f.rule_id(), true),
                 workflow_escape(f.message, false));
   }
}

void write_gnu(std::span<const engine::finding> findings, std::ostream& out) {
   for (const auto& f : findings) {
      fmt::print(out, "{}:{}.{}-{}.{}: {}: {} [{}]\n", printable_path(f.file), f.start.line, f.start.column,
                 std::max(f.stop.line, f.start.line), last_column(f), text_severity(f.level), f.message, f.rule_id());
   }
}

}  // namespace strata::report
