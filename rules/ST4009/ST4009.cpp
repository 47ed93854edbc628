// ST4009 download-scheme-mismatch-across-platforms: a download URL of a RUN history
// entry (engine/runs.hpp: the URLs of the run facts, with the page's ENV values
// substituted) that the platforms of one tag fetch with different schemes, http on
// some and https on the others, the rest of the URL equal. Reported at the URL of
// each platform that uses http, naming the platforms that use https. A section that
// fetches both forms of one URL (a mirror fallback) takes no part for that URL.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"
#include "engine/runs.hpp"

namespace strata::rules {
namespace {

struct use {
   const ast::section* section;
   ast::span where;  ///< the word holding the URL
   std::string url;
};

struct by_scheme {
   std::map<const ast::section*, std::vector<use>> http, https;
};

void check(const ast::tag_page& page, engine::context& cx) {
   std::map<std::string, by_scheme> urls;  // the URL after `://` -> its uses
   for (const auto& run : cx.runs()) {
      if (run.section == nullptr || run.keyword != "RUN") continue;
      for (const auto& d : run.facts.downloads) {
         const std::string& url = d.expanded_url.empty() ? d.url : d.expanded_url;
         const bool plain = url.starts_with("http://");
         if (!plain && !url.starts_with("https://")) continue;
         const std::string rest = url.substr(plain ? 7 : 8);
         (plain ? urls[rest].http : urls[rest].https)[run.section].push_back({run.section, d.url_where, url});
      }
   }
   for (const auto& [rest, uses] : urls) {
      std::set<const ast::section*> secure;
      for (const auto& [s, u] : uses.https) {
         if (!uses.http.contains(s)) secure.insert(s);
      }
      if (secure.empty()) continue;
      std::string platforms;
      for (const auto& s : page.sections) {  // in page order
         if (secure.contains(&s)) platforms += (platforms.empty() ? "" : ", ") + s.platform.text;
      }
      for (const auto& [s, us] : uses.http) {
         if (uses.https.contains(s)) continue;
         for (const auto& u : us) {
            cx.report(u.where,
                      fmt::format("{} downloads {} over http, but {} download it over https", s->platform.text, u.url,
                                  platforms),
                      s);
         }
      }
   }
}
constexpr std::string_view tags[] = {"security", "consistency"};
}  // namespace

extern const engine::rule st4009{
    .id = "ST4009",
    .name = "download-scheme-mismatch-across-platforms",
    .default_severity = engine::severity::warning,
    .summary = "A RUN downloads one URL over http on some platforms of a tag and over https on the others",
    .help = "Rebuild the http platforms from the Dockerfile the others were built from, which fetches over https.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
    .security_severity = "6.0",
};
}  // namespace strata::rules
