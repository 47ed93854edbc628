#include <algorithm>
#include <filesystem>
#include <map>
#include <random>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/docs_readme.hpp"
#include "parse/docs_readme_parser.hpp"
#include "parse/library_parser.hpp"
#include "render/model_json.hpp"
#include "support/helpers.hpp"

using strata::ast::position;
using strata::ast::readme_layout;
using strata::parse::parse_docs_readme;

namespace {

std::vector<std::string> texts(const std::vector<strata::ast::readme_value>& list) {
   std::vector<std::string> out;
   for (const auto& v : list) out.push_back(v.text);
   return out;
}
template <typename Value>
std::vector<std::string> tag_texts(const std::vector<Value>& list) {
   std::vector<std::string> out;
   for (const auto& v : list) out.push_back(v.text);
   return out;
}

strata::ast::docs_readme fixture(const std::string& name) {
   return parse_docs_readme(name, strata::test::read(strata::test::source_path("tests/fixtures/docs-readme/" + name)));
}

const std::string shared_corpus = STRATA_SOURCE_DIR "/../shared/corpus";

}  // namespace

TEST_CASE("docs README grammar has no cycles without progress", "[docs-readme][analyze]") {
   CHECK(tao::pegtl::analyze<strata::grammar::docs_readme::readme>() == 0);
   CHECK(tao::pegtl::analyze<strata::grammar::docs_readme::blob_url>() == 0);
}

TEST_CASE("docs README: Simple Tags and Shared Tags", "[docs-readme]") {
   const auto r = fixture("demo-README.md");
   CHECK(r.errors.empty());
   CHECK_FALSE(r.architecture);
   REQUIRE(r.has_section);
   CHECK(r.heading.start == position{12, 1});
   CHECK(r.section.start.line == 12U);
   CHECK(r.section.stop.line == 32U);  // the last line before `# Quick reference (cont.)`
   CHECK(r.layout == readme_layout::simple_and_shared);
   REQUIRE(r.simple_tags.size() == 5);
   const auto& first = r.simple_tags[0];
   CHECK(texts(first.tags) == std::vector<std::string>{"2.1.0-bookworm", "2.1-bookworm", "2-bookworm", "bookworm"});
   CHECK(first.tags[1].where.start == position{18, 23});  // inside the backticks
   CHECK(first.where.start == position{18, 1});
   CHECK(first.link.owner.text == "example-org");
   CHECK(first.link.repository.text == "demo");
   CHECK(first.link.commit.text == "0123456789abcdef0123456789abcdef01234567");
   CHECK(first.link.path.text == "2.1/bookworm/Dockerfile");
   CHECK(first.link.directory == "2.1/bookworm");
   CHECK(first.link.file == "Dockerfile");
   CHECK(r.simple_tags[1].link.file == "Dockerfile.alpine");
   CHECK(r.simple_tags[4].link.directory == ".");
   CHECK(r.simple_tags[4].link.file == "Dockerfile");

   REQUIRE(r.shared_tags.size() == 2);
   CHECK(texts(r.shared_tags[0].tags) == std::vector<std::string>{"2.1.0", "2.1", "2", "latest"});
   REQUIRE(r.shared_tags[0].entries.size() == 3);
   CHECK(r.shared_tags[0].entries[1].tag.text == "2.1.0-windowsservercore-ltsc2022");
   CHECK(r.shared_tags[0].entries[1].link.directory == "2.1/windows/windowsservercore-ltsc2022");
   CHECK(r.shared_tags[0].entries[1].where.start == position{28, 1});
   CHECK(r.shared_tags[1].entries.size() == 2);

   CHECK(r.find_simple("2.1-alpine") == &r.simple_tags[1]);
   CHECK(r.find_shared("latest") == &r.shared_tags[0]);
   CHECK(r.links_for_tag("latest").size() == 3);
   CHECK(r.links_for_tag("no-such-tag").empty());
   // template text after the section is not parsed
   CHECK(r.find_simple("not-a-tag") == nullptr);

   const auto j = strata::render::to_json(r);
   CHECK(j["layout"] == "simple-shared");
   CHECK(j["section"]["line"] == 12);
   CHECK(j["simple_tags"][2]["commit"] == "fedcba9876543210fedcba9876543210fedcba98");
   CHECK(j["tags"]["latest"].size() == 3);
   CHECK(j["tags"]["latest"][2]["directory"] == "2.1/windows/windowsservercore-1809");
   CHECK(j["tags"]["bookworm"][0]["line"] == 18);
   CHECK(j["tags"]["bookworm"][0]["shared"] == false);
}

TEST_CASE("docs README: the README agrees with the library it was rendered from", "[docs-readme][library]") {
   const auto r = fixture("demo-README.md");
   const auto lib = strata::parse::parse_library_file(
       "demo", strata::test::read(strata::test::source_path("tests/fixtures/library/demo")));
   REQUIRE(r.simple_tags.size() == lib.entries.size());
   for (std::size_t i = 0; i < lib.entries.size(); ++i) {
      const auto& e = lib.entries[i];
      CHECK(texts(r.simple_tags[i].tags) == tag_texts(e.tags));
      CHECK(r.simple_tags[i].link.commit.text == e.git_commit.text);
      CHECK(r.simple_tags[i].link.path.text == lib.image(i, "amd64").path());
   }
}

TEST_CASE("docs README: per-architecture note, blank lines between bullets, badge", "[docs-readme]") {
   const auto r = fixture("demo-winamd64-README.md");
   CHECK(r.errors.empty());
   REQUIRE(r.architecture);
   CHECK(r.architecture->text == "windows-amd64");
   CHECK(r.architecture->where.start == position{7, 62});
   CHECK(r.note.start == position{7, 1});
   CHECK(r.simple_tags.size() == 2);
   REQUIRE(r.shared_tags.size() == 2);
   CHECK(r.shared_tags[0].entries.size() == 2);
   CHECK(r.shared_tags[1].entries.size() == 2);
   CHECK(r.section.stop.line == 36U);  // the badge line
   CHECK(strata::render::to_json(r)["architecture"] == "windows-amd64");
}

TEST_CASE("docs README: the unsupported-architecture forms", "[docs-readme]") {
   const auto r = fixture("demo-arm32v5-README.md");
   CHECK(r.errors.empty());
   CHECK(r.architecture->text == "arm32v5");
   REQUIRE(r.unsupported_architecture);
   CHECK(r.unsupported_architecture->text == "arm32v5");
   CHECK(r.unsupported_architecture->where.start == position{5, 52});
   CHECK(r.simple_tags.empty());
   CHECK(r.layout == readme_layout::none);

   const auto old =
       parse_docs_readme("r.md",
                         "# Supported tags and respective `Dockerfile` links\n\n**No supported tags found!**\n\n"
                         "It is very likely that `demo` does not support the currently selected architecture "
                         "(`s390x`).\n\n# Quick reference\n");
   CHECK(old.errors.empty());
   CHECK(old.no_supported_tags);
   REQUIRE(old.unsupported_architecture);
   CHECK(old.unsupported_architecture->text == "s390x");
   CHECK(old.section.stop.line == 5U);
}

TEST_CASE("docs README: the flat list of the 2015 READMEs", "[docs-readme]") {
   const auto r = fixture("demo-2015-README.md");
   CHECK(r.errors.empty());
   CHECK(r.layout == readme_layout::flat);
   REQUIRE(r.simple_tags.size() == 3);
   CHECK(texts(r.simple_tags[0].tags) == std::vector<std::string>{"1.9.4", "1.9", "1", "latest"});
   REQUIRE(r.simple_tags[0].path_note);
   CHECK(r.simple_tags[0].path_note->text == "1.9/Dockerfile");
   CHECK(r.simple_tags[1].link.directory == "1.9/onbuild");
   CHECK(r.simple_tags[2].link.directory == ".");
   CHECK(r.shared_tags.empty());
   CHECK(r.section.stop.line == 7U);

   // and it agrees with the line-based library of the same time
   const auto lib = strata::parse::parse_library_file(
       "demo-2016", strata::test::read(strata::test::source_path("tests/fixtures/library/demo-2016")));
   REQUIRE(lib.entries.size() == r.simple_tags.size());
   for (std::size_t i = 0; i < lib.entries.size(); ++i) {
      CHECK(texts(r.simple_tags[i].tags) == tag_texts(lib.entries[i].tags));
      CHECK(r.simple_tags[i].link.commit.text == lib.entries[i].git_commit.text);
      CHECK(r.simple_tags[i].path_note->text == lib.image(i, "amd64").path());
   }
}

TEST_CASE("docs README: unknown and misplaced lines are errors with positions; the rest is kept", "[docs-readme]") {
   const std::string c = "0123456789abcdef0123456789abcdef01234567";
   const std::string text =
       "# Supported tags and respective `Dockerfile` links\n"  // 1
       "\n"                                                    // 2
       "## Simple Tags\n"                                      // 3
       "\n"                                                    // 4
       "-\t[`a`, `b`](https://github.com/o/r/blob/" +
       c +
       "/a/Dockerfile)\n"  // 5
       "\t-\t[`x`](https://github.com/o/r/blob/" +
       c +
       "/x/Dockerfile)\n"                                               // 6
       "-\t[`c`](https://example.com/c/Dockerfile)\n"                   // 7
       "some stray text\n"                                              // 8
       "## Shared Tags\n"                                               // 9
       "-\t`s`:\n"                                                      // 10
       "-\t`t`:\n"                                                      // 11
       "\t-\t[`a`](https://github.com/o/r/blob/master/a/Dockerfile)\n"  // 12
       "-\t[`d`](https://github.com/o/r/blob/" +
       c +
       "/d/Dockerfile)\n"                                    // 13
       "# Next\n"                                            // 14
       "stray text outside the section is template text\n";  // 15
   const auto r = parse_docs_readme("r.md", text);
   std::vector<std::string> got;
   for (const auto& e : r.errors)
      got.push_back(fmt::format("{}:{}: {}", e.where.start.line, e.where.start.column, e.message));
   CHECK(
       got ==
       std::vector<std::string>{
           "6:1: a shared-tags entry outside a shared-tags group",
           "7:9: link `https://example.com/c/Dockerfile` is not https://github.com/<owner>/<repo>/blob/<commit>/<path>",
           "8:1: unrecognised line in the supported-tags section: \"some stray text\"",
           "10:1: shared-tags group without entries",
           "13:1: a simple-tags bullet under `## Shared Tags`",
       });
   REQUIRE(r.simple_tags.size() == 3);
   CHECK(r.simple_tags[1].link.url.text == "https://example.com/c/Dockerfile");
   CHECK(r.simple_tags[1].link.commit.text.empty());
   REQUIRE(r.shared_tags.size() == 2);
   REQUIRE(r.shared_tags[1].entries.size() == 1);
   CHECK(r.shared_tags[1].entries[0].link.ref.text == "master");  // a branch: kept, no commit
   CHECK(r.shared_tags[1].entries[0].link.commit.text.empty());
   CHECK(r.section.stop.line == 13U);

   const auto none = parse_docs_readme("r.md", "# Title\n\nNo tags here.\n");
   REQUIRE(none.errors.size() == 1);
   CHECK_FALSE(none.has_section);
   CHECK(none.errors[0].where.start == position{1, 1});
   const auto empty = parse_docs_readme("r.md", "# Supported tags and respective `Dockerfile` links\n\n# Next\n");
   REQUIRE(empty.errors.size() == 1);
   CHECK(empty.errors[0].message == "the supported-tags section lists no tags");
}

TEST_CASE("docs README: arbitrary bytes never throw", "[docs-readme]") {
   std::mt19937 rng(20201203);
   const std::vector<std::string> pieces = {"# Supported tags and respective `Dockerfile` links\n",
                                            "## Simple Tags\n",
                                            "## Shared Tags\n",
                                            "-\t[`",
                                            "`, `",
                                            "`](https://github.com/o/r/blob/",
                                            "0123456789abcdef0123456789abcdef01234567/",
                                            ")\n",
                                            "\t-\t",
                                            "`:\n",
                                            "**WARNING:** THIS IMAGE *IS NOT SUPPORTED* ON THE `",
                                            "\n",
                                            "\xc3\xa9",
                                            "\xff",
                                            "(*"};
   for (int round = 0; round < 300; ++round) {
      std::string text;
      const auto n = rng() % 40;
      for (unsigned i = 0; i < n; ++i) {
         if (rng() % 3 == 0) {
            text += static_cast<char>(rng() % 256);
         } else {
            text += pieces[rng() % pieces.size()];
         }
      }
      strata::ast::docs_readme r;
      REQUIRE_NOTHROW(r = parse_docs_readme("fuzz", text));
      for (const auto& e : r.errors) CHECK(e.where.end <= text.size());
      CHECK_NOTHROW(strata::render::to_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
   }
}

namespace {

/// bashbrew's shared-tag groups (manifest GetSharedTagGroups): shared tags that map to the same
/// entries, ordered by first appearance; then filtered to one architecture (empty groups dropped).
struct group {
   std::vector<std::string> tags;
   std::vector<std::size_t> entries;
};
std::vector<group> shared_groups(const strata::ast::library_file& lib, std::string_view arch) {
   std::vector<std::string> all;
   for (const auto& e : lib.entries) {
      for (const auto& t : e.shared_tags) {
         if (std::find(all.begin(), all.end(), t.text) == all.end()) all.push_back(t.text);
      }
   }
   std::vector<group> groups;
   for (const auto& tag : all) {
      std::vector<std::size_t> entries;
      for (std::size_t i = 0; i < lib.entries.size(); ++i) {
         if (lib.entries[i].has_shared_tag(tag)) entries.push_back(i);
      }
      auto it = std::find_if(groups.begin(), groups.end(), [&](const group& g) { return g.entries == entries; });
      if (it == groups.end()) {
         groups.push_back({{tag}, entries});
      } else {
         it->tags.push_back(tag);
      }
   }
   std::vector<group> out;
   for (auto& g : groups) {
      std::erase_if(g.entries, [&](std::size_t i) { return !lib.entries[i].has_architecture(arch); });
      if (!g.entries.empty()) out.push_back(std::move(g));
   }
   return out;
}

}  // namespace

TEST_CASE("docs README: seed 004 (winamd64/python) against library/python@5a702e252e05", "[docs-readme][corpus]") {
   const auto seed = shared_corpus + "/seeds/004_29fe9165eda10bd8.txt";
   if (!std::filesystem::exists(seed)) {
      WARN("skipped: " << seed << " is absent");
      return;
   }
   const auto r = parse_docs_readme(seed, strata::test::read(seed));
   CHECK(r.errors.empty());
   REQUIRE(r.architecture);
   CHECK(r.architecture->text == "windows-amd64");
   CHECK(r.heading.start == position{27, 1});
   CHECK(r.section.stop.line == 69U);  // the build badge
   CHECK(r.layout == readme_layout::simple_and_shared);
   REQUIRE(r.simple_tags.size() == 8);
   REQUIRE(r.shared_tags.size() == 8);
   CHECK(texts(r.simple_tags[0].tags) == std::vector<std::string>{"3.10.0a2-windowsservercore-ltsc2016",
                                                                  "3.10-rc-windowsservercore-ltsc2016",
                                                                  "rc-windowsservercore-ltsc2016"});
   CHECK(r.simple_tags[0].link.commit.text == "dc9b64baf4c01bad4ddca590418dcfdb46a13ac2");
   CHECK(r.simple_tags[0].link.directory == "3.10-rc/windows/windowsservercore-ltsc2016");
   CHECK(r.simple_tags[0].link.file == "Dockerfile");
   CHECK(r.simple_tags[7].link.commit.text == "bc9f6c85c155a7aeb6a308c3399c9134223f0370");
   CHECK(texts(r.shared_tags[2].tags) == std::vector<std::string>{"3.9.0", "3.9", "3", "latest"});
   for (const auto& g : r.shared_tags) CHECK(g.entries.size() == 2);

   const auto library = shared_corpus + "/official-images/python-library@5a702e252e05";
   if (!std::filesystem::exists(library)) {
      WARN("skipped: " << library << " is absent");
      return;
   }
   const auto lib = strata::parse::parse_library_file(library, strata::test::read(library));
   REQUIRE(lib.errors.empty());
   std::vector<std::size_t> windows;
   for (std::size_t i = 0; i < lib.entries.size(); ++i) {
      if (lib.entries[i].has_architecture("windows-amd64")) windows.push_back(i);
   }
   REQUIRE(windows.size() == r.simple_tags.size());
   for (std::size_t k = 0; k < windows.size(); ++k) {
      const auto image = lib.image(windows[k], "windows-amd64");
      INFO("simple bullet " << k);
      CHECK(texts(r.simple_tags[k].tags) == tag_texts(lib.entries[windows[k]].tags));
      CHECK(r.simple_tags[k].link.commit.text == image.git_commit.text);
      CHECK(r.simple_tags[k].link.path.text == image.path());
   }
   const auto groups = shared_groups(lib, "windows-amd64");
   REQUIRE(groups.size() == r.shared_tags.size());
   for (std::size_t k = 0; k < groups.size(); ++k) {
      INFO("shared group " << k);
      CHECK(texts(r.shared_tags[k].tags) == groups[k].tags);
      REQUIRE(r.shared_tags[k].entries.size() == groups[k].entries.size());
      for (std::size_t m = 0; m < groups[k].entries.size(); ++m) {
         const auto& e = lib.entries[groups[k].entries[m]];
         CHECK(r.shared_tags[k].entries[m].tag.text == e.tags.front().text);
         CHECK(r.shared_tags[k].entries[m].link.commit.text == e.git_commit.text);
         CHECK(r.shared_tags[k].entries[m].link.path.text == lib.image(groups[k].entries[m], "windows-amd64").path());
      }
   }
}
