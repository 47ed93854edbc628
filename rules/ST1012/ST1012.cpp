// ST1012 multiple-instructions-disallowed: BuildKit's build check MultipleInstructionsDisallowed (`docker build
// --check`), with its detail message and at the instruction BuildKit reports. It stands for DL4003, DL4004, DL3012 on
// the same instruction (one finding). Description: Multiple instructions of the same type should not be used in the
// same stage
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
   for (const auto& o : cv.overridden) {
      const auto& later = df.instructions[o.by];
      auto f = cx.locate(df.instructions[o.instruction].where,
                         fmt::format("Multiple {} instructions should not be used in the same stage because only the "
                                     "last one will be used",
                                     later.keyword));
      f.related.push_back(
          {f.file, later.where.start, later.where.stop, fmt::format("the {} that overrides it", later.keyword)});
      cx.report(std::move(f));
   }
}
constexpr std::string_view aliases[] = {"MultipleInstructionsDisallowed", "DL4003", "DL4004", "DL3012"};
constexpr std::string_view tags[] = {"correctness", "maintainability"};
}  // namespace

extern const engine::rule st1012{
    .id = "ST1012",
    .name = "multiple-instructions-disallowed",
    .default_severity = engine::severity::warning,
    .summary = "A CMD, ENTRYPOINT or HEALTHCHECK that a later one overrides",
    .help = "Keep one CMD, ENTRYPOINT and HEALTHCHECK per stage: only the last one takes effect.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "MultipleInstructionsDisallowed",
};
}  // namespace strata::rules
