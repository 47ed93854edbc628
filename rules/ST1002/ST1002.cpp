// ST1002 from-as-casing: BuildKit's build check FromAsCasing (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: The 'as' keyword should match the case of the 'from' keyword
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
   for (const auto& inst : df.instructions) {
      if (inst.name != "from" || inst.words.size() < 3) continue;
      const std::string& kw = inst.keyword;
      const std::string& as = inst.words[1].text;
      const bool lower = kw == ast::lower(kw);
      const bool upper = kw == ast::upper(kw);
      if (!lower && !upper) continue;  // ConsistentInstructionCasing's (ST1004)
      if ((lower ? as == ast::lower(as) : as == ast::upper(as)) || !cv.parse_time_reported(inst.start_line)) continue;
      cx.report(inst.where, fmt::format("'{}' and '{}' keywords' casing do not match", as, kw));
   }
}
constexpr std::string_view aliases[] = {"FromAsCasing"};
constexpr std::string_view tags[] = {"style"};
}  // namespace

extern const engine::rule st1002{
    .id = "ST1002",
    .name = "from-as-casing",
    .default_severity = engine::severity::warning,
    .summary = "The AS keyword of FROM is not in the case of FROM",
    .help = "Write `FROM ... AS name` or `from ... as name`.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "FromAsCasing",
};
}  // namespace strata::rules
