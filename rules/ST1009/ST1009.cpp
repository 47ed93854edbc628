// ST1009 undefined-arg-in-from: BuildKit's build check UndefinedArgInFrom (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: FROM command must use declared ARGs
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
   for (const auto& u : cv.undefined_from_args) {
      std::string message = fmt::format("FROM argument '{}' is not declared", u.name);
      if (!u.suggestion.empty()) message += fmt::format(" (did you mean {}?)", u.suggestion);
      cx.report(df.instructions[u.instruction].where, std::move(message));
   }
}
constexpr std::string_view aliases[] = {"UndefinedArgInFrom"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1009{
    .id = "ST1009",
    .name = "undefined-arg-in-from",
    .default_severity = engine::severity::warning,
    .summary = "FROM uses a variable no global ARG declares",
    .help = "Declare the ARG before the first FROM (ARG VERSION=1.2), or fix the name.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "UndefinedArgInFrom",
};
}  // namespace strata::rules
