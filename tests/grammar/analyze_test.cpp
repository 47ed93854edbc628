// Grammar hygiene: PEGTL's analysis finds no rule that can loop without progress.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/dockerfile.hpp"
#include "grammar/shell_words.hpp"
#include "grammar/tag_page.hpp"

namespace pegtl = tao::pegtl;
namespace g = strata::grammar;

TEST_CASE("grammars have no cycles without progress", "[grammar][analyze]") {
   CHECK(pegtl::analyze<g::dockerfile::file<'\\'>>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::file<'`'>>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::instruction_line<'\\'>>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::instruction_line<'`'>>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::shell_words>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::json_string_array>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::directive_line>() == 0);
   CHECK(pegtl::analyze<g::tag_page::page>() == 0);
   CHECK(pegtl::analyze<g::sh::script>() == 0);
   CHECK(pegtl::analyze<g::pwsh::script>() == 0);
}
