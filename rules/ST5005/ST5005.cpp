// ST5005 library-version-mismatch (formats.md C28): the version a library entry's tags name
// (`3.6.4-windowsservercore` → 3.6.4) is not the `ENV <REPO>_VERSION` of the entry's
// Dockerfile (PYTHON_VERSION for library/python; the repository is the library file's
// name without `-library@…`). A Dockerfile of the run is an entry's source when its path
// ends with the entry's `<Directory>/<File>` (and a commit directory before that is a
// prefix of the entry's GitCommit: engine/library_checks.hpp `is_entry_source`). Reported
// at the tag that names the version, naming the Dockerfile's ENV.
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

struct library_seen {
   ast::library_file lib;
   std::string variable;                        ///< `PYTHON_VERSION`
   std::vector<std::optional<std::size_t>> at;  ///< per entry: the finding at its version tag
};

struct dockerfile_seen {
   std::string path;
   std::map<std::string, engine::env_setting> versions;  ///< final-stage `ENV *_VERSION`
};

struct state {
   engine::kept_findings kept;
   std::vector<library_seen> libraries;
   std::vector<dockerfile_seen> dockerfiles;
};

void collect(const engine::document& doc, engine::context& cx) {
   auto& st = cx.state<state>();
   if (doc.library) {
      library_seen seen{*doc.library, engine::version_variable(engine::library_repository(doc.source().path())), {}};
      for (const auto& e : seen.lib.entries) {
         const auto v = engine::entry_tag_version(e);
         seen.at.push_back(v ? std::optional<std::size_t>(st.kept.keep(cx.locate(v->tag->where, {}))) : std::nullopt);
      }
      st.libraries.push_back(std::move(seen));
   } else if (doc.dockerfile && !doc.dockerfile->stages.empty()) {
      const ast::dockerfile& df = *doc.dockerfile;
      dockerfile_seen seen{doc.source().path(), {}};
      const ast::stage& last = df.stages.back();
      for (std::size_t i = last.from_index; i < last.end_index && i < df.instructions.size(); ++i) {
         if (df.instructions[i].name != "env") continue;
         for (const auto& p : df.instructions[i].pairs) {
            if (!p.key.ends_with("_VERSION") || seen.versions.count(p.key) > 0) continue;
            if (auto env = engine::dockerfile_env(df, p.key)) seen.versions.emplace(p.key, std::move(*env));
         }
      }
      if (!seen.versions.empty()) st.dockerfiles.push_back(std::move(seen));
   }
}

void finish(engine::context& cx) {
   const auto& st = cx.state<state>();
   for (const auto& l : st.libraries) {
      for (std::size_t i = 0; i < l.lib.entries.size(); ++i) {
         if (!l.at[i]) continue;
         for (const auto& d : st.dockerfiles) {
            const auto env = d.versions.find(l.variable);
            if (env == d.versions.end()) continue;
            const auto match = engine::entry_source_match(l.lib, i, d.path);
            if (match == engine::source_match::none) continue;
            const auto m = engine::compare_version(l.lib.entries[i], env->second, l.variable);
            if (!m) continue;
            engine::finding f = st.kept.get(*l.at[i]);
            f.message = fmt::format("tag `{}` names version {}, but its Dockerfile {}:{} sets {} {}{}",
                                    m->tag.tag->text, m->tag.version, d.path, m->env.where.start.line, m->variable,
                                    m->env.value, engine::pairing_note(match));
            cx.report(std::move(f));
         }
      }
   }
}

constexpr std::string_view tags[] = {"consistency", "provenance"};
}  // namespace

extern const engine::rule st5005{
    .id = "ST5005",
    .name = "library-version-mismatch",
    .default_severity = engine::severity::warning,
    .summary = "A library entry's tags name another version than the version ENV (PYTHON_VERSION) of its Dockerfile",
    .help =
        "Regenerate the library file from the Dockerfiles at its GitCommit (or point GitCommit at the commit "
        "that has the version the tags name).",
    .aliases = {},
    .tags = tags,
    .visit = {.document = collect, .finish = finish},
};
}  // namespace strata::rules
