// ST2004 pipe-to-shell: a RUN runs what it downloads without keeping it as a
// file: `curl URL | sh`, `wget -O- URL | bash`, `sh -c "$(curl URL)"`,
// `bash <(curl URL)`, `iwr URL | iex`, `iex ((New-Object Net.WebClient).DownloadString(URL))`.
#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {

void check(const engine::run_view& run, engine::context& cx) {
   const auto& f = run.facts;
   for (const auto& d : f.downloads) {
      if (d.executed_by < 0) continue;
      cx.report(d.where, fmt::format("{} output of {} runs as code in {} (nothing keeps, pins or verifies the script; "
                                     "this finding stands for ST2001 and ST2002 too)",
                                     d.tool, d.expanded_url, f.commands[static_cast<std::size_t>(d.executed_by)].name));
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
    .security_severity = "7.5",
};
}  // namespace strata::rules
