// The canonical rendering of a repo-info remote tag page (eras E1-E4): the text
// docker-library's generator (`.remote.pl`) writes for the page's model.
// Format: shared/docs/formats.md §1.2-§1.6.
//
// The page is rebuilt from the model: sizes from their byte counts (§1.6),
// dates from their epoch seconds (Mojo::Date), JSON values re-encoded as
// Mojo::JSON does, lists from their items. History entry text is kept as
// recorded (it is the builder's text, not the generator's). Values the parser
// could not read (a JSON value that is not JSON, an unreadable size) are written
// as they were found. A page whose input deviates from this rendering is
// reported by `strata check` (ST0005).
#pragma once

#include <string>

#include "ast/tag_page.hpp"

namespace strata::render {

/// The canonical text of a tag page; ends with one LF.
[[nodiscard]] std::string render(const ast::tag_page& page);

}  // namespace strata::render
