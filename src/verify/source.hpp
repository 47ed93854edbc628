// Where a published image comes from, docker-library style (formats.md §3.1): a tag page
// section's tag and platform -> the library entries that build it -> the Dockerfile at
// the entry's commit and path in a source tree.
//
// A source tree (`--source DIR`) is a git repository, read at a commit with libgit2 (work
// tree or bare; the commit may be abbreviated), or a directory holding one checkout per
// commit named by the full commit or a unique prefix of it
// (`dockerfiles/python/14edaf4bf7b4/3.6/jessie/Dockerfile`).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/library_file.hpp"

namespace strata::verify {

class source_tree {
public:
   /// Opens `dir`; nullopt with `error` set when it is neither a git repository nor a directory.
   [[nodiscard]] static std::optional<source_tree> open(const std::string& dir, std::string& error);

   /// The text of `path` (relative, `/`-separated) at `commit` (hex, full or a prefix of at
   /// least 7 digits); nullopt with `error` set when the commit or the path is not there.
   [[nodiscard]] std::optional<std::string> read(std::string_view commit, std::string_view path,
                                                 std::string& error) const;

   /// How a file of the tree is named in messages: `DIR/<checkout>/path` or `DIR@<commit>:path`.
   [[nodiscard]] std::string name(std::string_view commit, std::string_view path) const;

   [[nodiscard]] bool git() const noexcept { return git_ != nullptr; }

   /// A directory of checkouts: every file named `Dockerfile` (or `*.Dockerfile`) in every
   /// checkout, as {checkout name, relative path}, sorted; at most `limit`. Empty for git.
   [[nodiscard]] std::vector<std::pair<std::string, std::string>> dockerfiles(std::size_t limit = 2000) const;

   /// A directory of checkouts: the checkouts holding `path`, by name, sorted. Empty for git.
   [[nodiscard]] std::vector<std::string> commits_with(std::string_view path) const;

private:
   std::string dir_;
   std::shared_ptr<void> git_;  ///< the git_repository, or null for a directory of checkouts
   [[nodiscard]] std::optional<std::string> checkout(std::string_view commit, std::string& error) const;
};

/// bashbrew's architecture of a repo-info platform: `linux; amd64` -> `amd64`, `linux; arm
/// variant v7` -> `arm32v7`, `linux; arm64 variant v8` -> `arm64v8`, `linux; 386` -> `i386`,
/// `windows version 10.0.17763.805; amd64` -> `windows-amd64`; "" when unknown.
[[nodiscard]] std::string architecture_of(std::string_view platform);

/// The Windows release of a platform's os.version build (`10.0.14393.2125` -> `ltsc2016`,
/// 16299 -> `1709`, 17134 -> `1803`, 17763 -> `1809`, 20348 -> `ltsc2022`, 26100 -> `ltsc2025`);
/// "" for other platforms and unknown builds.
[[nodiscard]] std::string windows_release(std::string_view platform);

/// One library entry that may have built an image.
struct candidate {
   const ast::library_file* library = nullptr;
   std::size_t entry = 0;  ///< index into library->entries
   std::string architecture;
   std::string commit;  ///< `<arch>-GitCommit` or GitCommit
   std::string path;    ///< `<Directory>/<File>` for the architecture
};

/// The entries of `libraries` whose Tags or SharedTags hold `tag` and whose Architectures hold
/// the platform's architecture (Windows: and whose Constraints name its release, or no release),
/// in library then file order; one per distinct (commit, path).
[[nodiscard]] std::vector<candidate> candidates(const std::vector<const ast::library_file*>& libraries,
                                                std::string_view tag, std::string_view platform);

}  // namespace strata::verify
