// The canonical rendering of a repo-info local page: the text repo-info's
// `scan-local.sh` (`docker inspect` template) and its package scanners
// (`gather-dpkg.sh`, `gather-apk.sh`) write for the page's model.
// Format: shared/docs/formats.md §1.8.
//
// The page is rebuilt from the model: the creation time from its epoch seconds,
// nanoseconds and offset (Go's RFC3339Nano), the virtual size from its unit and
// hundredths, JSON arrays re-encoded as Go's encoding/json does, package names
// from their name/architecture/version, apt-get source lines from their fields,
// `apk info` output from its fields, lists from their items. Values the parser
// could not read are written as they were found.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ast/local_page.hpp"

namespace strata::render {

/// The canonical text of a local page; ends with one LF.
[[nodiscard]] std::string render(const ast::local_page& page);

/// A JSON array of strings as Go's encoding/json writes it (compact; `<`, `>`, `&`,
/// U+2028, U+2029 and control characters escaped as `\u00xx`; other UTF-8 as is).
[[nodiscard]] std::string go_json(const std::vector<std::string>& items);

/// The model as JSON: `{"kind": "local-page", "file", "image", "image_id"?, "created"?
/// (RFC 3339 with nanoseconds), "virtual_size"? (bytes), "virtual_size_exact"?, "os"?,
/// "architecture"?, "entrypoint"?, "command"? (arrays), "environment": [{"name", "value"}],
/// "labels": [...], "packages"?: {"manager", "extension", "dpkg": [{"source": {"name",
/// "architecture"?, "version"?}, "line", "binaries": [...], "license_files", "licenses",
/// "licenses_unknown"?, "source_request"?, "source_files": [{"url", "file", "size", "hash"}],
/// "urls": [{"url", "note"?}], "source_missing"?, "snapshot_urls"?}], "apk": [{"name", "line",
/// "fields": [{"package", "key", "value"}]}]}, "errors": [{"message", "line", "column",
/// "end_line", "end_column"}]}`.
[[nodiscard]] nlohmann::json to_json(const ast::local_page& page);

}  // namespace strata::render
