// Path words of RUN bodies and instructions: the last segment of a path or URL, as the facts
// and the rules read program and file names (`/usr/bin/curl` -> `curl`).
#pragma once

#include <string>
#include <string_view>

namespace strata::facts {

/// The last path segment (`/usr/bin/curl` -> `curl`; `\` separates too, as on Windows).
[[nodiscard]] std::string basename(std::string_view s);
/// The same, as a view into `s` (no string made).
[[nodiscard]] std::string_view basename_view(std::string_view s) noexcept;
/// The file name a URL or path names: its last path segment without a query or fragment.
[[nodiscard]] std::string file_name(std::string_view s);

}  // namespace strata::facts
