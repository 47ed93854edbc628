// ST5008 windows-constraint-mismatch (formats.md C29): a library entry's
// `Constraints: windowsservercore-X` (or `nanoserver-X`) disagrees with the Windows base its
// Dockerfile builds FROM (`FROM …servercore:X`), or a Windows base has no constraint. The
// Dockerfile is paired with the entry as in ST5005 (engine/library_checks.hpp
// `is_entry_source`). Reported at the constraint item, or, for a base without constraint, at
// the entry's Constraints (else Directory) field, naming the Dockerfile's FROM.
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

struct entry_places {
   std::vector<std::size_t> constraints;  ///< a finding per Constraints item, in order
   std::size_t anchor = 0;                ///< the Constraints field, else Directory, else the entry
};

struct library_seen {
   ast::library_file lib;
   std::vector<entry_places> at;  ///< per entry
};

struct dockerfile_seen {
   std::string path;
   std::vector<engine::windows_base> bases;
};

struct state {
   engine::kept_findings kept;
   std::vector<library_seen> libraries;
   std::vector<dockerfile_seen> dockerfiles;
};

void collect(const engine::document& doc, engine::context& cx) {
   auto& st = cx.state<state>();
   if (doc.library) {
      library_seen seen{*doc.library, {}};
      for (const auto& e : seen.lib.entries) {
         entry_places p;
         for (const auto& c : e.constraints) p.constraints.push_back(st.kept.keep(cx.locate(c.where, {})));
         const ast::library_field* field = e.paragraph.find("Constraints");
         if (field == nullptr) field = e.paragraph.find("Directory");
         p.anchor = st.kept.keep(cx.locate(field != nullptr ? field->where : e.where, {}));
         seen.at.push_back(std::move(p));
      }
      st.libraries.push_back(std::move(seen));
   } else if (doc.dockerfile) {
      dockerfile_seen seen{doc.source().path(), engine::dockerfile_windows_bases(*doc.dockerfile)};
      if (!seen.bases.empty()) st.dockerfiles.push_back(std::move(seen));
   }
}

std::string from_text(const dockerfile_seen& d, const engine::windows_base& b) {
   return fmt::format("{}:{} is FROM {}", d.path, b.where.start.line, b.image);
}

void finish(engine::context& cx) {
   const auto& st = cx.state<state>();
   for (const auto& l : st.libraries) {
      for (std::size_t i = 0; i < l.lib.entries.size(); ++i) {
         const auto& e = l.lib.entries[i];
         for (const auto& d : st.dockerfiles) {
            const auto match = engine::entry_source_match(l.lib, i, d.path);
            if (match == engine::source_match::none) continue;
            for (const auto& m : engine::compare_windows_constraints(e, d.bases)) {
               engine::finding f;
               if (m.constraint != nullptr) {
                  const auto k = static_cast<std::size_t>(m.constraint - e.constraints.data());
                  f = st.kept.get(l.at[i].constraints[k]);
                  f.message = m.base ? fmt::format("Constraints `{}`, but the entry's Dockerfile {}",
                                                   m.constraint->text, from_text(d, *m.base))
                                     : fmt::format("Constraints `{}`, but the entry's Dockerfile {} has no such base",
                                                   m.constraint->text, d.path);
               } else {
                  f = st.kept.get(l.at[i].anchor);
                  f.message =
                      fmt::format("the entry's Dockerfile {}, which no Constraints item allows (expected `{}{}`)",
                                  from_text(d, *m.base), m.base->kind,
                                  m.base->version.empty() ? std::string() : "-" + m.base->version);
               }
               f.message += engine::pairing_note(match);
               cx.report(std::move(f));
            }
         }
      }
   }
}

constexpr std::string_view tags[] = {"consistency", "windows"};
}  // namespace

extern const engine::rule st5008{
    .id = "ST5008",
    .name = "windows-constraint-mismatch",
    .default_severity = engine::severity::error,
    .summary = "A library entry's Windows Constraints disagree with the base its Dockerfile builds FROM",
    .help =
        "Make Constraints name the Windows base the Dockerfile uses (`windowsservercore-ltsc2016` for `FROM "
        "…servercore:ltsc2016`), or fix the Directory the entry points at.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = collect, .finish = finish},
};
}  // namespace strata::rules
