#include <catch2/catch.hpp>

#include "parse/tag_page_parser.hpp"
#include "support/helpers.hpp"

using strata::ast::position;
using strata::parse::parse_tag_page;

TEST_CASE("a two-platform tag page", "[tag_page]") {
   const auto page =
       parse_tag_page("p.md", strata::test::read(strata::test::source_path("corpus/repo-info/demo-1.2.md")));
   CHECK(page.errors.empty());
   CHECK(page.ref.text == "demo:1.2");
   REQUIRE(page.digest);
   CHECK(page.digest->text.starts_with("sha256:"));
   CHECK(page.manifest_mime->text == "application/vnd.docker.distribution.manifest.list.v2+json");
   CHECK_FALSE(page.platform_count);
   REQUIRE(page.platforms.size() == 2);
   REQUIRE(page.sections.size() == 2);
   const auto& s = page.sections[0];
   CHECK(s.platform.text == "linux; amd64");
   CHECK(s.docker_version->text == "20.10.12");
   CHECK(s.total_size->bytes == 30751999U);
   CHECK(s.total_size->where.start == position{20, 17});
   CHECK(s.default_command->text == "[\"demo\"]");
   REQUIRE(s.history.size() == 5);
   CHECK(s.history[0].keyword == "ADD");
   CHECK(s.history[0].created.epoch == 1672653600);
   CHECK(s.history[2].keyword == "ENV");
   REQUIRE(s.history[2].env.size() == 1);
   CHECK(s.history[2].env[0].key == "DEMO_VERSION");
   CHECK(s.history[2].env[0].value == "1.2.0");
   REQUIRE(s.layers.size() == 2);
   CHECK(s.layers[1].size->bytes == 1234567U);
   CHECK(s.layers[0].last_modified->text == "Mon, 02 Jan 2023 10:05:00 GMT");
   CHECK(page.sections[1].total_size->bytes == 30752999U);
}

TEST_CASE("E3 counts, bare byte sizes, # ARGS lines and # buildkit suffixes", "[tag_page]") {
   const std::string text =
       "## `x:1`\n\n-\tPlatforms: 1\n\t-\tlinux; amd64\n\n### `x:1` - linux; amd64\n\n"
       "-\tTotal Size: **233.0 B**  \n\t(compressed transfer size, not on-disk size)\n\n"
       "```dockerfile\n# Mon, 03 Aug 2026 00:00:00 GMT\n# ARGS: TARGETARCH=amd64\nRUN apt-get update # buildkit\n"
       "# Mon, 03 Aug 2026 00:00:01 GMT\nENV A=1 B=two words C=x=y\n```\n\n-\tLayers:\n\t-\t`sha256:aa`  \n\t\tSize: "
       "233.0 B  \n\t\tMIME: m\n";
   const auto page = parse_tag_page("p.md", text);
   CHECK(page.errors.empty());
   CHECK(page.platform_count == 1U);
   REQUIRE(page.sections.size() == 1);
   const auto& s = page.sections[0];
   CHECK(s.total_size->bytes == 233U);
   REQUIRE(s.history.size() == 2);
   REQUIRE(s.history[0].arg_lines.size() == 1);
   CHECK(s.history[0].keyword == "RUN");
   CHECK(s.history[0].buildkit);
   CHECK(s.history[0].arguments == "apt-get update");
   REQUIRE(s.history[1].env.size() == 3);
   CHECK(s.history[1].env[1].value == "two words");
   CHECK(s.history[1].env[2].value == "x=y");
   CHECK_FALSE(s.layers[0].last_modified);
}

TEST_CASE("unknown and misplaced lines are errors with positions; the rest is kept", "[tag_page]") {
   const std::string text =
       "## `x:1`\n\ngarbage here\n-\tTotal Size: **1.0 B**  \n\t(compressed transfer size, not on-disk size)\n"
       "### `x:1` - linux; amd64\n\n```dockerfile\nRUN early\n# Mon, 03 Aug 2026 00:00:00 GMT\nRUN ok\n";
   const auto page = parse_tag_page("p.md", text);
   REQUIRE(page.errors.size() == 4);
   CHECK(page.errors[0].where.start == position{3, 1});
   CHECK(page.errors[0].message.find("unrecognised line") != std::string::npos);
   CHECK(page.errors[1].message == "`Total Size:` outside a platform section");
   CHECK(page.errors[2].message == "history text before the first `# <date>` line");
   CHECK(page.errors[3].message == "unterminated ```dockerfile block");
   REQUIRE(page.sections.size() == 1);
   REQUIRE(page.sections[0].history.size() == 1);
   CHECK(page.sections[0].history[0].arguments == "ok");
}

TEST_CASE("broken input never throws", "[tag_page]") {
   for (const std::string& text :
        {std::string("## `"), std::string("## `a`\n```dockerfile"), std::string("\t-\t`"),
         std::string("-\tTotal Size: **"), std::string("## `a`\n### `a` - \n\t\tSize: 1.0 B")}) {
      CHECK_NOTHROW(parse_tag_page("p.md", text));
   }
}

TEST_CASE("ENV history values split at ' NAME='", "[tag_page]") {
   const auto parts = strata::parse::split_history_env("PATH=/usr/local/bin:/usr/bin LANG=C.UTF-8");
   REQUIRE(parts.size() == 2);
   const auto legacy = strata::parse::split_history_env("PYTHON_VERSION 3.5.2");
   REQUIRE(legacy.size() == 1);
   CHECK(legacy[0].value_begin == 15);
}
