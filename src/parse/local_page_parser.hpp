// repo-info local page parsing: text -> ast::local_page (grammar/local_page.hpp + actions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ast/local_page.hpp"

namespace strata::parse {

/// Parses a repo-info local page. Never throws for bad input: a line that is not
/// part of the format, or out of place, becomes a page_error with its position,
/// and parsing goes on with the next line.
[[nodiscard]] ast::local_page parse_local_page(std::string path, std::string text);

/// True when the text looks like a repo-info local page: the first line starts
/// with `# \`` and a line is `## Docker Metadata`.
[[nodiscard]] bool looks_like_local_page(std::string_view text);

/// Epoch seconds, nanoseconds and UTC offset of a Go RFC 3339 time
/// (`2018-01-10T05:21:42.235423114Z`, `2024-06-27T13:08:28+02:00`); nullopt when the
/// text is not one. The result's `text` is the input, `where` is empty.
[[nodiscard]] std::optional<ast::timestamp_value> parse_go_time(std::string_view text);

/// Go's RFC3339Nano rendering (the inverse of parse_go_time): the fraction has its
/// trailing zeros trimmed and is left out when zero; offset 0 is written `Z`.
[[nodiscard]] std::string format_go_time(std::int64_t epoch, std::uint32_t nanoseconds,
                                         std::int32_t utc_offset_minutes);

/// Reads scan-local.sh's `~ 83.43 Mb` / `512 bytes`; nullopt when the text is not one.
[[nodiscard]] std::optional<ast::approximate_size> parse_approximate_size(std::string_view text);

/// Splits `name[:arch][=version]` (dpkg source or binary package).
[[nodiscard]] ast::package_ref split_package_ref(std::string_view text);

}  // namespace strata::parse
