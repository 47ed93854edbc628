// ST5007 readme-unsupported-tag (formats.md C25): a docs README's examples or prose (its code
// blocks and inline code, ast::readme_image_reference) name an image `<repo>:<tag>` whose tag
// no entry of the library file has, for the README's architecture (a per-architecture
// README), or for the architecture of the reference's namespace (`winamd64/python:2` →
// windows-amd64). `<repo>` is the library's repository (engine/library_checks.hpp
// `library_repository`), alone or as `library/<repo>`, `<arch namespace>/<repo>`, with
// `docker.io/` before it. The library is picked as in ST5006 (`library_for_readme`).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/kept_findings.hpp"
#include "engine/library_checks.hpp"

namespace strata::rules {
namespace {

struct readme_seen {
   ast::docs_readme readme;
   std::vector<std::size_t> at;  ///< per image reference: its kept finding
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
   } else if (doc.readme && !doc.readme->image_references.empty()) {
      readme_seen seen{*doc.readme, {}};
      for (const auto& ref : seen.readme.image_references)
         seen.at.push_back(st.kept.keep(cx.locate(ref.reference.where, {})));
      st.readmes.push_back(std::move(seen));
   }
}

// Whether `name` is `repository` (bare, `library/`, an architecture namespace, after `docker.io/`);
// `arch` is set to the namespace's architecture.
bool names_repository(std::string_view name, const std::string& repository, std::optional<std::string>& arch) {
   if (name.starts_with("docker.io/")) name.remove_prefix(10);
   if (name == repository) return true;
   const auto slash = name.find('/');
   if (slash == std::string_view::npos || name.substr(slash + 1) != repository) return false;
   const auto ns = name.substr(0, slash);
   if (ns == "library") return true;
   arch = engine::namespace_architecture(ns);
   return arch.has_value();
}

void finish(engine::context& cx) {
   const auto& st = cx.state<state>();
   std::vector<const ast::library_file*> libraries;
   for (const auto& l : st.libraries) libraries.push_back(&l);
   for (const auto& r : st.readmes) {
      const auto pick = engine::library_for_readme(r.readme, libraries);
      if (!pick) continue;
      const ast::library_file& lib = *libraries[*pick];
      const std::string repository = engine::library_repository(lib.source.path());
      for (std::size_t i = 0; i < r.readme.image_references.size(); ++i) {
         const auto& ref = r.readme.image_references[i];
         std::optional<std::string> arch;
         if (!names_repository(ref.name, repository, arch)) continue;
         if (!arch && r.readme.architecture) arch = r.readme.architecture->text;
         if (engine::library_has_tag(lib, ref.tag, arch)) continue;
         const bool elsewhere = arch && engine::library_has_tag(lib, ref.tag, std::nullopt);
         engine::finding f = st.kept.get(r.at[i]);
         f.message =
             fmt::format("{} `{}` names tag `{}`, which no entry of {} has{}{}",
                         ref.in_code_block ? "the example" : "the text", ref.reference.text, ref.tag, lib.source.path(),
                         arch ? " for " + *arch : std::string(), elsewhere ? " (other architectures have it)" : "");
         cx.report(std::move(f));
      }
   }
}

constexpr std::string_view tags[] = {"consistency", "documentation"};
}  // namespace

extern const engine::rule st5007{
    .id = "ST5007",
    .name = "readme-unsupported-tag",
    .default_severity = engine::severity::warning,
    .summary = "A docs README's examples or prose name a tag that no library entry (of its architecture) has",
    .help =
        "Use a supported tag in the README's examples (one listed under Supported tags), or drop the text that "
        "does not apply to this architecture.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = collect, .finish = finish},
};
}  // namespace strata::rules
