// The XML formats: Checkstyle 4.3 (hadolint's shape) and JUnit. Text is written as
// UTF-8 with the five XML escapes; a byte that is not UTF-8 and a character XML 1.0 does
// not allow (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "report/report.hpp"

namespace strata::report {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the UTF-8 sequence at `s[i]` that encodes a character XML allows, or 0.
std::size_t xml_char_length(std::string_view s, std::size_t i) {
   const auto b0 = static_cast<unsigned char>(s[i]);
   if (b0 < 0x80) return b0 >= 0x20 || b0 == '\t' || b0 == '\n' || b0 == '\r' ? 1 : 0;
   std::size_t n = 0;
   std::uint32_t cp = 0;
   if ((b0 & 0xE0) == 0xC0) {
      n = 2, cp = b0 & 0x1Fu;
   } else if ((b0 & 0xF0) == 0xE0) {
      n = 3, cp = b0 & 0x0Fu;
   } else if ((b0 & 0xF8) == 0xF0) {
      n = 4, cp = b0 & 0x07u;
   } else {
      return 0;
   }
   if (i + n > s.size()) return 0;
   for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (b & 0x3Fu);
   }
   static constexpr std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
   if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return 0;
   return n;
}

// `text` escaped for XML; in an attribute value (`attribute`) also tab, LF and CR, which
// attribute-value normalization would otherwise turn into spaces.
std::string escape(std::string_view text, bool attribute) {
   std::string out;
   out.reserve(text.size());
   for (std::size_t i = 0; i < text.size();) {
      const std::size_t n = xml_char_length(text, i);
      if (n == 0) {
         out += replacement;
         ++i;
         continue;
      }
      if (n > 1) {
         out += text.substr(i, n);
         i += n;
         continue;
      }
      const char c = text[i++];
      switch (c) {
         case '&':
            out += "&amp;";
            break;
         case '<':
            out += "&lt;";
            break;
         case '>':
            out += "&gt;";
            break;
         case '"':
            out += "&quot;";
            break;
         case '\'':
            out += "&apos;";
            break;
         case '\r':
            out += "&#13;";
            break;
         case '\t':
         case '\n':
            if (attribute) {
               out += c == '\t' ? "&#9;" : "&#10;";
               break;
            }
            [[fallthrough]];
         default:
            out += c;
      }
   }
   return out;
}

std::string attr(std::string_view text) {
   return escape(text, true);
}

// The findings of each file, files in the order of their first finding.
std::vector<std::pair<std::string_view, std::vector<const engine::finding*>>> by_file(
    std::span<const engine::finding> findings) {
   std::vector<std::pair<std::string_view, std::vector<const engine::finding*>>> files;
   std::map<std::string_view, std::size_t> index;
   for (const auto& f : findings) {
      const auto [it, added] = index.emplace(f.file, files.size());
      if (added) files.emplace_back(f.file, std::vector<const engine::finding*>{});
      files[it->second].second.push_back(&f);
   }
   return files;
}

// Checkstyle's severities are error, warning, info (and ignore).
std::string_view checkstyle_severity(engine::severity s) {
   return s == engine::severity::error ? "error" : s == engine::severity::warning ? "warning" : "info";
}

}  // namespace

void write_checkstyle(std::span<const engine::finding> findings, std::ostream& out) {
   out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
   for (const auto& [file, members] : by_file(findings)) {
      fmt::print(out, "  <file name=\"{}\">\n", attr(file));
      for (const auto* f : members) {
         fmt::print(out, "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"{}\"/>\n",
                    f->start.line, f->start.column, checkstyle_severity(f->level), attr(f->message),
                    attr(f->rule_id()));
      }
      out << "  </file>\n";
   }
   out << "</checkstyle>\n";
}

void write_junit(std::span<const engine::finding> findings, std::ostream& out) {
   out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
   fmt::print(out, "<testsuites name=\"strata\" tests=\"{0}\" failures=\"{0}\" errors=\"0\">\n", findings.size());
   for (const auto& [file, members] : by_file(findings)) {
      fmt::print(out, "  <testsuite name=\"{0}\" tests=\"{1}\" failures=\"{1}\" errors=\"0\">\n", attr(file),
                 members.size());
      for (const auto* f : members) {
         fmt::print(out, "    <testcase name=\"{} {}:{}\" classname=\"{}\">\n", attr(f->rule_id()), f->start.line,
                    f->start.column, attr(file));
         fmt::print(out, "      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(f->message),
                    attr(f->rule_id()),
                    escape(fmt::format("{}:{}:{}: {}: {} [{}]", f->file, f->start.line, f->start.column,
                                       text_severity(f->level), f->message, f->rule_id()),
                           false));
         out << "    </testcase>\n";
      }
      out << "  </testsuite>\n";
   }
   out << "</testsuites>\n";
}

}  // namespace strata::report
