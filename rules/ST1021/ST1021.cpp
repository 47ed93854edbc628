// ST1021 invalid-definition-description: BuildKit's build check InvalidDefinitionDescription (`docker build --check`),
// with its detail message and at the instruction BuildKit reports. Description: Comment for build stage or argument
// should follow the format: `# <arg/stage name...
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
   for (const auto& d : cv.definition_comments) {
      const auto& inst = df.instructions[d.instruction];
      if (!cv.parse_time_reported(inst.start_line)) continue;
      cx.report(inst.where, fmt::format("Comment for {} should follow the format: `# {} <description>`",
                                        inst.name == "from" ? "FROM" : "ARG", d.key));
   }
}
constexpr std::string_view aliases[] = {"InvalidDefinitionDescription"};
constexpr std::string_view tags[] = {"style"};
}  // namespace

extern const engine::rule st1021{
    .id = "ST1021",
    .name = "invalid-definition-description",
    .default_severity = engine::severity::style,
    .summary = "The comment above a stage or ARG does not start with its name",
    .help =
        "Start the comment with the stage or ARG name (# builder compiles the sources), or separate it with a blank "
        "line.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "InvalidDefinitionDescription",
    .experimental = true,
};
}  // namespace strata::rules
