// ST1007 json-args-recommended: BuildKit's build check JSONArgsRecommended (`docker build --check`), with its
// detail message and at the instruction BuildKit reports. It stands for DL3025 on the same instruction (one finding).
// Description: JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior rel...
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
   if (!cv.dispatch_reported()) return;
   for (const std::size_t i : cv.shell_form_without_shell) {
      const auto& inst = df.instructions[i];
      cx.report(inst.where, fmt::format("JSON arguments recommended for {} to prevent unintended behavior related to "
                                        "OS signals",
                                        inst.keyword));
   }
}
constexpr std::string_view aliases[] = {"JSONArgsRecommended", "DL3025"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1007{
    .id = "ST1007",
    .name = "json-args-recommended",
    .default_severity = engine::severity::warning,
    .summary = "CMD or ENTRYPOINT in shell form without a SHELL",
    .help = "Write the command as a JSON array (CMD [\"nginx\", \"-g\", \"daemon off;\"]).",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "JSONArgsRecommended",
};
}  // namespace strata::rules
