// Shared by the sh and PowerShell libFuzzer targets: the command model's invariants
// (every offset inside the body, ranges ordered, no command without a name, pipes and
// depths in range) and the facts built on it.
#pragma once

#include <cstddef>
#include <string_view>

#include "ast/shell_script.hpp"
#include "facts/run_facts.hpp"

namespace strata::fuzz {

inline void check_range(std::size_t begin, std::size_t end, std::size_t size) {
   if (begin > end || end > size) __builtin_trap();
}

inline void check_script(const ast::shell_script& s, std::string_view body) {
   const std::size_t n = body.size();
   if (!s.parsed && s.error.empty()) __builtin_trap();
   if (s.error_offset > n) __builtin_trap();
   for (const auto& c : s.commands) {
      if (c.words.empty() || c.depth < 0) __builtin_trap();
      check_range(c.begin, c.end, n);
      for (const auto& w : c.words) check_range(w.begin, w.end, n);
      for (const auto& w : c.assignments) check_range(w.begin, w.end, n);
      for (const auto& r : c.redirections) check_range(r.target.begin, r.target.end, n);
      if (c.piped_to < -1 || c.piped_to >= static_cast<int>(s.commands.size())) __builtin_trap();
   }
   for (const auto& a : s.assignments) {
      check_range(a.begin, a.end, n);
      check_range(a.value.begin, a.value.end, n);
   }
   for (const auto& r : s.references) check_range(r.begin, r.end, n);
}

/// Facts of the body as a RUN of a one-line source file.
inline void check_facts(std::string_view body, facts::shell_kind shell) {
   const ast::source_file src("Dockerfile", std::string(body));
   ast::offset_map map;
   map.append(0, 0, body.size());
   static const ast::environment env =
       ast::environment::of({{"VERSION", "1.2.3"}, {"URL", "https://example.com/x-$VERSION.tgz"}});
   const auto f = facts::analyze_run(src.text(), map, src, shell, &env);
   for (const auto& d : f.downloads) {
      if (d.where.begin > d.where.end || d.where.end > body.size()) __builtin_trap();
   }
}

}  // namespace strata::fuzz
