// ST1016 invalid-default-arg-in-from: BuildKit's build check InvalidDefaultArgInFrom (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: Default value for global ARG results in an empty or invalid base image name
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
   if (!cv.before_dispatch_reported()) return;
   for (const std::size_t i : cv.invalid_default_froms) {
      const auto& inst = df.instructions[i];
      cx.report(inst.where, fmt::format("Default value for ARG {} results in empty or invalid base image name",
                                        inst.words.empty() ? std::string() : inst.words[0].text));
   }
}
constexpr std::string_view aliases[] = {"InvalidDefaultArgInFrom"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1016{
    .id = "ST1016",
    .name = "invalid-default-arg-in-from",
    .default_severity = engine::severity::warning,
    .summary = "The default values of the global ARGs give FROM no valid image",
    .help = "Give the ARG a default that makes a valid image reference (ARG TAG=3.20).",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "InvalidDefaultArgInFrom",
};
}  // namespace strata::rules
