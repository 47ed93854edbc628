// The model of a repo-info local page (`repos/<repo>/local/<tag>.md`), independent
// of PEGTL. Format: shared/docs/formats.md §1.8, as written by repo-info's
// `scan-local.sh` (a `docker inspect` template for the Docker Metadata; the image
// runs locally on amd64) followed by the output of one package scanner:
// `.local-scripts/gather-dpkg.sh` (Debian/Ubuntu) or `gather-apk.sh` (Alpine).
// 2018 Alpine pages have no package section at all.
//
// Shape:
//   local_page
//     image?                         `# `python:3.6.4-alpine3.7`` (the resolved tag)
//     metadata                       `## Docker Metadata`
//       image_id?, created?, virtual_size?, os? + architecture?, entrypoint?, command?,
//       environment[], labels[]
//     packages?                      `## `dpkg` (`.deb`-based packages)` / `## `apk` (…)`
//       dpkg[]                       `### `dpkg` source package: `acl=2.2.52-3``
//         binaries[], license_files[] + licenses[] | licenses_unknown,
//         source_request? + source_files[] + urls[] | source_missing + snapshot_urls[]
//       apk[]                        `### `apk` package: `busybox``
//         fields[]                   the `apk info` console output, one record per field
//
// Units: sizes in bytes; `created` as seconds since the Unix epoch (UTC) plus
// nanoseconds and the text as written. Positions: see ast/source.hpp (1-based
// lines, columns in code points). Lines the parser does not recognise, and
// values out of place, are `errors` (page_error); the rest is kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ast/source.hpp"
#include "ast/tag_page.hpp"  // text_value, page_error

namespace strata::ast {

/// Go's RFC 3339 time with nanoseconds as `docker inspect` prints `.Created`
/// (`2018-01-10T05:21:42.235423114Z`; trailing zeros of the fraction trimmed).
struct timestamp_value {
   std::int64_t epoch = 0;               ///< seconds since 1970-01-01T00:00:00Z
   std::uint32_t nanoseconds = 0;        ///< the fraction of the second
   std::int32_t utc_offset_minutes = 0;  ///< 0 for `Z`; `+02:00` is 120
   std::string text;
   span where;
};

/// The on-disk `Virtual Size`, as scan-local.sh's awk prints it: `~ 83.43 Mb`
/// (decimal units Kb/Mb/Gb, two decimals, so approximate) or exactly `512 bytes`.
struct approximate_size {
   std::uint64_t bytes = 0;       ///< exact for `N bytes`, else hundredths × unit / 100
   std::uint64_t hundredths = 0;  ///< the printed number × 100 (8343 for `~ 83.43 Mb`)
   std::string unit;              ///< `Kb`, `Mb`, `Gb`, or `bytes` (exact)
   std::string text;
   span where;
   [[nodiscard]] bool exact() const { return unit == "bytes"; }
};

/// A JSON array of strings written by Go's `json` template function
/// (`Entrypoint`, `Command`).
struct string_list_value {
   std::vector<std::string> items;
   bool parsed = false;  ///< false when the text is not a JSON array of strings (`items` is then empty)
   std::string text;     ///< as written
   span where;
};

/// One `NAME=value` item of the Environment or Labels list.
struct name_value {
   std::string name;
   std::optional<std::string> value;  ///< nullopt when the item has no `=`
   span where;
};

struct docker_metadata {
   span header;                         ///< `## Docker Metadata`
   std::optional<text_value> image_id;  ///< `sha256:…` (the config digest)
   std::optional<timestamp_value> created;
   std::optional<approximate_size> virtual_size;
   std::optional<text_value> os;            ///< `linux` of `Arch: `linux`/`amd64``
   std::optional<text_value> architecture;  ///< `amd64`
   std::optional<string_list_value> entrypoint;
   std::optional<string_list_value> command;
   bool has_environment = false;  ///< the `- Environment:` line (always written, even when empty)
   std::vector<name_value> environment;
   std::vector<name_value> labels;  ///< `- Labels:` (written only when there are labels)
};

/// `name[:arch][=version]`: a dpkg source (`acl=2.2.52-3`) or binary package
/// (`libacl1:amd64=2.2.52-3+b1`).
struct package_ref {
   std::string name;
   std::optional<std::string> architecture;
   std::optional<std::string> version;
   span where;
};

/// One line of `apt-get source -qq --print-uris`: `'URL' FILE SIZE HASH`.
struct apt_source_file {
   std::string url;
   std::string file;
   std::uint64_t size = 0;  ///< bytes
   std::string hash;        ///< `SHA256:…` as written
   span where;
};

/// `- <url>` or `- <url> (<note>)`.
struct url_item {
   std::string url;
   std::optional<std::string> note;
   span where;
};

/// One `### `dpkg` source package: `…`` block.
struct dpkg_source_package {
   package_ref source;
   span header;
   std::vector<package_ref> binaries;         ///< `Binary Packages:`
   std::vector<text_value> license_files;     ///< `Licenses: (parsed from: `…`, `…`)`
   std::vector<text_value> licenses;          ///< the license list under it
   bool licenses_unknown = false;             ///< `**WARNING:** unable to detect licenses! …`
   std::optional<text_value> source_request;  ///< `acl=2.2.52-3` of `$ apt-get source -qq --print-uris …`
   std::vector<apt_source_file> source_files;
   std::vector<url_item> urls;   ///< `Other potentially useful URLs:`
   bool source_missing = false;  ///< `**WARNING:** unable to find source …`
   bool has_snapshot = false;    ///< `The source package *may* still be available …`
   std::vector<url_item> snapshot_urls;
};

/// One field of `apk info --description --license --size --webpage <pkg>`:
/// `<pkg>-<version> <key>:` then the value lines, then a blank line.
struct apk_field {
   std::string package;            ///< `alpine-baselayout-3.7.2-r1`
   std::string key;                ///< `description`, `webpage`, `installed size`, `license`
   std::vector<text_value> value;  ///< the value's lines (one, in every observed page)
   span where;
};

/// One `### `apk` package: `…`` block.
struct apk_package {
   text_value name;
   span header;
   std::vector<apk_field> fields;
};

/// `## `<manager>` (`.<extension>`-based packages)` and its packages.
struct package_section {
   text_value manager;    ///< `dpkg`, `apk`
   text_value extension;  ///< `deb`, `apk`
   span header;
   std::vector<dpkg_source_package> dpkg;
   std::vector<apk_package> apk;
};

struct local_page {
   source_file source;
   std::optional<text_value> image;  ///< the `# `…`` title
   docker_metadata metadata;
   std::optional<package_section> packages;
   std::vector<page_error> errors;
};

}  // namespace strata::ast
