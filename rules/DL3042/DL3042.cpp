// DL3042 (hadolint's id and message): `pip install` keeps pip's download cache in the
// layer: no `--no-cache-dir`, no truthy PIP_NO_CACHE_DIR (ENV/ARG in scope, or set in
// the RUN), no cache mount on pip's cache folder.
#include <algorithm>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {

constexpr std::string_view variable = "PIP_NO_CACHE_DIR";

bool truthy(std::string_view v) {
   const std::string l = ast::lower(v);
   return l == "1" || l == "true" || l == "on" || l == "yes";
}

bool is_pip(std::string_view program) {
   return program == "pip" || program == "pip2" || program == "pip3" || program.starts_with("pip3.");
}

bool is_pip_install(const facts::command_query& q) {
   const facts::argument* sub = is_pip(q.program()) ? q.subcommand() : nullptr;
   return sub != nullptr && ast::lower(sub->name) == "install";
}

// A RUN before any FROM (a fragment, linted as one stage): the last ENV or ARG default that set the variable
// before it, in the document (the parser keeps only global ARGs in scope there).
bool set_before_from(const engine::run_view& run, const engine::context& cx) {
   const auto& df = cx.doc().dockerfile;
   if (!df) return false;
   bool on = false;
   for (const ast::instruction& inst : df->instructions) {
      if (&inst == run.instruction) break;
      if (inst.name != "env" && inst.name != "arg") continue;
      for (const ast::key_value& kv : inst.pairs) {
         if (kv.key == variable) on = kv.has_value && truthy(kv.value);
      }
   }
   return on;
}

// PIP_NO_CACHE_DIR set to a truthy value: by the RUN (`export ...`, `PIP_NO_CACHE_DIR=1 pip ...`,
// `env PIP_NO_CACHE_DIR=1 pip ...`), or, outside ONBUILD triggers, by an ENV or ARG in scope.
bool cache_off(const engine::run_view& run, const facts::command_query& q, const engine::context& cx) {
   const auto& f = run.facts;
   const bool set_in_body = std::any_of(f.variables_set.begin(), f.variables_set.end(),
                                        [](const auto& v) { return v.name == variable && truthy(v.value); });
   if (set_in_body) return true;
   for (std::size_t k = 0; k < q.program_index(); ++k) {
      const std::string& w = q.cmd().words[k].value;
      if (w.starts_with(variable) && w.size() > variable.size() && w[variable.size()] == '=' &&
          truthy(std::string_view(w).substr(variable.size() + 1))) {
         return true;
      }
   }
   if (run.instruction == nullptr || run.onbuild) return false;
   if (run.stage == nullptr) return set_before_from(run, cx);
   if (!run.instruction->variables) return false;
   const auto* it = run.instruction->variables->find(variable);
   return it != nullptr && truthy(it->second);
}

bool cache_mounted(const ast::instruction& inst) {
   return std::any_of(inst.mounts.begin(), inst.mounts.end(), [](const ast::mount& m) {
      return m.type == "cache" && m.target.find(".cache/pip") != std::string::npos;
   });
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only: history entries do not show the ENV in effect
   const auto& f = run.facts;
   if (cache_mounted(*run.instruction)) return;
   for (std::size_t i = 0; i < f.commands.size(); ++i) {
      // hadolint does not look into `sh -c` strings; a query only for pip (command::program, when known)
      const std::string& program = f.commands[i].program;
      if (f.commands[i].in_string || (!program.empty() && !is_pip(program))) continue;
      const facts::command_query q(f.commands[i], f.shell == facts::shell_kind::pwsh);
      if (!is_pip_install(q)) continue;
      // its own --no-cache-dir, or a later `pip cache purge` / `rm -rf ~/.cache/pip` (not another pip install's flag)
      const bool cleaned = std::any_of(f.cleanups.begin(), f.cleanups.end(), [&](const facts::cleanup& c) {
         if (c.kind != "pip-cache" || c.command < static_cast<int>(i)) return false;
         return c.command == static_cast<int>(i) ||
                !is_pip_install(facts::command_query(f.commands[static_cast<std::size_t>(c.command)], false));
      });
      if (cleaned || cache_off(run, q, cx)) continue;
      cx.report(q.cmd().words[q.program_index()].where,
                "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.");
   }
}
constexpr std::string_view tags[] = {"image-size"};
}  // namespace

extern const engine::rule dl3042{
    .id = "DL3042",
    .name = "pip-install-with-cache",
    .default_severity = engine::severity::warning,
    .summary = "pip install keeps its download cache in the image",
    .help = "Add --no-cache-dir (or set ENV PIP_NO_CACHE_DIR=1, or use a cache mount on /root/.cache/pip).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
