// ST2002 unpinned-download (formats.md C16): a RUN or ADD downloads a URL that
// names no version or commit (`https://bootstrap.pypa.io/get-pip.py`), or one
// that moves (`/latest/`, `/master/`, `@main`), and no checksum pins the content.
#include <fmt/format.h>
#include <re2/re2.h>

#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/run_facts.hpp"

namespace strata::rules {
namespace {

// Architecture and platform names, which look like numbers but name no release (`x86_64`, `i686`).
std::string without_architectures(std::string s) {
   static const RE2 arch(
       R"((?i)(x86[_-]64|amd64|arm64(v8)?|aarch64|i[3-6]86|ppc64(le|el)?|s390x|armv[5-8]l?|armhf|armel|win(32|64)|x64|x32|linux64|mips64(el)?|riscv64|loong64))");
   RE2::GlobalReplace(&s, arch, "/");
   return s;
}

// "" when the URL is pinned (or cannot be judged), else why it is not.
std::string unpinned(const std::string& url) {
   // a whole path segment (`/latest/`, `/master.zip`); `main`/`head`/`develop` only where they are git refs
   // (`/raw/main/`, `archive/main.tar.gz`, `@main`): Debian's `dists/bookworm/main/` is a component, not a branch
   static const RE2 moving(
       R"((?i)([/@#](latest|master|nightly|trunk)([/?#]|\.[a-z]|$))|refs/heads/|(([@#]|/(raw|blob|archive|tree)/)(main|head|develop)([/.?#]|$)))");
   // a moving word anywhere in the file name (`epel-release-latest-9.noarch.rpm`), unless a directory of the
   // path names the release (`/releases/download/v4.3.2/rabbitmq-…-latest-toolchain-4.3.2.tar.xz`)
   static const RE2 moving_word(R"((?i)(?:^|[^a-z])(latest|nightly|current|stable)(?:[^a-z]|$))");
   static const RE2 release_directory(R"(/v?\d+(?:[._-]\d+)+[^/]*/|/v\d+[^/]*/)");
   static const RE2 version(
       R"((\d+\.\d+)|([/_@#=+-]v?\d+([/._+-]|$))|(\b[0-9a-f]{7,64}\b)|(sha256:)|(\d+u\d+)|([-_]b\d+([/._+-]|$)))");
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
   const std::string path = rest.substr(0, std::min(rest.find_first_of("?#"), rest.size()));
   const auto last = path.find_last_of('/');
   const std::string file = last == std::string::npos ? path : path.substr(last + 1);
   const std::string directories = last == std::string::npos ? std::string() : path.substr(0, last + 1);
   if (RE2::PartialMatch(file, moving_word, &word) && !RE2::PartialMatch(directories, release_directory)) {
      return fmt::format("it follows a moving target ({} in the file name)", word);
   }
   if (url.find('$') != std::string::npos) return {};  // a variable we do not know: cannot judge
   if (RE2::PartialMatch(without_architectures(rest), version)) return {};
   return "it names no version or commit";
}

void check(const engine::run_view& run, engine::context& cx) {
   for (const auto& d : run.facts.downloads) {
      if (d.executed_by >= 0) continue;  // run on the spot: ST2004 (pipe-to-shell) reports it alone
      if (d.verified_by && (d.verified_by->pins_content || d.verified_by->pins_key)) {
         continue;  // a checksum fixes the content whatever the URL; a key is used through its fingerprint
      }
      // a git source is pinned by a commit only, which ST2001 asks for (one finding for one cause)
      if (d.tool == "ADD" && facts::git_source_of(d.expanded_url)) continue;
      const std::string why = unpinned(d.expanded_url);
      if (why.empty()) continue;
      cx.report(d.url_where, fmt::format("{} downloads {} but {}: the build gets whatever it points to that day",
                                         d.tool, d.expanded_url, why));
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain", "reproducibility"};
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
    .security_severity = "5.0",
    .precision = "medium",
};
}  // namespace strata::rules
