#include <catch2/catch.hpp>

#include "ast/source.hpp"

using namespace strata::ast;

TEST_CASE("positions are 1-based lines and code-point columns", "[source]") {
   const source_file src("f", "ab\n\tcaf\xc3\xa9 x\nlast");
   CHECK(src.line_count() == 3);
   CHECK(src.locate(0) == position{1, 1});
   CHECK(src.locate(2) == position{1, 3});  // the newline
   CHECK(src.locate(3) == position{2, 1});
   CHECK(src.locate(4) == position{2, 2});  // a tab is one column
   // "\tcafé x": 'x' is after 6 code points (é is two bytes)
   CHECK(src.locate(3 + 8) == position{2, 8});
   CHECK(src.locate(1000) == position{3, 5});  // clamped to the end
   CHECK(src.line_text(2) == "\tcaf\xc3\xa9 x");
   CHECK(src.line_text(9).empty());
   const auto s = src.make_span(3, 9);  // "\tcafé"
   CHECK(s.start == position{2, 1});
   CHECK(s.stop == position{2, 6});
}

TEST_CASE("a trailing newline does not open an empty last line", "[source]") {
   const source_file src("f", "a\nb\n");
   CHECK(src.line_count() == 2);
   CHECK(src.locate(3) == position{2, 2});
}

TEST_CASE("binary detection: NUL bytes and invalid UTF-8", "[source]") {
   CHECK_FALSE(looks_binary("plain text\n"));
   CHECK_FALSE(looks_binary("caf\xc3\xa9 \xe2\x99\xa5 \xf0\x9f\x98\x80"));
   CHECK(looks_binary(std::string_view("a\0b", 3)));
   CHECK(looks_binary("\xff\xfe"));
   CHECK(looks_binary("\xc0\xaf"));      // overlong
   CHECK(looks_binary("\xed\xa0\x80"));  // surrogate
   CHECK(first_non_text_offset("ok\xff") == 2);
   // ASCII is scanned eight bytes at a time: a NUL or a bad byte at every place of a word
   const std::string ascii(40, 'x');
   for (std::size_t at = 0; at < ascii.size(); ++at) {
      std::string nul = ascii, bad = ascii, good = ascii;
      nul[at] = '\0';
      bad[at] = '\xff';
      good.replace(at, 1, "\xc3\xa9");
      CHECK(first_non_text_offset(nul) == at);
      CHECK(first_non_text_offset(bad) == at);
      CHECK(first_non_text_offset(good) == good.size());
   }
   // line starts and the ASCII flag of each line (columns in code points)
   const source_file lines("f", std::string(17, 'a') + "\n" + std::string(9, 'b') + "\xc3\xa9" + "c\n\nd");
   CHECK(lines.line_count() == 4);
   CHECK(lines.locate(18 + 11) == position{2, 11});
   CHECK(lines.locate(18 + 12) == position{2, 12});
   CHECK(lines.locate(18 + 13) == position{3, 1});
   CHECK(lines.locate(18 + 14) == position{4, 1});
   CHECK(count_code_points("caf\xc3\xa9") == 4);
   CHECK(count_code_points("\xff\xff") == 2);
}

TEST_CASE("offset maps follow pieces back to the file", "[source]") {
   offset_map m;
   m.append(0, 10, 5);  // text 0..5 <- file 10..15
   m.append(5, 20, 3);  // text 5..8 <- file 20..23
   CHECK(m.to_file(0) == 10);
   CHECK(m.to_file(4) == 14);
   CHECK(m.to_file(5) == 20);
   CHECK(m.to_file(7) == 22);
   CHECK(m.to_file(8) == 23);
   const auto tail = m.slice(3, 7);  // text 3..7 -> file 13..15, 20..22
   CHECK(tail.to_file(0) == 13);
   CHECK(tail.to_file(1) == 14);
   CHECK(tail.to_file(2) == 20);
   CHECK(tail.to_file(3) == 21);
   offset_map merged;
   merged.append(0, 0, 2);
   merged.append(2, 2, 2);
   CHECK(merged.to_file(3) == 3);
}

TEST_CASE("a span maker makes the spans of the mapped file ranges, in any order of ranges", "[source]") {
   auto same = [](const span& a, const span& b) {
      return a.begin == b.begin && a.end == b.end && a.start == b.start && a.stop == b.stop;
   };
   // the file range of text range [b, e): from its first byte to just after its last one
   auto expected = [](const source_file& src, const offset_map& map, std::size_t b, std::size_t e) {
      const std::size_t at = map.to_file(b);
      return e <= b ? src.make_span(at, at) : src.make_span(at, map.to_file(e - 1) + 1);
   };
   // ASCII lines, a line with a two-byte code point, CRLF, a byte order mark, no final newline
   for (const std::string& text : {std::string("RUN a \\\n  && b\nRUN caf\xc3\xa9 x\r\nlast"),
                                   std::string("\xEF\xBB\xBFRUN x\n  y\n"), std::string("\n\nz")}) {
      const source_file src("f", text);
      offset_map one;  // the whole file as one piece
      one.append(0, 0, text.size());
      offset_map pieces;  // every third byte left out
      std::size_t n = 0;
      for (std::size_t at = 0; at < text.size(); at += 3) {
         const std::size_t length = std::min<std::size_t>(2, text.size() - at);
         pieces.append(n, at, length);
         n += length;
      }
      for (const offset_map* map : {&one, &pieces}) {
         span_maker maker(src, *map);
         const std::size_t last = text.size() + 2;  // past the end: clamped as make_span clamps
         for (std::size_t b = 0; b <= last; ++b) {
            for (std::size_t e = 0; e <= last; ++e) {
               INFO("text " << text.size() << " bytes, range " << b << ".." << e);
               CHECK(same(maker.make(b, e), expected(src, *map, b, e)));
               CHECK(same(src.make_span(*map, b, e), expected(src, *map, b, e)));
               // and again after a range elsewhere: nothing stale is remembered
               CHECK(same(maker.make(last - b, e), expected(src, *map, last - b, e)));
            }
         }
      }
   }
}
