// ST1001 stage-name-casing: BuildKit's build check StageNameCasing (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: Stage names should be lowercase
#include <string>

#include <fmt/format.h>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "ast/unicode.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/rule.hpp"
#include "facts/conversion.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   const auto& cv = cx.conversion();
   for (const auto& inst : df.instructions) {
      if (inst.name != "from" || inst.words.size() != 3) continue;
      const std::string& name = inst.words[2].text;
      if (name == ast::lower(name) || !cv.parse_time_reported(inst.start_line)) continue;
      cx.report(inst.where, fmt::format("Stage name '{}' should be lowercase", name));
   }
}
constexpr std::string_view aliases[] = {"StageNameCasing"};
constexpr std::string_view tags[] = {"style"};
}  // namespace

extern const engine::rule st1001{
    .id = "ST1001",
    .name = "stage-name-casing",
    .default_severity = engine::severity::warning,
    .summary = "A stage name is not lowercase",
    .help = "Write stage names in lowercase (FROM alpine AS builder-base).",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "StageNameCasing",
};
}  // namespace strata::rules
