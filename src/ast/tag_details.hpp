// The model of an E0 repo-info "tag-details" page (`repos/<repo>/tag-details.md`,
// up to 2016-08), independent of PEGTL. Format: shared/docs/formats.md §1.1 (E0),
// as written by docker-library/docs' `.template-helpers/generate-tag-details.pl`
// (v2 schema 1 manifests: every layer is a v1 image with its own metadata) and
// the shell wrapper that writes the header and the table of contents.
//
// Shape:
//   tag_details
//     generator?, repo?, toc[] (tag + anchor), no_supported_tags
//     tags[]                      one `## `<repo>:<tag>`` section each, in page order
//       does_not_exist            `**does not exist** (yet?)`, nothing else follows
//       pull_name? + digest?      the `$ docker pull <name>@<digest>` block (later E0 only)
//       total_virtual_size?, total_content_length?, layer_count?
//       layers[]                  `#### `<v1 id>`` in parent -> child order (base first)
//         command?                the ```dockerfile block (the v1 `container_config.Cmd`)
//         created?, parent?, docker_version?, virtual_size?, blob?, content_length?, last_modified?
//
// Units: sizes in bytes (size_value::bytes); dates as seconds since the Unix epoch
// (UTC) plus the text as written (date_value). Positions: see ast/source.hpp
// (1-based lines, columns in code points). Lines the parser does not recognise,
// and values out of place, are `errors` (page_error); the rest is kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ast/source.hpp"
#include "ast/tag_page.hpp"  // size_value, date_value, text_value, page_error

namespace strata::ast {

/// One table-of-contents line: `-\t[`python:2.7.10`](#python2710)`.
struct toc_entry {
   text_value tag;     ///< `python:2.7.10`
   text_value anchor;  ///< `#python2710` (the wrapper's anchor: tag without `.` and `:`, lower-cased)
   span where;         ///< the whole line
};

/// One `# ARG: "NAME" => "VALUE"` line (array-form commands run with build args).
/// `name` and `value` are unescaped (the generator escapes `"` and `\` with `\`).
struct build_arg {
   std::string name;
   std::string value;
   span where;
};

/// The ```dockerfile block of a v1 layer: the generator's `cmd_to_dockerfile` of the
/// layer's `container_config.Cmd`.
struct layer_command {
   std::vector<build_arg> build_args;  ///< `# ARG:` lines, in order
   std::optional<text_value> args;     ///< the text after `# ARGS: ` (string-form `|N k=v` prefix)
   bool unparsed = false;              ///< preceded by `# unable to parse image command string further:`
   /// The command as the builder recorded it (`RUN apt-get update && … \t\tca-certificates …`),
   /// with the generator's readability re-split undone when `wrapped`. Lines are joined by LF.
   std::string text;
   /// True when the page shows `text` re-split: every run of tabs / 4-space indents
   /// preceded by `\` + newline (the generator does this for `/bin/sh -c` commands
   /// without a newline of their own).
   bool wrapped = false;
   std::string keyword;  ///< the first word of `text` (`RUN`, `CMD`, `ENV`, `ADD`, ...)
   span where;           ///< the block's command lines (without the fences)
};

/// One `#### `<v1 layer id>`` section.
struct v1_layer {
   text_value id;  ///< the v1 image id (64 hex digits)
   span header;
   std::optional<layer_command> command;
   std::optional<date_value> created;         ///< `Created:` (v1 `created`, RFC 1123)
   std::optional<text_value> parent;          ///< `Parent Layer:` v1 id (absent on the base layer)
   std::optional<text_value> docker_version;  ///< `Docker Version:`
   std::optional<size_value> virtual_size;    ///< `Virtual Size:` (v1 `Size`, bytes)
   std::optional<text_value> blob;            ///< `v2 Blob:` digest (`sha256:…`)
   std::optional<size_value> content_length;  ///< `v2 Content-Length:` of the blob (bytes)
   std::optional<date_value> last_modified;   ///< `v2 Last-Modified:` of the blob
};

/// One `## `<repo>:<tag>`` section.
struct tag_details_tag {
   text_value name;  ///< `python:2.7.10`
   span header;
   bool does_not_exist = false;
   std::optional<text_value> pull_name;             ///< `library/celery` of the `docker pull` line
   std::optional<text_value> digest;                ///< manifest digest of the `docker pull` line
   std::optional<size_value> total_virtual_size;    ///< Σ layer virtual sizes (bytes)
   std::optional<size_value> total_content_length;  ///< Σ blob content lengths (bytes)
   std::optional<std::uint32_t> layer_count;        ///< the `### Layers (N)` count as written
   span layers_header;
   std::vector<v1_layer> layers;
};

struct tag_details {
   source_file source;
   std::optional<text_value> generator;  ///< the script named in the `<!-- THIS FILE IS GENERATED VIA '…' -->` line
   std::optional<text_value> repo;       ///< `# Tags of `python``
   std::vector<toc_entry> toc;
   bool no_supported_tags = false;  ///< `-\t**No supported tags**`
   std::vector<tag_details_tag> tags;
   std::vector<page_error> errors;
};

}  // namespace strata::ast
