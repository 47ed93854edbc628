// DL3066 (hadolint's id and message): USER with a user name rather than a numeric UID.
#include <algorithm>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "parse/shell_lexer.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "user" || inst.words.empty()) {
      return;
   }
   const auto& word = inst.words[0];
   // Windows has no numeric user ids: USER names the account (ContainerUser, ContainerAdministrator)
   const auto* df = cx.doc().dockerfile ? &*cx.doc().dockerfile : nullptr;
   if (df != nullptr && inst.stage < df->stages.size() && engine::windows_stage(*df, df->stages[inst.stage])) return;
   parse::lex_options options;
   options.skip_unset_env = true;
   if (cx.doc().dockerfile) options.escape = cx.doc().dockerfile->escape;
   static const ast::environment none;
   const auto expanded = parse::process_word(word.text, inst.variables ? *inst.variables : none, options);
   // a variable the file gives no value (`ARG APP_UID`, set by --build-arg) may hold a number
   if (expanded.error || !expanded.unmatched.empty()) {
      return;
   }
   const std::string_view user = expanded.result;
   const std::string_view uid = user.substr(0, user.find(':'));
   if (!std::all_of(uid.begin(), uid.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      cx.report(word.where, "Non-numeric user-id may not be resolvable by host system");
   }
}
constexpr std::string_view tags[] = {"portability"};
}  // namespace

extern const engine::rule dl3066{
    .id = "DL3066",
    .name = "user-non-numeric-uid",
    .default_severity = engine::severity::info,
    .summary = "USER names a user instead of a numeric UID",
    .help = "Give USER the numeric UID (and GID) of the user (USER 10001:10001).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
