// DL3063 (hadolint's id and message): a stage named with a reserved word, `scratch` or
// `context` (compared without case: BuildKit lower-cases stage names). Reported at the name.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& st : df.stages) {
      if (!ast::iequals(st.name, "scratch") && !ast::iequals(st.name, "context")) continue;
      const auto& from = df.instructions[st.from_index];
      cx.report(from.words.size() == 3 ? from.words[2].where : from.where, "stage name should not be a reserved word");
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3063{
    .id = "DL3063",
    .name = "reserved-stage-name",
    .default_severity = engine::severity::warning,
    .summary = "A stage is named scratch or context (reserved words)",
    .help = "Rename the stage (FROM ... AS build): scratch and context already mean something else.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
