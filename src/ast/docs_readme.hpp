// The model of the "Supported tags and respective `Dockerfile` links" section of a
// docker-library/docs README (`<repo>/README.md`, or the per-architecture variant
// pushed to Docker Hub), independent of PEGTL. Format: shared/docs/formats.md §3.2.
//
// bashbrew renders the section from the library file (ast/library_file.hpp):
// * "## Simple Tags": one bullet per library entry, the entry's Tags linked to
//   `https://github.com/<owner>/<repo>/blob/<GitCommit>/<Directory>/<File>`;
// * "## Shared Tags": one group per set of shared tags that map to the same entries,
//   each with one sub-bullet per entry (its first tag, same link);
// * before 2017 the list was flat (no Simple/Shared split), with the path also in the
//   link text: `` [`2.7`, `2` (*2.7/Dockerfile*)](…) ``.
// A per-architecture README starts with a `**Note:**` naming the architecture, and
// filters every list to the entries that have it; when none has it, the list is
// replaced by `**WARNING:** THIS IMAGE *IS NOT SUPPORTED* ON THE `<arch>` ARCHITECTURE`
// (older: `**No supported tags found!**`). The rest of the README is template text:
// it is not parsed, except for the image references (`name:tag`) in its code (fenced
// code blocks and inline code spans), which the examples and prose point readers to.
// Positions: see ast/source.hpp (1-based lines, columns in code points).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/source.hpp"

namespace strata::ast {

/// A piece of text of a README and where it is.
struct readme_value {
   std::string text;
   span where;
};

/// A link target. For `https://github.com/<owner>/<repo>/blob/<ref>/<path>` the parts
/// are filled in; for any other URL only `url` is (and the parser reports an error).
struct readme_link {
   readme_value url;
   readme_value owner;       ///< `docker-library`
   readme_value repository;  ///< `python`
   readme_value ref;         ///< the blob ref as written
   readme_value commit;      ///< `ref` when it is a 40-digit lower-case hex commit; else empty
   readme_value path;        ///< `3.9/windows/windowsservercore-1809/Dockerfile`
   std::string directory;    ///< `path` up to its last `/` (`.` when the path has no `/`)
   std::string file;         ///< the last component of `path` (`Dockerfile`)

   [[nodiscard]] bool is_blob() const { return !path.text.empty(); }
};

/// One bullet of "## Simple Tags" (or of the older flat list): one library entry.
struct simple_tags_item {
   std::vector<readme_value> tags;  ///< in order
   readme_link link;
   std::optional<readme_value> path_note;  ///< the flat list's `(*dir/Dockerfile*)`, without `(*` `*)`
   span where;                             ///< the bullet line
};

/// One sub-bullet of a shared-tags group: one entry that carries the group's tags.
struct shared_tags_entry {
   readme_value tag;  ///< the entry's first tag
   readme_link link;
   span where;
};

/// One group of "## Shared Tags": shared tags and the entries they point to.
struct shared_tags_group {
   std::vector<readme_value> tags;  ///< in order
   std::vector<shared_tags_entry> entries;
   span where;  ///< the group's header line
};

/// A `name:tag` image reference in the README's code outside the section: a word of a
/// fenced code block (```` ``` ```` lines) or of an inline code span (`` `python:slim` ``).
/// Words split at blanks, quotes, brackets, `<>`, `,`, `;`, `=`, `|`, `&`, so placeholders such
/// as `python:<version>` give no reference. The name is lower-case letters, digits and
/// `._/-` (an optional `host:port/` before it); the tag is `[A-Za-z0-9_][A-Za-z0-9_.-]*`.
struct readme_image_reference {
   readme_value reference;      ///< `winamd64/python:2`
   std::string name;            ///< `winamd64/python`
   std::string tag;             ///< `2`
   bool in_code_block = false;  ///< in a fenced code block (else an inline code span)
};

/// How the section lists its tags.
enum class readme_layout {
   none,               ///< no tag bullets (no section, or an unsupported-architecture warning)
   simple_and_shared,  ///< "## Simple Tags" / "## Shared Tags" (since 2017)
   flat,               ///< one list of bullets, no headings (until 2017)
};

/// A line of the section the parser did not recognise, or one out of place.
struct readme_error {
   std::string message;
   span where;
};

/// A parsed docs README: where the supported-tags section is, and what it lists.
struct docs_readme {
   source_file source;
   std::optional<readme_value> architecture;  ///< from the per-architecture `**Note:**` (`windows-amd64`)
   span note;                                 ///< the `**Note:**` line
   bool has_section = false;
   span heading;  ///< the section's `# Supported tags …` line
   span section;  ///< heading line to the end of its last non-blank line
   readme_layout layout = readme_layout::none;
   /// The architecture named by `**WARNING:** THIS IMAGE *IS NOT SUPPORTED* ON THE `<arch>` …`
   /// or by the older `**No supported tags found!**` explanation.
   std::optional<readme_value> unsupported_architecture;
   bool no_supported_tags = false;              ///< `**No supported tags found!**`
   std::vector<simple_tags_item> simple_tags;   ///< in order (also the flat list)
   std::vector<shared_tags_group> shared_tags;  ///< in order
   /// The image references in code outside the section, in file order.
   std::vector<readme_image_reference> image_references;
   std::vector<readme_error> errors;

   /// The simple bullet whose tags hold `tag`, or nullptr.
   [[nodiscard]] const simple_tags_item* find_simple(std::string_view tag) const {
      for (const auto& item : simple_tags) {
         for (const auto& t : item.tags) {
            if (t.text == tag) return &item;
         }
      }
      return nullptr;
   }
   /// The shared group whose tags hold `tag`, or nullptr.
   [[nodiscard]] const shared_tags_group* find_shared(std::string_view tag) const {
      for (const auto& group : shared_tags) {
         for (const auto& t : group.tags) {
            if (t.text == tag) return &group;
         }
      }
      return nullptr;
   }
   /// Every link a tag points to: the simple bullet's, then each entry of its shared group.
   [[nodiscard]] std::vector<const readme_link*> links_for_tag(std::string_view tag) const {
      std::vector<const readme_link*> out;
      if (const auto* s = find_simple(tag)) out.push_back(&s->link);
      if (const auto* g = find_shared(tag)) {
         for (const auto& e : g->entries) out.push_back(&e.link);
      }
      return out;
   }
   /// Every tag of the section, simple bullets first, then shared groups, in order.
   [[nodiscard]] std::vector<std::string> all_tags() const {
      std::vector<std::string> out;
      for (const auto& item : simple_tags) {
         for (const auto& t : item.tags) out.push_back(t.text);
      }
      for (const auto& group : shared_tags) {
         for (const auto& t : group.tags) out.push_back(t.text);
      }
      return out;
   }
};

}  // namespace strata::ast
