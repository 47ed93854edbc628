// Helpers of the shell-parser tests: the command names and word values of a parsed body.
#pragma once

#include <string>
#include <vector>

#include "ast/shell_script.hpp"

namespace strata::test {

/// The value of each command's first word, in command order.
inline std::vector<std::string> names(const ast::shell_script& s) {
   std::vector<std::string> out;
   for (const auto& c : s.commands) out.push_back(c.words.front().value);
   return out;
}

/// The values of a command's words.
inline std::vector<std::string> argv(const ast::shell_command& c) {
   std::vector<std::string> out;
   for (const auto& w : c.words) out.push_back(w.value);
   return out;
}

}  // namespace strata::test
