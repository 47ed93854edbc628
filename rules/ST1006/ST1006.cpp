// ST1006 reserved-stage-name: BuildKit's build check ReservedStageName (`docker build --check`), with its
// detail message and at the instruction BuildKit reports. It stands for DL3063 on the same instruction (one finding).
// Description: Reserved words should not be used as stage names
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
   for (const auto& st : df.stages) {
      const std::string name = ast::lower(st.name);
      if (name != "scratch" && name != "context") continue;
      cx.report(df.instructions[st.from_index].where,
                fmt::format("Stage name should not use the same name as reserved stage {}", ast::go_quote(name)));
   }
}
constexpr std::string_view aliases[] = {"ReservedStageName", "DL3063"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1006{
    .id = "ST1006",
    .name = "reserved-stage-name",
    .default_severity = engine::severity::warning,
    .summary = "A stage is named scratch or context",
    .help = "Rename the stage (FROM ... AS build): scratch and context already mean something else.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "ReservedStageName",
};
}  // namespace strata::rules
