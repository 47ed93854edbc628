// PEGTL grammar of a repo-info local page (`repos/<repo>/local/<tag>.md`;
// shared/docs/formats.md §1.8), as written by repo-info's `scan-local.sh` (the
// `docker inspect` template of the Docker Metadata) and its package scanners
// `.local-scripts/gather-dpkg.sh` and `gather-apk.sh`.
// Pure grammar: no actions, no state, no strata types.
//
// The page is read line by line. Every line kind the generators write is a rule;
// anything else is an `unknown_line`. The ```console blocks are the multi-line
// constructs: every line inside one is block text (apt-get source URIs, or the
// output of `apk info`).
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::local_page {

using namespace tao::pegtl;

struct eol_ : one< '\n' > {};
struct line_end : sor< eol_, eof > {};
struct hard_break : TAO_PEGTL_STRING( "  " ) {};
struct meta_item : TAO_PEGTL_STRING( "- " ) {};          // Docker Metadata items use "- ", not "-\t"
struct nested_item : TAO_PEGTL_STRING( "  - " ) {};

/// Text between backticks that runs to the last backtick of the line.
struct code_text : star< not_at< one< '`' >, opt< hard_break >, line_end >, not_one< '\n' > > {};
struct code : seq< one< '`' >, code_text, one< '`' > > {};
/// Text between backticks that holds no backtick (one item of a list of codes).
struct plain_code_text : star< not_one< '`', '\n' > > {};

// ---- the title and the Docker Metadata ------------------------------------
struct image_ref : code_text {};
struct title : seq< TAO_PEGTL_STRING( "# `" ), image_ref, one< '`' >, line_end > {};
struct metadata_header : seq< TAO_PEGTL_STRING( "## Docker Metadata" ), line_end > {};
struct image_id : seq< meta_item, TAO_PEGTL_STRING( "Image ID: " ), code, line_end > {};

/// Go's RFC 3339 with nanoseconds: `2018-01-10T05:21:42.235423114Z`, `2024-06-27T13:08:28Z`.
struct fraction : seq< one< '.' >, plus< digit > > {};
struct zone : sor< one< 'Z' >, seq< one< '+', '-' >, rep< 2, digit >, one< ':' >, rep< 2, digit > > > {};
struct timestamp : seq< rep< 4, digit >, one< '-' >, rep< 2, digit >, one< '-' >, rep< 2, digit >, one< 'T' >,
                        rep< 2, digit >, one< ':' >, rep< 2, digit >, one< ':' >, rep< 2, digit >, opt< fraction >, zone > {};
struct created : seq< meta_item, TAO_PEGTL_STRING( "Created: `" ), timestamp, one< '`' >, line_end > {};

/// `~ 83.43 Mb`, `~ 1.21 Gb`, `~ 12.00 Kb` or `512 bytes` (awk in scan-local.sh).
struct approx_unit : sor< TAO_PEGTL_STRING( "Gb" ), TAO_PEGTL_STRING( "Mb" ), TAO_PEGTL_STRING( "Kb" ) > {};
struct approx_size : seq< TAO_PEGTL_STRING( "~ " ), plus< digit >, one< '.' >, rep< 2, digit >, one< ' ' >, approx_unit > {};
struct exact_size : seq< plus< digit >, TAO_PEGTL_STRING( " bytes" ) > {};
struct virtual_size_value : sor< approx_size, exact_size > {};
struct virtual_size : seq< meta_item, TAO_PEGTL_STRING( "Virtual Size: " ), virtual_size_value, hard_break, eol_,
                           TAO_PEGTL_STRING( "  (total size of all layers on-disk)" ), line_end > {};

struct os_name : plain_code_text {};
struct arch_name : plain_code_text {};
struct arch : seq< meta_item, TAO_PEGTL_STRING( "Arch: `" ), os_name, TAO_PEGTL_STRING( "`/`" ), arch_name, one< '`' >,
                   line_end > {};
struct entrypoint : seq< meta_item, TAO_PEGTL_STRING( "Entrypoint: " ), code, line_end > {};
struct command : seq< meta_item, TAO_PEGTL_STRING( "Command: " ), code, line_end > {};
struct environment_header : seq< meta_item, TAO_PEGTL_STRING( "Environment:" ), line_end > {};
struct labels_header : seq< meta_item, TAO_PEGTL_STRING( "Labels:" ), line_end > {};
/// `  - `PATH=/usr/local/bin:…`` (an Environment or Labels entry)
struct list_entry : seq< nested_item, code, line_end > {};

// ---- package sections -----------------------------------------------------
/// `## `dpkg` (`.deb`-based packages)`
struct manager_name : plain_code_text {};
struct package_extension : plain_code_text {};
struct packages_header : seq< TAO_PEGTL_STRING( "## `" ), manager_name, TAO_PEGTL_STRING( "` (`." ), package_extension,
                              TAO_PEGTL_STRING( "`-based packages)" ), line_end > {};
struct package_name : code_text {};
struct dpkg_source_header : seq< TAO_PEGTL_STRING( "### `dpkg` source package: `" ), package_name, one< '`' >, line_end > {};
struct apk_package_header : seq< TAO_PEGTL_STRING( "### `apk` package: `" ), package_name, one< '`' >, line_end > {};

struct binary_packages_header : seq< TAO_PEGTL_STRING( "Binary Packages:" ), line_end > {};
/// `- `libacl1:amd64=2.2.52-3+b1`` (a binary package) or `- `GPL-2`` (a license)
struct code_item : seq< meta_item, code, line_end > {};
struct licenses_prefix : TAO_PEGTL_STRING( "Licenses: (parsed from: " ) {};
struct license_file : plain_code_text {};
struct licenses_header : seq< licenses_prefix, list< seq< one< '`' >, license_file, one< '`' > >, TAO_PEGTL_STRING( ", " ) >,
                              one< ')' >, line_end > {};
struct licenses_warning : seq< TAO_PEGTL_STRING( "**WARNING:** unable to detect licenses! (package likely not compliant with DEP-5)" ),
                               hard_break, eol_,
                               TAO_PEGTL_STRING( "If source is available (seen below), check the contents of `debian/copyright` within it." ),
                               line_end > {};
struct source_header : seq< TAO_PEGTL_STRING( "Source:" ), line_end > {};
struct urls_header : seq< TAO_PEGTL_STRING( "Other potentially useful URLs:" ), line_end > {};
struct source_warning : seq< TAO_PEGTL_STRING( "**WARNING:** unable to find source (`apt-get source` failed or returned no results)!" ),
                             hard_break, eol_,
                             TAO_PEGTL_STRING( "This is *usually* due to a new package version being released and the old version being removed." ),
                             line_end > {};
struct snapshot_header : seq< TAO_PEGTL_STRING( "The source package *may* still be available for download from:" ), line_end > {};
/// `- https://sources.debian.net/src/acl/2.2.52-3/ (for browsing the source)` or `- <url>`
struct url : plus< not_one< ' ', '\t', '\n', '`' > > {};
struct url_note : star< not_at< one< ')' >, line_end >, not_one< '\n' > > {};
struct url_item : seq< meta_item, url, opt< TAO_PEGTL_STRING( " (" ), url_note, one< ')' > >, line_end > {};

// ---- ```console blocks --------------------------------------------------------
struct fence_close : seq< TAO_PEGTL_STRING( "```" ), line_end > {};
struct console_line : sor< seq< plus< not_one< '\n' > >, line_end >, eol_ > {};
struct unterminated_block : eof {};
struct console_fence : TAO_PEGTL_STRING( "```console" ) {};
struct console_block : seq< console_fence, line_end, star< not_at< fence_close >, console_line >,
                            sor< fence_close, unterminated_block > > {};

struct blank_line : eol_ {};
struct unknown_line : seq< plus< not_one< '\n' > >, line_end > {};

struct line : sor< blank_line, title, metadata_header, image_id, created, virtual_size, arch, entrypoint, command,
                   environment_header, labels_header, list_entry, packages_header, dpkg_source_header,
                   apk_package_header, binary_packages_header, code_item, licenses_header, licenses_warning,
                   source_header, urls_header, source_warning, snapshot_header, url_item, console_block,
                   unknown_line > {};
struct page : seq< star< line >, eof > {};

}  // namespace strata::grammar::local_page
// clang-format on
