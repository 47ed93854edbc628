// DL3022 (hadolint's id and message): `COPY --from` names neither a stage defined so far
// (by name, or by index below the number of FROMs up to and including the current one) nor
// an image with a tag (`--from=alpine:3.20`, recognised by its `:`). The value is read
// after ARG/ENV substitution; one that still holds an unresolved variable is not judged.
#include <algorithm>
#include <cctype>
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

// Whether `ref` names one of the first `count` stages of `df`: by name (compared without
// case, as BuildKit does) or by index.
bool names_stage(const ast::dockerfile& df, std::string_view ref, std::size_t count) {
   for (std::size_t s = 0; s < count && s < df.stages.size(); ++s) {
      if (!df.stages[s].name.empty() && ast::iequals(df.stages[s].name, ref)) return true;
   }
   const bool digits = !ref.empty() && ref.size() < 10 &&
                       std::all_of(ref.begin(), ref.end(), [](unsigned char c) { return std::isdigit(c); });
   return digits && std::stoul(std::string(ref)) < count;
}

void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& inst : df.instructions) {
      if (inst.name != "copy") continue;
      const auto* from = inst.find_flag("from");
      if (from == nullptr) continue;
      const auto expanded = parse::expand(df, inst, from->value);
      const std::string ref(expanded.error ? drop_quotes(from->value) : std::string_view(expanded.result));
      if (ref.find('$') != std::string::npos || ref.find(':') != std::string::npos) continue;
      const std::size_t count = inst.stage == ast::instruction::no_stage ? 0 : inst.stage + 1;
      if (names_stage(df, ref, count)) continue;
      cx.report(from->where, "`COPY --from` should reference a previously defined `FROM` alias");
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3022{
    .id = "DL3022",
    .name = "copy-from-unknown-stage",
    .default_severity = engine::severity::warning,
    .summary = "COPY --from names no stage defined before it (nor an image with a tag)",
    .help = "Name an earlier stage (FROM ... AS name) or a tagged image (COPY --from=image:tag).",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
