#include "report/report.hpp"

#include <algorithm>

namespace strata::report {

std::optional<format> format_from_string(std::string_view name) noexcept {
   if (name == "tty") return format::text;
   if (name == "gitlab_codeclimate") return format::gitlab;  // hadolint's name
   if (name == "hadolint_json") return format::hadolint_json;
   for (const auto f : all_formats) {
      if (format_name(f) == name) return f;
   }
   return std::nullopt;
}

std::string_view format_name(format f) noexcept {
   switch (f) {
      case format::text:
         return "text";
      case format::full:
         return "full";
      case format::json:
         return "json";
      case format::sarif:
         return "sarif";
      case format::checkstyle:
         return "checkstyle";
      case format::gitlab:
         return "gitlab";
      case format::codeclimate:
         return "codeclimate";
      case format::junit:
         return "junit";
      case format::github:
         return "github";
      case format::gnu:
         return "gnu";
      case format::sonarqube:
         return "sonarqube";
      case format::hadolint_json:
         break;
   }
   return "hadolint-json";
}

bool has_layouts(format f) noexcept {
   return f == format::text || f == format::full || f == format::json;
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

std::string_view quality_severity(engine::severity s) noexcept {
   switch (s) {
      case engine::severity::error:
         return "critical";
      case engine::severity::warning:
         return "major";
      case engine::severity::info:
         return "minor";
      case engine::severity::style:
         break;
   }
   return "info";
}

std::uint32_t last_column(const engine::finding& f) noexcept {
   std::uint32_t last = f.stop.column > 1 ? f.stop.column - 1 : 1;
   if (f.stop.line <= f.start.line) last = std::max(last, f.start.column);
   return std::max<std::uint32_t>(last, 1);
}

void write(format fmt, std::span<const engine::finding> findings, const options& opts, std::ostream& out) {
   if (has_layouts(fmt) && opts.shape == layout::statistics) {
      if (fmt == format::json) {
         write_statistics_json(findings, out);
      } else {
         write_statistics_text(findings, out);
      }
      return;
   }
   if (has_layouts(fmt) && opts.shape == layout::groups) {
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
      case format::checkstyle:
         write_checkstyle(findings, out);
         return;
      case format::gitlab:
         write_gitlab(findings, out);
         return;
      case format::codeclimate:
         write_codeclimate(findings, out);
         return;
      case format::junit:
         write_junit(findings, out);
         return;
      case format::github:
         write_github(findings, out);
         return;
      case format::gnu:
         write_gnu(findings, out);
         return;
      case format::sonarqube:
         write_sonarqube(findings, out);
         return;
      case format::hadolint_json:
         write_hadolint_json(findings, out);
         return;
   }
}

}  // namespace strata::report
