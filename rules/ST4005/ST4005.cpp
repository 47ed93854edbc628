// ST4005 checksum-conflict (formats.md C17): over all inputs of one run, one
// download URL verified against different checksums (of one algorithm), or one
// checksum verifying different URLs. Pins come from the shell facts: a download
// whose check names the expected hash (`echo "$SHA256 *f" | sha256sum -c -`, with
// ENV/ARG expanded) and `ADD --checksum`. Reported at the outlier URLs.
#include <map>

#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/kept_findings.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {

struct state {
   engine::kept_findings kept;  // each kept finding's message is its URL as written
   // (algorithm, URL without its scheme) -> digest -> kept finding ids
   std::map<std::pair<std::string, std::string>, std::map<std::string, std::vector<std::size_t>>> by_url;
   // digest -> URL without its scheme -> ids
   std::map<std::string, std::map<std::string, std::vector<std::size_t>>> by_digest;
};

// `http://example.com/f` and `https://example.com/f` name one file: compared without the scheme.
std::string without_scheme(const std::string& url) {
   const auto p = url.find("://");
   return p == std::string::npos ? url : url.substr(p + 3);
}

void collect(const engine::run_view& view, engine::context& cx) {
   auto& st = cx.state<state>();
   // A check that names no file verifies every earlier download: its hash belongs to one of them only.
   std::map<std::size_t, int> verifying;  // the check's offset -> downloads it verifies
   for (const auto& d : view.facts.downloads) {
      if (d.verified_by) ++verifying[d.verified_by->where.begin];
   }
   for (const auto& d : view.facts.downloads) {
      if (!d.verified_by || d.verified_by->digest.empty() || verifying[d.verified_by->where.begin] > 1) continue;
      const std::string& url = d.expanded_url.empty() ? d.url : d.expanded_url;
      if (url.find('$') != std::string::npos || url.find("://") == std::string::npos) continue;  // not fully known
      const std::string& digest = d.verified_by->digest;
      const std::string algorithm = digest.substr(0, digest.find(':'));
      const std::size_t id = st.kept.keep(cx.locate(d.url_where, url));
      std::string compared = without_scheme(url);
      st.by_digest[digest][compared].push_back(id);
      st.by_url[{algorithm, std::move(compared)}][digest].push_back(id);
   }
}

void finish(engine::context& cx) {
   const auto& st = cx.state<state>();
   auto digest = [](const std::string& value, const std::vector<std::size_t>&) { return value; };
   auto url = [&](const std::string&, const std::vector<std::size_t>& ids) {
      return st.kept.message(ids.front());
   };  // as written
   for (const auto& [key, by_digest] : st.by_url) {
      engine::report_outliers(cx, st.kept, by_digest, digest,
                              [](const std::string& written, const std::string& value, const std::string& others) {
                                 return fmt::format("{} is verified against {} here but against {}", written, value,
                                                    others);
                              });
   }
   for (const auto& [key, by_url] : st.by_digest) {
      const std::string& hash = key;  // a lambda captures it, not the binding (clang 14)
      engine::report_outliers(
          cx, st.kept, by_url, url, [&](const std::string& written, const std::string&, const std::string& others) {
             return fmt::format("{} verifies {} here but also the different URL {}", hash, written, others);
          });
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain"};
}  // namespace

extern const engine::rule st4005{
    .id = "ST4005",
    .name = "checksum-conflict",
    .default_severity = engine::severity::error,
    .summary =
        "One URL is verified against different checksums across the inputs, or one checksum verifies different URLs",
    .help =
        "Find which checksum is right (download the file and hash it) and correct the other pins; a URL whose content "
        "changes must be pinned to a version.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = collect, .finish = finish},
    .security_severity = "6.5",
};
}  // namespace strata::rules
