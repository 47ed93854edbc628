// DL3049 (hadolint's id and message): a stage lacks a label of the label schema.
#include <algorithm>

#include <fmt/format.h>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/config.hpp"
#include "engine/context.hpp"
#include "facts/labels.hpp"

namespace strata::rules {
namespace {

// The earlier stage that `st` is built FROM, or null.
const ast::stage* parent_of(const ast::dockerfile& df, const ast::stage& st) {
   for (std::size_t i = 0; i < st.index; ++i) {
      const auto& p = df.stages[i];
      if (!p.name.empty() && ast::lower(p.name) == ast::lower(st.image_expanded)) return &p;
   }
   return nullptr;
}

bool sets_label(const ast::dockerfile& df, const ast::stage& st, std::string_view key, engine::context& cx) {
   for (std::size_t i = st.from_index; i < st.end_index && i < df.instructions.size(); ++i) {
      for (const auto& l : cx.labels(df.instructions[i]))
         if (l.key == key) return true;
   }
   const ast::stage* parent = parent_of(df, st);
   return parent != nullptr && sets_label(df, *parent, key, cx);
}

// A stage only copied from (`COPY --from=<name>`) is not an image anyone runs: hadolint skips it.
bool copied_from(const ast::dockerfile& df, const ast::stage& st) {
   if (st.name.empty()) return false;
   return std::any_of(df.instructions.begin(), df.instructions.end(), [&](const ast::instruction& inst) {
      const ast::flag* from = inst.name == "copy" ? inst.find_flag("from") : nullptr;
      return from != nullptr && ast::lower(from->value) == ast::lower(st.name);
   });
}

void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& req : cx.settings().label_schema) {
      for (const auto& st : df.stages) {
         if (copied_from(df, st) || sets_label(df, st, req.name, cx)) continue;
         cx.report(st.image_span, fmt::format("Label `{}` is missing.", req.name));
      }
   }
}
constexpr std::string_view tags[] = {"metadata"};
}  // namespace

extern const engine::rule dl3049{
    .id = "DL3049",
    .name = "label-missing",
    .default_severity = engine::severity::info,
    .summary = "A stage lacks a label of the label schema",
    .help = "Set the label in the stage (LABEL name=value), or in the stage it is built FROM.",
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
