// DL3024 (hadolint's id and message): a FROM alias (`AS name`) that an earlier stage already
// uses (compared without case: BuildKit lower-cases stage names). Reported at the repeated name.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& st : df.stages) {
      if (st.name.empty()) continue;
      bool taken = false;
      for (std::size_t s = 0; s < st.index && !taken; ++s) taken = ast::iequals(df.stages[s].name, st.name);
      if (!taken) continue;
      const auto& from = df.instructions[st.from_index];
      cx.report(from.words.size() == 3 ? from.words[2].where : from.where, "FROM aliases (stage names) must be unique");
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3024{
    .id = "DL3024",
    .name = "duplicate-stage-name",
    .default_severity = engine::severity::error,
    .summary = "Two FROM instructions use the same stage name",
    .help = "Give every stage its own name (FROM ... AS name).",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
