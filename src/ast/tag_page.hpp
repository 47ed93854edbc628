// The model of a docker-library repo-info tag page (`repos/<repo>/remote/<tag>.md`),
// independent of PEGTL. Format: shared/docs/formats.md §1 (eras E1-E4, as written
// by repo-info's `.remote.pl`).
//
// A page holds one tag reference, the manifest list (or OCI image index) digest,
// the list of platforms, and one section per image in manifest-list order.
// Sections are keyed by index, never by platform string (platform strings repeat).
// Sizes are in bytes; dates are seconds since the Unix epoch (UTC).
// Positions: see ast/source.hpp (1-based lines, columns in code points).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ast/history_line.hpp"
#include "ast/source.hpp"

namespace strata::ast {

/// A size as printed by the generator: `349.3 MB (349284332 bytes)` or bare `233.0 B`.
struct size_value {
   std::uint64_t bytes = 0;
   std::string text;  ///< as written, without the `**` emphasis
   span where;
};

/// An RFC 1123 date as printed by Mojo::Date (`Wed, 16 Oct 2019 23:25:59 GMT`).
struct date_value {
   std::int64_t epoch = 0;  ///< seconds since 1970-01-01T00:00:00Z
   std::string text;
   span where;
};

/// A text value of a metadata line (`Docker Version`, `Image ID`, a JSON array ...).
struct text_value {
   std::string text;
   span where;
};

/// One `KEY=value` pair of an `ENV` history entry.
struct env_pair {
   std::string key;
   std::string value;
   span key_span;
   span value_span;
};

/// One history entry of the ```dockerfile block: a date line and its text lines.
struct history_entry {
   date_value created;
   std::vector<text_value> arg_lines;  ///< `# ARGS: ...` / `# ARG: ...` lines, if any
   std::string text;                   ///< the instruction text (lines joined by LF)
   span text_span;                     ///< the instruction text in the page
   std::string keyword;                ///< `RUN`, `ENV`, `CMD`, ... as written
   std::string arguments;              ///< text after the keyword and one space
   span arguments_span;
   bool buildkit = false;      ///< ends in ` # buildkit` (stripped from `arguments`)
   std::vector<env_pair> env;  ///< for ENV entries: the pairs, values unquoted
   /// The text read with the history-line grammar (formats.md §2.1): prefix, keyword,
   /// form (Go %q arrays, %v bracket lists, KEY=VALUE pairs, `file:<h> in <dst>`, ...).
   /// Its byte ranges are relative to `text`, which starts at `text_span.begin`.
   history_instruction instruction;
   std::vector<history_arg_line> args;  ///< `arg_lines`, parsed (`# ARGS:` pairs, E0 `# ARG:`)
};

/// One layer of the `Layers:` list.
struct layer {
   text_value digest;
   std::optional<date_value> last_modified;
   std::optional<size_value> size;
   std::optional<text_value> mime;
};

/// One `### <ref> - <platform>` section: one image of the manifest list.
struct section {
   text_value ref;
   text_value platform;
   span header;
   std::optional<text_value> digest;     ///< per-platform `docker pull` digest (E2+)
   std::optional<text_value> pull_name;  ///< the repository of that `docker pull` line (`python`)
   std::optional<text_value> docker_version;
   std::optional<text_value> manifest_mime;
   std::optional<size_value> total_size;
   std::optional<text_value> image_id;
   std::optional<text_value> entrypoint;       ///< JSON array text
   std::optional<text_value> default_command;  ///< JSON array text
   std::optional<text_value> shell;            ///< JSON array text
   std::vector<history_entry> history;
   std::vector<layer> layers;
   span layers_header;

   [[nodiscard]] bool is_windows() const { return platform.text.starts_with("windows"); }
   [[nodiscard]] bool is_attestation() const { return platform.text == "unknown; unknown"; }
};

/// A line the parser did not recognise, or a value it could not read.
struct page_error {
   std::string message;
   span where;
};

struct tag_page {
   source_file source;
   text_value ref;                               ///< the `## ` header's reference (`python:latest`)
   std::optional<text_value> digest;             ///< the manifest list digest of the top `docker pull`
   std::optional<text_value> pull_name;          ///< the repository of that line (`python`, `library/nginx`)
   std::optional<text_value> manifest_mime;      ///< absent in E1
   std::optional<std::uint32_t> platform_count;  ///< the `Platforms: N` count (E3/E4)
   span platforms_header;
   std::vector<text_value> platforms;
   std::vector<section> sections;
   bool does_not_exist = false;  ///< `**does not exist** (yet?)`
   std::vector<page_error> errors;
};

}  // namespace strata::ast
