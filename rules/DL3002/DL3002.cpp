// DL3002 (hadolint's id and message): the last USER of a stage is root.
#include <map>
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "parse/shell_lexer.hpp"

namespace strata::rules {
namespace {
bool is_root(std::string_view user) {
   return user == "root" || user == "0" || user.starts_with("root:") || user.starts_with("0:");
}

void check(const ast::dockerfile& df, engine::context& cx) {
   // per stage (no_stage: the instructions before any FROM, one stage of their own),
   // its last USER when that USER is root
   std::map<std::size_t, const ast::word*> last_root;
   parse::lex_options options;
   options.skip_unset_env = true;
   options.escape = df.escape;
   static const ast::environment none;
   for (const auto& inst : df.instructions) {
      if (inst.name != "user" || inst.words.empty()) {
         continue;
      }
      const auto& word = inst.words[0];
      const auto expanded = parse::process_word(word.text, inst.variables ? *inst.variables : none, options);
      if (is_root(expanded.error ? word.text : expanded.result)) {
         last_root[inst.stage] = &word;
      } else {
         last_root.erase(inst.stage);
      }
   }
   for (const auto& [stage, word] : last_root) {
      cx.report(word->where, "Last USER should not be root.");
   }
}
constexpr std::string_view tags[] = {"security"};
}  // namespace

extern const engine::rule dl3002{
    .id = "DL3002",
    .name = "last-user-root",
    .default_severity = engine::severity::warning,
    .summary = "The last USER of a stage is root",
    .help = "End each stage with a USER that is not root (USER 10001:10001).",
    .tags = tags,
    .visit = {.dockerfile = check},
    .security_severity = "4.0",
};
}  // namespace strata::rules
