#include <algorithm>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "report/report.hpp"

namespace strata::report {

std::string printable_path(std::string_view path) {
   const auto control = [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return b < 0x20 || b == 0x7F;
   };
   if (std::none_of(path.begin(), path.end(), control)) return std::string(path);  // the usual path
   std::string out;
   out.reserve(path.size());
   for (const char c : path) {
      const auto b = static_cast<unsigned char>(c);
      if (b >= 0x20 && b != 0x7F) {
         out += c;
      } else if (c == '\n') {
         out += "\\n";
      } else if (c == '\r') {
         out += "\\r";
      } else if (c == '\t') {
         out += "\\t";
      } else {
         out += fmt::format("\\x{:02x}", b);
      }
   }
   return out;
}

namespace {

std::string_view colour_of(engine::severity s) {
   switch (s) {
      case engine::severity::error:
         return "\x1b[1;31m";
      case engine::severity::warning:
         return "\x1b[1;33m";
      case engine::severity::info:
      case engine::severity::style:
         break;
   }
   return "\x1b[1;36m";
}

// `path:line:col[-line:col]: severity: message [ID]`, then `suffix` (the count of a group).
void header(const engine::finding& f, std::string_view message, std::string_view suffix, const options& opts,
            bool range, std::ostream& out) {
   std::string location = fmt::format("{}:{}:{}", printable_path(f.file), f.start.line, f.start.column);
   if (range) {
      location += fmt::format("-{}:{}", f.stop.line, f.stop.column);
   }
   if (opts.color) {
      fmt::print(out, "\x1b[1m{}\x1b[0m: {}{}\x1b[0m: {} [{}]{}\n", location, colour_of(f.level),
                 text_severity(f.level), message, f.rule_id(), suffix);
   } else {
      fmt::print(out, "{}: {}: {} [{}]{}\n", location, text_severity(f.level), message, f.rule_id(), suffix);
   }
}

// The part of `line` before code point `column` (1-based), with every
// non-tab byte replaced by a space, so that carets line up under tabs.
std::string caret_indent(std::string_view line, std::uint32_t column) {
   std::string out;
   std::uint32_t col = 1;
   for (std::size_t i = 0; i < line.size() && col < column; ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      if ((c & 0xC0) == 0x80) continue;  // continuation byte
      out += c == '\t' ? '\t' : ' ';
      ++col;
   }
   return out;
}

// The source line of `f` and carets under its range.
void source_lines(const engine::finding& f, std::ostream& out) {
   const std::string number = fmt::format("{}", f.start.line);
   const std::string gutter(number.size(), ' ');
   fmt::print(out, " {} | {}\n", number, f.snippet);
   std::uint32_t last =
       f.stop.line == f.start.line ? f.stop.column : static_cast<std::uint32_t>(ast::count_code_points(f.snippet) + 1);
   const std::size_t carets = last > f.start.column ? last - f.start.column : 1;
   fmt::print(out, " {} | {}{}\n", gutter, caret_indent(f.snippet, f.start.column),
              std::string(std::min<std::size_t>(carets, 400), '^'));
}

}  // namespace

void write_text(std::span<const engine::finding> findings, const options& opts, std::ostream& out) {
   for (const auto& f : findings) {
      header(f, f.message, {}, opts, false, out);
   }
}

void write_full(std::span<const engine::finding> findings, const options& opts, std::ostream& out) {
   for (const auto& f : findings) {
      header(f, f.message, {}, opts, true, out);
      source_lines(f, out);
   }
}

void write_grouped_text(std::span<const engine::finding> findings, const options& opts, bool full, std::ostream& out) {
   for (const auto& g : group_findings(findings)) {
      const engine::finding& first = *g.members.front();
      const std::size_t n = g.members.size();
      header(first, g.message, n > 1 ? fmt::format(" (x{}, first of {})", n, n) : std::string(), opts, full, out);
      if (full) source_lines(first, out);
   }
}

}  // namespace strata::report
