// ST1017 from-platform-flag-const-disallowed: BuildKit's build check FromPlatformFlagConstDisallowed (`docker build
// --check`), with its detail message and at the instruction BuildKit reports. It stands for DL3029 on the same
// instruction (one finding). Description: FROM --platform flag should not use a constant value
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
   for (const auto& [i, value] : cv.constant_platforms) {
      cx.report(df.instructions[i].where,
                fmt::format("FROM --platform flag should not use constant value {}", ast::go_quote(value)));
   }
}
constexpr std::string_view aliases[] = {"FromPlatformFlagConstDisallowed", "DL3029"};
constexpr std::string_view tags[] = {"portability"};
}  // namespace

extern const engine::rule st1017{
    .id = "ST1017",
    .name = "from-platform-flag-const-disallowed",
    .default_severity = engine::severity::warning,
    .summary = "FROM --platform with a constant the stage name does not name",
    .help =
        "Drop --platform (build with docker build --platform), use $BUILDPLATFORM, or name the stage after its "
        "platform.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "FromPlatformFlagConstDisallowed",
};
}  // namespace strata::rules
