// repo-info local pages: grammar, model, canonical rendering, JSON.
#include <filesystem>
#include <random>

#include <catch2/catch.hpp>

#include "parse/local_page_parser.hpp"
#include "render/local_page.hpp"
#include "support/helpers.hpp"

using strata::ast::position;
using strata::parse::parse_local_page;
using strata::render::render;

namespace {

std::string fixture(const std::string& name) {
   return strata::test::read(strata::test::source_path("tests/fixtures/local-page/" + name));
}

const std::string bare_page =
    "# `demo:1.0-alpine3.7`\n\n## Docker Metadata\n\n"
    "- Image ID: `sha256:4b00a94b6f26b22a3f204df1278160a6ca27e16802930041d9777bbd7438cd01`\n"
    "- Created: `2018-01-10T05:21:42.235423114Z`\n"
    "- Virtual Size: 512 bytes  \n  (total size of all layers on-disk)\n"
    "- Arch: `linux`/`amd64`\n"
    "- Environment:\n"
    "  - `PATH=/usr/local/bin:/usr/bin`\n";

}  // namespace

TEST_CASE("local page fixtures: render(parse(x)) == x byte for byte", "[local_page]") {
   for (const std::string name : {"dpkg.md", "apk.md"}) {
      INFO(name);
      const auto text = fixture(name);
      REQUIRE(text.size() > 800);
      const auto page = parse_local_page(name, text);
      CHECK(page.errors.empty());
      CHECK(render(page) == text);
   }
   const auto page = parse_local_page("bare.md", bare_page);
   CHECK(page.errors.empty());
   CHECK_FALSE(page.packages);
   CHECK(render(page) == bare_page);
}

TEST_CASE("local page: the Docker Metadata", "[local_page]") {
   const auto page = parse_local_page("dpkg.md", fixture("dpkg.md"));
   REQUIRE(page.image);
   CHECK(page.image->text == "demo:1.0.2-slim");
   const auto& m = page.metadata;
   CHECK(m.header.start == position{3, 1});
   CHECK(m.image_id->text.starts_with("sha256:"));
   REQUIRE(m.created);
   CHECK(m.created->epoch == 1513820013);  // 2017-12-21T01:33:33Z
   CHECK(m.created->nanoseconds == 857614610U);
   CHECK(m.created->utc_offset_minutes == 0);
   CHECK(m.created->where.start == position{6, 13});
   REQUIRE(m.virtual_size);
   CHECK(m.virtual_size->unit == "Mb");
   CHECK(m.virtual_size->hundredths == 13697U);
   CHECK(m.virtual_size->bytes == 136970000U);
   CHECK_FALSE(m.virtual_size->exact());
   CHECK(m.os->text == "linux");
   CHECK(m.architecture->text == "amd64");
   REQUIRE(m.entrypoint);
   CHECK(m.entrypoint->items == std::vector<std::string>{"docker-entrypoint.sh"});
   REQUIRE(m.command);
   CHECK(m.command->parsed);
   CHECK(m.command->items == std::vector<std::string>{"demo", "--listen=<0.0.0.0>", "a \\ \"b\""});
   REQUIRE(m.environment.size() == 5);
   CHECK(m.environment[0].name == "PATH");
   CHECK(m.environment[1].value == "1.0.2");
   CHECK(m.environment[2].value == "");
   CHECK_FALSE(m.environment[3].value);
   CHECK(m.environment[4].value == "-Dx=1 -Dy=`2`");  // runs to the last backtick of the line
   REQUIRE(m.labels.size() == 1);
   CHECK(m.labels[0].name == "maintainer");

   const auto bare = parse_local_page("bare.md", bare_page);
   CHECK(bare.metadata.virtual_size->exact());
   CHECK(bare.metadata.virtual_size->bytes == 512U);
   CHECK_FALSE(bare.metadata.command);

   const auto apk = parse_local_page("apk.md", fixture("apk.md"));
   CHECK(apk.metadata.created->nanoseconds == 0U);
   CHECK(apk.metadata.virtual_size->bytes == 1210000000U);
   CHECK(apk.metadata.architecture->text == "arm64");
}

TEST_CASE("local page: dpkg source packages as records", "[local_page]") {
   const auto page = parse_local_page("dpkg.md", fixture("dpkg.md"));
   REQUIRE(page.packages);
   CHECK(page.packages->manager.text == "dpkg");
   CHECK(page.packages->extension.text == "deb");
   CHECK(page.packages->apk.empty());
   const auto& d = page.packages->dpkg;
   REQUIRE(d.size() == 4);

   CHECK(d[0].source.name == "acl");
   CHECK(d[0].source.version == "2.2.52-3");
   REQUIRE(d[0].binaries.size() == 1);
   CHECK(d[0].binaries[0].name == "libacl1");
   CHECK(d[0].binaries[0].architecture == "amd64");
   CHECK(d[0].binaries[0].version == "2.2.52-3+b1");
   REQUIRE(d[0].license_files.size() == 1);
   CHECK(d[0].license_files[0].text == "/usr/share/doc/libacl1/copyright");
   REQUIRE(d[0].licenses.size() == 2);
   CHECK(d[0].licenses[1].text == "LGPL-2.1");
   CHECK(d[0].source_request->text == "acl=2.2.52-3");
   REQUIRE(d[0].source_files.size() == 2);
   CHECK(d[0].source_files[1].url == "http://deb.example.org/debian/pool/main/a/acl/acl_2.2.52.orig.tar.bz2");
   CHECK(d[0].source_files[1].file == "acl_2.2.52.orig.tar.bz2");
   CHECK(d[0].source_files[1].size == 312128U);
   CHECK(d[0].source_files[1].hash.starts_with("SHA256:"));
   REQUIRE(d[0].urls.size() == 3);
   CHECK(d[0].urls[0].url == "https://sources.example.org/src/acl/2.2.52-3/");
   CHECK(d[0].urls[0].note == "for browsing the source");

   CHECK(d[1].licenses_unknown);
   CHECK(d[1].license_files.empty());
   CHECK(d[1].source_files.size() == 1);
   CHECK(d[1].urls.empty());

   CHECK(d[2].source.version == "1:2.0-1");
   CHECK(d[2].binaries.size() == 2);
   CHECK_FALSE(d[2].binaries[0].architecture);
   CHECK(d[2].license_files.size() == 2);
   CHECK(d[2].source_missing);
   CHECK(d[2].has_snapshot);
   REQUIRE(d[2].snapshot_urls.size() == 1);
   CHECK_FALSE(d[2].snapshot_urls[0].note);
   CHECK_FALSE(d[2].source_request);

   CHECK(d[3].source_missing);
   CHECK_FALSE(d[3].has_snapshot);
}

TEST_CASE("local page: apk packages as records", "[local_page]") {
   const auto page = parse_local_page("apk.md", fixture("apk.md"));
   REQUIRE(page.packages);
   CHECK(page.packages->manager.text == "apk");
   const auto& a = page.packages->apk;
   REQUIRE(a.size() == 2);
   CHECK(a[0].name.text == "alpine-baselayout");
   REQUIRE(a[0].fields.size() == 4);
   CHECK(a[0].fields[0].package == "alpine-baselayout-3.7.2-r1");
   CHECK(a[0].fields[0].key == "description");
   REQUIRE(a[0].fields[0].value.size() == 1);
   CHECK(a[0].fields[0].value[0].text == "Alpine base dir structure and init scripts");
   CHECK(a[0].fields[2].key == "installed size");
   CHECK(a[0].fields[2].value[0].text == "6552 B");
   CHECK(a[0].fields[2].where.start.line == 25);
   REQUIRE(a[1].fields.size() == 4);
   REQUIRE(a[1].fields[0].value.size() == 1);
   CHECK(a[1].fields[0].value[0].text.empty());  // an empty description
   CHECK(a[1].fields[3].value[0].text == "MIT");
}

TEST_CASE("local page: Go's RFC3339Nano, the approximate size and package names", "[local_page]") {
   using strata::parse::format_go_time;
   using strata::parse::parse_go_time;
   const auto t = parse_go_time("2020-03-10T23:29:37.45427036Z");
   REQUIRE(t);
   CHECK(t->nanoseconds == 454270360U);
   CHECK(format_go_time(t->epoch, t->nanoseconds, 0) == "2020-03-10T23:29:37.45427036Z");
   const auto z = parse_go_time("2020-03-11T01:29:37.5+02:00");
   REQUIRE(z);
   CHECK(z->epoch == t->epoch);
   CHECK(z->utc_offset_minutes == 120);
   CHECK(format_go_time(z->epoch, z->nanoseconds, z->utc_offset_minutes) == "2020-03-11T01:29:37.5+02:00");
   CHECK(format_go_time(0, 0, -90) == "1969-12-31T22:30:00-01:30");
   CHECK_FALSE(parse_go_time("2020-13-10T23:29:37Z"));
   CHECK_FALSE(parse_go_time("2020-03-10T23:29:37"));
   CHECK_FALSE(parse_go_time("2020-03-10T23:29:37.Z"));
   CHECK_FALSE(parse_go_time("2020-03-10T23:29:37.1234567891Z"));

   const auto s = strata::parse::parse_approximate_size("~ 12.05 Kb");
   REQUIRE(s);
   CHECK(s->bytes == 12050U);
   CHECK_FALSE(strata::parse::parse_approximate_size("~ 12.5 Kb"));
   CHECK_FALSE(strata::parse::parse_approximate_size("~ 12.05 Tb"));

   const auto p = strata::parse::split_package_ref("libattr1:amd64=1:2.4.47-2+b2");
   CHECK(p.name == "libattr1");
   CHECK(p.architecture == "amd64");
   CHECK(p.version == "1:2.4.47-2+b2");
   CHECK_FALSE(strata::parse::split_package_ref("busybox").version);

   CHECK(strata::render::go_json({"a<b>&c", "\x01\t\n", "\xE2\x80\xA8", "caf\xC3\xA9"}) ==
         "[\"a\\u003cb\\u003e\\u0026c\",\"\\u0001\\t\\n\",\"\\u2028\",\"caf\xC3\xA9\"]");
}

TEST_CASE("local page: unknown and misplaced lines are errors with positions; parsing goes on", "[local_page]") {
   const std::string text =
       "# `x:1`\n"
       "\n"
       "## Docker Metadata\n"
       "\n"
       "- Created: `2018-01-10T25:21:42Z`\n"
       "- Virtual Size: ~ 1.5 Mb  \n"
       "  (total size of all layers on-disk)\n"
       "  - `ORPHAN=1`\n"
       "- Command: `[\"a\", 1]`\n"
       "- Environment:\n"
       "  - `A=1`\n"
       "\n"
       "## `dpkg` (`.deb`-based packages)\n"
       "\n"
       "- Image ID: `sha256:aa`\n"
       "Binary Packages:\n"
       "### `dpkg` source package: `acl=2.2.52-3`\n"
       "\n"
       "Binary Packages:\n"
       "\n"
       "- `libacl1:amd64=2.2.52-3+b1`\n"
       "- https://example.com/ (not in a list)\n"
       "Source:\n"
       "\n"
       "```console\n"
       "$ apt-get source -qq --print-uris acl=2.2.52-3\n"
       "'http://deb.example.org/acl.dsc' acl.dsc 2025 SHA256:aa\n"
       "not an apt line\n"
       "'http://deb.example.org/acl.tar' acl.tar 12 SHA256:bb\n"
       "```\n"
       "```console\n"
       "```\n";
   const auto page = parse_local_page("p.md", text);
   REQUIRE(page.errors.size() == 10);
   CHECK(page.errors[0].message == "an impossible time: \"2018-01-10T25:21:42Z\"");
   CHECK(page.errors[0].where.start == position{5, 13});
   CHECK(page.errors[1].where.start == position{6, 1});
   CHECK(page.errors[1].message == "unrecognised line in a local page: \"- Virtual Size: ~ 1.5 Mb  \"");
   CHECK(page.errors[2].where.start == position{7, 1});
   CHECK(page.errors[3].message == "a `  - ` entry outside the `Environment:` or `Labels:` list");
   CHECK(page.errors[3].where.start == position{8, 1});
   CHECK(page.errors[4].message == "not a JSON array of strings");
   CHECK(page.errors[4].where.start == position{9, 13});
   CHECK(page.errors[5].message == "`Image ID:` after the package section");
   CHECK(page.errors[6].message == "`Binary Packages:` outside a `dpkg` source package");
   CHECK(page.errors[7].message == "a `- ` URL line outside a URL list");
   CHECK(page.errors[7].where.start == position{22, 1});
   CHECK(page.errors[8].message == "an `apt-get source` line that is not `'URL' FILE SIZE HASH`");
   CHECK(page.errors[8].where.start == position{28, 1});
   CHECK(page.errors[9].message == "a ```console block out of place (it follows `Source:` or an `apk` package header)");
   CHECK(page.errors[9].where.start == position{31, 1});
   // the rest is kept
   CHECK(page.metadata.environment.size() == 1);
   REQUIRE(page.packages);
   REQUIRE(page.packages->dpkg.size() == 1);
   CHECK(page.packages->dpkg[0].source_files.size() == 2);
   CHECK_FALSE(page.metadata.command->parsed);
}

TEST_CASE("local page: values are re-formatted from the model, not copied", "[local_page]") {
   auto page = parse_local_page("bare.md", bare_page);
   REQUIRE(page.errors.empty());
   auto& m = page.metadata;
   m.created->nanoseconds = 500000000;
   m.virtual_size = strata::ast::approximate_size{83430000, 8343, "Mb", "", {}};
   m.command = strata::ast::string_list_value{{"python3", "-c", "print('<ok>')"}, true, "", {}};
   m.environment.push_back({"LANG", "C.UTF-8", {}});
   m.labels.push_back({"org.example.flag", std::nullopt, {}});
   strata::ast::dpkg_source_package d;
   d.source = strata::parse::split_package_ref("demo=1.0");
   d.binaries.push_back(strata::parse::split_package_ref("demo:arm64=1.0"));
   d.source_files.push_back({"http://deb.example.org/demo.dsc", "demo.dsc", 1234, "SHA256:cc", {}});
   page.packages = strata::ast::package_section{{"dpkg", {}}, {"deb", {}}, {}, {d}, {}};
   CHECK(render(page) ==
         "# `demo:1.0-alpine3.7`\n\n## Docker Metadata\n\n"
         "- Image ID: `sha256:4b00a94b6f26b22a3f204df1278160a6ca27e16802930041d9777bbd7438cd01`\n"
         "- Created: `2018-01-10T05:21:42.5Z`\n"
         "- Virtual Size: ~ 83.43 Mb  \n  (total size of all layers on-disk)\n"
         "- Arch: `linux`/`amd64`\n"
         "- Command: `[\"python3\",\"-c\",\"print('\\u003cok\\u003e')\"]`\n"
         "- Environment:\n"
         "  - `PATH=/usr/local/bin:/usr/bin`\n"
         "  - `LANG=C.UTF-8`\n"
         "- Labels:\n"
         "  - `org.example.flag`\n"
         "\n## `dpkg` (`.deb`-based packages)\n"
         "\n### `dpkg` source package: `demo=1.0`\n\nBinary Packages:\n\n- `demo:arm64=1.0`\n"
         "\nSource:\n\n```console\n$ apt-get source -qq --print-uris demo=1.0\n"
         "'http://deb.example.org/demo.dsc' demo.dsc 1234 SHA256:cc\n```\n");
}

TEST_CASE("local page: the model as JSON", "[local_page]") {
   const auto j = strata::render::to_json(parse_local_page("dpkg.md", fixture("dpkg.md")));
   CHECK(j["kind"] == "local-page");
   CHECK(j["image"] == "demo:1.0.2-slim");
   CHECK(j["created"] == "2017-12-21T01:33:33.85761461Z");
   CHECK(j["virtual_size"] == 136970000);
   CHECK(j["virtual_size_exact"] == false);
   CHECK(j["command"][1] == "--listen=<0.0.0.0>");
   CHECK(j["environment"][3]["value"].is_null());
   const auto& d = j["packages"]["dpkg"];
   REQUIRE(d.size() == 4);
   CHECK(d[0]["source"]["name"] == "acl");
   CHECK(d[0]["source_files"][1]["size"] == 312128);
   CHECK(d[2]["snapshot_urls"][0]["url"] == "http://snapshot.example.org/package/demo-tools/1:2.0-1/");
   CHECK(j["errors"].empty());
   const auto a = strata::render::to_json(parse_local_page("apk.md", fixture("apk.md")));
   CHECK(a["packages"]["apk"][0]["fields"][3]["value"] == "GPL-2.0-only");
}

TEST_CASE("local page: the sniffer", "[local_page]") {
   using strata::parse::looks_like_local_page;
   CHECK(looks_like_local_page(bare_page));
   CHECK(looks_like_local_page("\xEF\xBB\xBF# `x`\n## Docker Metadata"));
   CHECK_FALSE(looks_like_local_page("# `x`\n\n## Docker Metadata (no)\n"));
   CHECK_FALSE(looks_like_local_page("## `x`\n## Docker Metadata\n"));
   CHECK_FALSE(looks_like_local_page(""));
}

TEST_CASE("local page: garbage input never throws", "[local_page]") {
   for (const std::string& text :
        {std::string(""), std::string("# `"), std::string("```console"),
         std::string("## `apk` (`.apk`-based packages)\n### `apk` package: `a`\n```console\nx y:\n"),
         std::string("- Created: `9999-99-99T99:99:99.999Z`\n"),
         std::string("- Virtual Size: ~ 99999999999999999999.99 Gb  \n  (total size of all layers on-disk)"),
         std::string("Licenses: (parsed from: `a`, `b`"), std::string("\0\n\0", 3)}) {
      CHECK_NOTHROW(render(parse_local_page("p.md", text)));
   }
   std::mt19937 rng(20180110);
   const std::string alphabet = "#`-~\n ()*:.'0123456789Mb apkdpkgSource:Binary Packages:$ ";
   for (int round = 0; round < 300; ++round) {
      std::string text;
      const auto n = rng() % 400;
      for (unsigned i = 0; i < n; ++i) {
         text += rng() % 8 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
      }
      const auto page = parse_local_page("fuzz.md", text);
      const auto once = render(page);
      CHECK(render(parse_local_page("again.md", once)) == once);
   }
}

TEST_CASE("local page: the real pages reproduced byte for byte", "[local_page][corpus]") {
   namespace fs = std::filesystem;
   const fs::path dir = fs::path(STRATA_SOURCE_DIR "/../shared/corpus/repo-info") / "local";
   if (!fs::exists(dir)) {
      WARN("skipped: " << dir.string() << " is absent (../shared not beside the project)");
      return;
   }
   std::size_t pages = 0;
   for (const auto& name :
        {"3-alpine3.24@c856ab5831b3.md", "3.6-alpine3.7@11d88b586d41.md", "3.6-slim-stretch@7806f2fbfc3f.md"}) {
      INFO(name);
      const auto text = strata::test::read((dir / name).string());
      REQUIRE_FALSE(text.empty());
      REQUIRE(strata::parse::looks_like_local_page(text));
      const auto page = parse_local_page(name, text);
      CHECK(page.errors.empty());
      CHECK(render(page) == text);
      ++pages;
   }
   CHECK(pages == 3);
   const auto slim = parse_local_page("s.md", strata::test::read((dir / "3.6-slim-stretch@7806f2fbfc3f.md").string()));
   REQUIRE(slim.packages);
   CHECK(slim.packages->dpkg.size() == 58);
   const auto alpine = parse_local_page("a.md", strata::test::read((dir / "3-alpine3.24@c856ab5831b3.md").string()));
   REQUIRE(alpine.packages);
   CHECK(alpine.packages->apk.size() == 29);
}
