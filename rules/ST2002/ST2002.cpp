// ST2002 unpinned-download (formats.md C16): a RUN or ADD downloads a URL that
// names no version or commit (`https://bootstrap.pypa.io/get-pip.py`), or one
// that moves (`/latest/`, `/master/`, `@main`), and no checksum pins the content.
#include <fmt/format.h>
#include <re2/re2.h>

#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {

// "" when the URL is pinned (or cannot be judged), else why it is not.
std::string unpinned(const std::string& url) {
   // a whole path segment (`/latest/`, `/master.zip`), not part of a file name (`...-latest-toolchain-4.1.8.tar.xz`);
   // `main`/`head`/`develop` only where they are git refs (`/raw/main/`, `archive/main.tar.gz`, `@main`):
   // Debian's `dists/bookworm/main/` is a component, not a branch
   static const RE2 moving(
       R"((?i)([/@#](latest|master|nightly|trunk)([/?#]|\.[a-z]|$))|refs/heads/|(([@#]|/(raw|blob|archive|tree)/)(main|head|develop)([/.?#]|$)))");
   static const RE2 version(R"((\d+\.\d+)|([/_@#=+-]v?\d+([/._+-]|$))|(\b[0-9a-f]{7,64}\b)|(sha256:))");
   // the path and query only: a host name such as `stable.example.com` says nothing
   const auto scheme = url.find("://");
   const std::string_view host_path =
       scheme == std::string::npos ? std::string_view(url) : std::string_view(url).substr(scheme + 3);
   const auto slash = host_path.find('/');
   const std::string rest(slash == std::string_view::npos ? std::string_view() : host_path.substr(slash));
   std::string word;
   if (RE2::PartialMatch(rest, moving)) {
      static const RE2 which(R"((?i)(latest|master|nightly|trunk|refs/heads/|main|head|develop))");
      RE2::PartialMatch(rest, which, &word);
      return fmt::format("it follows a moving target ({})", word);
   }
   if (url.find('$') != std::string::npos) return {};  // a variable we do not know: cannot judge
   if (RE2::PartialMatch(rest, version)) return {};
   return "it names no version or commit";
}

void check(const engine::run_view& run, engine::context& cx) {
   for (const auto& d : run.facts.downloads) {
      if (d.verified_by && d.verified_by->pins_content) continue;  // a checksum fixes the content whatever the URL
      const std::string why = unpinned(d.expanded_url);
      if (why.empty()) continue;
      cx.report(d.url_where, fmt::format("{} downloads {} but {}: the build gets whatever it points to that day",
                                         d.tool, d.expanded_url, why));
   }
}
constexpr std::string_view tags[] = {"supply-chain", "reproducibility"};
}  // namespace

extern const engine::rule st2002{
    .id = "ST2002",
    .name = "unpinned-download",
    .default_severity = engine::severity::warning,
    .summary = "A download URL names no version or commit (or a moving one) and no checksum pins the file",
    .help = "Download a versioned URL or a commit, and check its sha256 in the same RUN (or ADD --checksum).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
};
}  // namespace strata::rules
