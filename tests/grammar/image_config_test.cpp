// Image config JSON and `docker inspect` output (parse/image_config_parser.hpp).
#include <catch2/catch.hpp>

#include <random>

#include "parse/image_config_parser.hpp"
#include "render/model_json.hpp"
#include "support/helpers.hpp"

using strata::ast::history_form;
using strata::ast::history_prefix_kind;
using strata::ast::history_shell;
using strata::ast::image_config_kind;
using strata::ast::position;
using strata::parse::parse_image_config;

namespace {
strata::ast::image_config_file fixture(const std::string& name) {
   const std::string path = strata::test::source_path("tests/fixtures/image-config/" + name);
   return parse_image_config(path, strata::test::read(path));
}
}  // namespace

TEST_CASE("a BuildKit-built Linux config: fields, history, layers, spans", "[image_config]") {
   const auto f = fixture("python-3.12-slim.linux-amd64.json");
   CHECK(f.errors.empty());
   CHECK(f.kind == image_config_kind::config);
   REQUIRE(f.images.size() == 1);
   const auto& img = f.images[0];
   CHECK(img.architecture == "amd64");
   CHECK(img.os == "linux");
   CHECK(img.variant.empty());
   REQUIRE(img.created);
   CHECK(img.created->epoch == 1718244641);
   CHECK(img.created->nanos == 732099845U);
   CHECK(img.config.present);
   CHECK(img.config.env.size() == 3);
   CHECK(img.config.cmd == std::vector<std::string>{"python3"});
   CHECK_FALSE(img.config.entrypoint);
   CHECK_FALSE(img.config.shell);
   CHECK(img.config.args_escaped);
   CHECK(img.config.on_build.empty());
   REQUIRE(img.config.labels.size() == 2);
   CHECK(img.config.labels[0].first == "org.opencontainers.image.title");
   CHECK(img.rootfs_type == "layers");
   REQUIRE(img.diff_ids.size() == 3);
   REQUIRE(img.history.size() == 10);

   const auto& base = img.history[0];
   CHECK(base.instruction->prefix.kind == history_prefix_kind::nop);
   CHECK(base.instruction->keyword == "ADD");
   CHECK(base.instruction->source->trailing_space);
   CHECK(base.layer == 0U);
   CHECK(base.created->nanos == 429126519U);
   CHECK(img.history[1].empty_layer);
   CHECK_FALSE(img.history[1].layer);
   CHECK(img.history[4].layer == 1U);
   CHECK(img.history[7].layer == 2U);

   const auto& build = img.history[7];
   CHECK(build.comment == "buildkit.dockerfile.v0");
   CHECK(build.instruction->prefix.kind == history_prefix_kind::buildkit_run);
   CHECK(build.instruction->prefix.build_args.at(0).value == "amd64");
   CHECK(build.instruction->body->text.starts_with("set -eux; \t\tsavedAptMark="));
   // spans: the literal in the file, and the body through the offset map
   const std::string& text = f.source.text();
   CHECK(text.substr(build.created_by_span.begin, 8) == "\"RUN |1 ");
   const std::size_t body = build.created_by_map.to_file(build.instruction->body->where.begin);
   CHECK(text.substr(body, 8) == "set -eux");
   // after `\t\t` escapes the map still lands on the right byte
   const auto saved = build.instruction->body->text.find("savedAptMark");
   CHECK(text.substr(build.created_by_map.to_file(build.instruction->body->where.begin + saved), 12) == "savedAptMark");
   const auto& label = img.history[8];
   CHECK(label.instruction->form == history_form::key_values);
   CHECK(label.instruction->pairs.at(0).value == "Python 3.12");
   CHECK(img.history[9].instruction->keyword == "CMD");
}

TEST_CASE("a classic Windows config: config.Shell, os.version, offsets in dates", "[image_config]") {
   const auto f = fixture("python-windowsservercore-1809.json");
   CHECK(f.errors.empty());
   const auto& img = f.images.at(0);
   CHECK(img.os == "windows");
   CHECK(img.os_version == "10.0.17763.5936");
   CHECK(img.docker_version == "20.10.23");
   REQUIRE(img.config.shell);
   CHECK(img.config.shell->at(0) == "powershell");
   REQUIRE(img.history.size() == 7);
   CHECK(img.history[0].created->epoch == 1537080080);  // 2018-09-15T23:41:20.5162853-07:00
   CHECK(img.history[0].instruction->prefix.kind == history_prefix_kind::implicit_run);
   CHECK(img.history[2].instruction->keyword == "SHELL");
   CHECK(img.history[2].instruction->prefix.shell == history_shell::windows_cmd);
   CHECK(img.history[3].instruction->prefix.shell == history_shell::image_shell);
   CHECK(img.history[3].instruction->pairs.at(0).key == "PYTHONIOENCODING");
   CHECK(img.history[5].instruction->prefix.kind == history_prefix_kind::shell);
   CHECK(img.history[5].instruction->body->text.find("TargetDir=C:\\Python") != std::string::npos);
   for (const auto& h : img.history) CHECK(h.layer == h.index);  // every Windows entry makes a layer
}

TEST_CASE("the SHELL in effect: the latest SHELL entry, else config.Shell", "[image_config]") {
   const std::string text = R"({"architecture":"amd64","os":"linux",
"config":{"Shell":["/bin/bash","-o","pipefail","-c"]},
"rootfs":{"type":"layers","diff_ids":[]},
"history":[
 {"created_by":"/bin/bash -o pipefail -c echo before"},
 {"created_by":"/bin/sh -c #(nop)  SHELL [/bin/bash -c]","empty_layer":true},
 {"created_by":"/bin/bash -c #(nop)  ENV A=b","empty_layer":true},
 {"created_by":"/bin/bash -c apt-get update","empty_layer":true}]})";
   const auto f = parse_image_config("c.json", text);
   CHECK(f.errors.empty());
   const auto& h = f.images.at(0).history;
   REQUIRE(h.size() == 4);
   CHECK(h[0].instruction->prefix.shell == history_shell::image_shell);
   CHECK(h[0].instruction->body->text == "echo before");
   CHECK(h[0].where.start == position{5, 2});
   CHECK_FALSE(h[0].layer);  // more non-empty entries than diff_ids
   CHECK(h[1].instruction->prefix.shell == history_shell::posix_sh);
   CHECK(h[2].instruction->prefix.shell == history_shell::image_shell);
   CHECK(h[3].instruction->body->text == "apt-get update");
   CHECK(h[3].created_by_span.start == position{8, 16});
}

TEST_CASE("docker inspect output", "[image_config]") {
   const auto f = fixture("docker-inspect.python-3.12-slim.json");
   CHECK(f.errors.empty());
   CHECK(f.kind == image_config_kind::inspect);
   REQUIRE(f.images.size() == 1);
   const auto& img = f.images[0];
   CHECK(img.id.starts_with("sha256:"));
   CHECK(img.repo_tags == std::vector<std::string>{"python:3.12-slim"});
   CHECK(img.architecture == "amd64");
   CHECK(img.os == "linux");
   CHECK(img.config.working_dir == "/app");
   CHECK(img.config.exposed_ports == std::vector<std::string>{"8000/tcp"});
   CHECK(img.diff_ids.size() == 3);
   CHECK(img.history.empty());
   CHECK(img.where.start == position{2, 5});
}

TEST_CASE("invalid JSON: one error at line:column; wrong types: errors at the values", "[image_config]") {
   const auto bad = parse_image_config("b.json", "{\"architecture\": \"amd64\",\n  \"os\": linux}");
   REQUIRE(bad.errors.size() == 1);
   CHECK(bad.errors[0].where.start == position{2, 9});  // the `l` of `linux`
   CHECK(bad.errors[0].message.find("invalid JSON") == 0);
   CHECK(bad.images.empty());
   CHECK(parse_image_config("e.json", "").errors.size() == 1);
   CHECK(parse_image_config("t.json", "{\"os\":\"linux\"} trailing").errors.size() == 1);

   const std::string text =
       "{\"architecture\": 5,\n\"history\": [{\"created_by\": 7, \"created\": \"yesterday\"}, \"x\"],\n"
       "\"rootfs\": {\"diff_ids\": [\"sha256:a\", 3]}}";
   const auto f = parse_image_config("t.json", text);
   CHECK(f.kind == image_config_kind::config);
   REQUIRE(f.errors.size() == 5);
   CHECK(f.errors[0].where.start == position{1, 18});  // architecture
   CHECK(f.errors[1].where.start == position{3, 37});  // diff_ids[1]
   CHECK(f.errors[2].where.start == position{2, 42});  // created (not RFC 3339)
   CHECK(f.errors[3].where.start == position{2, 28});  // created_by
   CHECK(f.errors[4].where.start == position{2, 56});  // "x"
   REQUIRE(f.images.size() == 1);
   CHECK(f.images[0].history.size() == 1);
   CHECK_FALSE(f.images[0].history[0].instruction);
   CHECK(f.images[0].diff_ids == std::vector<std::string>{"sha256:a"});

   const auto other = parse_image_config("o.json", "{\"foo\": 1}");
   CHECK(other.kind == image_config_kind::unknown);
   CHECK(other.errors.size() == 1);
   CHECK(parse_image_config("a.json", "[1, 2]").errors.size() == 1);
}

TEST_CASE("image config sniffing", "[image_config]") {
   using strata::parse::looks_like_image_config;
   for (const char* name : {"python-3.12-slim.linux-amd64.json", "python-windowsservercore-1809.json",
                            "docker-inspect.python-3.12-slim.json"}) {
      CAPTURE(name);
      CHECK(looks_like_image_config(
          strata::test::read(strata::test::source_path(std::string("tests/fixtures/image-config/") + name))));
   }
   CHECK(looks_like_image_config("\xEF\xBB\xBF {\"rootfs\": {}}"));
   CHECK_FALSE(looks_like_image_config("{\"foo\": 1}"));
   CHECK_FALSE(looks_like_image_config("{\"history\": 1}"));
   CHECK_FALSE(looks_like_image_config("{\"rootfs\": {}"));
   CHECK_FALSE(looks_like_image_config("FROM alpine\n"));
   CHECK_FALSE(looks_like_image_config("[{\"Id\": \"x\"}]"));
   CHECK_FALSE(looks_like_image_config(
       strata::test::read(strata::test::source_path("tests/fixtures/docker-history/python-3.12-slim.json-lines.txt"))));
   CHECK_FALSE(looks_like_image_config(""));
}

TEST_CASE("JSON value ranges by pointer", "[image_config]") {
   const std::string text = "\xEF\xBB\xBF{\"a/b\": [1, {\"c~\": \"x\\\"y\"}], \"d\": [[[[1]]]], \"e\": null}";
   const auto r = strata::parse::json_value_ranges(text, 2);
   CHECK(r.at("").begin == 3);
   CHECK(text.substr(r.at("/a~1b").begin, r.at("/a~1b").size()) == "[1, {\"c~\": \"x\\\"y\"}]");
   CHECK(text.substr(r.at("/a~1b/1").begin, r.at("/a~1b/1").size()) == "{\"c~\": \"x\\\"y\"}");
   CHECK_FALSE(r.contains("/a~1b/1/c~0"));  // deeper than max_depth
   CHECK(text.substr(r.at("/d").begin, r.at("/d").size()) == "[[[[1]]]]");
   CHECK(text.substr(r.at("/e").begin, r.at("/e").size()) == "null");
}

TEST_CASE("image config: deep nesting and mutated bytes never throw; to_json", "[image_config][robust]") {
   std::string deep = "{\"rootfs\": {}, \"x\": ";
   deep += std::string(20000, '[') + std::string(20000, ']') + "}";
   CHECK(parse_image_config("d.json", deep).errors.empty());
   CHECK(parse_image_config("d2.json", std::string(100000, '[')).errors.size() == 1);

   const std::string base =
       strata::test::read(strata::test::source_path("tests/fixtures/image-config/python-windowsservercore-1809.json"));
   std::mt19937 rng(11);
   for (int i = 0; i < 300; ++i) {
      std::string text = base;
      for (int k = 0; k < 4; ++k) {
         const std::size_t at = rng() % text.size();
         text[at] = "{}[]\":,0a \\"[rng() % 11];
      }
      CAPTURE(i);
      strata::ast::image_config_file f;
      REQUIRE_NOTHROW(f = parse_image_config("m.json", text));
      REQUIRE_NOTHROW(strata::render::to_json(f).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
   }

   const auto j = strata::render::to_json(fixture("python-3.12-slim.linux-amd64.json"));
   CHECK(j["kind"] == "config");
   const auto& img = j["images"][0];
   CHECK(img["created"] == "2024-06-13T02:10:41.732099845Z");
   CHECK(img["created_epoch"] == 1718244641);
   CHECK(img["config"]["Cmd"] == nlohmann::json::array({"python3"}));
   CHECK(img["config"]["Entrypoint"].is_null());
   CHECK(img["history"].size() == 10);
   CHECK(img["history"][7]["layer"] == 2);
   CHECK(img["history"][7]["instruction"]["prefix"]["kind"] == "buildkit_run");
   CHECK_FALSE(img["history"][1].contains("layer"));
   CHECK(j["errors"].empty());
}
