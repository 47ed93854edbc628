// ST1005 duplicate-stage-name: BuildKit's build check DuplicateStageName (`docker build --check`), with its
// detail message and at the instruction BuildKit reports. It stands for DL3024 on the same instruction (one finding).
// Description: Stage names should be unique
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
   if (!cx.conversion().before_dispatch_reported()) return;
   for (const auto& st : df.stages) {
      if (st.name.empty()) continue;
      const std::string name = ast::lower(st.name);
      bool taken = false;
      for (std::size_t s = 0; s < st.index && !taken; ++s) taken = ast::lower(df.stages[s].name) == name;
      if (!taken) continue;
      cx.report(df.instructions[st.from_index].where,
                fmt::format("Duplicate stage name {}, stage names should be unique", ast::go_quote(name)));
   }
}
constexpr std::string_view aliases[] = {"DuplicateStageName", "DL3024"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1005{
    .id = "ST1005",
    .name = "duplicate-stage-name",
    .default_severity = engine::severity::error,
    .summary = "Two stages have the same name",
    .help = "Give every stage its own name (FROM ... AS name).",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
    .buildkit_check = "DuplicateStageName",
};
}  // namespace strata::rules
