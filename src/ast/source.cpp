#include "ast/source.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace strata::ast {

namespace {
// Whether every byte of `s` is ASCII (eight at a time).
bool is_ascii(std::string_view s) noexcept {
   std::size_t i = 0;
   for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080ULL) != 0) return false;
   }
   for (; i < s.size(); ++i) {
      if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
   }
   return true;
}
}  // namespace

source_file::source_file(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
   line_starts_.push_back(0);
   const std::string_view t = text_;
   for (std::size_t begin = 0;;) {
      const std::size_t nl = t.find('\n', begin);
      const std::size_t end = nl == std::string_view::npos ? t.size() : nl;
      line_ascii_.push_back(is_ascii(t.substr(begin, end - begin)));
      if (nl == std::string_view::npos || nl + 1 == t.size()) break;
      begin = nl + 1;
      line_starts_.push_back(begin);
   }
}

namespace {

/// The 0-based line of the offset this thread located last, in whichever file: spans are made
/// mostly in file order, so the next offset is often on that line or the next one. Only a hint:
/// it is checked against the file's own line starts before use.
thread_local std::size_t last_line = 0;

/// The 0-based line holding `offset`: the hint's line or the one after it, else a binary search.
std::size_t line_of(const std::vector<std::size_t>& starts, std::size_t offset) {
   const std::size_t n = starts.size();
   const auto holds = [&](std::size_t i) {
      return i < n && starts[i] <= offset && (i + 1 == n || offset < starts[i + 1]);
   };
   std::size_t index = last_line;
   if (!holds(index)) {
      if (holds(index + 1)) {
         ++index;
      } else {
         const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
         index = static_cast<std::size_t>(it - starts.begin()) - 1;
      }
      last_line = index;
   }
   return index;
}

}  // namespace

position source_file::locate(std::size_t offset) const {
   offset = std::min(offset, text_.size());
   const auto index = line_of(line_starts_, offset);
   const std::size_t line_start = line_starts_[index];
   auto column = line_ascii_[index]
                     ? offset - line_start
                     : count_code_points(std::string_view(text_).substr(line_start, offset - line_start));
   // a UTF-8 byte order mark is not a column: editors do not show it
   if (index == 0 && text_.starts_with("\xEF\xBB\xBF")) column = offset < 3 ? 0 : column - 1;
   return {static_cast<std::uint32_t>(index + 1), static_cast<std::uint32_t>(column + 1)};
}

span source_file::make_span(std::size_t begin, std::size_t end) const {
   begin = std::min(begin, text_.size());
   end = std::clamp(end, begin, text_.size());
   return {begin, end, locate(begin), locate(end)};
}

span source_file::make_span(const offset_map& map, std::size_t begin, std::size_t end) const {
   return span_maker(*this, map).make(begin, end);
}

position span_maker::locate(std::size_t offset) {
   offset = std::min(offset, file_.text_.size());
   if (line_begin_ <= offset && offset <= line_end_) {
      return {line_, static_cast<std::uint32_t>(offset - line_begin_ + 1)};
   }
   const position p = file_.locate(offset);
   const std::size_t index = p.line - 1;
   const auto& starts = file_.line_starts_;
   // columns are byte offsets on an ASCII line (not on a first line after a byte order mark)
   if (file_.line_ascii_[index] && !(index == 0 && file_.text_.starts_with("\xEF\xBB\xBF"))) {
      line_begin_ = starts[index];
      line_end_ = index + 1 < starts.size() ? starts[index + 1] - 1 : file_.text_.size();
      line_ = p.line;
   }
   return p;
}

span span_maker::make(std::size_t begin, std::size_t end) {
   std::size_t b = map_.to_file(begin);
   std::size_t e = end <= begin ? b : map_.to_file(end - 1) + 1;
   b = std::min(b, file_.text_.size());
   e = std::clamp(e, b, file_.text_.size());
   return {b, e, locate(b), locate(e)};
}

std::size_t source_file::line_offset(std::uint32_t line) const {
   if (line == 0 || line > line_starts_.size()) {
      return text_.size();
   }
   return line_starts_[line - 1];
}

std::string_view source_file::line_text(std::uint32_t line) const {
   if (line == 0 || line > line_starts_.size()) {
      return {};
   }
   const std::size_t begin = line_starts_[line - 1];
   std::size_t end = text_.find('\n', begin);
   if (end == std::string::npos) {
      end = text_.size();
   }
   return std::string_view(text_).substr(begin, end - begin);
}

namespace {
// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
   const auto c = static_cast<unsigned char>(s[i]);
   std::size_t n = 0;
   if (c < 0x80) {
      return 1;
   }
   if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
   } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
   } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
   } else {
      return 0;
   }
   if (i + n > s.size()) {
      return 0;
   }
   for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
         return 0;
      }
   }
   const auto c1 = static_cast<unsigned char>(s[i + 1]);
   if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
      return 0;  // overlong, surrogate or above U+10FFFF
   }
   return n;
}
}  // namespace

std::size_t count_code_points(std::string_view text) noexcept {
   std::size_t count = 0;
   for (std::size_t i = 0; i < text.size();) {
      const std::size_t n = utf8_sequence_length(text, i);
      i += n == 0 ? 1 : n;
      ++count;
   }
   return count;
}

std::size_t first_non_text_offset(std::string_view text) noexcept {
   for (std::size_t i = 0; i < text.size();) {
      // eight ASCII bytes, none of them NUL, at a time (most of every input)
      constexpr std::uint64_t high = 0x8080808080808080ULL, low = 0x0101010101010101ULL;
      while (i + 8 <= text.size()) {
         std::uint64_t w;
         std::memcpy(&w, text.data() + i, 8);
         if ((w & high) != 0 || ((w - low) & ~w & high) != 0) break;
         i += 8;
      }
      if (i == text.size()) break;
      if (text[i] == '\0') {
         return i;
      }
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {
         return i;
      }
      i += n;
   }
   return text.size();
}

bool looks_binary(std::string_view text) noexcept {
   return first_non_text_offset(text) != text.size();
}

void offset_map::append(std::size_t text_offset, std::size_t file_offset, std::size_t length) {
   if (!pieces_.empty()) {
      auto& last = pieces_.back();
      if (last.text_offset + last.length == text_offset && last.file_offset + last.length == file_offset) {
         last.length += length;
         return;
      }
   }
   pieces_.push_back({text_offset, file_offset, length});
}

offset_map offset_map::slice(std::size_t begin, std::size_t end) const {
   offset_map out;
   for (const auto& p : pieces_) {
      const std::size_t b = std::max(begin, p.text_offset);
      const std::size_t e = std::min(end, p.text_offset + p.length);
      if (b < e) {
         out.append(b - begin, p.file_offset + (b - p.text_offset), e - b);
      }
   }
   return out;
}

std::size_t offset_map::to_file(std::size_t text_offset) const {
   if (pieces_.empty()) {
      return text_offset;
   }
   auto it = std::upper_bound(pieces_.begin(), pieces_.end(), text_offset,
                              [](std::size_t off, const piece& p) { return off < p.text_offset; });
   if (it == pieces_.begin()) {
      return pieces_.front().file_offset;
   }
   const piece& p = *std::prev(it);
   const std::size_t delta = std::min(text_offset - p.text_offset, p.length);
   return p.file_offset + delta;
}

}  // namespace strata::ast
