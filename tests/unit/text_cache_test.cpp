// ast::text_cache: values by text key, emptied when an insert would pass its limit.
#include <string>

#include <catch2/catch.hpp>

#include "ast/text_cache.hpp"

using strata::ast::text_cache;

TEST_CASE("text_cache keeps values up to its limit, then starts a new generation", "[text_cache]") {
   text_cache<int> cache(10);
   REQUIRE(cache.find("a") == nullptr);
   REQUIRE(cache.insert("a", 1, 4) != nullptr);
   REQUIRE(cache.insert("b", 2, 4) != nullptr);
   CHECK(*cache.find("a") == 1);
   CHECK(*cache.find("b") == 2);
   // 4 + 4 + 4 > 10: the cache is emptied, then keeps "c"
   REQUIRE(cache.insert("c", 3, 4) != nullptr);
   CHECK(cache.find("a") == nullptr);
   CHECK(cache.find("b") == nullptr);
   CHECK(*cache.find("c") == 3);
   // a value costing more than the limit is not kept, and the others stay
   CHECK(cache.insert("big", 4, 11) == nullptr);
   CHECK(cache.find("big") == nullptr);
   CHECK(*cache.find("c") == 3);
   // an insert under a known key replaces its value
   REQUIRE(cache.insert("c", 5, 1) != nullptr);
   CHECK(*cache.find("c") == 5);
}

TEST_CASE("text_key keeps the context apart from the text", "[text_cache]") {
   using strata::ast::text_key;
   CHECK(text_key("sh", "echo") != text_key("pwsh", "echo"));
   CHECK(text_key("a", "bc") != text_key("ab", "c"));
   CHECK(text_key("", "x") == std::string("\0x", 2));
}
