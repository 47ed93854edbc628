// Internal to the line-based history-document parsers (local pages, tag-details pages, tag
// pages, library files, README supported-tags sections): the part of a parser's state they
// share, and the PEGTL actions that only capture what a sub-rule matched.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ast/source.hpp"
#include "parse/values.hpp"

namespace strata::parse::detail {

/// A byte range [begin, end) of the source text captured by a sub-rule; `set` once taken.
struct capture {
   std::size_t begin = 0;
   std::size_t end = 0;
   bool set = false;
};

/// A line of a fenced block (```console, ```dockerfile): its byte range without the newline.
struct raw_line {
   std::size_t begin, end;
};

/// A fenced block being read: the offset of its opening fence and its lines so far.
struct fenced_block {
   std::vector<raw_line> lines;
   std::size_t begin = 0;
};

/// The state every line parser shares: the document's source and error list, and readers of
/// offsets, spans and texts of the input. A parser's `state` derives from it and adds the
/// captures and context of its grammar.
///
/// `Error` is the document's error struct (`{message, where}`); `Value` the struct of a
/// captured text with its span (`{text, where}`).
template <typename Error, typename Value>
struct line_state {
   const ast::source_file& source;
   std::vector<Error>& errors;
   const char* base;  ///< source.text().data(): the input's pointers are offsets from it

   line_state(const ast::source_file& file, std::vector<Error>& list)
       : source(file), errors(list), base(file.text().data()) {}

   [[nodiscard]] std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - base); }
   [[nodiscard]] ast::span span_of(std::size_t b, std::size_t e) const { return source.make_span(b, e); }
   [[nodiscard]] std::string_view text(std::size_t b, std::size_t e) const {
      return std::string_view(source.text()).substr(b, e - b);
   }
   [[nodiscard]] std::string_view text(const raw_line& l) const { return text(l.begin, l.end); }
   /// The text of the input range [b, e) with its span.
   [[nodiscard]] Value text_of(const char* b, const char* e) const {
      return {std::string(b, e), span_of(offset(b), offset(e))};
   }
   /// The text of a capture with its span.
   [[nodiscard]] Value value_of(const capture& c) const {
      return {std::string(text(c.begin, c.end)), span_of(c.begin, c.end)};
   }
   /// The span of a line rule's input without its LF.
   template <typename Input>
   [[nodiscard]] ast::span line_span(const Input& in) const {
      const char* b = in.begin();
      const char* e = in.end();
      while (e > b && e[-1] == '\n') --e;
      return span_of(offset(b), offset(e));
   }
   /// The byte range of a line rule's input without its LF and a CR before it.
   template <typename Input>
   [[nodiscard]] std::pair<std::size_t, std::size_t> line_range(const Input& in) const {
      std::size_t b = offset(in.begin());
      std::size_t e = offset(in.end());
      while (e > b && (base[e - 1] == '\n' || base[e - 1] == '\r')) --e;
      return {b, e};
   }
   /// A capture taken by a sub-rule of the line that starts at `line_begin` (captures of an
   /// alternative that failed on an earlier line are ignored).
   [[nodiscard]] std::optional<capture> taken(const capture& c, std::size_t line_begin) const {
      if (!c.set || c.begin < line_begin) return std::nullopt;
      return c;
   }

   void error(const ast::span& where, std::string message) { errors.push_back({std::move(message), where}); }
   void error(std::size_t b, std::size_t e, std::string message) { error(span_of(b, e), std::move(message)); }
   /// `size` (an ast::size_value); the error `an unreadable size: "<text>"` when its byte count
   /// cannot be read.
   template <typename Size>
   Size checked_size(Size size) {
      if (!parse_size_bytes(size.text)) error(size.where, fmt::format("an unreadable size: \"{}\"", size.text));
      return size;
   }
   /// `date` (an ast::date_value); the error `an impossible date: "<text>"` when its text is no
   /// possible time (day past the month's end, hour 24 or more, ...).
   template <typename Date>
   Date checked_date(Date date) {
      if (!parse_rfc1123(date.text)) error(date.where, fmt::format("an impossible date: \"{}\"", date.text));
      return date;
   }
   /// `unrecognised line in <document>: "<the line, cut to 60 bytes>"`.
   void unrecognised_line(const ast::span& where, std::string_view document) {
      std::string line(text(where.begin, where.end));
      if (line.size() > 60) line = line.substr(0, 57) + "...";
      error(where, fmt::format("unrecognised line in {}: \"{}\"", document, line));
   }
   /// An exception out of the parser itself, reported at the start of the file.
   void internal_failure(const std::exception& e) {
      error(span_of(0, 0), fmt::format("internal parse failure: {}", e.what()));
   }
   /// The errors in the order of their place in the file (stable: one place keeps its order).
   void sort_errors() {
      std::stable_sort(errors.begin(), errors.end(),
                       [](const Error& a, const Error& b) { return a.where.begin < b.where.begin; });
   }

   /// The last item of `list`, which a line belongs to; nullptr, with the error
   /// `<what> <outside>`, when there is none.
   template <typename T>
   T* last_of(std::vector<T>& list, const ast::span& where, std::string_view what, std::string_view outside) {
      if (list.empty()) {
         error(where, fmt::format("{} {}", what, outside));
         return nullptr;
      }
      return &list.back();
   }
   /// Fills a value that a document holds once; a second line is an error and is dropped.
   template <typename T>
   void set_once(std::optional<T>& slot, T value, const ast::span& where, std::string_view what) {
      if (slot) {
         error(where, fmt::format("a second {} line (the first one is kept)", what));
         return;
      }
      slot = std::move(value);
   }
   /// Reports a block whose closing fence is missing: from its opening fence to `at`.
   void unterminated_block(std::size_t block_begin, const char* at, std::string_view fence) {
      error(span_of(block_begin, offset(at)), fmt::format("unterminated ```{} block", fence));
   }
};

// ---- capturing actions: `template <> struct action<g::rule> : capture_text<&state::member> {};`

/// The text the rule matched, with its span (state::text_of), into `st.*Member`.
template <auto Member>
struct capture_text {
   template <typename Input, typename State>
   static void apply(const Input& in, State& st) {
      st.*Member = st.text_of(in.begin(), in.end());
   }
};

/// The byte range the rule matched, as a `capture`, into `st.*Member`.
template <auto Member>
struct capture_range {
   template <typename Input, typename State>
   static void apply(const Input& in, State& st) {
      st.*Member = capture{st.offset(in.begin()), st.offset(in.end()), true};
   }
};

/// A value read from the matched text into `st.*Member`, a `{value, text, where}` struct:
/// `Read(text)` (0 when it cannot be read), the text and its span.
template <auto Member, auto Read>
struct capture_read {
   template <typename Input, typename State>
   static void apply(const Input& in, State& st) {
      const auto t = st.text_of(in.begin(), in.end());
      st.*Member = {Read(t.text).value_or(0), t.text, t.where};
   }
};

/// A generator size (`1.2 MB (1234567 bytes)`) into `st.*Member`, an ast::size_value.
template <auto Member>
using capture_size = capture_read<Member, &parse_size_bytes>;

/// An RFC 1123 date (`Wed, 16 Oct 2019 23:25:59 GMT`) into `st.*Member`, an ast::date_value.
template <auto Member>
using capture_date = capture_read<Member, &parse_rfc1123>;

/// The opening fence of a block: the `fenced_block` `st.*Block` starts here, without lines.
template <auto Block>
struct open_block {
   template <typename Input, typename State>
   static void apply(const Input& in, State& st) {
      (st.*Block).begin = st.offset(in.begin());
      (st.*Block).lines.clear();
   }
};

/// A line inside a block, kept (without its newline) in `st.*Block` for the closing action.
template <auto Block>
struct block_line {
   template <typename Input, typename State>
   static void apply(const Input& in, State& st) {
      const auto where = st.line_span(in);
      (st.*Block).lines.push_back({where.begin, where.end});
   }
};

}  // namespace strata::parse::detail
