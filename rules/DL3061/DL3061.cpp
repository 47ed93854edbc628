// DL3061 (hadolint's id and message): an instruction other than ARG before the first FROM
// (only ARG may come first; comments and parser directives are not instructions). Each such
// instruction is reported at its keyword; in a file without FROM, every one is.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& inst : df.instructions) {
      if (inst.name == "from") break;
      if (inst.name == "arg") continue;
      cx.report(inst.keyword_span, "Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.");
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3061{
    .id = "DL3061",
    .name = "instruction-before-from",
    .default_severity = engine::severity::error,
    .summary = "An instruction other than ARG comes before the first FROM",
    .help = "Start the Dockerfile with FROM (only ARG, comments and parser directives may come before it).",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
