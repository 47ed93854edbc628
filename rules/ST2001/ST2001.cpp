// ST2001 download-without-verification (formats.md C18): a RUN downloads a file
// (wget, curl, Invoke-WebRequest, ADD <url>; also in `sh -c` strings, through `xargs`
// and `busybox`) and nothing in the same RUN verifies it (sha*sum -c, gpg --verify,
// rpm --checksig, Get-FileHash or PHP hash_file compared with an expected value, a key
// used only through its fingerprint, ADD --checksum). A git source of ADD needs a commit:
// `--checksum=<commit SHA>` or a commit ref. Downloads run as code on the spot are
// ST2004's (pipe-to-shell), and unverified ones over plain HTTP ST2003's (insecure-transport):
// not reported here.
#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/run_facts.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& run, engine::context& cx) {
   for (const auto& d : run.facts.downloads) {
      // verified; or run as code on the spot, which ST2004 (pipe-to-shell) reports alone
      if (d.verified_by || d.executed_by >= 0) continue;
      if (facts::plain_http(d)) continue;  // unverified over plain HTTP: ST2003 (insecure-transport) reports it
      const auto git = d.tool == "ADD" ? facts::git_source_of(d.expanded_url) : std::nullopt;
      if (git && git->commit) continue;  // a commit fixes the content
      // the URL with ARG/ENV values substituted, and as written when that differs
      const std::string url = d.expanded_url.empty() || d.expanded_url == d.url
                                  ? d.url
                                  : fmt::format("{} (written {})", d.expanded_url, d.url);
      if (git) {
         cx.report(
             d.where,
             fmt::format("ADD clones git source {} at {}, which can move: give --checksum=<commit SHA> (for a git "
                         "source the checksum is the commit) or a commit as the ref",
                         url, git->ref.empty() ? "its default branch" : fmt::format("ref `{}`", git->ref)));
      } else if (d.tool == "ADD") {
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
    .security_severity = "5.5",
    .precision = "medium",
};
}  // namespace strata::rules
