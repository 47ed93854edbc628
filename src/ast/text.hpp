// ASCII text helpers shared by the parsers, the engine and the rules.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace strata::ast {

/// ASCII lower case (Dockerfile keywords, flags and command names are ASCII).
[[nodiscard]] inline std::string lower(std::string_view s) {
   std::string out(s);
   std::transform(out.begin(), out.end(), out.begin(),
                  [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
   return out;
}

/// ASCII upper case.
[[nodiscard]] inline std::string upper(std::string_view s) {
   std::string out(s);
   std::transform(out.begin(), out.end(), out.begin(),
                  [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
   return out;
}

/// ASCII case-insensitive equality.
[[nodiscard]] inline bool iequals(std::string_view a, std::string_view b) {
   return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
          });
}

}  // namespace strata::ast
