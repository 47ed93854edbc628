// Source text and positions shared by every strata document model.
//
// Units: lines are 1-based; columns are 1-based and count Unicode code points
// (UTF-8 sequences; an invalid byte counts as one code point), which is what
// SARIF calls "unicodeCodePoints". A tab is one column. A UTF-8 byte order mark
// at the start of the file is not a column (editors do not show it). Byte offsets are
// 0-based offsets into source_file::text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace strata::ast {

/// A 1-based line and a 1-based column in code points.
struct position {
   std::uint32_t line = 0;
   std::uint32_t column = 0;
   friend bool operator==(const position&, const position&) = default;
};

/// A half-open byte range [begin, end) of a source file, with its resolved
/// positions: `start` is the first character, `stop` the position just after
/// the last one (an exclusive end, as SARIF's endColumn).
struct span {
   std::size_t begin = 0;
   std::size_t end = 0;
   position start;
   position stop;
};

class offset_map;
class span_maker;

/// One input file held in memory, with an index of line starts.
/// Lines end at LF; a CR before the LF belongs to the line's text.
class source_file {
public:
   source_file() : source_file("", "") {}
   source_file(std::string path, std::string text);

   [[nodiscard]] const std::string& path() const noexcept { return path_; }
   [[nodiscard]] const std::string& text() const noexcept { return text_; }
   [[nodiscard]] std::size_t line_count() const noexcept { return line_starts_.size(); }

   /// The position of a byte offset (offsets past the end clamp to the end).
   [[nodiscard]] position locate(std::size_t offset) const;
   /// A span for the byte range [begin, end).
   [[nodiscard]] span make_span(std::size_t begin, std::size_t end) const;
   /// A span for the range [begin, end) of a text assembled from this file, whose
   /// offsets `map` takes back to the file (the end maps just after the last byte).
   [[nodiscard]] span make_span(const offset_map& map, std::size_t begin, std::size_t end) const;
   /// The text of a 1-based line without its line ending ("" when out of range).
   [[nodiscard]] std::string_view line_text(std::uint32_t line) const;
   /// Byte offset of the start of a 1-based line (text().size() when out of range).
   [[nodiscard]] std::size_t line_offset(std::uint32_t line) const;

private:
   friend class span_maker;
   std::string path_;
   std::string text_;
   std::vector<std::size_t> line_starts_;
   std::vector<bool> line_ascii_;  ///< per line: only ASCII bytes, so columns are byte offsets + 1
};

/// Number of code points in a UTF-8 byte string (invalid bytes count one each).
[[nodiscard]] std::size_t count_code_points(std::string_view text) noexcept;

/// True when the bytes hold a NUL or are not valid UTF-8: the file is not text.
[[nodiscard]] bool looks_binary(std::string_view text) noexcept;
/// Offset of the first NUL byte or invalid UTF-8 sequence, or text.size() when there is none.
[[nodiscard]] std::size_t first_non_text_offset(std::string_view text) noexcept;

/// Maps offsets of a text assembled from pieces of a file (a Dockerfile
/// instruction joined across continuation lines, a history entry) back to
/// byte offsets of that file.
class offset_map {
public:
   /// Appends `length` bytes that were copied from file offset `file_offset`.
   void append(std::size_t text_offset, std::size_t file_offset, std::size_t length);
   /// File offset of a text offset; an offset at the very end maps just after the last piece.
   [[nodiscard]] std::size_t to_file(std::size_t text_offset) const;
   [[nodiscard]] bool empty() const noexcept { return pieces_.empty(); }
   /// The map of the text range [begin, end), shifted so that `begin` becomes offset 0.
   [[nodiscard]] offset_map slice(std::size_t begin, std::size_t end) const;

private:
   friend class span_maker;
   struct piece {
      std::size_t text_offset;
      std::size_t file_offset;
      std::size_t length;
   };
   std::vector<piece> pieces_;
};

/// Makes the spans of many ranges of one text assembled from a file: make(begin, end) gives what
/// source_file::make_span(map, begin, end) gives, but a range on the line of the last one located
/// (when that line is ASCII) takes no search and no column count: the spans of a RUN body's facts
/// lie mostly on one or a few lines. `file` and `map` must outlive it.
class span_maker {
public:
   span_maker(const source_file& file, const offset_map& map) noexcept : file_(file), map_(map) {}
   /// The span of the text range [begin, end) (text offsets, mapped through `map`).
   [[nodiscard]] span make(std::size_t begin, std::size_t end);

private:
   [[nodiscard]] position locate(std::size_t offset);
   const source_file& file_;
   const offset_map& map_;
   std::size_t line_begin_ = 1;  ///< the remembered ASCII line: its first byte offset,
   std::size_t line_end_ = 0;    ///< and its last (its LF, or the end of the file); empty at first
   std::uint32_t line_ = 0;      ///< its 1-based number
};

}  // namespace strata::ast
