// Grammar hygiene: PEGTL's analysis finds no rule that can loop without progress.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/dockerfile.hpp"
#include "grammar/image_reference.hpp"
#include "grammar/pwsh.hpp"
#include "grammar/sh.hpp"
#include "grammar/tag_page.hpp"

namespace pegtl = tao::pegtl;
namespace g = strata::grammar;

TEST_CASE("grammars have no cycles without progress", "[grammar][analyze]") {
   CHECK(pegtl::analyze<g::dockerfile::continued_line<'\\'>>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::continued_line<'`'>>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::flag_word<'\\'>>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::flag_word<'`'>>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::comment_line>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::blank_line>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::shell_words>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::json_array>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::directive_line>() == 0);
   CHECK(pegtl::analyze<g::dockerfile::heredoc_word>() == 0);
   CHECK(pegtl::analyze<g::image_reference::with_domain>() == 0);
   CHECK(pegtl::analyze<g::image_reference::without_domain>() == 0);
   CHECK(pegtl::analyze<g::tag_page::page>() == 0);
   CHECK(pegtl::analyze<g::sh::script>() == 0);
   CHECK(pegtl::analyze<g::powershell::script>() == 0);
}
