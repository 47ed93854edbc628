// ST1015 secrets-used-in-arg-or-env: BuildKit's build check SecretsUsedInArgOrEnv (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: Sensitive data should not be used in the ARG or ENV commands
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
   for (const auto& s : cv.secret_keys) {
      const auto& inst = df.instructions[s.instruction];
      cx.report(inst.where, fmt::format("Do not use ARG or ENV instructions for sensitive data ({} {})",
                                        inst.name == "arg" ? "ARG" : "ENV", ast::go_quote(s.key)));
   }
}
constexpr std::string_view aliases[] = {"SecretsUsedInArgOrEnv"};
constexpr std::string_view tags[] = {"security"};
}  // namespace

extern const engine::rule st1015{
    .id = "ST1015",
    .name = "secrets-used-in-arg-or-env",
    .default_severity = engine::severity::warning,
    .summary = "An ARG or ENV named like a secret",
    .help = "Pass secrets with RUN --mount=type=secret (docker build --secret), not ARG or ENV.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "SecretsUsedInArgOrEnv",
    .security_severity = "7.5",
    .precision = "medium",
};
}  // namespace strata::rules
