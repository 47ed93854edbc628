// The model of a docker-library/official-images library file (`library/<repo>`),
// independent of PEGTL. Format: shared/docs/formats.md §3.1; semantics follow
// bashbrew's manifest package (manifest/rfc2822.go, manifest/line-based.go).
//
// RFC 2822-style files: the first paragraph holds the defaults (Maintainers,
// GitRepo, GitFetch, Builder, ...), every later paragraph is one entry. An entry
// inherits every field of the defaults paragraph it does not set itself, including
// the per-architecture keys (`arm64v8-GitCommit`). Built-in defaults apply last:
// Architectures `amd64`, Directory `.`, File `Dockerfile`, GitFetch
// `refs/heads/master`. List values (Tags, SharedTags, Architectures, Constraints,
// Maintainers) are comma-separated; items are trimmed, empty items dropped.
//
// Line-based files (≤ 2016): each `<tag>: <repo>@<commit> [<dir>]` line is one tag;
// lines with the same repo, commit and directory form one entry (bashbrew's
// AddEntry), in order of first appearance; GitFetch defaults to `refs/heads/*`.
//
// Entries are kept in file order and never merged in RFC 2822 files. Positions:
// see ast/source.hpp (1-based lines, columns in code points).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/source.hpp"

namespace strata::ast {

/// A piece of text of a library file and where it is.
struct library_value {
   std::string text;
   span where;
};

/// One `Key: value` field with its continuation lines.
struct library_field {
   std::string key;  ///< as written (case-sensitive): `Tags`, `arm64v8-Directory`
   span key_span;
   std::string architecture;          ///< for a per-architecture key, its prefix (`arm64v8`); else ""
   std::string name;                  ///< the key without the architecture prefix (`Directory`)
   std::string value;                 ///< the value lines, trimmed, joined by LF
   span value_span;                   ///< first value byte to last value byte (empty span after `:` when blank)
   span where;                        ///< the whole field, key to the end of its last continuation line
   std::vector<library_value> lines;  ///< each physical value line, trimmed (the first is the text after `:`)
   std::vector<library_value> items;  ///< the value split at commas, trimmed, empty items dropped
};

/// One paragraph: the fields in file order.
struct library_paragraph {
   std::vector<library_field> fields;
   span where;  ///< first field line to the end of the last field (comment lines inside included)

   /// The first field with exactly this key, or nullptr.
   [[nodiscard]] const library_field* find(std::string_view key) const {
      for (const auto& f : fields) {
         if (f.key == key) return &f;
      }
      return nullptr;
   }
};

/// Where an effective entry value comes from.
enum class value_origin {
   entry,     ///< the entry's own paragraph (or its line, in the line-based format)
   defaults,  ///< inherited from the defaults paragraph
   builtin,   ///< bashbrew's built-in default (`where` is an empty span at offset 0)
   absent,    ///< not set anywhere (`text` is empty)
};

/// An effective value of an entry and where it was set.
struct resolved_value {
   std::string text;
   span where;
   value_origin origin = value_origin::absent;
   [[nodiscard]] bool present() const { return origin != value_origin::absent; }
};

/// The `<arch>-Key` overrides that apply to one architecture of an entry.
struct arch_overrides {
   std::optional<resolved_value> git_repo;
   std::optional<resolved_value> git_fetch;
   std::optional<resolved_value> git_commit;
   std::optional<resolved_value> directory;
   std::optional<resolved_value> file;
};

/// One image entry: a paragraph after the defaults (or a group of old-format lines),
/// with its effective values after inheritance.
struct library_entry {
   library_paragraph paragraph;               ///< the entry's own fields (empty in the line-based format)
   span where;                                ///< the paragraph (or the first line of a line-based entry)
   std::vector<library_value> tags;           ///< `Tags`, in order
   std::vector<library_value> shared_tags;    ///< `SharedTags`, in order
   std::vector<library_value> architectures;  ///< effective list (`where` empty when built-in)
   value_origin architectures_origin = value_origin::builtin;
   std::vector<library_value> constraints;  ///< effective `Constraints`
   resolved_value git_repo;
   resolved_value git_fetch;
   resolved_value git_commit;
   resolved_value directory;  ///< default `.`
   resolved_value file;       ///< default `Dockerfile`
   resolved_value builder;    ///< `Builder` (`buildkit`, `classic`, ...), absent when not set
   /// Effective per-architecture overrides, keyed by architecture (`arm64v8`).
   std::map<std::string, arch_overrides, std::less<>> overrides;

   [[nodiscard]] bool has_tag(std::string_view tag) const { return contains(tags, tag); }
   [[nodiscard]] bool has_shared_tag(std::string_view tag) const { return contains(shared_tags, tag); }
   [[nodiscard]] bool has_architecture(std::string_view arch) const { return contains(architectures, arch); }

   /// The value for one architecture: `<arch>-Key` if set, else the entry's value.
   [[nodiscard]] const resolved_value& git_commit_for(std::string_view arch) const {
      return pick(arch, &arch_overrides::git_commit, git_commit);
   }
   [[nodiscard]] const resolved_value& git_repo_for(std::string_view arch) const {
      return pick(arch, &arch_overrides::git_repo, git_repo);
   }
   [[nodiscard]] const resolved_value& git_fetch_for(std::string_view arch) const {
      return pick(arch, &arch_overrides::git_fetch, git_fetch);
   }
   [[nodiscard]] const resolved_value& directory_for(std::string_view arch) const {
      return pick(arch, &arch_overrides::directory, directory);
   }
   [[nodiscard]] const resolved_value& file_for(std::string_view arch) const {
      return pick(arch, &arch_overrides::file, file);
   }

private:
   static bool contains(const std::vector<library_value>& list, std::string_view text) {
      for (const auto& v : list) {
         if (v.text == text) return true;
      }
      return false;
   }
   const resolved_value& pick(std::string_view arch, std::optional<resolved_value> arch_overrides::*member,
                              const resolved_value& fallback) const {
      const auto it = overrides.find(arch);
      if (it != overrides.end() && (it->second.*member).has_value()) return *(it->second.*member);
      return fallback;
   }
};

/// The source of one image (an entry built for one architecture), overrides applied.
struct library_image {
   std::size_t entry = 0;     ///< index into library_file::entries
   std::string architecture;  ///< the architecture asked for
   resolved_value git_repo;
   resolved_value git_fetch;
   resolved_value git_commit;
   resolved_value directory;
   resolved_value file;
   std::vector<std::string> architectures;  ///< all architectures of the entry

   /// `<directory>/<file>` as in a GitHub blob URL (a `.` directory gives just the file).
   [[nodiscard]] std::string path() const {
      std::string_view d = directory.text;
      while (d.starts_with("./")) d.remove_prefix(2);
      while (d.size() > 1 && d.ends_with('/')) d.remove_suffix(1);
      if (d.empty() || d == ".") return file.text;
      return std::string(d) + "/" + file.text;
   }
};

/// The two library file formats (formats.md §3.1).
enum class library_format {
   empty,       ///< no entry or field line at all
   rfc2822,     ///< paragraphs of `Key: value` fields (since 2016-06-09)
   line_based,  ///< `<tag>: <repo>@<commit> [<dir>]` lines (until 2016-06-09)
};

/// A line the parser did not recognise, or a value it could not accept.
struct library_error {
   std::string message;
   span where;
};

/// A parsed library file: the defaults, the entries in file order, and the errors.
/// The lookups below compare tags and architectures exactly (case-sensitive).
struct library_file {
   source_file source;
   library_format format = library_format::empty;
   /// The defaults paragraph (RFC 2822 format; absent when the first paragraph has Tags).
   std::optional<library_paragraph> defaults;
   std::vector<library_value> maintainers;  ///< `Maintainers` items, or `# maintainer:` comments (line-based)
   std::vector<library_entry> entries;      ///< file order
   std::vector<library_value> comments;     ///< comment lines (text after `#`, untrimmed)
   std::vector<library_error> errors;

   /// Indices of the entries whose Tags or SharedTags hold `tag`, in file order.
   [[nodiscard]] std::vector<std::size_t> entries_for_tag(std::string_view tag) const {
      std::vector<std::size_t> out;
      for (std::size_t i = 0; i < entries.size(); ++i) {
         if (entries[i].has_tag(tag) || entries[i].has_shared_tag(tag)) out.push_back(i);
      }
      return out;
   }

   /// Every tag (Tags ∪ SharedTags) → indices of its entries, in file order.
   [[nodiscard]] std::map<std::string, std::vector<std::size_t>, std::less<>> tag_map() const {
      std::map<std::string, std::vector<std::size_t>, std::less<>> out;
      for (std::size_t i = 0; i < entries.size(); ++i) {
         for (const auto* list : {&entries[i].tags, &entries[i].shared_tags}) {
            for (const auto& t : *list) {
               auto& v = out[t.text];
               if (v.empty() || v.back() != i) v.push_back(i);
            }
         }
      }
      return out;
   }

   /// The image of entry `index` for `arch`, with `<arch>-GitCommit`/`-Directory`/
   /// `-File`/`-GitFetch`/`-GitRepo` overrides applied. Does not check that the entry
   /// lists `arch`. `index` must be < entries.size().
   [[nodiscard]] library_image image(std::size_t index, std::string_view arch) const {
      const auto& e = entries[index];
      library_image out;
      out.entry = index;
      out.architecture = std::string(arch);
      out.git_repo = e.git_repo_for(arch);
      out.git_fetch = e.git_fetch_for(arch);
      out.git_commit = e.git_commit_for(arch);
      out.directory = e.directory_for(arch);
      out.file = e.file_for(arch);
      for (const auto& a : e.architectures) out.architectures.push_back(a.text);
      return out;
   }

   /// Resolves (tag, architecture) to the images that serve it: every entry with
   /// tag ∈ Tags ∪ SharedTags and arch ∈ Architectures, in file order. One result
   /// is the normal case; several mean an ambiguous library (formats.md §3.1, C26);
   /// none means the tag or the architecture is not in this library.
   [[nodiscard]] std::vector<library_image> resolve(std::string_view tag, std::string_view arch) const {
      std::vector<library_image> out;
      for (const auto i : entries_for_tag(tag)) {
         if (entries[i].has_architecture(arch)) out.push_back(image(i, arch));
      }
      return out;
   }
};

}  // namespace strata::ast
