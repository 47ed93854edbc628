// ST1019 expose-proto-casing: BuildKit's build check ExposeProtoCasing (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: Protocol in EXPOSE instruction should be lowercase
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
   for (const auto& p : cv.expose_ports) {
      if (!p.protocol_casing) continue;
      cx.report(df.instructions[p.instruction].where,
                fmt::format("Defined protocol '{}' in EXPOSE instruction should be lowercase", p.spec));
   }
}
constexpr std::string_view aliases[] = {"ExposeProtoCasing"};
constexpr std::string_view tags[] = {"style"};
}  // namespace

extern const engine::rule st1019{
    .id = "ST1019",
    .name = "expose-proto-casing",
    .default_severity = engine::severity::warning,
    .summary = "EXPOSE with an upper-case protocol",
    .help = "Write the protocol in lowercase (EXPOSE 80/tcp).",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "ExposeProtoCasing",
};
}  // namespace strata::rules
