// ST5006 readme-tags-mismatch (formats.md C27): the "Supported tags" section of a docs
// README differs from what bashbrew renders from the library file given with it in the run
// (tags, commit, path, order, shared-tag groups; a per-architecture README filtered to its
// architecture: engine/library_checks.hpp `render_supported_tags`). With several library
// files, the README is compared with the one it equals, else with the one whose commits it
// links most (`library_for_readme`); nothing is reported when one of them equals it. Reported
// at each differing bullet or group, naming library lines.
#include <map>
#include <string>
#include <vector>

#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/kept_findings.hpp"
#include "engine/library_checks.hpp"

namespace strata::rules {
namespace {

struct readme_seen {
   ast::docs_readme readme;
   std::map<std::size_t, std::size_t> at;  ///< byte offset of a bullet, group or heading -> kept finding
};

struct state {
   engine::kept_findings kept;
   std::vector<ast::library_file> libraries;
   std::vector<readme_seen> readmes;
};

void collect(const engine::document& doc, engine::context& cx) {
   auto& st = cx.state<state>();
   if (doc.library) {
      st.libraries.push_back(*doc.library);
   } else if (doc.readme && doc.readme->has_section) {
      readme_seen seen{*doc.readme, {}};
      const auto keep = [&](const ast::span& where) {
         seen.at.emplace(where.begin, st.kept.keep(cx.locate(where, {})));
      };
      keep(seen.readme.heading);
      for (const auto& s : seen.readme.simple_tags) keep(s.where);
      for (const auto& g : seen.readme.shared_tags) {
         keep(g.where);
         for (const auto& e : g.entries) keep(e.where);
      }
      st.readmes.push_back(std::move(seen));
   }
}

void finish(engine::context& cx) {
   const auto& st = cx.state<state>();
   std::vector<const ast::library_file*> libraries;
   for (const auto& l : st.libraries) libraries.push_back(&l);
   for (const auto& r : st.readmes) {
      const auto pick = engine::library_for_readme(r.readme, libraries);
      if (!pick) continue;
      const ast::library_file& lib = *libraries[*pick];
      for (const auto& d : engine::compare_readme(r.readme, lib, lib.source.path())) {
         const auto it = r.at.find(d.where.begin);
         if (it == r.at.end()) continue;  // cannot happen: every place compare_readme names is kept
         engine::finding f = st.kept.get(it->second);
         f.message = d.message;
         cx.report(std::move(f));
      }
   }
}

constexpr std::string_view tags[] = {"consistency", "documentation"};
}  // namespace

extern const engine::rule st5006{
    .id = "ST5006",
    .name = "readme-tags-mismatch",
    .default_severity = engine::severity::warning,
    .summary = "A docs README's Supported tags section differs from the rendering of its library file",
    .help =
        "Regenerate the README from the library file it documents (docker-library/docs update.sh), or pass "
        "the library revision the README was rendered from.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = collect, .finish = finish},
};
}  // namespace strata::rules
