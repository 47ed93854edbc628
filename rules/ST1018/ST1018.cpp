// ST1018 copy-ignored-file: BuildKit's build check CopyIgnoredFile (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: Attempting to Copy file that is excluded by .dockerignore
#include <string>

#include <fmt/format.h>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "ast/unicode.hpp"
#include "engine/build_context.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/rule.hpp"
#include "facts/conversion.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   const auto& cv = cx.conversion();
   if (!cv.dispatch_reported() || cv.context_sources.empty()) return;
   const auto& ignore = engine::build_context_ignore(df, cx.settings());
   if (ignore.empty()) return;
   for (const auto& s : cv.context_sources) {
      if (!ignore.excludes_source(s.path)) continue;
      const auto& inst = df.instructions[s.instruction];
      cx.report(inst.where, fmt::format("Attempting to {} file {} that is excluded by .dockerignore",
                                        inst.name == "add" ? "Add" : "Copy", ast::go_quote(s.path)));
   }
}
constexpr std::string_view aliases[] = {"CopyIgnoredFile"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1018{
    .id = "ST1018",
    .name = "copy-ignored-file",
    .default_severity = engine::severity::warning,
    .summary = "COPY or ADD of a file that .dockerignore excludes",
    .help = "Remove the file from .dockerignore (or add a `!` exception), or stop copying it.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "CopyIgnoredFile",
};
}  // namespace strata::rules
