// DL3065 (hadolint's id and message): `FROM --platform=$TARGETPLATFORM` (or
// `${TARGETPLATFORM}`): the target platform is what FROM uses anyway. Reported at the flag.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& inst : df.instructions) {
      if (inst.name != "from") continue;
      const auto* platform = inst.find_flag("platform");
      if (platform == nullptr) continue;
      if (platform->value != "$TARGETPLATFORM" && platform->value != "${TARGETPLATFORM}") continue;
      cx.report(platform->where,
                "Setting `FROM --platform` to predefined `$TARGETPLATFORM` in is redundant as this is the default "
                "behavior");
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl3065{
    .id = "DL3065",
    .name = "redundant-target-platform",
    .default_severity = engine::severity::warning,
    .summary = "FROM --platform=$TARGETPLATFORM, which is the default",
    .help = "Drop the --platform flag: FROM already pulls the image for the target platform.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
