// PEGTL grammar of the cells of `docker history` table output (docker/cli
// cli/command/formatter/history.go; see src/ast/docker_history.hpp for the format).
// Pure grammar: no actions, no state, no strata types.
//
// The table is column-aligned by Go's text/tabwriter, so the parser cuts a row at
// the header's column starts and checks each cell with the `*_cell` rules. When a
// row does not fit the header (the alignment restarts after a multi-line CREATED
// BY), it is read by content instead: `row_head` from the left (IMAGE, gap,
// CREATED, gap) and `row_tail` from the right (gap, SIZE [, gap, COMMENT]), the
// CREATED BY being whatever lies between. The created-by text itself is read by
// grammar/history_line.hpp.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::docker_history {

using namespace tao::pegtl;

struct blank : one< ' ' > {};
/// Between two cells: tabwriter pads with at least 3 spaces; 2 are required here.
struct column_gap : seq< blank, plus< blank > > {};

// ---- header ----------------------------------------------------------------------
struct column_name : sor< TAO_PEGTL_STRING( "CREATED AT" ), TAO_PEGTL_STRING( "CREATED BY" ), TAO_PEGTL_STRING( "CREATED" ),
                          TAO_PEGTL_STRING( "IMAGE" ), TAO_PEGTL_STRING( "SIZE" ), TAO_PEGTL_STRING( "COMMENT" ) > {};
struct header : seq< column_name, star< column_gap, column_name >, star< blank >, opt< one< '\r' > >, eof > {};

// ---- cell values -------------------------------------------------------------------
struct lower_hex : ranges< '0', '9', 'a', 'f' > {};
/// `sha256:<64 hex>` (--no-trunc), 64 or 12 hex digits (podman, truncated), `<missing>`.
struct missing_image : TAO_PEGTL_STRING( "<missing>" ) {};
struct image_id : sor< seq< TAO_PEGTL_STRING( "sha256:" ), rep< 64, lower_hex > >, missing_image,
                       seq< rep< 64, lower_hex >, not_at< lower_hex > >, seq< rep< 12, lower_hex >, not_at< lower_hex > > > {};

/// go-units HumanDuration + " ago".
struct age_unit : sor< TAO_PEGTL_STRING( "second" ), TAO_PEGTL_STRING( "minute" ), TAO_PEGTL_STRING( "hour" ),
                       TAO_PEGTL_STRING( "day" ), TAO_PEGTL_STRING( "week" ), TAO_PEGTL_STRING( "month" ),
                       TAO_PEGTL_STRING( "year" ) > {};
struct age_count : plus< digit > {};
struct human_age : seq< sor< TAO_PEGTL_STRING( "Less than a second" ), TAO_PEGTL_STRING( "About a minute" ),
                             TAO_PEGTL_STRING( "About an hour" ), seq< age_count, blank, age_unit, opt< one< 's' > > > >,
                        TAO_PEGTL_STRING( " ago" ) > {};
/// RFC 3339 as Go's time.RFC3339 / RFC3339Nano print it (`Z` or a numeric offset).
struct rfc3339 : seq< rep< 4, digit >, one< '-' >, rep< 2, digit >, one< '-' >, rep< 2, digit >, one< 'T' >,
                      rep< 2, digit >, one< ':' >, rep< 2, digit >, one< ':' >, rep< 2, digit >,
                      opt< one< '.' >, plus< digit > >,
                      sor< one< 'Z' >, seq< one< '+', '-' >, rep< 2, digit >, one< ':' >, rep< 2, digit > > > > {};
struct age : sor< human_age, rfc3339 > {};

/// go-units HumanSizeWithPrecision (`%.3g` + decimal unit: `0B`, `1.2kB`, `1e+03kB`);
/// old clients printed a space before the unit (`77.81 MB`). Or a byte count.
struct size_mantissa : seq< plus< digit >, opt< one< '.' >, plus< digit > >, opt< one< 'e' >, one< '+', '-' >, plus< digit > > > {};
struct size_unit : sor< one< 'B' >, TAO_PEGTL_STRING( "kB" ), TAO_PEGTL_STRING( "KB" ), TAO_PEGTL_STRING( "MB" ),
                        TAO_PEGTL_STRING( "GB" ), TAO_PEGTL_STRING( "TB" ), TAO_PEGTL_STRING( "PB" ),
                        TAO_PEGTL_STRING( "EB" ), TAO_PEGTL_STRING( "ZB" ), TAO_PEGTL_STRING( "YB" ) > {};
struct human_size : seq< size_mantissa, opt< blank >, size_unit > {};
struct byte_count : plus< digit > {};
struct size : sor< seq< human_size, not_at< not_one< ' ', '\r' > > >, seq< byte_count, not_at< not_one< ' ', '\r' > > > > {};

/// A comment: words separated by single spaces (`buildkit.dockerfile.v0`, `Imported from -`).
struct comment_word : plus< not_one< ' ', '\r' > > {};
struct comment : list< comment_word, blank > {};

// ---- whole cells (one cut at the header's columns, trailing padding removed) -------
struct image_cell : seq< image_id, eof > {};
struct age_cell : seq< age, eof > {};
struct size_cell : seq< size, eof > {};

// ---- reading a row by content --------------------------------------------------------
/// From the start of a row line: IMAGE, gap, CREATED, gap (CREATED BY follows).
struct row_head : seq< image_id, column_gap, age, column_gap > {};
/// From a gap to the end of a row's last line: SIZE [gap COMMENT], then padding.
struct row_tail : seq< column_gap, size, sor< seq< column_gap, comment >, success >, star< blank >, opt< one< '\r' > >, eof > {};

// ---- `--format '{{json .}}'` ---------------------------------------------------------
/// A JSON lines row starts with an object (read with a JSON parser).
struct json_row_start : seq< star< blank >, one< '{' > > {};

}  // namespace strata::grammar::docker_history
// clang-format on
