#include "ast/unicode.hpp"

#include <locale.h>
#include <wctype.h>
#include <array>
#include <clocale>
#include <cwctype>

namespace strata::ast {

namespace {

// The C.UTF-8 locale carries glibc's Unicode character tables; Debian always has it.
// When it cannot be opened, non-ASCII code points fall back to conservative answers.
locale_t unicode_locale() {
   static const locale_t loc = [] {
      locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
      if (l == static_cast<locale_t>(nullptr)) {
         l = newlocale(LC_CTYPE_MASK, "C.utf8", static_cast<locale_t>(nullptr));
      }
      return l;
   }();
   return loc;
}

struct range {
   char32_t lo, hi;
};

// Space separators other than U+0020 and format characters (Zs, Cf): glibc counts
// them as printable, Go does not.
constexpr std::array<range, 26> not_printable{{
    {0x00A0, 0x00A0},    {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},
    {0x070F, 0x070F},    {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x1680, 0x1680},   {0x180E, 0x180E},
    {0x2000, 0x200F},    {0x2028, 0x202F},   {0x205F, 0x2064},   {0x2066, 0x206F},   {0x3000, 0x3000},
    {0xD800, 0xF8FF},    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
    {0x13430, 0x1343F},  {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
    {0xF0000, 0x10FFFF},
}};

}  // namespace

rune_at decode_multibyte_rune(std::string_view text, std::size_t pos) noexcept {
   const auto b0 = static_cast<unsigned char>(text[pos]);
   if (b0 < 0x80) {
      return {b0, 1};
   }
   const std::size_t left = text.size() - pos;
   auto cont = [&](std::size_t i) -> int {
      if (i >= left) return -1;
      const auto b = static_cast<unsigned char>(text[pos + i]);
      return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
   };
   if (b0 >= 0xC2 && b0 <= 0xDF) {
      const int c1 = cont(1);
      if (c1 >= 0) return {static_cast<char32_t>(((b0 & 0x1F) << 6) | c1), 2};
   } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      const int c1 = cont(1), c2 = cont(2);
      if (c1 >= 0 && c2 >= 0) {
         const char32_t r = static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2);
         if (r >= 0x800 && (r < 0xD800 || r > 0xDFFF)) return {r, 3};
      }
   } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      const int c1 = cont(1), c2 = cont(2), c3 = cont(3);
      if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
         const char32_t r = static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
         if (r >= 0x10000 && r <= 0x10FFFF) return {r, 4};
      }
   }
   return {replacement_rune, 1};
}

void append_multibyte_rune(std::string& out, char32_t r) {
   if ((r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF) {
      r = replacement_rune;
   }
   if (r < 0x80) {
      out += static_cast<char>(r);
   } else if (r < 0x800) {
      out += static_cast<char>(0xC0 | (r >> 6));
      out += static_cast<char>(0x80 | (r & 0x3F));
   } else if (r < 0x10000) {
      out += static_cast<char>(0xE0 | (r >> 12));
      out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (r & 0x3F));
   } else {
      out += static_cast<char>(0xF0 | (r >> 18));
      out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (r & 0x3F));
   }
}

bool is_go_space(char32_t r) noexcept {
   switch (r) {
      case '\t':
      case '\n':
      case '\v':
      case '\f':
      case '\r':
      case ' ':
      case 0x85:
      case 0xA0:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x202F:
      case 0x205F:
      case 0x3000:
         return true;
      default:
         return r >= 0x2000 && r <= 0x200A;
   }
}

bool is_go_letter(char32_t r) noexcept {
   if (r < 0x80) {
      return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
   }
   const locale_t loc = unicode_locale();
   return loc != static_cast<locale_t>(nullptr) && iswalpha_l(static_cast<wint_t>(r), loc) != 0;
}

bool is_go_digit(char32_t r) noexcept {
   // Go: category Nd. glibc classes non-ASCII decimal digits as alpha, so only ASCII is
   // recognised here; a non-ASCII digit still counts as a name character via is_go_letter.
   return r >= '0' && r <= '9';
}

bool is_go_print(char32_t r) noexcept {
   if (r < 0x80) {
      return r >= 0x20 && r < 0x7F;
   }
   if (r < 0xA0) {
      return false;
   }
   for (const auto& rg : not_printable) {
      if (r >= rg.lo && r <= rg.hi) return false;
   }
   const locale_t loc = unicode_locale();
   return loc != static_cast<locale_t>(nullptr) && iswprint_l(static_cast<wint_t>(r), loc) != 0;
}

std::string go_quote(std::string_view text) {
   static constexpr char hex[] = "0123456789abcdef";
   std::string out;
   out.reserve(text.size() + 2);
   out += '"';
   for (std::size_t i = 0; i < text.size();) {
      const auto [r, width] = decode_rune(text, i);
      if (width == 1 && r == replacement_rune) {
         const auto b = static_cast<unsigned char>(text[i]);
         out += "\\x";
         out += hex[b >> 4];
         out += hex[b & 0xF];
         ++i;
         continue;
      }
      i += width;
      if (r == '"' || r == '\\') {
         out += '\\';
         out += static_cast<char>(r);
      } else if (is_go_print(r)) {
         append_rune(out, r);
      } else {
         switch (r) {
            case '\a':
               out += "\\a";
               break;
            case '\b':
               out += "\\b";
               break;
            case '\f':
               out += "\\f";
               break;
            case '\n':
               out += "\\n";
               break;
            case '\r':
               out += "\\r";
               break;
            case '\t':
               out += "\\t";
               break;
            case '\v':
               out += "\\v";
               break;
            default:
               if (r < 0x20 || r == 0x7F) {
                  out += "\\x";
                  out += hex[r >> 4];
                  out += hex[r & 0xF];
               } else {
                  const int digits = r < 0x10000 ? 4 : 8;
                  out += digits == 4 ? "\\u" : "\\U";
                  for (int s = (digits - 1) * 4; s >= 0; s -= 4) {
                     out += hex[(r >> s) & 0xF];
                  }
               }
         }
      }
   }
   out += '"';
   return out;
}

std::string_view go_trim_left_space(std::string_view text) noexcept {
   std::size_t i = 0;
   while (i < text.size()) {
      const auto [r, w] = decode_rune(text, i);
      if (!is_go_space(r)) break;
      i += w;
   }
   return text.substr(i);
}

std::string_view go_trim_right_space(std::string_view text) noexcept {
   std::size_t end = text.size();
   while (end > 0) {
      // step back to the start of the last code point
      std::size_t start = end - 1;
      while (start > 0 && end - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
         --start;
      }
      auto d = decode_rune(text.substr(0, end), start);
      if (start + d.width != end) {  // not one valid sequence: the last byte alone
         start = end - 1;
         d = decode_rune(text.substr(0, end), start);
      }
      if (!is_go_space(d.rune) || (d.rune == replacement_rune)) break;
      end = start;
   }
   return text.substr(0, end);
}

std::string_view go_trim_space(std::string_view text) noexcept {
   return go_trim_right_space(go_trim_left_space(text));
}

std::string go_to_lower(std::string_view text) {
   std::string out;
   out.reserve(text.size());
   for (std::size_t i = 0; i < text.size();) {
      const auto [r, w] = decode_rune(text, i);
      i += w;
      if (r < 0x80) {
         out += static_cast<char>(r >= 'A' && r <= 'Z' ? r + ('a' - 'A') : r);
         continue;
      }
      // the locale is opened only for non-ASCII text (opening it reads three files)
      const locale_t loc = unicode_locale();
      if (loc != static_cast<locale_t>(nullptr)) {
         append_rune(out, static_cast<char32_t>(towlower_l(static_cast<wint_t>(r), loc)));
      } else {
         append_rune(out, r);
      }
   }
   return out;
}

}  // namespace strata::ast
