// DL3033 (hadolint's id and message): a package of `yum install` without a
// `-VERSION` (a module of `module install` without `:STREAM`). A version given by a
// variable counts when the variable is declared by an ARG or ENV in scope.
#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/model.hpp"

namespace strata::rules {
namespace {
// Index in the Dockerfile of the instruction whose scope applies: the RUN, or for an ONBUILD
// trigger the ONBUILD holding it; nullopt for history entries.
std::optional<std::size_t> position_of(const engine::run_view& run, const ast::dockerfile& df) {
   const auto it = std::find_if(df.instructions.begin(), df.instructions.end(), [&](const ast::instruction& i) {
      return &i == run.instruction || (!i.trigger.empty() && &i.trigger.front() == run.instruction);
   });
   if (it == df.instructions.end()) return std::nullopt;
   return static_cast<std::size_t>(it - df.instructions.begin());
}

// The names declared by ARG or ENV before instruction `at`: before any FROM, earlier in its
// stage, or in a stage it is based on (`FROM base`); nullopt when not known (history entries).
std::optional<std::set<std::string, std::less<>>> declared_names(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr || !cx.doc().dockerfile) return std::nullopt;
   const ast::dockerfile& df = *cx.doc().dockerfile;
   const auto at = position_of(run, df);
   if (!at) return std::nullopt;
   std::set<std::size_t> stages;  // the instruction's stage and its ancestors
   for (std::size_t s = df.instructions[*at].stage; s != ast::instruction::no_stage && stages.insert(s).second;) {
      const std::string base = ast::lower(df.stages[s].image_expanded);
      const auto parent =
          std::find_if(df.stages.begin(), df.stages.begin() + static_cast<std::ptrdiff_t>(s),
                       [&](const ast::stage& p) { return !p.name.empty() && ast::lower(p.name) == base; });
      s = parent == df.stages.begin() + static_cast<std::ptrdiff_t>(s) ? ast::instruction::no_stage : parent->index;
   }
   std::set<std::string, std::less<>> names;
   for (std::size_t k = 0; k < *at; ++k) {
      const auto& inst = df.instructions[k];
      if ((inst.name != "arg" && inst.name != "env") ||
          (inst.stage != ast::instruction::no_stage && !stages.contains(inst.stage))) {
         continue;
      }
      for (const auto& kv : inst.pairs) names.insert(kv.key);
   }
   return names;
}

// Whether every variable the package word refers to is declared.
bool variables_declared(const facts::run_facts& f, const facts::install& in,
                        const std::optional<std::set<std::string, std::less<>>>& names) {
   return std::all_of(f.variables_referenced.begin(), f.variables_referenced.end(),
                      [&](const facts::variable_reference& r) {
                         const bool inside = r.where.begin >= in.where.begin && r.where.end <= in.where.end;
                         return !inside || !names || names->contains(r.name);
                      });
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: not the RUN entries of published history
   std::optional<std::optional<std::set<std::string, std::less<>>>> names;  // computed on first use
   for (const auto& in : run.facts.installs) {
      if (in.manager != "yum") continue;
      if (in.pinned) {
         if (!names) names = declared_names(run, cx);
         if (variables_declared(run.facts, in, *names)) continue;
      }
      cx.report(in.where, "Specify version with `yum install -y <package>-<version>`.");
   }
}
constexpr std::string_view tags[] = {"reproducibility"};
}  // namespace

extern const engine::rule dl3033{
    .id = "DL3033",
    .name = "yum-install-unpinned",
    .default_severity = engine::severity::warning,
    .summary = "yum package without a version",
    .help = "Pin the package: yum install -y <package>-<version> (modules: <module>:<stream>).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
