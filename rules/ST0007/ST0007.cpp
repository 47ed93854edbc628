// ST0007 expansion-too-large: an ARG or ENV value (or a FROM) whose expansion passes strata's
// limit of 64 KiB (parse::lex_options::max_result_bytes). BuildKit has no such limit; past it
// strata treats the value as unknown, so the rules that read it see less than the build does.
#include "ast/dockerfile.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& e : df.errors) {
      if (e.layer == ast::error_layer::limits) cx.report(e.where, e.message);
   }
}
constexpr std::string_view tags[] = {"correctness", "reliability"};
}  // namespace

extern const engine::rule st0007{
    .id = "ST0007",
    .name = "expansion-too-large",
    .default_severity = engine::severity::warning,
    .summary = "An ARG or ENV value expands to more than 64 KiB",
    .help = "Do not build values by doubling earlier ones (ENV B=$A$A); pass large data as a file.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
