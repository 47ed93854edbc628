// official-images library file parsing: text -> ast::library_file
// (grammar/library_file.hpp + actions; shared/docs/formats.md §3.1).
#pragma once

#include <string>
#include <string_view>

#include "ast/library_file.hpp"

namespace strata::parse {

/// Parses a `library/<repo>` file of docker-library/official-images, in either
/// format (RFC 2822-style paragraphs or the ≤ 2016 line format). Never throws for
/// bad input, whatever the bytes: a line that is not part of the format, a field
/// that is out of place or invalid (unknown key, duplicate key, entry without Tags
/// or GitCommit, GitCommit not 1-40 lower-case hex, GitFetch not `refs/heads/…` or
/// `refs/tags/…`, a tag listed twice, a text with no field or entry at all) becomes a
/// library_error with its position, and parsing goes on with the next line. Entries
/// with errors are still kept. Errors are sorted by position.
[[nodiscard]] ast::library_file parse_library_file(std::string path, std::string text);

/// Content sniff, conservative: true for an RFC 2822 library file (its first paragraph,
/// after comments and blank lines, is made only of `Key: value` fields and
/// continuation lines and holds `Maintainers:`; a later line starts with `Tags:` and
/// one with `GitCommit:`), or for a line-based one (a `# maintainer:` comment and a
/// `<tag>: git://…@<commit>` line). Lines that fit neither format are tolerated after
/// the first field, up to one for every ten fields, so that a damaged library file is
/// still read as one (and its bad lines reported). False for Dockerfiles, markdown,
/// binary data.
[[nodiscard]] bool looks_like_library_file(std::string_view text);

}  // namespace strata::parse
