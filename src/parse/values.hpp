// Value readers shared by the history parsers: RFC 1123 and RFC 3339 dates, generator
// sizes, and their renderings (the --format json models are in render/model_json.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ast/source.hpp"

namespace strata::parse {

/// Seconds since the Unix epoch of `Www, DD Mon YYYY HH:MM:SS GMT` (Mojo::Date's
/// format, shared/docs/formats.md §1.3); nullopt when the text is not one.
[[nodiscard]] std::optional<std::int64_t> parse_rfc1123(std::string_view text);

/// The RFC 1123 rendering of an epoch time (inverse of parse_rfc1123).
[[nodiscard]] std::string format_rfc1123(std::int64_t epoch);
/// Whether `text` is what format_rfc1123(epoch) writes, found without writing it: `text` reads
/// as `epoch` (parse_rfc1123), names the right weekday and holds no leap second (`:60`).
[[nodiscard]] bool is_rfc1123_of(std::string_view text, std::int64_t epoch);

/// The RFC 3339 rendering (UTC, `Z`, whole seconds) of an epoch time: `2019-10-16T23:25:59Z`.
[[nodiscard]] std::string format_rfc3339(std::int64_t epoch);

/// What read_rfc3339 accepts beyond Go's time.RFC3339Nano layout (all false: Go's layout,
/// as parse_go_time reads it; all true: the lenient reading of parse_rfc3339).
struct rfc3339_rules {
   bool lenient_letters = false;  ///< `t` or a space for the `T`, `z` for the `Z`
   bool calendar_days = false;    ///< days checked against their month (29 February in leap
                                  ///< years only) and no leap second; else any day 1-31, second 60
   bool long_fractions = false;   ///< digits past the ninth of the fraction dropped; else no time
};

/// An RFC 3339 time read by read_rfc3339.
struct rfc3339_time {
   std::int64_t epoch = 0;               ///< seconds since 1970-01-01T00:00:00Z (the offset applied)
   std::uint32_t nanoseconds = 0;        ///< the fraction of the second
   std::int32_t utc_offset_minutes = 0;  ///< 0 for `Z`; `+02:00` is 120
};

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+hh:mm|-hh:mm)`, the whole text; nullopt when it is not
/// one under `rules` (or names no possible time).
[[nodiscard]] std::optional<rfc3339_time> read_rfc3339(std::string_view text, const rfc3339_rules& rules);

/// Bytes of a generator size: the `(N bytes)` part when present, else the
/// integer part of a bare `N.0 B`; nullopt when the text is not a size.
[[nodiscard]] std::optional<std::uint64_t> parse_size_bytes(std::string_view text);

/// The generator's human size of a byte count (formats.md §1.6: decimal units,
/// one decimal, `(N bytes)` unless the unit is B).
[[nodiscard]] std::string format_size(std::uint64_t bytes);

}  // namespace strata::parse
