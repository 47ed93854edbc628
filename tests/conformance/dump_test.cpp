// BuildKit parser conformance: `strata parse --dump` (parse::dump) against BuildKit's
// own corpus in ../shared/conformance (33 results, 4 negatives; skipped with a message
// when ../shared is absent) and against strata's cases in tests/dockerfile-dump/ (the
// gaps of that corpus, each with the dump or the parser error BuildKit's rules give).
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>

#include "parse/dockerfile_parser.hpp"
#include "support/helpers.hpp"

namespace fs = std::filesystem;
using strata::ast::error_layer;

namespace {

std::vector<fs::path> case_dirs(const fs::path& root) {
   std::vector<fs::path> dirs;
   for (const auto& e : fs::directory_iterator(root)) {
      if (e.is_directory()) dirs.push_back(e.path());
   }
   std::sort(dirs.begin(), dirs.end());
   return dirs;
}

/// The first parser-layer error, or "" when BuildKit's parser accepts the file.
std::string parser_error(const strata::ast::dockerfile& df) {
   for (const auto& e : df.errors) {
      if (e.layer == error_layer::parser) return e.message;
   }
   return "";
}

const fs::path shared = fs::path(STRATA_SOURCE_DIR) / ".." / "shared" / "conformance";

}  // namespace

/// Calls `check(dir, parsed Dockerfile)` for each case directory of a ../shared corpus
/// and returns how many there were; returns 0 with a visible warning when it is absent.
template <typename Check>
std::size_t each_shared_case(const char* corpus, Check check) {
   const auto root = shared / corpus;
   if (!fs::exists(root)) {
      WARN("skipped: " << root.string() << " is absent (../shared not beside the project)");
      return 0;
   }
   std::size_t cases = 0;
   for (const auto& dir : case_dirs(root)) {
      const auto df = strata::parse::parse_dockerfile("Dockerfile", strata::test::read((dir / "Dockerfile").string()));
      INFO("case " << dir.filename().string());
      check(dir, df);
      ++cases;
   }
   return cases;
}

TEST_CASE("BuildKit parser corpus: every result reproduced byte for byte", "[conformance][dump]") {
   const auto cases = each_shared_case("buildkit-parser", [](const fs::path& dir, const strata::ast::dockerfile& df) {
      CHECK(parser_error(df).empty());
      CHECK(strata::parse::dump(df) == strata::test::read((dir / "result").string()));
   });
   CHECK((cases == 0 || cases == 33));
}

TEST_CASE("BuildKit parser corpus: every negative case rejected", "[conformance][dump]") {
   const auto cases = each_shared_case(
       "buildkit-parser-negative",
       [](const fs::path&, const strata::ast::dockerfile& df) { CHECK_FALSE(parser_error(df).empty()); });
   CHECK((cases == 0 || cases == 4));
}

TEST_CASE("strata's own dump cases: the gaps of BuildKit's corpus", "[conformance][dump]") {
   const auto root = fs::path(STRATA_SOURCE_DIR) / "tests" / "dockerfile-dump";
   std::size_t cases = 0;
   for (const auto& dir : case_dirs(root)) {
      const auto df = strata::parse::parse_dockerfile("Dockerfile", strata::test::read((dir / "Dockerfile").string()));
      INFO("case " << dir.filename().string());
      if (fs::exists(dir / "error")) {
         std::string expected = strata::test::read((dir / "error").string());
         while (!expected.empty() && expected.back() == '\n') expected.pop_back();
         CHECK(parser_error(df) == expected);
      } else {
         CHECK(parser_error(df).empty());
         CHECK(strata::parse::dump(df) == strata::test::read((dir / "result").string()));
      }
      ++cases;
   }
   CHECK(cases >= 1);
}

TEST_CASE("the 65,535-byte physical line limit (generated inputs)", "[conformance][dump]") {
   const std::string at_limit(65535 - 4, 'a'), over(65536 - 4, 'a');
   // exactly 65,535 bytes before the newline: accepted
   auto df = strata::parse::parse_dockerfile("Dockerfile", "FROM busybox\nRUN " + at_limit + "\nRUN true\n");
   CHECK(parser_error(df).empty());
   CHECK(strata::parse::dump(df) == "(from \"busybox\")\n(run \"" + at_limit + "\")\n(run \"true\")\n");
   // one byte more: BuildKit's scanner error after an instruction ...
   df = strata::parse::parse_dockerfile("Dockerfile", "FROM busybox\nRUN " + over + "\nRUN true\n");
   CHECK(parser_error(df) == "dockerfile line greater than max allowed size of 65535");
   // ... and an empty file when no instruction came before it
   df = strata::parse::parse_dockerfile("Dockerfile", "RUN " + over + "\nFROM busybox\n");
   CHECK(parser_error(df) == "file with no instructions");
   // strata goes on after the long line: the rest of the file is still in the model
   REQUIRE(df.instructions.size() == 1);
   CHECK(df.instructions[0].name == "from");
}
