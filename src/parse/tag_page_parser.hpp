// repo-info tag page parsing: text -> ast::tag_page (grammar/tag_page.hpp + actions).
#pragma once

#include <string>
#include <string_view>

#include "ast/tag_page.hpp"

namespace strata::parse {

/// Parses a repo-info remote tag page. Never throws for bad input: a line that
/// is not part of the format, or out of place, becomes a page_error with its
/// position, and parsing goes on with the next line.
[[nodiscard]] ast::tag_page parse_tag_page(std::string path, std::string text);

/// The `KEY=value` pairs of an ENV history entry's arguments (values unquoted,
/// as the builder records them). A pair starts at a space followed by a name and `=`;
/// a legacy `KEY value` entry gives one pair.
struct env_split {
   std::size_t key_begin, key_end, value_begin, value_end;  ///< offsets into the text
};
[[nodiscard]] std::vector<env_split> split_history_env(std::string_view arguments);

/// True when the text looks like a repo-info remote tag page (first line `## \``).
[[nodiscard]] bool looks_like_tag_page(std::string_view text);

}  // namespace strata::parse
