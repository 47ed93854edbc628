// The canonical rendering of an E0 repo-info tag-details page: the text
// docker-library's `generate-tag-details.pl` (and its shell wrapper, which writes
// the header and the table of contents) writes for the page's model.
// Format: shared/docs/formats.md §1.1 (E0), §1.4 (the re-split RUN bodies), §1.6 (sizes).
//
// The page is rebuilt from the model: sizes from their byte counts (§1.6), dates
// from their epoch seconds (Mojo::Date), `# ARG:` lines from their name and value,
// `/bin/sh -c` commands re-split when the page showed them so, lists from their
// items. A layer's command text is kept as recorded (it is the builder's text).
// Values the parser could not read (an unreadable size or date) are written as
// they were found.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "ast/tag_details.hpp"

namespace strata::render {

/// The canonical text of a tag-details page; ends with one LF.
[[nodiscard]] std::string render(const ast::tag_details& page);

/// The model as JSON: `{"kind": "tag-details", "file", "repository", "generator",
/// "toc": [{"tag", "anchor"}], "tags": [{"tag", "line", "does_not_exist"?, "pull_name"?,
/// "digest"?, "total_virtual_size"?, "total_content_length"?, "layer_count"?,
/// "layers": [{"id", "line", "command"?: {"keyword", "text", "wrapped", "build_args"?,
/// "args"?, "unparsed"?}, "created"?, "parent"?, "docker_version"?, "virtual_size"?,
/// "blob"?, "content_length"?, "last_modified"?}]}], "errors": [{"message", "line",
/// "column", "end_line", "end_column"}]}`. Sizes are integer bytes, dates RFC 3339 (UTC).
[[nodiscard]] nlohmann::json to_json(const ast::tag_details& page);

}  // namespace strata::render
