#include "report/report.hpp"

namespace strata::report {

std::optional<format> format_from_string(std::string_view name) noexcept {
   if (name == "text" || name == "tty" || name == "gnu") return format::text;
   if (name == "full") return format::full;
   if (name == "json") return format::json;
   if (name == "sarif") return format::sarif;
   return std::nullopt;
}

std::string_view text_severity(engine::severity s) noexcept {
   switch (s) {
      case engine::severity::error:
         return "error";
      case engine::severity::warning:
         return "warning";
      case engine::severity::info:
      case engine::severity::style:
         break;
   }
   return "note";
}

void write(format fmt, std::span<const engine::finding> findings, const options& opts, std::ostream& out) {
   if (fmt != format::sarif && opts.shape == layout::statistics) {
      if (fmt == format::json) {
         write_statistics_json(findings, out);
      } else {
         write_statistics_text(findings, out);
      }
      return;
   }
   if (fmt != format::sarif && opts.shape == layout::groups) {
      if (fmt == format::json) {
         write_grouped_json(findings, opts, out);
      } else {
         write_grouped_text(findings, opts, fmt == format::full, out);
      }
      return;
   }
   switch (fmt) {
      case format::text:
         write_text(findings, opts, out);
         return;
      case format::full:
         write_full(findings, opts, out);
         return;
      case format::json:
         write_json(findings, opts, out);
         return;
      case format::sarif:
         write_sarif(findings, opts, out);
         return;
   }
}

}  // namespace strata::report
