// DL3011 (hadolint's id and message): an EXPOSE port (or port range bound) above 65535.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/rule.hpp"
#include "parse/shell_lexer.hpp"

namespace strata::rules {
namespace {
/// Whether the decimal number `digits` (digits only, not empty) is above 65535.
bool above_max_port(std::string_view digits) {
   while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
   return digits.size() > 5 || (digits.size() == 5 && digits > "65535");
}

bool all_digits(std::string_view s) {
   return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// `PORT[/PROTO]` or `LOW-HIGH[/PROTO]` with a bound above 65535. Anything that is not
/// numbers (an unknown variable, a typo) is someone else's problem.
bool out_of_range(std::string_view spec) {
   spec = spec.substr(0, spec.find('/'));
   const auto dash = spec.find('-');
   if (dash == std::string_view::npos) return all_digits(spec) && above_max_port(spec);
   const auto low = spec.substr(0, dash);
   const auto high = spec.substr(dash + 1);
   return (all_digits(low) && above_max_port(low)) || (all_digits(high) && above_max_port(high));
}

void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "expose") {
      return;
   }
   parse::lex_options options;
   options.skip_unset_env = true;
   if (cx.doc().dockerfile) options.escape = cx.doc().dockerfile->escape;
   static const ast::environment none;
   for (const auto& word : inst.words) {
      // as BuildKit expands it: `ARG PORT=70000` + `EXPOSE $PORT` is 70000
      const auto expanded = parse::process_word(word.text, inst.variables ? *inst.variables : none, options);
      if (expanded.error) continue;
      for (const auto& port : expanded.words) {
         if (out_of_range(port)) {
            cx.report(word.where, "Valid UNIX ports range from 0 to 65535");
            break;
         }
      }
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3011{
    .id = "DL3011",
    .name = "expose-port-out-of-range",
    .default_severity = engine::severity::error,
    .summary = "EXPOSE names a port above 65535",
    .help = "EXPOSE ports from 0 to 65535 (EXPOSE 8080/tcp).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
