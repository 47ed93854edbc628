// ST0001 dockerfile-syntax-error: the Dockerfile parser's errors, as findings.
#include "ast/dockerfile.hpp"
#include "engine/build_checks.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& e : df.errors) {
      if (e.layer == ast::error_layer::image_name) continue;  // ST0004
      if (e.layer == ast::error_layer::limits) continue;      // ST0007
      cx.report(e.where, e.message);
   }
   // BuildKit fails the build on a lint options value it cannot read (`# check=`, or the
   // BUILDKIT_DOCKERFILE_CHECK build arg, reported at line 1)
   const auto options = engine::lint_options_of(df, cx.settings());
   if (options.problem) {
      ast::span where = options.where;
      if (options.from_build_arg) where = {0, 0, {1, 1}, {1, 1}};
      cx.report(where, "failed to parse check options: " + *options.problem +
                           (options.from_build_arg ? " (build arg BUILDKIT_DOCKERFILE_CHECK)" : ""));
   }
}
constexpr std::string_view tags[] = {"correctness"};
constexpr std::string_view aliases[] = {"DL1000"};  // hadolint's pseudo-rule for parse errors
}  // namespace

extern const engine::rule st0001{
    .id = "ST0001",
    .name = "dockerfile-syntax-error",
    .default_severity = engine::severity::error,
    .summary = "The Dockerfile does not parse (BuildKit rejects it)",
    .help = "Fix the instruction at the reported position; the rest of the file is still checked.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
