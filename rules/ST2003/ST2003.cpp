// ST2003 insecure-transport: a RUN downloads over plain http:// with nothing
// verifying the file, or turns TLS certificate checks off (`curl -k`,
// `wget --no-check-certificate`, `Invoke-WebRequest -SkipCertificateCheck`).
#include <fmt/format.h>

#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {

using ast::lower;

bool local_host(std::string_view url) {
   url.remove_prefix(std::string_view("http://").size());
   return url.starts_with("localhost") || url.starts_with("127.") || url.starts_with("[::1]");
}

void check(const engine::run_view& run, engine::context& cx) {
   const auto& f = run.facts;
   for (const auto& d : f.downloads) {
      const std::string url = lower(d.expanded_url);
      if (url.starts_with("http://") && !local_host(url) && !d.verified_by) {
         cx.report(
             d.url_where,
             fmt::format("{} downloads {} over plain HTTP and nothing verifies it: anyone on the path can change it",
                         d.tool, d.expanded_url));
      }
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
};
}  // namespace strata::rules
