// String literals of Go and of JSON as Go reads them: Go's strconv.Unquote and
// encoding/json's string decoding, with the map from decoded bytes to source bytes.
// Used by the Dockerfile parser (exec-form arrays) and the history parsers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ast/source.hpp"

namespace strata::parse {

/// Go's strconv.Unquote for a double-quoted literal (with its quotes): the inverse of
/// ast::go_quote. Escapes `\a \b \f \n \r \t \v \\ \"`, `\xNN` and `\NNN` (raw bytes, octal
/// ≤ 0377), `\uXXXX` and `\UXXXXXXXX` (valid code points, no surrogates); an invalid
/// UTF-8 byte decodes to U+FFFD as in Go. nullopt on a syntax error (no quotes, an
/// unescaped `"` or newline inside, a bad escape).
[[nodiscard]] std::optional<std::string> go_unquote(std::string_view literal);

/// Decodes a JSON string literal (quotes included; the caller has validated it) with
/// Go's encoding/json rules: invalid UTF-8 and lone surrogates become U+FFFD. Appends
/// to `map` where each decoded byte came from: `file_offset` is the literal's offset in
/// its file; the bytes an escape decodes to map to the escape's bytes, in order.
[[nodiscard]] std::string decode_json_string(std::string_view literal, std::size_t file_offset, ast::offset_map& map);

}  // namespace strata::parse
