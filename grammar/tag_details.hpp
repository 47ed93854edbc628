// PEGTL grammar of an E0 repo-info "tag-details" page (`repos/<repo>/tag-details.md`
// up to 2016-08; shared/docs/formats.md §1.1 E0): one file for all tags of a
// repository, as written by docs' `generate-tag-details.pl` (v1/v2 schema 1
// manifests, one section per v1 layer).
// Pure grammar: no actions, no state, no strata types.
//
// The page is read line by line. Every line kind the generator writes is a rule;
// anything else is an `unknown_line`. The ```dockerfile block of a layer is the
// one multi-line construct: every line inside it is command text.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/tag_page.hpp"

namespace strata::grammar::tag_details {

using namespace tao::pegtl;

// values shared with the E1-E4 tag page grammar
using tag_page::eol_;
using tag_page::line_end;
using tag_page::list_item;   // "-\t"
using tag_page::code_text;   // text between backticks, to the last backtick of the line
using tag_page::code;
using tag_page::date;        // RFC 1123 (Mojo::Date)
using tag_page::size;        // `349.3 MB (349284332 bytes)` or `233.0 B`
using tag_page::rest_of_line;

// ---- header and table of contents -----------------------------------------
/// `<!-- THIS FILE IS GENERATED VIA '.template-helpers/generate-tag-details.pl' -->`
struct generator_path : star< not_at< TAO_PEGTL_STRING( "' -->" ), line_end >, not_one< '\n' > > {};
struct generated_comment : seq< TAO_PEGTL_STRING( "<!-- THIS FILE IS GENERATED VIA '" ), generator_path,
                                TAO_PEGTL_STRING( "' -->" ), line_end > {};
/// `# Tags of `python``
struct repo_name : code_text {};
struct repo_title : seq< TAO_PEGTL_STRING( "# Tags of `" ), repo_name, one< '`' >, line_end > {};
/// `-\t[`python:2.7.10`](#python2710)`
struct toc_tag : star< not_one< '`', '\n' > > {};
struct toc_anchor : star< not_at< one< ')' >, line_end >, not_one< '\n' > > {};
struct toc_item : seq< list_item, TAO_PEGTL_STRING( "[`" ), toc_tag, TAO_PEGTL_STRING( "`](" ), toc_anchor, one< ')' >,
                       line_end > {};
struct no_supported_tags : seq< list_item, TAO_PEGTL_STRING( "**No supported tags**" ), line_end > {};

// ---- one tag --------------------------------------------------------------
struct tag_name : code_text {};
struct tag_header : seq< TAO_PEGTL_STRING( "## `" ), tag_name, one< '`' >, line_end > {};
struct does_not_exist : seq< TAO_PEGTL_STRING( "**does not exist** (yet?)" ), line_end > {};
/// ```` ```console ```` ⏎ `$ docker pull library/celery@sha256:…` ⏎ ```` ``` ```` (later E0 generator only)
struct pull_reference : plus< not_one< '\n' > > {};
struct console_block : seq< TAO_PEGTL_STRING( "```console" ), eol_, TAO_PEGTL_STRING( "$ docker pull " ), pull_reference,
                            eol_, TAO_PEGTL_STRING( "```" ), line_end > {};
struct total_virtual_size : seq< list_item, TAO_PEGTL_STRING( "Total Virtual Size: " ), size, line_end > {};
struct total_content_length : seq< list_item, TAO_PEGTL_STRING( "Total v2 Content-Length: " ), size, line_end > {};
struct layer_count : plus< digit > {};
struct layers_header : seq< TAO_PEGTL_STRING( "### Layers (" ), layer_count, one< ')' >, line_end > {};

// ---- one v1 layer ---------------------------------------------------------
struct layer_id : code_text {};
struct layer_header : seq< TAO_PEGTL_STRING( "#### `" ), layer_id, one< '`' >, line_end > {};
struct created : seq< list_item, TAO_PEGTL_STRING( "Created: " ), date, line_end > {};
struct parent_layer : seq< list_item, TAO_PEGTL_STRING( "Parent Layer: " ), code, line_end > {};
struct docker_version : seq< list_item, TAO_PEGTL_STRING( "Docker Version: " ), rest_of_line, line_end > {};
struct virtual_size : seq< list_item, TAO_PEGTL_STRING( "Virtual Size: " ), size, line_end > {};
struct v2_blob : seq< list_item, TAO_PEGTL_STRING( "v2 Blob: " ), code, line_end > {};
struct content_length : seq< list_item, TAO_PEGTL_STRING( "v2 Content-Length: " ), size, line_end > {};
struct last_modified : seq< list_item, TAO_PEGTL_STRING( "v2 Last-Modified: " ), date, line_end > {};

// ---- the ```dockerfile block of a layer -----------------------------------
struct fence_close : seq< TAO_PEGTL_STRING( "```" ), line_end > {};
struct command_line : sor< seq< plus< not_one< '\n' > >, line_end >, eol_ > {};
struct unterminated_block : eof {};
struct dockerfile_fence : TAO_PEGTL_STRING( "```dockerfile" ) {};
struct dockerfile_block : seq< dockerfile_fence, line_end, star< not_at< fence_close >, command_line >,
                               sor< fence_close, unterminated_block > > {};

struct blank_line : eol_ {};
struct unknown_line : seq< plus< not_one< '\n' > >, line_end > {};

struct line : sor< blank_line, generated_comment, repo_title, toc_item, no_supported_tags, tag_header, does_not_exist,
                   console_block, total_virtual_size, total_content_length, layers_header, layer_header,
                   dockerfile_block, created, parent_layer, docker_version, virtual_size, v2_blob, content_length,
                   last_modified, unknown_line > {};
struct page : seq< star< line >, eof > {};

}  // namespace strata::grammar::tag_details
// clang-format on
