// DL3044 (hadolint's id and message): an ENV value refers to a variable that the same ENV
// defines (`ENV A=1 B=$A`: B gets the value A had before this ENV, not 1).
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/rule.hpp"
#include "parse/shell_lexer.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "env" || inst.pairs.size() < 2) {
      return;
   }
   parse::lex_options options;
   options.skip_unset_env = true;
   if (cx.doc().dockerfile) options.escape = cx.doc().dockerfile->escape;
   static const ast::environment none;
   for (std::size_t i = 0; i < inst.pairs.size(); ++i) {
      // the names the value looks up (quotes and escapes as BuildKit reads them)
      const auto refs = parse::process_word(inst.pairs[i].value, none, options).unmatched;
      for (std::size_t j = 0; j < inst.pairs.size(); ++j) {
         const auto& name = inst.pairs[j].key;
         if (j == i || !refs.contains(name)) continue;  // a value may refer to its own name
         // a name set before this ENV (ARG or ENV in scope) is not this ENV's definition alone
         const bool earlier = (inst.variables && inst.variables->contains(name)) ||
                              (inst.declared_args && inst.declared_args->contains(name));
         if (!earlier) {
            cx.report(inst.pairs[i].value_span,
                      "Do not refer to an environment variable within the same `ENV` statement where it is defined.");
            break;
         }
      }
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3044{
    .id = "DL3044",
    .name = "env-refers-to-same-env",
    .default_severity = engine::severity::error,
    .summary = "An ENV value refers to a variable the same ENV defines",
    .help = "Define the variable in an earlier ENV (ENV A=1, then ENV B=$A).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
