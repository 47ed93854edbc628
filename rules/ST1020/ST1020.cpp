// ST1020 expose-invalid-format: BuildKit's build check ExposeInvalidFormat (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: IP address and host-port mapping should not be used in EXPOSE instruction. This ...
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
      if (!p.address_or_mapping) continue;
      cx.report(
          df.instructions[p.instruction].where,
          fmt::format("EXPOSE instruction should not define an IP address or host-port mapping, found '{}'", p.spec));
   }
}
constexpr std::string_view aliases[] = {"ExposeInvalidFormat"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1020{
    .id = "ST1020",
    .name = "expose-invalid-format",
    .default_severity = engine::severity::warning,
    .summary = "EXPOSE with an IP address or a host port",
    .help = "Expose the container port only (EXPOSE 80); publish it with docker run -p.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "ExposeInvalidFormat",
};
}  // namespace strata::rules
