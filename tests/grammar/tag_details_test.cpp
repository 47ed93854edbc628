// E0 repo-info tag-details pages: grammar, model, canonical rendering, JSON.
#include <filesystem>
#include <random>

#include <catch2/catch.hpp>

#include "parse/tag_details_parser.hpp"
#include "render/tag_details.hpp"
#include "support/helpers.hpp"

using strata::ast::position;
using strata::parse::parse_tag_details;
using strata::render::render;

namespace {

std::string fixture(const std::string& name) {
   return strata::test::read(strata::test::source_path("tests/fixtures/tag-details/" + name));
}

}  // namespace

TEST_CASE("tag-details fixture: render(parse(x)) == x byte for byte", "[tag_details]") {
   const auto text = fixture("demo.md");
   REQUIRE(text.size() > 4000);
   const auto page = parse_tag_details("demo.md", text);
   CHECK(page.errors.empty());
   CHECK(render(page) == text);
}

TEST_CASE("tag-details fixture: the model", "[tag_details]") {
   const auto page = parse_tag_details("demo.md", fixture("demo.md"));
   REQUIRE(page.generator);
   CHECK(page.generator->text == ".template-helpers/generate-tag-details.pl");
   REQUIRE(page.repo);
   CHECK(page.repo->text == "demo");
   CHECK(page.repo->where.start == position{3, 12});
   REQUIRE(page.toc.size() == 4);
   CHECK(page.toc[2].tag.text == "demo:0");
   CHECK(page.toc[3].anchor.text == "#demo11-rc");
   CHECK(page.toc[3].where.start == position{8, 1});
   REQUIRE(page.tags.size() == 4);

   const auto& t = page.tags[0];
   CHECK(t.name.text == "demo:1.0.2");
   CHECK(t.header.start.line == 10);
   CHECK_FALSE(t.digest);
   CHECK(t.total_virtual_size->bytes == 169532043U);
   CHECK(t.total_content_length->bytes == 69907591U);
   CHECK(t.layer_count == 4U);
   REQUIRE(t.layers.size() == 4);

   const auto& base = t.layers[0];
   CHECK(base.id.text.size() == 64);
   CHECK_FALSE(base.parent);
   CHECK(base.created->epoch == 1440101879);  // Thu, 20 Aug 2015 20:17:59 GMT
   CHECK(base.docker_version->text == "1.7.1");
   CHECK(base.virtual_size->bytes == 125174904U);
   CHECK(base.blob->text.starts_with("sha256:"));
   CHECK(base.content_length->bytes == 51368377U);
   CHECK(base.last_modified->text == "Thu, 20 Aug 2015 20:40:09 GMT");
   REQUIRE(base.command);
   CHECK(base.command->keyword == "ADD");
   CHECK_FALSE(base.command->wrapped);

   CHECK(t.layers[1].parent->text == base.id.text);
   CHECK(t.layers[1].virtual_size->bytes == 0U);
   CHECK(t.layers[1].content_length->bytes == 32U);

   // the re-split RUN body is stored as the builder recorded it: one line, tabs and 4-space indents kept
   const auto& run = *t.layers[2].command;
   CHECK(run.wrapped);
   CHECK(run.keyword == "RUN");
   CHECK(run.text ==
         "RUN apt-get update && apt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl     && "
         "curl -fsSL https://example.com/demo.tar.gz -o /tmp/demo.tar.gz \t&& rm -rf /var/lib/apt/lists/*");
   CHECK(run.where.start == position{47, 1});
   CHECK(run.where.stop.line == 51);

   const auto& args = *t.layers[3].command;
   REQUIRE(args.build_args.size() == 2);
   CHECK(args.build_args[0].name == "DEMO_URL");
   CHECK(args.build_args[0].value == "https://example.org/get?q=\"1\"");
   CHECK(args.build_args[1].value == "C:\\demo");
   CHECK(args.text == "RUN [\"/usr/local/bin/install-demo\",\"--quiet\"]");
   CHECK(t.layers[3].virtual_size->bytes == 1197U);
   CHECK_FALSE(t.layers[3].last_modified);

   const auto& t1 = page.tags[1];
   CHECK(t1.pull_name->text == "library/demo");
   CHECK(t1.digest->text.starts_with("sha256:"));
   CHECK_FALSE(t1.total_virtual_size);
   REQUIRE(t1.layers.size() == 4);
   CHECK_FALSE(t1.layers[0].virtual_size);
   // a `#(nop)` command keeps its tab on one line; a string-form `|N` command has `# ARGS:`
   CHECK(t1.layers[1].command->text == "ENV DEMO_HOME=/opt/demo\tDEMO_MODE=tab");
   CHECK_FALSE(t1.layers[1].command->wrapped);
   CHECK(t1.layers[2].command->args->text == "DEMO_VERSION=1.0.2");
   CHECK(t1.layers[2].command->text == "RUN set -eux; \tmake install");
   // a command with a newline of its own is never re-split: shown as is
   CHECK_FALSE(t1.layers[3].command->wrapped);
   CHECK(t1.layers[3].command->text == "RUN set -e; \\\n\tcd /src\necho done");
   CHECK_FALSE(t1.layers[3].docker_version);

   CHECK(page.tags[2].layer_count == 0U);
   CHECK(page.tags[2].layers.empty());
   CHECK(page.tags[3].does_not_exist);
}

TEST_CASE("the generator's re-split of /bin/sh -c commands and its inverse", "[tag_details]") {
   using strata::parse::unwrap_command;
   using strata::parse::wrap_command;
   CHECK(wrap_command("RUN a \t\tb") == "RUN a \\\n\t\tb");
   CHECK(wrap_command("RUN a     b") == "RUN a\\\n     b");        // leftmost match: the first 4 of 5 spaces
   CHECK(wrap_command("RUN a   \tb") == "RUN a   \\\n\tb");        // 3 spaces are no indent
   CHECK(wrap_command("RUN a\t    \tb") == "RUN a\\\n\t    \tb");  // one run of tabs and indents
   CHECK(wrap_command("RUN a\n\tb") == "RUN a\n\tb");              // a newline: left alone
   CHECK(wrap_command("RUN plain") == "RUN plain");
   for (const std::string s : {"RUN a \t\tb", "RUN x \\\ty", "RUN a     b  c\t", "\t", "    "}) {
      CHECK(unwrap_command(wrap_command(s)) == s);
   }
   CHECK(unwrap_command("a \\\nb") == "a \\\nb");  // no indent after the newline: not a re-split
}

TEST_CASE("tag-details: unknown and misplaced lines are errors with positions; parsing goes on", "[tag_details]") {
   const std::string text =
       "# Tags of `x`\n"
       "\n"
       "garbage here\n"
       "-\tCreated: Thu, 20 Aug 2015 20:17:59 GMT\n"
       "## `x:1`\n"
       "\n"
       "-\tTotal v2 Content-Length: 32.0 B\n"
       "-\tVirtual Size: 1.0 B\n"
       "\n"
       "### Layers (1)\n"
       "\n"
       "#### `abc`\n"
       "-\tv2 Content-Length: 1.0 KB (1000 bytes)\n"
       "-\tv2 Content-Length: 33.0 B\n"
       "-\tTotal Virtual Size: 1.0 B\n"
       "-\t[`x:2`](#x2)\n"
       "-\tCreated: Thu, 20 Aug 2015 20:61:59 GMT\n"
       "-\tv2 Blob: `sha256:aa`\n";
   const auto page = parse_tag_details("p.md", text);
   REQUIRE(page.errors.size() == 7);
   CHECK(page.errors[0].where.start == position{3, 1});
   CHECK(page.errors[0].where.stop == position{3, 13});
   CHECK(page.errors[0].message == "unrecognised line in a tag-details page: \"garbage here\"");
   CHECK(page.errors[1].where.start == position{4, 1});
   CHECK(page.errors[1].message == "`Created:` before the first `## ` tag header");
   CHECK(page.errors[2].message == "`Virtual Size:` outside a `#### ` layer section");
   CHECK(page.errors[3].where.start == position{14, 1});
   CHECK(page.errors[3].message == "a second `v2 Content-Length:` line (the first one is kept)");
   CHECK(page.errors[4].message == "`Total Virtual Size:` after the first layer of a tag");
   CHECK(page.errors[5].message == "a table-of-contents line after the first tag section");
   CHECK(page.errors[6].where.start == position{17, 12});
   CHECK(page.errors[6].message == "an impossible date: \"Thu, 20 Aug 2015 20:61:59 GMT\"");
   REQUIRE(page.tags.size() == 1);
   REQUIRE(page.tags[0].layers.size() == 1);
   const auto& l = page.tags[0].layers[0];
   CHECK(l.content_length->bytes == 1000U);
   CHECK(l.blob->text == "sha256:aa");  // the line after the errors is still read
   CHECK(render(page) ==
         "# Tags of `x`\n\n\n## `x:1`\n\n-\tTotal v2 Content-Length: 32.0 B\n\n### Layers (1)\n\n#### `abc`\n\n"
         "-\tCreated: Thu, 20 Aug 2015 20:61:59 GMT\n-\tv2 Blob: `sha256:aa`\n-\tv2 Content-Length: 1000.0 B\n");
}

TEST_CASE("tag-details: blocks, does-not-exist tags and the missing title", "[tag_details]") {
   const std::string text =
       "<!-- THIS FILE IS GENERATED VIA './update.sh' -->\n\n"
       "## `x:1`\n\n**does not exist** (yet?)\n"
       "-\tTotal v2 Content-Length: 0.0 B\n"
       "## `x:2`\n\n### Layers (1)\n\n#### `abc`\n\n```dockerfile\n# ARG: \"A\" => \"1\"\n```\n"
       "```dockerfile\nRUN true\n```\n"
       "#### `def`\n\n```dockerfile\nRUN never closed\n";
   const auto page = parse_tag_details("p.md", text);
   REQUIRE(page.errors.size() == 5);
   CHECK(page.errors[0].message == "`Total v2 Content-Length:` in a tag that does not exist");
   CHECK(page.errors[0].where.start == position{6, 1});
   CHECK(page.errors[1].message == "a ```dockerfile block without a command");
   CHECK(page.errors[1].where.start == position{14, 1});
   CHECK(page.errors[2].message == "a second ```dockerfile block in a layer (the first one is kept)");
   CHECK(page.errors[3].message == "unterminated ```dockerfile block");
   CHECK(page.errors[3].where.start == position{21, 1});
   CHECK(page.errors[4].message == "no `# Tags of `<repo>`` title");
   CHECK(page.generator->text == "./update.sh");
   REQUIRE(page.tags.size() == 2);
   CHECK(page.tags[0].does_not_exist);
   REQUIRE(page.tags[1].layers.size() == 2);
   CHECK(page.tags[1].layers[0].command->build_args.size() == 1);
   CHECK(page.tags[1].layers[1].command->text == "RUN never closed");
}

TEST_CASE("tag-details: values are re-formatted from the model, not copied", "[tag_details]") {
   // a size whose text disagrees with its byte count, a date with the wrong weekday
   const std::string text =
       "# Tags of `x`\n\n## `x:1`\n\n-\tTotal v2 Content-Length: 9.9 KB (1197 bytes)\n\n### Layers (1)\n\n#### "
       "`abc`\n\n"
       "-\tCreated: Mon, 20 Aug 2015 20:17:59 GMT\n-\tv2 Blob: `sha256:aa`\n-\tv2 Content-Length: 0.0 B\n";
   auto page = parse_tag_details("p.md", text);
   CHECK(page.errors.empty());
   const auto out = render(page);
   CHECK(out.find("-\tTotal v2 Content-Length: 1.2 KB (1197 bytes)\n") != std::string::npos);
   CHECK(out.find("-\tCreated: Thu, 20 Aug 2015 20:17:59 GMT\n") != std::string::npos);

   // edits to the model show in the rendering
   auto& l = page.tags[0].layers[0];
   l.content_length->bytes = 1001000;
   l.command = strata::ast::layer_command{};
   l.command->build_args.push_back({"K", "a\"b\\c", {}});
   l.command->text = "RUN a\t\tb";
   l.command->wrapped = true;
   page.tags[0].layers.push_back(strata::ast::v1_layer{});
   page.tags[0].layers.back().id.text = "def";
   page.tags[0].layers.back().created = strata::ast::date_value{0, "", {}};
   page.tags[0].layer_count.reset();
   page.toc.push_back({{"x:1", {}}, {"#x1", {}}, {}});
   CHECK(render(page) ==
         "# Tags of `x`\n\n-\t[`x:1`](#x1)\n\n## `x:1`\n\n-\tTotal v2 Content-Length: 1.2 KB (1197 bytes)\n\n"
         "### Layers (2)\n\n#### `abc`\n\n```dockerfile\n# ARG: \"K\" => \"a\\\"b\\\\c\"\nRUN a\\\n\t\tb\n```\n\n"
         "-\tCreated: Thu, 20 Aug 2015 20:17:59 GMT\n-\tv2 Blob: `sha256:aa`\n-\tv2 Content-Length: 1.0 MB (1001000 "
         "bytes)\n"
         "\n#### `def`\n\n-\tCreated: Thu, 01 Jan 1970 00:00:00 GMT\n");
}

TEST_CASE("tag-details: the model as JSON", "[tag_details]") {
   const auto j = strata::render::to_json(parse_tag_details("demo.md", fixture("demo.md")));
   CHECK(j["kind"] == "tag-details");
   CHECK(j["repository"] == "demo");
   CHECK(j["toc"].size() == 4);
   REQUIRE(j["tags"].size() == 4);
   const auto& t = j["tags"][0];
   CHECK(t["total_virtual_size"] == 169532043);
   CHECK(t["layer_count"] == 4);
   CHECK(t["layers"][0]["created"] == "2015-08-20T20:17:59Z");
   CHECK(t["layers"][0]["virtual_size"] == 125174904);
   CHECK(t["layers"][2]["command"]["wrapped"] == true);
   CHECK(t["layers"][3]["command"]["build_args"][1]["value"] == "C:\\demo");
   CHECK(j["tags"][1]["pull_name"] == "library/demo");
   CHECK(j["tags"][3]["does_not_exist"] == true);
   CHECK(j["errors"].empty());
}

TEST_CASE("tag-details: the sniffer", "[tag_details]") {
   using strata::parse::looks_like_tag_details;
   CHECK(looks_like_tag_details("<!-- THIS FILE IS GENERATED VIA 'x' -->\n"));
   CHECK(looks_like_tag_details("\xEF\xBB\xBF# Tags of `python`\n"));
   CHECK_FALSE(looks_like_tag_details("## `python:3`\n"));
   CHECK_FALSE(looks_like_tag_details("FROM scratch\n# Tags of `x`\n"));
   CHECK_FALSE(looks_like_tag_details(""));
}

TEST_CASE("tag-details: garbage input never throws", "[tag_details]") {
   for (const std::string& text :
        {std::string(""), std::string("#"), std::string("## `"), std::string("```dockerfile"),
         std::string("#### `a`\n```dockerfile"), std::string("-\tTotal Virtual Size: 1"),
         std::string("### Layers (99999999999999999999)\n"), std::string("<!-- THIS FILE IS GENERATED VIA '"),
         std::string("\n\n\n"), std::string("\0\0\n\0", 4),
         std::string("# Tags of `x`\n## `a`\n#### `b`\n```dockerfile\n# ARG: \"unterminated\n")}) {
      CHECK_NOTHROW(render(parse_tag_details("p.md", text)));
   }
   std::mt19937 rng(20150820);
   const std::string alphabet = "#`-\t\n ()[]*:.0123456789BKMG abcdefgTagsLyrv2";
   for (int round = 0; round < 300; ++round) {
      std::string text;
      const auto n = rng() % 400;
      for (unsigned i = 0; i < n; ++i) {
         text += rng() % 8 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
      }
      const auto page = parse_tag_details("fuzz.md", text);
      CHECK_NOTHROW(render(page));
      // what was understood renders canonically: rendering is a fixed point
      const auto once = render(page);
      CHECK(render(parse_tag_details("again.md", once)) == once);
   }
}

TEST_CASE("tag-details: the real E0 page reproduced byte for byte", "[tag_details][corpus]") {
   namespace fs = std::filesystem;
   const fs::path file = fs::path(STRATA_SOURCE_DIR "/../shared/corpus/repo-info") / "tag-details@e7255f3ce6a3.md";
   if (!fs::exists(file)) {
      WARN("skipped: " << file.string() << " is absent (../shared not beside the project)");
      return;
   }
   const auto text = strata::test::read(file.string());
   REQUIRE(strata::parse::looks_like_tag_details(text));
   const auto page = parse_tag_details(file.string(), text);
   CHECK(page.errors.empty());
   CHECK(page.tags.size() == 53);
   CHECK(page.toc.size() == 53);
   std::size_t layers = 0, wrapped = 0;
   for (const auto& t : page.tags) {
      CHECK(t.layer_count == t.layers.size());
      layers += t.layers.size();
      for (const auto& l : t.layers) wrapped += l.command && l.command->wrapped ? 1 : 0;
   }
   CHECK(layers == 731);
   CHECK(wrapped > 0);
   CHECK(render(page) == text);
}
