// Internal to src/facts/: the values of a RUN body's variables and the expansion of
// words with them (sh `$V`, `${V:-w}`, `${V%%p}`; PowerShell `$v`, `$env:V`,
// `$(($env:V -replace 'p', 'r'))`).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"
#include "ast/shell_script.hpp"

namespace strata::facts {

/// Looks variables up and expands words, at a byte offset of the body: the latest
/// assignment before it (expanded as it was then; unknown for a loop variable), else
/// the environment; unknown when two earlier constants differ (the branches of a
/// `case`: which one ran is not known). Bounded: memoised per assignment, at most
/// `max_lookups` lookups per body, values cut at `max_expanded` bytes (a chain of
/// `b=$a$a`, `c=$b$b`, ... stays cheap). Keeps references to `script` and `env`.
class expander {
public:
   /// A variable the expansion read from the environment, and what it found (nullopt: not set).
   struct environment_read {
      std::string name;
      std::optional<std::string> value;
   };

   /// With `reads`, every environment variable looked up is listed there once, with its value:
   /// the facts of a body depend on `env` only through them (run_facts.cpp caches by them).
   expander(const ast::shell_script& script, bool pwsh, const ast::environment* env,
            std::vector<environment_read>* reads = nullptr)
       : script_(script), pwsh_(pwsh), env_(env), reads_(reads) {}

   /// The value of environment variable `name` in `env` as this expansion reads it (PowerShell:
   /// names are case-insensitive, as on Windows), or nullopt.
   [[nodiscard]] static std::optional<std::string> environment_value(const ast::environment* env, std::string_view name,
                                                                     bool pwsh);

   /// The value of `name` at body offset `before`, or nullopt when unknown.
   [[nodiscard]] std::optional<std::string> lookup(std::string_view name, std::size_t before, int level = 0) const;

   /// `value` with the variables known at body offset `before` substituted; anything
   /// else, and unknown variables, stay as written.
   [[nodiscard]] std::string expand(const std::string& value, std::size_t before, int level = 0) const;

   /// The values `value` may have at body offset `before`: each word of the loop when `value`
   /// is just a reference to a `for` variable (`"$key"` in `for key in A B; do ...`), each
   /// expanded; else the one expansion of `value`.
   [[nodiscard]] std::vector<std::string> candidates(const std::string& value, std::size_t before) const;
   static constexpr std::size_t max_lookups = 10000;
   static constexpr std::size_t max_expanded = 65536;

private:
   const ast::shell_script& script_;
   bool pwsh_;
   const ast::environment* env_;
   std::vector<environment_read>* reads_;
   mutable std::size_t lookups_ = 0;
   mutable std::map<const ast::shell_assignment*, std::string> expanded_;

   [[nodiscard]] bool same_name(std::string_view a, std::string_view b) const;
   [[nodiscard]] std::optional<std::string> from_assignment(const ast::shell_assignment& a, int level) const;
   [[nodiscard]] std::optional<std::string> from_environment(std::string_view name) const;
   [[nodiscard]] std::string expand_pwsh(const std::string& value, std::size_t before, int level) const;
   [[nodiscard]] std::size_t pwsh_subexpression(const std::string& value, std::size_t i, std::size_t before, int level,
                                                std::string& out) const;
   [[nodiscard]] std::size_t pwsh_variable(const std::string& value, std::size_t i, std::size_t before, int level,
                                           std::string& out) const;
   [[nodiscard]] std::string expand_sh(const std::string& value, std::size_t before, int level) const;
   [[nodiscard]] std::size_t sh_variable(const std::string& value, std::size_t i, std::size_t before, int level,
                                         std::string& out) const;
   [[nodiscard]] std::size_t sh_braced(const std::string& value, std::size_t i, std::size_t before, int level,
                                       std::string& out) const;
};

/// sh pattern removal `${V%p}` (suffix, shortest), `%%` (longest), `#`, `##` (prefix):
/// `pattern` is an fnmatch(3) glob. nullopt when not tried (values over 1024 bytes,
/// patterns over 256 bytes or with more than 3 `*`: glibc's fnmatch backtracks per `*`).
[[nodiscard]] std::optional<std::string> remove_pattern(const std::string& v, const std::string& pattern, bool suffix,
                                                        bool longest);

/// PowerShell `(constant -replace 'pattern', 'replacement')` (also -ireplace / -creplace):
/// .NET regular expressions, case-insensitive unless -creplace; evaluated with RE2 when
/// the operand is a constant and RE2 accepts the pattern, else nullopt.
[[nodiscard]] std::optional<std::string> replace_expression(std::string text);

}  // namespace strata::facts
