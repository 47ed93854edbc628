// ST2001 download-without-verification (formats.md C18): a RUN downloads a file
// (wget, curl, Invoke-WebRequest, ADD <url>) and nothing in the same RUN
// verifies it (sha*sum -c, gpg --verify, Get-FileHash compared with an
// expected value, ADD --checksum).
#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   for (const auto& d : run.facts.downloads) {
      if (d.verified_by) {
         continue;
      }
      // the URL with ARG/ENV values substituted, and as written when that differs
      const std::string url = d.expanded_url.empty() || d.expanded_url == d.url
                                  ? d.url
                                  : fmt::format("{} (written {})", d.expanded_url, d.url);
      if (d.tool == "ADD") {
         cx.report(d.where, fmt::format("ADD downloads {} without --checksum", url));
      } else {
         cx.report(d.where, fmt::format("{} downloads {} and nothing in this RUN verifies it (checksum or signature)",
                                        d.tool, url));
      }
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain"};
}  // namespace

extern const engine::rule st2001{
    .id = "ST2001",
    .name = "download-without-verification",
    .default_severity = engine::severity::warning,
    .summary = "A downloaded file is used without checking its checksum or signature",
    .help =
        "Verify in the same RUN: echo \"$SHA256 *file\" | sha256sum -c -, gpg --verify, or Get-FileHash compared with "
        "an expected hash.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
};
}  // namespace strata::rules
