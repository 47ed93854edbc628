// ST1010 workdir-relative-path: BuildKit's build check WorkdirRelativePath (`docker build --check`), with its
// detail message and at the instruction BuildKit reports. It stands for DL3000 on the same instruction (one finding).
// Description: Relative workdir without an absolute workdir declared within the build can have ...
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
   for (const std::size_t i : cv.relative_first_workdirs) {
      const auto& inst = df.instructions[i];
      cx.report(inst.where, fmt::format("Relative workdir {} can have unexpected results if the base image changes",
                                        ast::go_quote(inst.words.empty() ? std::string() : inst.words[0].text)));
   }
}
constexpr std::string_view aliases[] = {"WorkdirRelativePath", "DL3000"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1010{
    .id = "ST1010",
    .name = "workdir-relative-path",
    .default_severity = engine::severity::warning,
    .summary = "The first WORKDIR of a stage is relative",
    .help = "Make the first WORKDIR of the stage absolute (WORKDIR /app).",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "WorkdirRelativePath",
};
}  // namespace strata::rules
