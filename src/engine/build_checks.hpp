// BuildKit's lint options: which build checks (rules with `rule::buildkit_check`) a Dockerfile
// turns off, turns on (the experimental ones) or makes errors.
//
// Read as BuildKit's linter.ParseLintOptions reads them (moby/buildkit frontend/dockerfile/linter):
// from the build arg `BUILDKIT_DOCKERFILE_CHECK` when it is given (even empty: it replaces the
// directive), else from the `# check=` parser directive, whose value is taken up to its first
// space. The value is at most three `;`-separated `key=value` options:
//   skip=A,B | skip=all          the checks not reported (never the experimental ones)
//   experimental=A,B | all       the experimental checks reported
//   error=true                   every reported check is an error (Go's strconv.ParseBool)
// Check names are BuildKit's, compared exactly (strata also takes its rule ids, ST1001).
// A `# check=skip=A` comment line right above an instruction (not at the top of the file, where
// it is the directive) skips those checks for that instruction only: `# check=skip=all // why`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast/source.hpp"
#include "engine/config.hpp"
#include "engine/finding.hpp"

namespace strata::ast {
struct dockerfile;
}

namespace strata::engine {

struct lint_options {
   bool skip_all = false;
   std::vector<std::string> skip;
   bool experimental_all = false;
   std::vector<std::string> experimental;
   bool error = false;
   /// Why the value could not be read (BuildKit fails the build: `failed to parse check options`);
   /// then no option applies.
   std::optional<std::string> problem;
   bool from_build_arg = false;  ///< read from BUILDKIT_DOCKERFILE_CHECK, not the directive
   ast::span where;              ///< the `# check=` directive (empty for the build arg)
};

/// Reads a lint options value (the directive's value after its first space is cut, or the
/// build arg's). Never throws.
[[nodiscard]] lint_options parse_lint_options(std::string_view value);

/// The lint options of `df` for a build with `cfg`'s build args; default options when neither
/// the build arg nor the directive is present.
[[nodiscard]] lint_options lint_options_of(const ast::dockerfile& df, const config& cfg);

/// Applies `options` to the findings of `df`'s BuildKit checks in out[first..]: drops the
/// skipped ones (by the file's options or by a `# check=skip=` comment above the instruction)
/// and the experimental ones not enabled (by the options, or because `cfg` names the rule
/// exactly in `select` or gives it a severity), and makes the rest errors with `error=true`.
/// Findings of other rules are left alone.
void apply_lint_options(const ast::dockerfile& df, const lint_options& options, const config* cfg,
                        std::vector<finding>& out, std::size_t first);

}  // namespace strata::engine
