// ST2004 pipe-to-shell: a RUN runs what it downloads without keeping it as a
// file: `curl URL | sh`, `wget -O- URL | bash`, `sh -c "$(curl URL)"`,
// `bash <(curl URL)`, `iwr URL | iex`, `iex ((New-Object Net.WebClient).DownloadString(URL))`.
#include <fmt/format.h>

#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {

// A shell (sh, bash, ..., PowerShell), `iex` / Invoke-Expression, or a script interpreter.
bool runs_code(const facts::command& c) {
   if (facts::shell_from_executable(c.name) == facts::shell_kind::sh ||
       facts::shell_from_executable(c.name) == facts::shell_kind::pwsh) {
      return true;
   }
   std::string n = ast::lower(c.name);
   if (n.ends_with(".exe")) n.resize(n.size() - 4);
   return n == "iex" || n == "invoke-expression" || n == "python" || n.starts_with("python3") || n == "perl" ||
          n == "ruby" || n == "node";
}

void check(const engine::run_view& run, engine::context& cx) {
   const auto& f = run.facts;
   for (const auto& d : f.downloads) {
      if (d.command < 0) continue;
      const auto index = static_cast<std::size_t>(d.command);
      const facts::command* runner = nullptr;
      // piped into an interpreter, possibly through other commands (`curl | tee x | sh`)
      for (int next = f.commands[index].piped_to, hops = 0; next >= 0 && hops < 16; ++hops) {
         const auto& c = f.commands[static_cast<std::size_t>(next)];
         if (runs_code(c)) {
            runner = &c;
            break;
         }
         next = c.piped_to;
      }
      // or its output is an interpreter's argument: `sh -c "$(curl ...)"`, `bash <(curl ...)`, `iex
      // (...DownloadString(...))`
      if (runner == nullptr) {
         for (const auto& c : f.commands) {
            if (c.depth < f.commands[index].depth && runs_code(c) && c.where.begin <= d.where.begin &&
                d.where.end <= c.where.end) {
               runner = &c;
            }
         }
      }
      if (runner == nullptr) continue;
      cx.report(d.where, fmt::format("{} output of {} runs as code in {} (nothing keeps, pins or verifies the script)",
                                     d.tool, d.expanded_url, runner->name));
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain"};
}  // namespace

extern const engine::rule st2004{
    .id = "ST2004",
    .name = "pipe-to-shell",
    .default_severity = engine::severity::warning,
    .summary = "A downloaded script is run straight from the network (curl | sh, iwr | iex)",
    .help = "Download to a file, verify its checksum or signature, then run it.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
};
}  // namespace strata::rules
