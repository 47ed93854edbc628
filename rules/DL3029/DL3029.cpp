// DL3029 (hadolint's id and message): `FROM --platform=` with a value that names neither
// BUILDPLATFORM nor TARGETPLATFORM (a constant platform pins the stage to one architecture
// whatever the build is for). Reported at the flag.
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
      const std::string_view value = platform->value;
      if (value.find("BUILDPLATFORM") != std::string_view::npos ||
          value.find("TARGETPLATFORM") != std::string_view::npos) {
         continue;
      }
      cx.report(platform->where, "Do not use --platform flag with FROM");
   }
}
constexpr std::string_view tags[] = {"portability"};
}  // namespace

extern const engine::rule dl3029{
    .id = "DL3029",
    .name = "from-platform-constant",
    .default_severity = engine::severity::warning,
    .summary = "FROM --platform names a platform other than $BUILDPLATFORM or $TARGETPLATFORM",
    .help = "Drop --platform (build with docker build --platform) or use --platform=$BUILDPLATFORM.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
