// `.dockerignore`: the build context's exclusion patterns, read and matched as BuildKit reads
// them (github.com/moby/patternmatcher and its ignorefile package, which `docker build` and
// BuildKit's CopyIgnoredFile check use).
//
// File: one pattern per line; a line whose first character is `#` is a comment; white space
// around a pattern is trimmed; empty lines are skipped; a UTF-8 byte-order mark at the start is
// dropped. `!pattern` re-includes what earlier patterns excluded. Each pattern is cleaned as
// Go's path.Clean cleans (`./a//b/` is `a/b`, `a/../b` is `b`), and a leading `/` is dropped.
//
// Matching: a pattern is a glob over the path relative to the context, `/`-separated: `*` is
// any run of characters but `/`, `?` one character but `/`, `[...]` a character class, `\` escapes
// the next character, and `**` any number of directories (`**/x`, `a/**`, `a/**/b`). A path is
// excluded when the last pattern that matches it, or one of its parent directories, is not a
// `!` pattern (MatchesOrParentMatches).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace strata::parse {

/// One pattern of a `.dockerignore` file.
struct ignore_pattern {
   std::string text;                 ///< cleaned, without the `!`
   bool exclusion = false;           ///< written `!pattern`: re-includes
   std::uint32_t line = 0;           ///< 1-based line in the file
   std::shared_ptr<re2::RE2> regex;  ///< the compiled glob (null when it does not compile: it matches nothing)
};

/// The patterns of a `.dockerignore` file, in file order.
class ignore_patterns {
public:
   ignore_patterns() = default;
   /// Reads the text of a `.dockerignore` file. Never throws (but std::bad_alloc); a pattern
   /// that does not compile (an unclosed `[`) matches nothing and is listed in `errors()`.
   explicit ignore_patterns(std::string_view text);

   /// Whether `path` (relative to the context, `/`-separated) is excluded from the build
   /// context. As BuildKit, the path is matched as given (`./foo` does not match a pattern
   /// `foo`) and its parent directories cleaned (`./d/f` is in `d`).
   [[nodiscard]] bool excludes(std::string_view path) const;

   /// BuildKit's CopyIgnoredFile test of a COPY/ADD source as written (`./app`, `src/*.go`, `.`):
   /// the source, cleaned, is excluded and no `!` pattern can re-include a path at or below it
   /// (path components compared as globs both ways, so `!sub/a.txt` can re-include within
   /// `sub` and `sub/*.txt`). The context root `.` counts as excluded when any name in it is
   /// (`*`, `**`), not when only some are (`.*`).
   [[nodiscard]] bool excludes_source(std::string_view source) const;

   [[nodiscard]] const std::vector<ignore_pattern>& patterns() const noexcept { return patterns_; }
   [[nodiscard]] bool empty() const noexcept { return patterns_.empty(); }
   /// `line: message` for each pattern that did not compile.
   [[nodiscard]] const std::vector<std::string>& errors() const noexcept { return errors_; }

private:
   std::vector<ignore_pattern> patterns_;
   std::vector<std::string> errors_;
};

/// Go's path.Clean: the shortest path equal to `path` by lexical processing (`.` for "").
[[nodiscard]] std::string clean_path(std::string_view path);

}  // namespace strata::parse
