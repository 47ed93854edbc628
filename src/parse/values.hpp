// Value readers shared by the history parsers: RFC 1123 dates and generator sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace strata::parse {

/// Seconds since the Unix epoch of `Www, DD Mon YYYY HH:MM:SS GMT` (Mojo::Date's
/// format, shared/docs/formats.md §1.3); nullopt when the text is not one.
[[nodiscard]] std::optional<std::int64_t> parse_rfc1123(std::string_view text);

/// The RFC 1123 rendering of an epoch time (inverse of parse_rfc1123).
[[nodiscard]] std::string format_rfc1123(std::int64_t epoch);

/// The RFC 3339 rendering (UTC, `Z`, whole seconds) of an epoch time: `2019-10-16T23:25:59Z`.
[[nodiscard]] std::string format_rfc3339(std::int64_t epoch);

/// Bytes of a generator size: the `(N bytes)` part when present, else the
/// integer part of a bare `N.0 B`; nullopt when the text is not a size.
[[nodiscard]] std::optional<std::uint64_t> parse_size_bytes(std::string_view text);

/// The generator's human size of a byte count (formats.md §1.6: decimal units,
/// one decimal, `(N bytes)` unless the unit is B).
[[nodiscard]] std::string format_size(std::uint64_t bytes);

}  // namespace strata::parse
