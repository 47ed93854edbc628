// Consistency checks between an official-images library file, the Dockerfiles its
// entries name and the docs README rendered from it (shared/docs/formats.md §3, checks
// C25–C29). Pure functions over the parsed models: rules ST5004–ST5008 call them from
// `strata check`, and `strata verify` can call them with an entry and a parsed Dockerfile.
// Tags, architectures and constraints are compared exactly (case-sensitive), as bashbrew does.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"
#include "ast/docs_readme.hpp"
#include "ast/library_file.hpp"

namespace strata::engine {

// ---- names ------------------------------------------------------------------

/// The repository a library file describes, from its path: the last path component
/// without an `@…` decoration and a `-library` suffix. `library/python`, `python`,
/// `official-images/python-library@c4b2aac9b4b9` all give `python`. "" for an empty name.
[[nodiscard]] std::string library_repository(std::string_view path);

/// The Dockerfile variable that holds a repository's version: upper case, `-` and `.`
/// as `_`, then `_VERSION` (`python` → `PYTHON_VERSION`, `eclipse-temurin` → `ECLIPSE_TEMURIN_VERSION`).
[[nodiscard]] std::string version_variable(std::string_view repository);

/// The architecture of a per-architecture Docker Hub namespace (`winamd64` → `windows-amd64`,
/// `arm64v8` → `arm64v8`, `amd64` → `amd64`), or nullopt for any other namespace.
[[nodiscard]] std::optional<std::string> namespace_architecture(std::string_view ns);

// ---- C26: one tag, several entries of one architecture (ST5004) -------------

/// A tag item that, for one architecture and one set of Constraints, is also on other entries.
struct tag_conflict {
   std::size_t entry = 0;                    ///< index into library_file::entries
   const ast::library_value* tag = nullptr;  ///< the item in the entry's Tags or SharedTags (points into the file)
   bool shared = false;                      ///< the item is in SharedTags
   std::string architecture;
   std::vector<std::string> constraints;  ///< the entry's Constraints, in order (empty: none)
   std::vector<std::size_t> others;       ///< the other entries with this tag, architecture and constraints
};

/// Every conflict of `lib`, by entry then tag item (Tags before SharedTags) then architecture
/// (in the entry's order): one per tag item and architecture. Constraints compare as sets.
[[nodiscard]] std::vector<tag_conflict> tag_conflicts(const ast::library_file& lib);

// ---- pairing an entry with a Dockerfile -------------------------------------

/// Whether the Dockerfile at `path` (as given: `…/3.6/jessie/Dockerfile`) is the source of
/// entry `index` of `lib` for one of its architectures: `path` ends, at a `/` boundary, with the
/// image's `<Directory>/<File>`, and when the path component before that suffix is a commit
/// directory (12 to 40 hex digits: `…/14edaf4bf7b4/3.6/jessie/Dockerfile`), it is a prefix of
/// that architecture's GitCommit. `index` must be < lib.entries.size().
[[nodiscard]] bool is_entry_source(const ast::library_file& lib, std::size_t index, std::string_view path);

/// How a Dockerfile path is an entry's source (see `is_entry_source`).
enum class source_match {
   none,    ///< not the entry's source
   path,    ///< by `<Directory>/<File>` alone: no commit directory in the path
   commit,  ///< by `<Directory>/<File>` and a commit directory that is a prefix of the GitCommit
};

/// `is_entry_source`, telling whether a commit directory confirmed the pairing.
[[nodiscard]] source_match entry_source_match(const ast::library_file& lib, std::size_t index, std::string_view path);

/// For messages: ` (paired by its path alone: …)` for `source_match::path`, else "".
[[nodiscard]] std::string_view pairing_note(source_match m) noexcept;

// ---- C28: library tag version vs ENV <REPO>_VERSION (ST5005) ----------------

/// The version an entry's tags name.
struct tag_version {
   const ast::library_value* tag = nullptr;  ///< the tag item (points into the entry)
   std::string version;                      ///< its text before the first `-` (`3.6.4`, `3.7.0a2`, `3.6`)
};

/// The most specific version among an entry's tags (Tags, then SharedTags): the text before a
/// tag's first `-` when it is digits and dots with at least one dot, optionally followed by a
/// pre-release (`3.7.0a2`, `3.15.0rc1`); the one with the most components, the first on ties.
/// nullopt when no tag names a version (`latest`, `windowsservercore`, `20200505`).
[[nodiscard]] std::optional<tag_version> entry_tag_version(const ast::library_entry& entry);

/// One ENV setting of a Dockerfile.
struct env_setting {
   std::string value;  ///< as written, one pair of surrounding quotes removed
   ast::span where;    ///< the key=value pair (the legacy `ENV key value` form: key to end of value)
};

/// The last `ENV <name>` of the Dockerfile's final stage (the one a build produces), or nullopt.
[[nodiscard]] std::optional<env_setting> dockerfile_env(const ast::dockerfile& df, std::string_view name);

/// An entry whose tags name another version than its Dockerfile sets.
struct version_mismatch {
   tag_version tag;
   env_setting env;
   std::string variable;  ///< `PYTHON_VERSION`
};

/// Compares the version `entry`'s tags name with `ENV <variable>` of `df` (its source, see
/// `is_entry_source`): equal, or the tag names a prefix at a `.` boundary (`3.6` for `3.6.4`).
/// nullopt when they agree, when no tag names a version, or when `df` does not set the variable
/// (an `onbuild` image inherits it from its `FROM`).
[[nodiscard]] std::optional<version_mismatch> compare_version(const ast::library_entry& entry,
                                                              const ast::dockerfile& df, std::string_view variable);

/// The same comparison with the Dockerfile's setting already looked up (`dockerfile_env`), for
/// callers that keep only that much of a Dockerfile.
[[nodiscard]] std::optional<version_mismatch> compare_version(const ast::library_entry& entry,
                                                              const std::optional<env_setting>& env,
                                                              std::string_view variable);

// ---- C29: Windows Constraints vs the Dockerfile's FROM (ST5008) -------------

/// A Windows base image a Dockerfile builds FROM.
struct windows_base {
   std::string kind;     ///< `windowsservercore` or `nanoserver`
   std::string version;  ///< the tag (`ltsc2016`, `1709`); "" when untagged
   std::string image;    ///< the reference as written
   ast::span where;      ///< the reference in the FROM
};

/// The FROM images of every stage that are Windows Server Core or Nano Server: a repository whose
/// last path component is `windowsservercore`, `servercore`, or `nanoserver`
/// (`microsoft/windowsservercore:1709`, `mcr.microsoft.com/windows/servercore:ltsc2016`). Stage
/// references (`FROM build`) are skipped. The tag is taken before any `-` suffix
/// (`1809-amd64` → `1809`); a digest without a tag gives "".
[[nodiscard]] std::vector<windows_base> dockerfile_windows_bases(const ast::dockerfile& df);

/// A disagreement between an entry's Windows Constraints and its Dockerfile's bases.
struct constraint_mismatch {
   /// The constraint item (`windowsservercore-ltsc2016`) no base satisfies; null when `base`
   /// is what is unmatched.
   const ast::library_value* constraint = nullptr;
   /// The base no constraint allows (with `constraint` null), or the closest base of the
   /// constraint's kind (its version differs), or nullopt when the Dockerfile has no base of that kind.
   std::optional<windows_base> base;
};

/// Compares `windowsservercore-X` / `nanoserver-X` constraints of `entry` (a bare `windowsservercore`
/// allows any version) with the Windows bases of `df` (its source): each such constraint needs a
/// base of its kind and version, and each base a constraint of its kind (bare, or its version).
/// Other constraints (`!aufs`) are ignored. Empty when they agree, or when neither side is Windows.
[[nodiscard]] std::vector<constraint_mismatch> compare_windows_constraints(const ast::library_entry& entry,
                                                                           const ast::dockerfile& df);

/// The same comparison with the Dockerfile's bases already looked up (`dockerfile_windows_bases`).
[[nodiscard]] std::vector<constraint_mismatch> compare_windows_constraints(const ast::library_entry& entry,
                                                                           const std::vector<windows_base>& bases);

// ---- C27: README "Supported tags" vs the library rendering (ST5006) ----------

/// One bullet bashbrew renders: an entry's tags (all of them for a simple bullet, the first for
/// a shared group's sub-bullet) and its link.
struct rendered_item {
   std::size_t entry = 0;          ///< index into library_file::entries
   std::vector<std::string> tags;  ///< in library order
   /// `<GitRepo>/blob/<GitCommit>/<Directory>/<File>` for the architecture rendered (GitRepo with
   /// `git://` as `https://`, `.git` trimmed); "" when GitRepo is not on https://github.com/.
   std::string url;
};

/// One shared-tags group bashbrew renders.
struct rendered_group {
   std::vector<std::string> tags;  ///< shared tags with exactly this set of entries, in order of first appearance
   std::vector<rendered_item> entries;
};

/// The "Supported tags" section bashbrew renders from a library file.
struct rendered_tags {
   std::vector<rendered_item> simple;
   std::vector<rendered_group> shared;
};

/// The rendering of `lib` (docs `.template-helpers/generate-dockerfile-links-partial.tmpl`): every
/// entry in order; shared-tag groups computed on the whole library. With `architecture` (a
/// per-architecture README), every list keeps only the entries that have it (groups left empty are
/// dropped) and links use its overrides; without, links use `amd64` when the entry has it, else
/// its first architecture.
[[nodiscard]] rendered_tags render_supported_tags(const ast::library_file& lib,
                                                  const std::optional<std::string>& architecture);

/// One way a README's section differs from a rendering.
struct readme_difference {
   ast::span where;  ///< a simple bullet, a group header, a group sub-bullet, or the section heading
   std::string message;
};

/// How `readme`'s section differs from the rendering of `lib` for the README's architecture:
/// bullets and groups in another order, with other tags or links, missing or extra. The
/// messages name library lines as `<library_name>:<line>`. Empty when they are equal.
[[nodiscard]] std::vector<readme_difference> compare_readme(const ast::docs_readme& readme,
                                                            const ast::library_file& lib,
                                                            std::string_view library_name);

/// How many distinct commits linked from the README's section are the GitCommit of some entry
/// of `lib` (any architecture).
[[nodiscard]] std::size_t linked_commits_in(const ast::docs_readme& readme, const ast::library_file& lib);

/// The library a README was rendered from, among `libraries`: the first whose rendering equals the
/// section; else the first with the most commits the section links (at least one); else the only
/// library given. nullopt when there is no library, or several and none shares a linked commit.
[[nodiscard]] std::optional<std::size_t> library_for_readme(const ast::docs_readme& readme,
                                                            std::span<const ast::library_file* const> libraries);

// ---- C25: tags the README's examples name (ST5007) --------------------------

/// Whether some entry of `lib` has `tag` (Tags or SharedTags) and, when `architecture` is given,
/// that architecture.
[[nodiscard]] bool library_has_tag(const ast::library_file& lib, std::string_view tag,
                                   const std::optional<std::string>& architecture);

}  // namespace strata::engine
