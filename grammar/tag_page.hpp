// PEGTL grammar of a docker-library repo-info tag page
// (`repos/<repo>/remote/<tag>.md`, eras E1-E4; shared/docs/formats.md §1.2).
// Pure grammar: no actions, no state, no strata types.
//
// The page is read line by line. Every line kind of §1.2 is a rule; anything
// else is an `unknown_line`, so a page with an unexpected line still parses
// and the line becomes a finding. The ```dockerfile block is the one
// multi-line construct: inside it a line is either a date line or entry text.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::tag_page {

using namespace tao::pegtl;

struct eol_ : one< '\n' > {};
struct line_end : sor< eol_, eof > {};
struct hard_break : TAO_PEGTL_STRING( "  " ) {};
struct list_item : seq< one< '-' >, one< '\t' > > {};          // "-\t"
struct nested_item : seq< one< '\t' >, list_item > {};          // "\t-\t"
struct detail : seq< one< '\t' >, one< '\t' > > {};             // "\t\t"

/// Text between backticks that runs to the last backtick of the line.
struct code_text : star< not_at< one< '`' >, opt< hard_break >, line_end >, not_one< '\n' > > {};
struct code : seq< one< '`' >, code_text, one< '`' > > {};

// ---- values ---------------------------------------------------------------
struct day_name : sor< TAO_PEGTL_STRING( "Mon" ), TAO_PEGTL_STRING( "Tue" ), TAO_PEGTL_STRING( "Wed" ), TAO_PEGTL_STRING( "Thu" ),
                       TAO_PEGTL_STRING( "Fri" ), TAO_PEGTL_STRING( "Sat" ), TAO_PEGTL_STRING( "Sun" ) > {};
struct month_name : sor< TAO_PEGTL_STRING( "Jan" ), TAO_PEGTL_STRING( "Feb" ), TAO_PEGTL_STRING( "Mar" ), TAO_PEGTL_STRING( "Apr" ),
                         TAO_PEGTL_STRING( "May" ), TAO_PEGTL_STRING( "Jun" ), TAO_PEGTL_STRING( "Jul" ), TAO_PEGTL_STRING( "Aug" ),
                         TAO_PEGTL_STRING( "Sep" ), TAO_PEGTL_STRING( "Oct" ), TAO_PEGTL_STRING( "Nov" ), TAO_PEGTL_STRING( "Dec" ) > {};
/// RFC 1123 as written by Mojo::Date: `Wed, 16 Oct 2019 23:25:59 GMT`.
struct date : seq< day_name, TAO_PEGTL_STRING( ", " ), rep< 2, digit >, one< ' ' >, month_name, one< ' ' >, rep< 4, digit >, one< ' ' >,
                   rep< 2, digit >, one< ':' >, rep< 2, digit >, one< ':' >, rep< 2, digit >, TAO_PEGTL_STRING( " GMT" ) > {};
struct size_unit : sor< TAO_PEGTL_STRING( "KB" ), TAO_PEGTL_STRING( "MB" ), TAO_PEGTL_STRING( "GB" ), TAO_PEGTL_STRING( "TB" ), one< 'B' > > {};
/// `349.3 MB (349284332 bytes)` or a bare `233.0 B`.
struct size : seq< plus< digit >, one< '.' >, digit, one< ' ' >, size_unit,
                   opt< TAO_PEGTL_STRING( " (" ), plus< digit >, TAO_PEGTL_STRING( " bytes)" ) > > {};
struct rest_of_line : star< not_one< '\n' > > {};

// ---- lines outside the ```dockerfile block --------------------------------
struct reference : star< not_one< '`', '\n' > > {};
struct page_header : seq< TAO_PEGTL_STRING( "## `" ), reference, one< '`' >, line_end > {};
struct platform_text : rest_of_line {};
struct section_header : seq< TAO_PEGTL_STRING( "### `" ), reference, TAO_PEGTL_STRING( "` - " ), platform_text, line_end > {};

struct pull_reference : plus< not_one< '\n' > > {};
struct console_block : seq< TAO_PEGTL_STRING( "```console" ), eol_, TAO_PEGTL_STRING( "$ docker pull " ), pull_reference, eol_,
                            TAO_PEGTL_STRING( "```" ), line_end > {};

struct manifest_mime : seq< list_item, TAO_PEGTL_STRING( "Manifest MIME: " ), code, line_end > {};
struct platform_count : plus< digit > {};
struct platforms_header : seq< list_item, TAO_PEGTL_STRING( "Platforms:" ), opt< one< ' ' >, platform_count >, line_end > {};
struct platform_item : seq< nested_item, not_at< one< '`' > >, platform_text, line_end > {};
struct docker_version : seq< list_item, TAO_PEGTL_STRING( "Docker Version: " ), rest_of_line, line_end > {};
struct total_size : seq< list_item, TAO_PEGTL_STRING( "Total Size: **" ), size, TAO_PEGTL_STRING( "**" ), hard_break, eol_,
                         TAO_PEGTL_STRING( "\t(compressed transfer size, not on-disk size)" ), line_end > {};
struct image_id : seq< list_item, TAO_PEGTL_STRING( "Image ID: " ), code, line_end > {};
struct entrypoint : seq< list_item, TAO_PEGTL_STRING( "Entrypoint: " ), code, line_end > {};
struct default_command : seq< list_item, TAO_PEGTL_STRING( "Default Command: " ), code, line_end > {};
struct shell : seq< list_item, TAO_PEGTL_STRING( "`SHELL`: " ), code, line_end > {};

struct layers_header : seq< list_item, TAO_PEGTL_STRING( "Layers:" ), line_end > {};
struct layer_item : seq< nested_item, code, opt< hard_break >, line_end > {};
struct layer_last_modified : seq< detail, TAO_PEGTL_STRING( "Last Modified: " ), date, opt< hard_break >, line_end > {};
struct layer_size : seq< detail, TAO_PEGTL_STRING( "Size: " ), size, opt< hard_break >, line_end > {};
struct layer_mime : seq< detail, TAO_PEGTL_STRING( "MIME: " ), rest_of_line, line_end > {};

struct does_not_exist : seq< TAO_PEGTL_STRING( "**does not exist** (yet?)" ), line_end > {};
struct blank_line : eol_ {};
struct unknown_line : seq< plus< not_one< '\n' > >, line_end > {};

// ---- the ```dockerfile block --------------------------------------------
struct fence_close : seq< TAO_PEGTL_STRING( "```" ), line_end > {};
struct history_date_line : seq< TAO_PEGTL_STRING( "# " ), date, line_end > {};
struct history_text_line : sor< seq< plus< not_one< '\n' > >, line_end >, eol_ > {};
struct unterminated_block : eof {};
struct dockerfile_fence : TAO_PEGTL_STRING( "```dockerfile" ) {};
struct dockerfile_block : seq< dockerfile_fence, line_end,
                               star< not_at< fence_close >, sor< history_date_line, history_text_line > >,
                               sor< fence_close, unterminated_block > > {};

struct line : sor< blank_line, page_header, section_header, console_block, dockerfile_block,
                   manifest_mime, platforms_header, layer_item, platform_item, docker_version, total_size,
                   image_id, entrypoint, default_command, shell, layers_header,
                   layer_last_modified, layer_size, layer_mime, does_not_exist, unknown_line > {};
struct page : seq< star< line >, eof > {};

}  // namespace strata::grammar::tag_page
// clang-format on
