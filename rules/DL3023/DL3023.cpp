// DL3023 (hadolint's id and message): `COPY --from` names the stage the COPY is in, by its
// name (compared without case, as BuildKit does) or by its index. The value is read after
// ARG/ENV substitution.
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "parse/dockerfile_instructions.hpp"

namespace strata::rules {
namespace {
std::string_view drop_quotes(std::string_view s) {
   while (!s.empty() && (s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
   while (!s.empty() && (s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
   return s;
}

void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& inst : df.instructions) {
      if (inst.name != "copy" || inst.stage >= df.stages.size()) continue;
      const auto* from = inst.find_flag("from");
      if (from == nullptr) continue;
      const auto expanded = parse::expand(df, inst, from->value);
      const std::string ref(expanded.error ? drop_quotes(from->value) : std::string_view(expanded.result));
      const auto& st = df.stages[inst.stage];
      if ((!st.name.empty() && ast::iequals(st.name, ref)) || ref == std::to_string(st.index)) {
         cx.report(from->where, "`COPY --from` cannot reference its own `FROM` alias");
      }
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3023{
    .id = "DL3023",
    .name = "copy-from-own-stage",
    .default_severity = engine::severity::error,
    .summary = "COPY --from names the stage it is in",
    .help = "Copy from an earlier stage or an image; a stage cannot copy from itself.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
