// ST2003 insecure-transport: a RUN downloads over plain http:// with nothing
// verifying the file, or turns TLS certificate checks off (`curl -k`,
// `wget --no-check-certificate`, `Invoke-WebRequest -SkipCertificateCheck`).
#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/run_facts.hpp"

namespace strata::rules {
namespace {

void check(const engine::run_view& run, engine::context& cx) {
   const auto& f = run.facts;
   for (const auto& d : f.downloads) {
      // unverified over plain HTTP; run on the spot, it is ST2004's (pipe-to-shell) alone
      if (!facts::plain_http(d) || d.verified_by || d.executed_by >= 0) continue;
      cx.report(d.url_where, fmt::format("{} downloads {} over plain HTTP and nothing verifies it: anyone on the path "
                                         "can change it (this finding stands for ST2001 too)",
                                         d.tool, d.expanded_url));
   }
   int reported = -1;  // one finding per command (curl takes several URLs)
   for (const auto& d : f.downloads) {
      if (d.insecure.empty() || d.command < 0 || d.command == reported) continue;
      reported = d.command;
      cx.report(d.where, fmt::format("{} {} turns TLS certificate checks off",
                                     f.commands[static_cast<std::size_t>(d.command)].name, d.insecure));
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain"};
}  // namespace

extern const engine::rule st2003{
    .id = "ST2003",
    .name = "insecure-transport",
    .default_severity = engine::severity::warning,
    .summary = "A download over plain HTTP with no verification, or with TLS certificate checks turned off",
    .help = "Use https:// and keep certificate checks on (drop -k / --no-check-certificate / -SkipCertificateCheck).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .security_severity = "7.0",
};
}  // namespace strata::rules
