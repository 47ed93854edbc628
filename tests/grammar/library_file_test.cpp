#include <filesystem>
#include <random>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/library_file.hpp"
#include "parse/library_parser.hpp"
#include "render/model_json.hpp"
#include "support/helpers.hpp"

using strata::ast::position;
using strata::ast::value_origin;
using strata::parse::looks_like_library_file;
using strata::parse::parse_library_file;

namespace {

std::vector<std::string> texts(const std::vector<strata::ast::library_value>& list) {
   std::vector<std::string> out;
   for (const auto& v : list) out.push_back(v.text);
   return out;
}

const std::string official_images = STRATA_SOURCE_DIR "/../shared/corpus/official-images";

}  // namespace

TEST_CASE("library grammar has no cycles without progress", "[library][analyze]") {
   CHECK(tao::pegtl::analyze<strata::grammar::library_file::file>() == 0);
}

TEST_CASE("library: defaults paragraph, comments and continuation lines", "[library]") {
   const auto lib =
       parse_library_file("demo", strata::test::read(strata::test::source_path("tests/fixtures/library/demo")));
   CHECK(lib.errors.empty());
   CHECK(lib.format == strata::ast::library_format::rfc2822);
   REQUIRE(lib.defaults);
   CHECK(lib.defaults->where.start == position{3, 1});
   CHECK(lib.defaults->where.stop.line == 6U);
   REQUIRE(lib.maintainers.size() == 2);
   CHECK(lib.maintainers[0].text == "Ada Example <ada@example.com> (@ada-example)");
   CHECK(lib.maintainers[1].text == "Bob Example <bob@example.org> (@bob-example)");
   CHECK(lib.maintainers[1].where.start == position{4, 14});
   const auto* m = lib.defaults->find("Maintainers");
   REQUIRE(m != nullptr);
   CHECK(m->lines.size() == 2);
   CHECK(m->where.stop.line == 4U);
   REQUIRE(lib.comments.size() == 2);
   CHECK(lib.comments[1].text == " the alpine variant builds s390x too");
   CHECK(lib.comments[1].where.start == position{17, 2});

   REQUIRE(lib.entries.size() == 5);
   // a comment inside a paragraph does not end it; a continuation line extends Architectures
   const auto& alpine = lib.entries[1];
   CHECK(texts(alpine.architectures) == std::vector<std::string>{"amd64", "arm64v8", "s390x"});
   CHECK(alpine.architectures[2].where.start == position{19, 2});
   CHECK(alpine.architectures_origin == value_origin::entry);
   CHECK(alpine.file.text == "Dockerfile.alpine");
   CHECK(alpine.directory.text == "2.1/alpine3.20");
   CHECK(alpine.where.start == position{16, 1});
   CHECK(alpine.where.stop.line == 22U);
}

TEST_CASE("library: entries inherit defaults and built-in values", "[library]") {
   const auto lib =
       parse_library_file("demo", strata::test::read(strata::test::source_path("tests/fixtures/library/demo")));
   REQUIRE(lib.entries.size() == 5);
   const auto& first = lib.entries[0];
   CHECK(texts(first.tags) == std::vector<std::string>{"2.1.0-bookworm", "2.1-bookworm", "2-bookworm", "bookworm"});
   CHECK(texts(first.shared_tags) == std::vector<std::string>{"2.1.0", "2.1", "2", "latest"});
   CHECK(first.git_repo.text == "https://github.com/example-org/demo.git");
   CHECK(first.git_repo.origin == value_origin::defaults);
   CHECK(first.git_repo.where.start == position{5, 10});
   CHECK(first.git_commit.text == "0123456789abcdef0123456789abcdef01234567");
   CHECK(first.git_commit.where.start == position{11, 12});
   CHECK(first.git_commit.where.stop == position{11, 52});
   CHECK(first.builder.text == "buildkit");
   CHECK(first.builder.origin == value_origin::defaults);
   CHECK(first.git_fetch.text == "refs/heads/master");
   CHECK(first.git_fetch.origin == value_origin::builtin);
   CHECK(first.file.text == "Dockerfile");
   CHECK(first.file.origin == value_origin::builtin);

   const auto& windows = lib.entries[2];
   CHECK(windows.builder.text == "classic");  // the entry overrides the defaults paragraph
   CHECK(windows.builder.origin == value_origin::entry);
   CHECK(texts(windows.constraints) == std::vector<std::string>{"windowsservercore-ltsc2022"});

   const auto& old = lib.entries[4];
   CHECK(texts(old.architectures) == std::vector<std::string>{"amd64"});
   CHECK(old.architectures_origin == value_origin::builtin);
   CHECK(old.directory.text == ".");
   CHECK(old.directory.origin == value_origin::builtin);
   CHECK(old.git_fetch.text == "refs/heads/v1");
   CHECK(old.git_fetch.origin == value_origin::entry);
}

TEST_CASE("library: per-architecture overrides and the (tag, architecture) resolver", "[library]") {
   const auto lib =
       parse_library_file("demo", strata::test::read(strata::test::source_path("tests/fixtures/library/demo")));
   REQUIRE(lib.entries.size() == 5);
   const auto& o = lib.entries[0].overrides;
   REQUIRE(o.count("arm64v8") == 1);
   CHECK(o.at("arm64v8").git_commit->text == "89abcdef0123456789abcdef0123456789abcdef");
   CHECK(o.at("arm64v8").git_commit->where.start == position{13, 20});
   CHECK_FALSE(o.at("arm64v8").file);

   auto r = lib.resolve("2.1.0-bookworm", "arm64v8");
   REQUIRE(r.size() == 1);
   CHECK(r[0].entry == 0U);
   CHECK(r[0].git_commit.text == "89abcdef0123456789abcdef0123456789abcdef");
   CHECK(r[0].directory.text == "2.1/bookworm-arm64");
   CHECK(r[0].path() == "2.1/bookworm-arm64/Dockerfile");
   r = lib.resolve("bookworm", "amd64");
   REQUIRE(r.size() == 1);
   CHECK(r[0].git_commit.text == "0123456789abcdef0123456789abcdef01234567");
   CHECK(r[0].path() == "2.1/bookworm/Dockerfile");
   CHECK(r[0].architectures == std::vector<std::string>{"amd64", "arm32v7", "arm64v8", "i386"});
   r = lib.resolve("2.1-alpine", "s390x");
   REQUIRE(r.size() == 1);
   CHECK(r[0].path() == "2.1/alpine3.20/Dockerfile.alpine");
   r = lib.resolve("1", "amd64");
   REQUIRE(r.size() == 1);
   CHECK(r[0].path() == "Dockerfile");
   CHECK(r[0].git_fetch.text == "refs/heads/v1");
   CHECK(lib.resolve("1", "arm64v8").empty());  // the entry has only the default amd64
   CHECK(lib.resolve("2.1-alpine", "i386").empty());
   CHECK(lib.resolve("no-such-tag", "amd64").empty());
}

TEST_CASE("library: SharedTags map to several entries", "[library]") {
   const auto lib =
       parse_library_file("demo", strata::test::read(strata::test::source_path("tests/fixtures/library/demo")));
   CHECK(lib.entries_for_tag("latest") == std::vector<std::size_t>{0, 2, 3});
   CHECK(lib.entries_for_tag("2.1-windowsservercore") == std::vector<std::size_t>{2, 3});
   CHECK(lib.entries_for_tag("2.1.0-alpine") == std::vector<std::size_t>{1});
   const auto map = lib.tag_map();
   CHECK(map.at("2").size() == 3);
   CHECK(map.at("1.9") == std::vector<std::size_t>{4});
   CHECK(map.size() == 4 + 4 + 2 + 2 + 3 + 6);  // the tags of each entry + the 6 distinct shared tags

   const auto amd64 = lib.resolve("latest", "amd64");
   REQUIRE(amd64.size() == 1);
   CHECK(amd64[0].entry == 0U);
   const auto windows = lib.resolve("latest", "windows-amd64");
   REQUIRE(windows.size() == 2);
   CHECK(windows[0].directory.text == "2.1/windows/windowsservercore-ltsc2022");
   CHECK(windows[1].directory.text == "2.1/windows/windowsservercore-1809");

   const auto j = strata::render::to_json(lib);
   CHECK(j["format"] == "rfc2822");
   REQUIRE(j["tags"]["latest"].size() == 3);
   CHECK(j["tags"]["latest"][1]["directory"] == "2.1/windows/windowsservercore-ltsc2022");
   CHECK(j["tags"]["latest"][1]["line"] == 24);
   CHECK(j["tags"]["latest"][1]["architectures"] == nlohmann::json::array({"windows-amd64"}));
   CHECK(j["entries"][0]["overrides"]["arm64v8"]["directory"] == "2.1/bookworm-arm64");
   CHECK(j["entries"][4]["file"] == "Dockerfile");
   CHECK(j["entries"][1]["line"] == 16);
   CHECK(j["errors"].empty());
}

TEST_CASE("library: the line-based format (until 2016)", "[library]") {
   const auto lib = parse_library_file(
       "demo-2016", strata::test::read(strata::test::source_path("tests/fixtures/library/demo-2016")));
   CHECK(lib.errors.empty());
   CHECK(lib.format == strata::ast::library_format::line_based);
   CHECK(texts(lib.maintainers) == std::vector<std::string>{"Ada Example <ada@example.com> (@ada-example)",
                                                            "Bob Example <bob@example.org> (@bob-example)"});
   REQUIRE(lib.entries.size() == 3);  // lines with the same repo, commit and directory form one entry
   CHECK(texts(lib.entries[0].tags) == std::vector<std::string>{"1.9.4", "1.9", "1", "latest"});
   CHECK(lib.entries[0].tags[3].where.start == position{7, 1});
   CHECK(lib.entries[0].git_repo.text == "git://github.com/example-org/demo");
   CHECK(lib.entries[1].directory.text == "1.9/onbuild");
   CHECK(lib.entries[1].git_commit.where.start == position{9, 50});
   CHECK(lib.entries[2].directory.text == ".");
   CHECK(lib.entries[2].directory.origin == value_origin::builtin);
   const auto r = lib.resolve("1.9-onbuild", "amd64");
   REQUIRE(r.size() == 1);
   CHECK(r[0].git_commit.text == "2468ace02468ace02468ace02468ace02468ace0");
   CHECK(r[0].path() == "1.9/onbuild/Dockerfile");
   CHECK(looks_like_library_file(lib.source.text()));
}

TEST_CASE("library: bad lines and bad fields are errors with line:col; parsing goes on", "[library]") {
   const std::string text =
       "Maintainers: Ada Example (@ada)\n"                // 1
       "GitRepo: https://github.com/example-org/x.git\n"  // 2
       "\n"                                               // 3
       "Tags: 1.0, 1\n"                                   // 4
       "GitCommit: 0123abc\n"                             // 5
       "this line is junk\n"                              // 6
       "Directory: 1.0\n"                                 // 7
       "Direktory: typo\n"                                // 8
       "\n"                                               // 9
       "  orphan continuation\n"                          // 10
       "Tags: 1.0, 2\n"                                   // 11
       "GitCommit: NOT-A-COMMIT\n"                        // 12
       "Tags: dup\n"                                      // 13
       "\n"                                               // 14
       "Architectures: amd64\n"                           // 15
       "GitFetch: main\n";                                // 16
   const auto lib = parse_library_file("x", text);
   std::vector<std::string> got;
   for (const auto& e : lib.errors) {
      got.push_back(fmt::format("{}:{}: {}", e.where.start.line, e.where.start.column, e.message));
   }
   CHECK(got ==
         std::vector<std::string>{
             "6:1: unrecognised line in a library file: \"this line is junk\"",
             "8:1: unknown field `Direktory`",
             "10:1: continuation line outside a field (a line that starts with a blank continues the field above it)",
             "11:7: tag `1.0` is already a tag of an earlier entry",
             "12:12: GitCommit `NOT-A-COMMIT` is not a commit (1-40 lower-case hex digits)",
             "13:1: duplicate field `Tags` in one paragraph (the first one counts)",
             "15:1: entry without Tags",
             "15:1: entry without GitCommit",
             "16:11: GitFetch `main` is not `refs/heads/…` or `refs/tags/…`",
         });
   // the entries are still there, with what could be read
   REQUIRE(lib.entries.size() == 3);
   CHECK(lib.entries[0].directory.text == "1.0");
   CHECK(texts(lib.entries[1].tags) == std::vector<std::string>{"1.0", "2"});
   CHECK(lib.entries[2].git_repo.text == "https://github.com/example-org/x.git");
   const auto j = strata::render::to_json(lib);
   REQUIRE(j["errors"].size() == 9);
   CHECK(j["errors"][0]["line"] == 6);
   CHECK(j["errors"][0]["end_column"] == 18);
}

TEST_CASE("library: first paragraph with Tags, CRLF line ends, mixed formats", "[library]") {
   const auto a = parse_library_file("x", "Tags: a\r\nGitRepo: https://example.com/x.git\r\nGitCommit: abc123\r\n");
   CHECK_FALSE(a.defaults);
   REQUIRE(a.entries.size() == 1);
   CHECK(a.entries[0].git_commit.text == "abc123");
   CHECK(a.entries[0].git_repo.where.stop == position{2, 35});
   REQUIRE(a.errors.size() == 1);
   CHECK(a.errors[0].message.starts_with("the first paragraph has Tags"));

   const auto b = parse_library_file("x",
                                     "Maintainers: A (@a)\nGitRepo: https://example.com/x.git\n\n"
                                     "Tags: a\nGitCommit: abc123\n\nb: git://example.com/x@abc1234 dir\n");
   REQUIRE(b.errors.size() == 1);
   CHECK(b.errors[0].where.start == position{7, 1});
   CHECK(b.errors[0].message.starts_with("line-based entry"));
   CHECK(b.entries.size() == 1);

   // `# maintainer:` comments name maintainers in the line-based format only
   const auto c = parse_library_file(
       "x", "# maintainer: Old (@old)\nMaintainers: New (@new)\n\nTags: a\nGitRepo: r\nGitCommit: abc\n");
   CHECK(c.errors.empty());
   CHECK(texts(c.maintainers) == std::vector<std::string>{"New (@new)"});

   for (const std::string text : {"", "\n\n# only a comment\n"}) {
      const auto d = parse_library_file("x", text);
      REQUIRE(d.errors.size() == 1);
      CHECK(d.errors[0].where.start == position{1, 1});
      CHECK(d.format == strata::ast::library_format::empty);
   }
}

TEST_CASE("library: content sniffing is conservative", "[library]") {
   CHECK(looks_like_library_file(strata::test::read(strata::test::source_path("tests/fixtures/library/demo"))));
   CHECK_FALSE(looks_like_library_file(""));
   CHECK_FALSE(looks_like_library_file("FROM debian:bookworm\nRUN echo Maintainers: x\nLABEL Tags: a\n"));
   CHECK_FALSE(looks_like_library_file("# Supported tags\n\n-\t[`a`](https://example.com/)\n"));
   CHECK_FALSE(looks_like_library_file("Maintainers: A (@a)\nGitRepo: r\n"));                  // no entry
   CHECK(looks_like_library_file("Maintainers: A (@a)\n\nTags: a\nGitCommit: abc\nRUN x\n"));  // one bad line: ST0002
   CHECK_FALSE(looks_like_library_file("Maintainers: A (@a)\n\nTags: a\nGitCommit: abc\nRUN x\nRUN y\n"));
   CHECK_FALSE(looks_like_library_file(std::string("Maintainers: A\0\n\nTags: a\nGitCommit: b\n", 34)));
   CHECK(looks_like_library_file("# comment\n\nMaintainers: A (@a)\nGitRepo: r\n\nTags: a\nGitCommit: abc\n"));
   // a damaged or misplaced Maintainers line leaves a library file (parsed, then reported: ST0002)
   CHECK(looks_like_library_file("Tags: a\nGitCommit: abc\n\nMaintainers: A (@a)\n"));
   const std::string entries =
       "Tags: a\nGitCommit: abc\nDirectory: a\nFile: Dockerfile\n\n"
       "Tags: b\nGitCommit: abc\nDirectory: b\nArchitectures: amd64\n";
   CHECK(looks_like_library_file("Maintainerz A (@a)\nGitRepo: r\n\n" + entries));
   CHECK(looks_like_library_file("  continuation first\nGitRepo: r\nGitFetch: f\n\n" + entries));
   CHECK_FALSE(looks_like_library_file("Some notes\nmore notes\nTags: a\nGitCommit: abc\nDirectory: d\n"));
}

TEST_CASE("library: arbitrary bytes never throw and give spans inside the text", "[library]") {
   std::mt19937 rng(20260821);
   const std::string alphabet = "Tags: GitCommit-arm64v8#,\n\n\t \r@git://0123abc\x80\xff\xc3\xa9";
   for (int round = 0; round < 300; ++round) {
      std::string text;
      const auto n = rng() % 200;
      for (unsigned i = 0; i < n; ++i) {
         text += (rng() % 4 == 0) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
      }
      strata::ast::library_file lib;
      REQUIRE_NOTHROW(lib = parse_library_file("fuzz", text));
      for (const auto& e : lib.errors) {
         CHECK(e.where.end <= text.size());
         CHECK(e.where.start.line >= 1U);
      }
      for (const auto& e : lib.entries) {
         for (const auto& t : e.tags) CHECK(t.where.end <= text.size());
      }
      CHECK_NOTHROW(strata::render::to_json(lib).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      CHECK_NOTHROW(looks_like_library_file(text));
   }
}

TEST_CASE("library: the corpus library/python files", "[library][corpus]") {
   if (!std::filesystem::is_directory(official_images)) {
      WARN("skipped: " << official_images << " is absent");
      return;
   }
   std::size_t files = 0;
   for (const auto& f : std::filesystem::directory_iterator(official_images)) {
      const auto lib = parse_library_file(f.path().string(), strata::test::read(f.path().string()));
      INFO(f.path().string());
      CHECK(lib.errors.empty());
      CHECK(lib.format == strata::ast::library_format::rfc2822);
      CHECK(lib.entries.size() > 10);
      CHECK(looks_like_library_file(lib.source.text()));
      ++files;
   }
   CHECK(files >= 1);

   const auto path = official_images + "/python-library@8383fa1b90b0";
   if (!std::filesystem::exists(path)) {
      WARN("skipped: " << path << " is absent");
      return;
   }
   const auto lib = parse_library_file(path, strata::test::read(path));
   CHECK(lib.maintainers.size() == 2);
   auto r = lib.resolve("3.8.0-windowsservercore-ltsc2016", "windows-amd64");
   REQUIRE(r.size() == 1);
   CHECK(r[0].git_commit.text == "0ecd42b0e0b519259224959b8f9dc64e76d5a73e");
   CHECK(r[0].directory.text == "3.8/windows/windowsservercore-ltsc2016");
   CHECK(r[0].architectures == std::vector<std::string>{"windows-amd64"});
   CHECK(r[0].git_commit.where.start == position{26, 12});
   CHECK(lib.entries[r[0].entry].where.start == position{23, 1});
   CHECK(texts(lib.entries[r[0].entry].constraints) == std::vector<std::string>{"windowsservercore-ltsc2016"});
   // `latest` is shared by the buster entry and the three Windows entries
   CHECK(lib.entries_for_tag("latest").size() == 4);
   r = lib.resolve("latest", "arm64v8");
   REQUIRE(r.size() == 1);
   CHECK(r[0].git_commit.text == "0b1fb9529c79ea85b8c80ff3dd85a32a935b0346");
   CHECK(r[0].path() == "3.8/buster/Dockerfile");
   r = lib.resolve("latest", "windows-amd64");
   REQUIRE(r.size() == 3);
   CHECK(r[1].directory.text == "3.8/windows/windowsservercore-1803");
   CHECK(lib.resolve("3.7.5-slim", "s390x").at(0).directory.text == "3.7/buster/slim");
}
