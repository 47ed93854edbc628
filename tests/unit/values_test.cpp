#include <catch2/catch.hpp>

#include "parse/values.hpp"

using namespace strata::parse;

TEST_CASE("RFC 1123 dates as Mojo::Date writes them", "[values]") {
   CHECK(parse_rfc1123("Thu, 01 Jan 1970 00:00:00 GMT") == 0);
   CHECK(parse_rfc1123("Mon, 03 Aug 2026 00:00:00 GMT") == 1785715200);  // formats.md C35
   CHECK(parse_rfc1123("Wed, 16 Oct 2019 23:25:59 GMT") == 1571268359);
   CHECK_FALSE(parse_rfc1123("Wed, 16 Oct 2019 23:25:59 UTC"));
   CHECK_FALSE(parse_rfc1123("Wed, 16 Foo 2019 23:25:59 GMT"));
   CHECK_FALSE(parse_rfc1123("Wed, 16 Oct 2019 25:25:59 GMT"));
   CHECK_FALSE(parse_rfc1123("Wed; 16 Oct 2019 23:25:59 GMT"));
   CHECK_FALSE(parse_rfc1123("Wed, 16 Oct 2019 23:25:59 GMX"));
   CHECK_FALSE(parse_rfc1123("Wed, 16 Oct 2019 23:25:59 GMT "));
   CHECK(parse_rfc1123("Sun, 16 Dec 2018 23:25:59 GMT"));  // December, the last month name tried
   // canonical: what format_rfc1123 writes (a wrong weekday or a leap second is not)
   CHECK(is_rfc1123_of("Wed, 16 Oct 2019 23:25:59 GMT", 1571268359));
   CHECK_FALSE(is_rfc1123_of("Thu, 16 Oct 2019 23:25:59 GMT", 1571268359));
   CHECK_FALSE(is_rfc1123_of("Wed, 16 Oct 2019 23:25:59 GMT", 1571268358));
   CHECK_FALSE(is_rfc1123_of("Wed, 16 Oct 2019 23:25:60 GMT", 1571268360));
   CHECK_FALSE(is_rfc1123_of("not a date", 0));
   CHECK(is_rfc1123_of("Thu, 01 Jan 1970 00:00:00 GMT", 0));
   CHECK(is_rfc1123_of("Wed, 31 Dec 1969 23:59:59 GMT", -1));
   CHECK(format_rfc1123(1785715200) == "Mon, 03 Aug 2026 00:00:00 GMT");
   CHECK(format_rfc1123(1571268359) == "Wed, 16 Oct 2019 23:25:59 GMT");
}

TEST_CASE("generator sizes: bytes from the text", "[values]") {
   CHECK(parse_size_bytes("349.3 MB (349284332 bytes)") == 349284332U);
   CHECK(parse_size_bytes("233.0 B") == 233U);
   CHECK(parse_size_bytes("5.5 GB (5451080048 bytes)") == 5451080048ULL);
   CHECK_FALSE(parse_size_bytes("12 MB"));
   CHECK_FALSE(parse_size_bytes("1.0 KB (12x bytes)"));
}

TEST_CASE("generator sizes: the human rendering of formats.md 1.6", "[values]") {
   CHECK(format_size(233) == "233.0 B");
   // the texts kept by byte count: two counts that share a slot (1024 apart) alternate
   for (int round = 0; round < 2; ++round) {
      CHECK(format_size(233 + 1024) == "1.3 KB (1257 bytes)");
      CHECK(format_size(233) == "233.0 B");
   }
   CHECK(format_size(1000) == "1000.0 B");
   CHECK(format_size(1001) == "1.0 KB (1001 bytes)");
   CHECK(format_size(999999) == "1000.0 KB (999999 bytes)");
   CHECK(format_size(1000000) == "1000.0 KB (1000000 bytes)");
   CHECK(format_size(1000999) == "1001.0 KB (1000999 bytes)");
   CHECK(format_size(1001000) == "1.0 MB (1001000 bytes)");
   CHECK(format_size(1000000000000ULL) == "1000.0 GB (1000000000000 bytes)");
   CHECK(format_size(349284332) == "349.3 MB (349284332 bytes)");
   CHECK(format_size(5451080048ULL) == "5.5 GB (5451080048 bytes)");
   CHECK(format_size(2000000000000000ULL) == "2000.0 TB (2000000000000000 bytes)");
}
