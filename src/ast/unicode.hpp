// Unicode helpers with Go's semantics, for byte-exact agreement with BuildKit
// (which is written in Go): how invalid UTF-8 decodes, which code points are
// white space (unicode.IsSpace) or printable (unicode.IsPrint), and how
// strconv.Quote renders a string. Pure functions, no allocation beyond results.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace strata::ast {

inline constexpr char32_t replacement_rune = U'\uFFFD';

/// One decoded code point and its width in bytes.
struct rune_at {
   char32_t rune;
   std::size_t width;  ///< 1..4; an invalid byte decodes as U+FFFD with width 1 (Go's utf8.DecodeRune)
};

/// Decodes the code point at byte offset `pos` (< text.size()) as Go does: overlong forms,
/// surrogates and values above U+10FFFF are invalid, and an invalid sequence consumes one byte.
/// ASCII is decoded inline (the lexers' common case), the rest by decode_multibyte_rune.
[[nodiscard]] inline rune_at decode_rune(std::string_view text, std::size_t pos) noexcept;
/// decode_rune for a byte at `pos` of 0x80 or more.
[[nodiscard]] rune_at decode_multibyte_rune(std::string_view text, std::size_t pos) noexcept;

inline rune_at decode_rune(std::string_view text, std::size_t pos) noexcept {
   const auto b0 = static_cast<unsigned char>(text[pos]);
   return b0 < 0x80 ? rune_at{b0, 1} : decode_multibyte_rune(text, pos);
}

/// append_rune for a code point of U+0080 or more.
void append_multibyte_rune(std::string& out, char32_t r);

/// Appends the UTF-8 encoding of `r` (surrogates and values above U+10FFFF become U+FFFD);
/// ASCII inline, the rest by append_multibyte_rune.
inline void append_rune(std::string& out, char32_t r) {
   if (r < 0x80) {
      out.push_back(static_cast<char>(r));
   } else {
      append_multibyte_rune(out, r);
   }
}

/// Go's unicode.IsSpace: `\t \n \v \f \r` and space, U+0085, U+00A0 and the Z categories
/// (U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
[[nodiscard]] bool is_go_space(char32_t r) noexcept;
/// unicode.IsSpace applied to one byte taken as a code point (`unicode.IsSpace(rune(b))`):
/// true for the ASCII spaces and for the bytes 0x85 and 0xA0.
[[nodiscard]] inline bool is_go_space_byte(unsigned char b) noexcept {
   return is_go_space(b);
}
/// Go's unicode.IsLetter / unicode.IsDigit (the C.UTF-8 locale's tables for non-ASCII).
[[nodiscard]] bool is_go_letter(char32_t r) noexcept;
[[nodiscard]] bool is_go_digit(char32_t r) noexcept;
/// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020.
/// Not printable: controls, format characters, private use, surrogates, unassigned
/// code points and every space separator other than U+0020.
[[nodiscard]] bool is_go_print(char32_t r) noexcept;

/// strconv.Quote: a double-quoted Go string literal. `"` and `\` are escaped; `\a \b \f \n
/// \r \t \v` by name; other bytes below 0x20, 0x7F and invalid UTF-8 bytes as `\xNN`;
/// code points that are not printable as `\uXXXX` or `\UXXXXXXXX`; the rest verbatim.
[[nodiscard]] std::string go_quote(std::string_view text);

/// strings.TrimSpace / TrimLeftFunc(IsSpace) / TrimRightFunc(IsSpace) on UTF-8 text.
[[nodiscard]] std::string_view go_trim_space(std::string_view text) noexcept;
[[nodiscard]] std::string_view go_trim_left_space(std::string_view text) noexcept;
[[nodiscard]] std::string_view go_trim_right_space(std::string_view text) noexcept;

/// strings.ToLower: Unicode simple lower case; invalid bytes become U+FFFD.
[[nodiscard]] std::string go_to_lower(std::string_view text);

}  // namespace strata::ast
