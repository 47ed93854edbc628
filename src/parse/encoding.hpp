// Text encodings of inputs: the UTF-16 and UTF-32 files that Windows editors write
// (with a byte order mark), and a lossy view of damaged UTF-8 for deciding what a file is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace strata::parse {

/// When `text` starts with a UTF-32 or UTF-16 byte order mark (`00 00 FE FF`, `FF FE 00 00`,
/// `FE FF`, `FF FE`), replaces it by its UTF-8 decoding (the mark itself becomes U+FEFF, the
/// UTF-8 BOM that the parsers already skip; an invalid unit or a truncated last unit becomes
/// U+FFFD) and returns the encoding's name (`UTF-16LE`, `UTF-16BE`, `UTF-32LE`, `UTF-32BE`).
/// Returns nullopt and leaves `text` alone otherwise. Decoding is glibc's iconv.
[[nodiscard]] std::optional<std::string_view> decode_utf_bom(std::string& text);

/// Line endings of a history document as LF: every CRLF becomes LF; in a text without any LF,
/// every lone CR (old Mac line ends) becomes LF. A UTF-8 byte order mark is removed (the
/// history parsers read the page from its first byte). True when the text changed. Not for
/// Dockerfiles: BuildKit reads their CRLF and BOM itself, and strata parses them as it does.
bool normalize_history_text(std::string& text);

/// A copy of `text` (UTF-8 with damage: NUL bytes, invalid sequences) in which every NUL and
/// every byte of an invalid sequence is `?`, so that content sniffing can see what the file
/// was meant to be. Same length as `text`.
[[nodiscard]] std::string sniffable_text(std::string_view text);

}  // namespace strata::parse
