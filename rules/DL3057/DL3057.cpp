// DL3057 (hadolint's id and message; opt-in): a stage has no HEALTHCHECK.
#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {

bool has_healthcheck(const ast::dockerfile& df, const ast::stage& st, std::size_t depth = 0) {
   for (std::size_t i = st.from_index; i < st.end_index && i < df.instructions.size(); ++i) {
      if (df.instructions[i].name == "healthcheck") return true;
   }
   if (depth > df.stages.size()) return false;
   for (std::size_t i = 0; i < st.index; ++i) {  // inherited from the stage it is built FROM
      const auto& p = df.stages[i];
      if (!p.name.empty() && ast::lower(p.name) == ast::lower(st.image_expanded))
         return has_healthcheck(df, p, depth + 1);
   }
   return false;
}

void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& st : df.stages) {
      if (!has_healthcheck(df, st)) cx.report(st.image_span, "`HEALTHCHECK` instruction missing.");
   }
}
constexpr std::string_view tags[] = {"operations"};
}  // namespace

extern const engine::rule dl3057{
    .id = "DL3057",
    .name = "healthcheck-missing",
    .default_severity = engine::severity::info,
    .summary = "A stage has no HEALTHCHECK (opt-in rule)",
    .help = "Add a HEALTHCHECK that probes the service (HEALTHCHECK CMD curl -f http://localhost/ || exit 1).",
    .tags = tags,
    .visit = {.dockerfile = check},
    .off_by_default = true,
};
}  // namespace strata::rules
