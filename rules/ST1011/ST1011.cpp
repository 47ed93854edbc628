// ST1011 undefined-var: BuildKit's build check UndefinedVar (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: Variables should be defined before their use
#include <set>
#include <string>
#include <utility>

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
   std::set<std::pair<std::size_t, std::string_view>> seen;  // one finding per instruction and name
   for (const auto& u : cv.undefined_vars) {
      if (!seen.emplace(u.instruction, u.name).second) continue;
      std::string message = fmt::format("Usage of undefined variable '${}'", u.name);
      if (!u.suggestion.empty()) message += fmt::format(" (did you mean ${}?)", u.suggestion);
      cx.report(df.instructions[u.instruction].where, std::move(message));
   }
}
constexpr std::string_view aliases[] = {"UndefinedVar"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1011{
    .id = "ST1011",
    .name = "undefined-var",
    .default_severity = engine::severity::warning,
    .summary = "An instruction uses a variable that is not defined",
    .help = "Declare it (ARG NAME, ENV NAME=value) before the use, or fix the name.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "UndefinedVar",
    .precision = "medium",
};
}  // namespace strata::rules
