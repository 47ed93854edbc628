// DL3067 (hadolint's id and message): `COPY --from=<stage or image> / /` (one of the sources
// is the root, and so is the destination): it copies a whole file system over the stage's
// own. Reported at the --from flag.
#include <algorithm>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
std::string_view drop_quotes(std::string_view s) {
   while (!s.empty() && (s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
   while (!s.empty() && (s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
   return s;
}

void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& inst : df.instructions) {
      if (inst.name != "copy" || inst.words.size() < 2) continue;
      const auto* from = inst.find_flag("from");
      if (from == nullptr || drop_quotes(inst.words.back().text) != "/") continue;
      const bool root_source = std::any_of(inst.words.begin(), inst.words.end() - 1,
                                           [](const ast::word& w) { return drop_quotes(w.text) == "/"; });
      if (root_source) cx.report(from->where, "Do not copy an entire filesystem from another stage");
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl3067{
    .id = "DL3067",
    .name = "copy-whole-filesystem-from-stage",
    .default_severity = engine::severity::warning,
    .summary = "COPY --from=<stage> / / copies a whole file system",
    .help = "Copy only the directories or files the stage needs (COPY --from=build /app /app).",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
