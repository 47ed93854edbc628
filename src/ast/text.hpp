// ASCII text helpers shared by the parsers, the engine and the rules.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace strata::ast {

/// One byte in ASCII lower case ('A'-'Z' only: what std::tolower does in the "C" locale, without
/// its call per byte).
[[nodiscard]] constexpr char lower(char c) noexcept {
   return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
/// One byte in ASCII upper case ('a'-'z' only).
[[nodiscard]] constexpr char upper(char c) noexcept {
   return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
}

/// ASCII lower case (Dockerfile keywords, flags and command names are ASCII).
[[nodiscard]] inline std::string lower(std::string_view s) {
   std::string out(s);
   for (char& c : out) c = lower(c);
   return out;
}

/// ASCII upper case.
[[nodiscard]] inline std::string upper(std::string_view s) {
   std::string out(s);
   for (char& c : out) c = upper(c);
   return out;
}

/// ASCII case-insensitive equality.
[[nodiscard]] inline bool iequals(std::string_view a, std::string_view b) {
   return a.size() == b.size() &&
          std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace strata::ast
