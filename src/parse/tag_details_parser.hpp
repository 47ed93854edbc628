// E0 repo-info tag-details parsing: text -> ast::tag_details (grammar/tag_details.hpp + actions).
#pragma once

#include <string>
#include <string_view>

#include "ast/tag_details.hpp"

namespace strata::parse {

/// Parses an E0 tag-details page. Never throws for bad input: a line that is not
/// part of the format, or out of place, becomes a page_error with its position,
/// and parsing goes on with the next line.
[[nodiscard]] ast::tag_details parse_tag_details(std::string path, std::string text);

/// True when the text looks like an E0 tag-details page: its first line is the
/// `<!-- THIS FILE IS GENERATED …` comment or `# Tags of \``.
[[nodiscard]] bool looks_like_tag_details(std::string_view text);

/// The generator's readability re-split of a `/bin/sh -c` command: every run of
/// tabs / 4-space indents gets `\` + newline before it (applied only when the
/// command has no newline; formats.md §1.4).
[[nodiscard]] std::string wrap_command(std::string_view command);

/// The inverse of wrap_command: removes every `\` + newline that is followed by a
/// tab or four spaces.
[[nodiscard]] std::string unwrap_command(std::string_view text);

}  // namespace strata::parse
