// ST1013 legacy-key-value-format: BuildKit's build check LegacyKeyValueFormat (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: Legacy key/value format with whitespace separator should not be used
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
   for (const std::size_t i : cv.legacy_key_values) {
      const auto& inst = df.instructions[i];
      cx.report(inst.where, fmt::format("\"{0} key=value\" should be used instead of legacy \"{0} key value\" format",
                                        inst.keyword));
   }
}
constexpr std::string_view aliases[] = {"LegacyKeyValueFormat"};
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule st1013{
    .id = "ST1013",
    .name = "legacy-key-value-format",
    .default_severity = engine::severity::warning,
    .summary = "ENV or LABEL in the legacy `key value` form",
    .help = "Write ENV key=value (LABEL key=value).",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "LegacyKeyValueFormat",
};
}  // namespace strata::rules
