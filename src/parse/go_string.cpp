#include "parse/go_string.hpp"

#include <cstdint>

#include "ast/unicode.hpp"

namespace strata::parse {

namespace {
int hex_value(char c) {
   if (c >= '0' && c <= '9') return c - '0';
   if (c >= 'a' && c <= 'f') return c - 'a' + 10;
   if (c >= 'A' && c <= 'F') return c - 'A' + 10;
   return -1;
}

std::optional<std::uint32_t> read_hex(std::string_view s, std::size_t pos, std::size_t n) {
   if (pos + n > s.size()) return std::nullopt;
   std::uint32_t v = 0;
   for (std::size_t i = pos; i < pos + n; ++i) {
      const int h = hex_value(s[i]);
      if (h < 0) return std::nullopt;
      v = v * 16 + static_cast<std::uint32_t>(h);
   }
   return v;
}

/// A verbatim code point of a literal: an invalid UTF-8 byte becomes U+FFFD (Go).
std::size_t append_verbatim(std::string& out, std::string_view s, std::size_t i) {
   const auto d = ast::decode_rune(s, i);
   if (d.width == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
      ast::append_rune(out, ast::replacement_rune);
   } else {
      out.append(s.substr(i, d.width));
   }
   return d.width;
}

// The character of a one-letter escape that JSON and Go share (`\b \f \n \r \t`).
std::optional<char> control_escape(char e) {
   switch (e) {
      case 'b':
         return '\b';
      case 'f':
         return '\f';
      case 'n':
         return '\n';
      case 'r':
         return '\r';
      case 't':
         return '\t';
      default:
         return std::nullopt;
   }
}
}  // namespace

std::string decode_json_string(std::string_view lit, std::size_t file_offset, ast::offset_map& map) {
   std::string out;
   if (lit.size() < 2) return out;
   const std::string_view s = lit.substr(1, lit.size() - 2);
   const std::size_t base = file_offset + 1;
   std::size_t run_text = 0, run_file = base;  // the current run of verbatim bytes
   auto flush = [&](std::size_t file_end) {
      if (out.size() > run_text) map.append(run_text, run_file, out.size() - run_text);
      run_text = out.size();
      run_file = file_end;
   };
   for (std::size_t i = 0; i < s.size();) {
      if (s[i] != '\\' || i + 1 >= s.size()) {
         const auto d = ast::decode_rune(s, i);
         if (d.width == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
            flush(base + i);
            ast::append_rune(out, ast::replacement_rune);
            map.append(run_text, base + i, out.size() - run_text);
            run_text = out.size();
            run_file = base + i + 1;
         } else {
            out.append(s.substr(i, d.width));
         }
         i += d.width;
         continue;
      }
      flush(base + i);
      const std::size_t escape = i;
      const char e = s[i + 1];
      i += 2;
      switch (e) {
         case 'u': {
            char32_t r = read_hex(s, i, 4).value_or(0xFFFD);
            i += 4;
            if (r >= 0xD800 && r < 0xDC00 && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
               const char32_t lo = read_hex(s, i + 2, 4).value_or(0);
               if (lo >= 0xDC00 && lo < 0xE000) {
                  r = 0x10000 + ((r - 0xD800) << 10) + (lo - 0xDC00);
                  i += 6;
               }
            }
            ast::append_rune(out, r >= 0xD800 && r < 0xE000 ? ast::replacement_rune : r);
            break;
         }
         default:
            out += control_escape(e).value_or(e);  // \b \f \n \r \t, else " \ /
      }
      map.append(run_text, base + escape, out.size() - run_text);
      run_text = out.size();
      run_file = base + i;
   }
   flush(base + s.size());
   return out;
}

std::optional<std::string> go_unquote(std::string_view lit) {
   if (lit.size() < 2 || lit.front() != '"' || lit.back() != '"') return std::nullopt;
   const std::string_view s = lit.substr(1, lit.size() - 2);
   std::string out;
   out.reserve(s.size());
   for (std::size_t i = 0; i < s.size();) {
      const char c = s[i];
      if (c == '"' || c == '\n') return std::nullopt;
      if (c != '\\') {
         i += append_verbatim(out, s, i);
         continue;
      }
      if (i + 1 >= s.size()) return std::nullopt;
      const char e = s[i + 1];
      i += 2;
      if (const auto control = control_escape(e)) {
         out += *control;
         continue;
      }
      switch (e) {
         case 'a':
            out += '\a';
            break;
         case 'v':
            out += '\v';
            break;
         case '\\':
            out += '\\';
            break;
         case '"':
            out += '"';
            break;
         case 'x': {
            const auto v = read_hex(s, i, 2);
            if (!v) return std::nullopt;
            out += static_cast<char>(*v);
            i += 2;
            break;
         }
         case 'u':
         case 'U': {
            const std::size_t n = e == 'u' ? 4 : 8;
            const auto v = read_hex(s, i, n);
            if (!v || *v > 0x10FFFF || (*v >= 0xD800 && *v < 0xE000)) return std::nullopt;
            ast::append_rune(out, static_cast<char32_t>(*v));
            i += n;
            break;
         }
         default: {
            if (e < '0' || e > '7' || i + 2 > s.size()) return std::nullopt;
            unsigned v = static_cast<unsigned>(e - '0');
            for (std::size_t j = i; j < i + 2; ++j) {
               if (s[j] < '0' || s[j] > '7') return std::nullopt;
               v = v * 8 + static_cast<unsigned>(s[j] - '0');
            }
            if (v > 255) return std::nullopt;
            out += static_cast<char>(v);
            i += 2;
         }
      }
   }
   return out;
}

}  // namespace strata::parse
