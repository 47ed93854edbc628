// DL3025 (hadolint's id and message): CMD, ENTRYPOINT or HEALTHCHECK CMD in shell form.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
constexpr std::string_view message = "Use arguments JSON notation for CMD and ENTRYPOINT arguments";

void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.form != ast::argument_form::shell || inst.words.empty()) {
      return;
   }
   if (inst.name == "cmd" || inst.name == "entrypoint") {
      cx.report(inst.words[0].where, std::string(message));
   } else if (inst.name == "healthcheck" && inst.words.size() > 1 && ast::iequals(inst.words[0].text, "cmd")) {
      // the type word, then the command as written (HEALTHCHECK NONE has no command)
      cx.report(inst.words[1].where, std::string(message));
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3025{
    .id = "DL3025",
    .name = "shell-form-cmd-entrypoint",
    .default_severity = engine::severity::warning,
    .summary = "CMD, ENTRYPOINT or HEALTHCHECK CMD in shell form",
    .help = "Write the command as a JSON array (CMD [\"nginx\", \"-g\", \"daemon off;\"]).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
