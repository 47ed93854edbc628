// ST1004 consistent-instruction-casing: BuildKit's build check ConsistentInstructionCasing (`docker build --check`),
// with its detail message and at the instruction BuildKit reports. Description: All commands within the Dockerfile
// should use the same casing (either upper or l...
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
   if (!cx.conversion().before_dispatch_reported()) return;
   std::size_t lower = 0, upper = 0;
   for (const auto& inst : df.instructions) {
      if (inst.stage == ast::instruction::no_stage) continue;  // global ARGs: neither counted nor checked
      if (inst.keyword == ast::lower(inst.keyword)) ++lower;
      if (inst.keyword == ast::upper(inst.keyword)) ++upper;
   }
   const bool majority_lower = lower > upper;  // a tie is upper case
   for (const auto& inst : df.instructions) {
      if (inst.stage == ast::instruction::no_stage) continue;
      const std::string want = majority_lower ? ast::lower(inst.keyword) : ast::upper(inst.keyword);
      if (inst.keyword == want) continue;
      cx.report(inst.keyword_span, fmt::format("Command '{}' should match the case of the command majority ({})",
                                               inst.keyword, majority_lower ? "lowercase" : "uppercase"));
   }
}
constexpr std::string_view aliases[] = {"ConsistentInstructionCasing"};
constexpr std::string_view tags[] = {"style"};
}  // namespace

extern const engine::rule st1004{
    .id = "ST1004",
    .name = "consistent-instruction-casing",
    .default_severity = engine::severity::warning,
    .summary = "An instruction keyword not in the case of the majority",
    .help = "Write every instruction keyword in one case (upper case is the convention).",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "ConsistentInstructionCasing",
};
}  // namespace strata::rules
