// The model of `docker history` output (`docker history --no-trunc IMAGE`, also
// `--human=false` and `--format '{{json .}}'`), independent of PEGTL.
//
// Source of the format (docker/cli, cli/command/formatter/history.go and
// formatter.go; background knowledge, no data in shared/): the table is written by
// Go's text/tabwriter (min width 10, padding 3, pad with spaces) from
// `table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}`
// (`{{.CreatedAt}}`, header `CREATED AT`, with `--human=false`), so every column but
// the last starts at the header's column, counted in code points. CREATED BY has its
// tabs replaced by spaces; without `--no-trunc` it is cut to 45 code points ending in
// `…`. A CREATED BY holding a newline (a BuildKit heredoc RUN) continues on the next
// physical lines. Sizes are go-units HumanSizeWithPrecision(bytes, 3) (decimal:
// `0B`, `1.2kB`, `77.8MB`, `1e+03kB`), or plain bytes with `--human=false`.
// Ages are go-units HumanDuration + " ago" (`2 weeks ago`, `About an hour ago`).
//
// ROW ORDER: docker prints the NEWEST entry first. `rows` keep the file order, so
// rows.front() is the newest and rows.back() the oldest (the reverse of an image
// config's `history[]` and of repo-info's ```dockerfile block).
// Positions: spans are file positions (ast/source.hpp); an instruction's byte ranges
// are relative to its CREATED BY text: map them with `created_by_map`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ast/history_line.hpp"
#include "ast/source.hpp"

namespace strata::ast {

/// A cell or JSON field value and where it is.
struct history_field {
   std::string text;
   span where;
};

/// The CREATED / CREATED AT cell (JSON: CreatedSince / CreatedAt).
struct history_age {
   std::string text;
   span where;
   std::optional<timestamp> time;  ///< when the text is RFC 3339 (`--human=false`, CREATED AT, JSON CreatedAt)
   /// For a human age (`3 weeks ago`): the smallest age in seconds that HumanDuration
   /// prints this way (`About an hour` → 3600, `3 weeks` → 1814400; months are 30 days,
   /// years 365). nullopt when the text is not a human age.
   std::optional<std::int64_t> age_seconds;
};

/// The SIZE cell.
struct history_size {
   std::string text;
   span where;
   bool valid = false;                  ///< a human size or a byte count
   std::optional<std::uint64_t> bytes;  ///< exact: a plain byte count, or a whole number of `B`
   double approx_bytes = 0;             ///< the value times its decimal unit (exact when `bytes` is set)
};

struct docker_history_row {
   span where;                             ///< the whole row (several lines for a multi-line CREATED BY)
   history_field image;                    ///< `sha256:<64 hex>`, 12 or 64 hex digits, or `<missing>`
   bool missing = false;                   ///< IMAGE is `<missing>` (an entry of a base or intermediate image)
   std::optional<history_age> created;     ///< CREATED (human) — table and JSON CreatedSince
   std::optional<history_age> created_at;  ///< CREATED AT (RFC 3339) — table `--human=false` and JSON CreatedAt
   history_field created_by;               ///< the raw `created_by` text (JSON: decoded)
   /// Maps byte offsets of created_by.text to file offsets (one piece for a table cell;
   /// one piece per character or escape for a JSON string).
   offset_map created_by_map;
   bool truncated = false;           ///< ends with `…`: output without --no-trunc
   history_instruction instruction;  ///< created_by parsed, with the SHELL in effect (see docker_history_parser.hpp)
   std::optional<history_size> size;
   history_field comment;  ///< often `buildkit.dockerfile.v0`, or empty
};

enum class docker_history_format { unknown, table, json_lines };

/// A header column: its name and where it starts.
struct docker_history_column {
   std::string name;        ///< `IMAGE`, `CREATED`, `CREATED AT`, `CREATED BY`, `SIZE`, `COMMENT`
   std::size_t column = 0;  ///< 0-based code point offset in the header line
   span where;
};

/// A line that could not be read as part of the output.
struct docker_history_error {
   std::string message;
   span where;
};

struct docker_history {
   source_file source;
   docker_history_format format = docker_history_format::unknown;
   std::vector<docker_history_column> columns;  ///< table only
   std::vector<docker_history_row> rows;        ///< file order: newest first
   std::vector<docker_history_error> errors;
};

}  // namespace strata::ast
