// ST1008 maintainer-deprecated: BuildKit's build check MaintainerDeprecated (`docker build --check`), with its
// detail message and at the instruction BuildKit reports. It stands for DL4000 on the same instruction (one finding).
// Description: The MAINTAINER instruction is deprecated, use a label instead to define an image...
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
void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name == "maintainer" && cx.conversion().parse_time_reported(inst.start_line))
      cx.report(inst.where, "Maintainer instruction is deprecated in favor of using label");
}
constexpr std::string_view aliases[] = {"MaintainerDeprecated", "DL4000"};
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule st1008{
    .id = "ST1008",
    .name = "maintainer-deprecated",
    .default_severity = engine::severity::warning,
    .summary = "MAINTAINER is used",
    .help = "Use LABEL org.opencontainers.image.authors=\"name <mail>\" instead of MAINTAINER.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.instruction = check},
    .buildkit_check = "MaintainerDeprecated",
};
}  // namespace strata::rules
