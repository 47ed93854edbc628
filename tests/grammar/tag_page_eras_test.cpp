// Tag pages of every era (formats.md §1.1): strata's own fixtures in
// tests/fixtures/tag-pages/, parsed into the model and rendered back byte for byte.
#include <regex>

#include <catch2/catch.hpp>

#include "parse/tag_page_parser.hpp"
#include "render/document.hpp"
#include "render/line_diff.hpp"
#include "render/mojo_json.hpp"
#include "render/tag_page.hpp"
#include "support/helpers.hpp"

using namespace strata;

namespace {
ast::tag_page load(const std::string& name) {
   const auto path = "tests/fixtures/tag-pages/" + name;
   return parse::parse_tag_page(path, test::read(test::source_path(path)));
}
}  // namespace

TEST_CASE("every era's fixture renders back byte for byte", "[tag_page][normalize]") {
   for (const char* name : {"e1-single-manifest.md", "e2-windows-manifest-list.md", "e3-counted-list.md",
                            "e4-oci-index-attestations.md", "does-not-exist.md"}) {
      INFO(name);
      const auto page = load(name);
      CHECK(page.errors.empty());
      CHECK(render::render(page) == page.source.text());
   }
}

TEST_CASE("E1: one manifest, no list MIME, no per-platform pull", "[tag_page][normalize]") {
   const auto page = load("e1-single-manifest.md");
   CHECK_FALSE(page.manifest_mime);
   CHECK_FALSE(page.platform_count);
   REQUIRE(page.sections.size() == 1);
   const auto& s = page.sections[0];
   CHECK_FALSE(s.digest);
   CHECK(s.docker_version->text == "1.10.3");
   CHECK(s.total_size->bytes == 2601483);
   CHECK(s.history.size() == 3);
   CHECK(s.history[0].text.ends_with("in /"));  // Docker 1.10.3: no trailing space
   CHECK(render::mojo_json_canonical(s.default_command->text) == R"(["\/bin\/sh"])");
}

TEST_CASE("E2 Windows: Apply image, SHELL bracket form, layers without Last Modified", "[tag_page][normalize]") {
   const auto page = load("e2-windows-manifest-list.md");
   REQUIRE(page.sections.size() == 1);
   const auto& s = page.sections[0];
   CHECK(s.is_windows());
   CHECK(s.pull_name->text == "demo");
   CHECK(s.history[0].text == "RUN Apply image 10.0.14393.0");
   CHECK(s.history[2].keyword == "SHELL");
   REQUIRE(s.layers.size() == 6);
   CHECK_FALSE(s.layers[0].last_modified);
   CHECK(s.layers[1].last_modified->text == "Tue, 13 Mar 2018 10:01:10 GMT");
}

TEST_CASE("E3: counted platform list, Entrypoint, bare byte sizes", "[tag_page][normalize]") {
   const auto page = load("e3-counted-list.md");
   CHECK(page.platform_count == 2U);
   REQUIRE(page.sections.size() == 2);
   CHECK(page.sections[1].docker_version->text == "20.10.17");
   CHECK(page.sections[0].layers.back().size->text == "233.0 B");
   CHECK(page.sections[0].layers.back().size->bytes == 233);
   CHECK(page.sections[0].entrypoint->text == R"(["docker-entrypoint.sh"])");
}

TEST_CASE("E4: OCI index, attestation entries with empty history, # buildkit, # ARGS", "[tag_page][normalize]") {
   const auto page = load("e4-oci-index-attestations.md");
   CHECK(page.manifest_mime->text == "application/vnd.oci.image.index.v1+json");
   CHECK(page.platform_count == 4U);
   REQUIRE(page.sections.size() == 4);
   CHECK(page.sections[1].is_attestation());
   CHECK(page.sections[1].history.empty());
   CHECK(page.sections[3].layers.size() == 1);  // provenance only
   const auto& s = page.sections[0];
   CHECK_FALSE(s.docker_version);
   CHECK(s.history[0].text == "RUN # debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'");
   CHECK(s.history[0].created.epoch == 1785715200);
   const auto& run = s.history[3];
   REQUIRE(run.arg_lines.size() == 1);
   CHECK(run.arg_lines[0].text == "# ARGS: TARGETARCH=amd64");
   CHECK(run.buildkit);
   CHECK_FALSE(run.arguments.ends_with("# buildkit"));
}

TEST_CASE("the JSON model: sections by position, sizes in bytes, RFC 3339 dates", "[tag_page][normalize]") {
   const auto page = load("e4-oci-index-attestations.md");
   engine::document doc;
   doc.kind = engine::document_kind::tag_page;
   doc.page = page;
   const auto j = render::model_json(doc);
   REQUIRE(j);
   CHECK((*j)["tag"] == "demo:3-slim");
   REQUIRE((*j)["platforms"].size() == 4);
   CHECK((*j)["platforms"][1]["platform"] == "unknown; unknown");
   CHECK((*j)["platforms"][3]["platform"] == "unknown; unknown");
   CHECK((*j)["platforms"][3]["index"] == 3);
   const auto& first = (*j)["platforms"][0];
   CHECK(first["total_size"].is_number_unsigned());
   CHECK(first["layers"][2]["size"] == 249);
   CHECK(first["history"][0]["created"] == "2026-08-03T00:00:00Z");
   CHECK(first["layers"][0]["last_modified"] == "2026-08-05T16:33:52Z");
   CHECK(first["entrypoint"] == nlohmann::json::array({"docker-entrypoint.sh"}));
}

TEST_CASE("a deviating page still renders in canonical form", "[tag_page][normalize]") {
   auto text = test::read(test::source_path("tests/fixtures/tag-pages/e3-counted-list.md"));
   const auto canonical = text;
   text.replace(text.find("34.8 MB"), 7, "34.9 MB");                // human size disagrees with bytes
   text.replace(text.find("Wed, 11 Jan 2023 02:41:36"), 3, "Thu");  // wrong weekday
   text.replace(text.find(R"(["demo"])"), 8, R"([ "demo" ])");      // JSON with spaces
   const auto page = parse::parse_tag_page("x.md", text);
   CHECK(page.errors.empty());
   CHECK(render::render(page) == canonical);
}

TEST_CASE("Mojo::JSON encoding", "[render]") {
   CHECK(render::mojo_json(nlohmann::json::array({"cmd", "/C", "type C:\\hello.txt"})) ==
         R"(["cmd","\/C","type C:\\hello.txt"])");
   CHECK(render::mojo_json(nlohmann::json::array({std::string("a\x01\n\t\"b"), "\xE2\x80\xA8"})) ==
         R"(["a\u0001\n\t\"b","\u2028"])");
   CHECK(render::mojo_json(nlohmann::json::array({"caf\xC3\xA9"})) == "[\"caf\xC3\xA9\"]");
   CHECK(render::mojo_json(nlohmann::json::object({{"b", 1}, {"a", nullptr}})) == R"({"a":null,"b":1})");
   CHECK_FALSE(render::mojo_json_canonical("[\"unterminated"));
}

TEST_CASE("line diff: hunks of replaced, deleted and inserted lines", "[render]") {
   const auto diff = [](std::string_view a, std::string_view b) {
      return render::diff_lines(render::split_lines(a), render::split_lines(b));
   };
   CHECK(diff("a\nb\nc\n", "a\nb\nc\n").empty());
   auto h = diff("a\nX\nc\n", "a\nb\nc\n");
   REQUIRE(h.size() == 1);
   CHECK((h[0].old_begin == 1 && h[0].old_end == 2 && h[0].new_begin == 1 && h[0].new_end == 2));
   h = diff("a\nb\nextra\nc\n", "a\nb\nc\n");
   REQUIRE(h.size() == 1);
   CHECK((h[0].old_begin == 2 && h[0].old_end == 3 && h[0].new_begin == h[0].new_end));
   h = diff("a\nc\nd\ne\n", "a\nb\nc\nd\nf\n");
   REQUIRE(h.size() == 2);
   CHECK((h[0].old_begin == 1 && h[0].old_end == 1 && h[0].new_begin == 1 && h[0].new_end == 2));
   CHECK((h[1].old_begin == 3 && h[1].old_end == 4 && h[1].new_begin == 4 && h[1].new_end == 5));
   // beyond the edit limit: one hunk for the differing middle
   h = render::diff_lines(render::split_lines("s\n1\n2\n3\ne\n"), render::split_lines("s\n4\n5\n6\ne\n"), 2);
   REQUIRE(h.size() == 1);
   CHECK((h[0].old_begin == 1 && h[0].old_end == 4 && h[0].new_begin == 1 && h[0].new_end == 4));
}
