// ST4005 checksum-conflict (formats.md C17): over all inputs of one run, one
// download URL verified against different checksums (of one algorithm), or one
// checksum verifying different URLs. Pins come from the shell facts: a download
// whose check names the expected hash (`echo "$SHA256 *f" | sha256sum -c -`, with
// ENV/ARG expanded) and `ADD --checksum`. Reported at the outlier URLs.
#include <map>

#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/kept_findings.hpp"
#include "engine/outliers.hpp"

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
      st.by_url[{algorithm, without_scheme(url)}][digest].push_back(id);
      st.by_digest[digest][without_scheme(url)].push_back(id);
   }
}

void finish(engine::context& cx) {
   auto& st = cx.state<state>();
   // `<value> at <places>; …` for the other values; a URL is shown as first written
   auto others = [&](const auto& by_value, const std::string& except, bool urls) {
      std::string out;
      for (const auto& [value, ids] : by_value) {
         if (value == except) continue;
         out += fmt::format("{}{} at {}", out.empty() ? "" : "; ", urls ? st.kept.get(ids.front()).message : value, st.kept.places(ids));
      }
      return out;
   };
   for (const auto& [key, by_digest] : st.by_url) {
      for (const std::string* digest : engine::outlier_values(by_digest)) {
         const std::string other = others(by_digest, *digest, false);
         for (const std::size_t id : by_digest.at(*digest)) {
            auto f = st.kept.get(id);
            f.message = fmt::format("{} is verified against {} here but against {}", f.message, *digest, other);
            cx.report(std::move(f));
         }
      }
   }
   for (const auto& [digest, by_url] : st.by_digest) {
      for (const std::string* url : engine::outlier_values(by_url)) {
         const std::string other = others(by_url, *url, true);
         for (const std::size_t id : by_url.at(*url)) {
            auto f = st.kept.get(id);
            f.message = fmt::format("{} verifies {} here but also the different URL {}", digest, f.message, other);
            cx.report(std::move(f));
         }
      }
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain"};
}  // namespace

extern const engine::rule st4005{
    .id = "ST4005",
    .name = "checksum-conflict",
    .default_severity = engine::severity::error,
    .summary = "One URL is verified against different checksums across the inputs, or one checksum verifies different URLs",
    .help = "Find which checksum is right (download the file and hash it) and correct the other pins; a URL whose content changes must be pinned to a version.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = collect, .finish = finish},
};
}  // namespace strata::rules
