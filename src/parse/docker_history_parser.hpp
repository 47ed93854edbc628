// `docker history` output parsing: text -> ast::docker_history
// (grammar/docker_history.hpp for the cells; created_by texts through
// parse/history_line.hpp; `--format '{{json .}}'` lines through nlohmann-json).
#pragma once

#include <string>
#include <string_view>

#include "ast/docker_history.hpp"

namespace strata::parse {

/// Parses `docker history [--no-trunc] [--human=false] IMAGE` table output (the default
/// `table` format, or a `--format 'table …'` made of the same columns in any order) or
/// `--format '{{json .}}'` output (one JSON object per line: ID, CreatedAt, CreatedSince,
/// CreatedBy, Size, Comment).
///
/// Table rows are cut at the header's column starts (code points) when every cell
/// fits (IMAGE an id or `<missing>`, CREATED an age or RFC 3339 date, SIZE a size); else
/// they are read by content (IMAGE, CREATED from the left; SIZE [COMMENT] from the right,
/// preceded by 2+ spaces), which also reads a CREATED BY continued over several lines
/// (up to the first line that ends with a SIZE [COMMENT] tail). CREATED BY loses its
/// trailing spaces in a table (they cannot be told from padding: `ADD file:… in /`).
///
/// created_by texts are parsed oldest row first, each with the SHELL in effect: the
/// elements of the latest older `SHELL [...]` row (empty at the start, so only
/// `/bin/sh -c ` and `cmd /S /C ` are known until one appears).
///
/// Never throws. A line that is neither a row nor part of one becomes an error with its
/// position, and parsing goes on; a text with no header and no JSON row is one error.
[[nodiscard]] ast::docker_history parse_docker_history(std::string path, std::string text);

/// Content sniff, conservative: the first non-blank line is a `docker history` table
/// header (`IMAGE`, `CREATED`/`CREATED AT`, `CREATED BY`, `SIZE`, … separated by 2+
/// spaces, starting with IMAGE and holding CREATED BY), or a JSON object line with
/// `"CreatedBy":` and `"ID":` keys.
[[nodiscard]] bool looks_like_docker_history(std::string_view text);

/// A SIZE cell read alone (spans left empty): go-units sizes (`0B`, `1.2kB`, `77.8MB`,
/// `1e+03kB`, old `77.81 MB`) or a byte count; `valid` false otherwise.
[[nodiscard]] ast::history_size read_history_size(std::string_view text);

/// A CREATED / CREATED AT cell read alone: a HumanDuration age (`About an hour ago`,
/// `3 weeks ago`: age_seconds is the least age printed that way) or an RFC 3339 date.
[[nodiscard]] ast::history_age read_history_age(std::string_view text);

}  // namespace strata::parse
