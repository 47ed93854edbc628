// ST1014 redundant-target-platform: BuildKit's build check RedundantTargetPlatform (`docker build --check`), with its
// detail message and at the instruction BuildKit reports. It stands for DL3065 on the same instruction (one finding).
// Description: Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is t...
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
   for (const std::size_t i : cv.redundant_target_platforms) {
      const auto& inst = df.instructions[i];
      const auto* flag = inst.find_flag("platform");
      cx.report(inst.where, fmt::format("Setting platform to predefined {} in FROM is redundant as this is the default "
                                        "behavior",
                                        flag != nullptr ? flag->value : std::string("$TARGETPLATFORM")));
   }
}
constexpr std::string_view aliases[] = {"RedundantTargetPlatform", "DL3065"};
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule st1014{
    .id = "ST1014",
    .name = "redundant-target-platform",
    .default_severity = engine::severity::warning,
    .summary = "FROM --platform=$TARGETPLATFORM, which is the default",
    .help = "Drop the --platform flag: FROM already pulls the image for the target platform.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "RedundantTargetPlatform",
};
}  // namespace strata::rules
