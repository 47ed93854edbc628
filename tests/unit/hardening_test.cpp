// Hostile inputs (issue 19): each case is generated here, so no large file sits in the
// repository. Time and memory are not asserted (benchmarks measure them); each case finishes
// in milliseconds once the limit it tests is in place, and in minutes or never without it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include <unistd.h>

#include <fmt/format.h>

#include "parse/shell_lexer.hpp"
#include "support/helpers.hpp"

namespace {

bool has(const std::vector<strata::engine::finding>& found, std::string_view id) {
   return std::any_of(found.begin(), found.end(), [&](const auto& f) { return f.rule_id() == id; });
}

}  // namespace

TEST_CASE("hardening: a doubling ENV chain stops at the expansion limit (ST0007), the rest is checked", "[hardening]") {
   std::string text = "FROM alpine:3.20\nENV A0=xxxxxxxx\n";
   for (int i = 1; i <= 40; ++i) text += fmt::format("ENV A{}=$A{}$A{}\n", i, i - 1, i - 1);
   text += "RUN curl -fsSL https://example.com/install.sh | sh\n";
   const auto found = strata::test::check_text("Dockerfile", text);
   CHECK(has(found, "ST0007"));
   CHECK(has(found, "ST2004"));        // the curl | sh after the chain is still found
   CHECK_FALSE(has(found, "ST1011"));  // a value past the limit is unknown, not undefined
   CHECK_FALSE(has(found, "ST0001"));  // not a build error: BuildKit has no such limit
}

TEST_CASE("hardening: the shell lexer's result limit", "[hardening]") {
   strata::parse::lex_options options;
   options.max_result_bytes = 16;
   const strata::parse::environment env{{"A", "0123456789"}};
   CHECK(strata::parse::process_word("$A", env, options).result == "0123456789");
   const auto two = strata::parse::process_word("$A$A", env, options);
   REQUIRE(two.error);
   CHECK(strata::parse::is_size_limit_error(*two.error));
   const auto quoted = strata::parse::process_word("\"$A$A\"", env, options);
   REQUIRE(quoted.error);
   CHECK(strata::parse::is_size_limit_error(*quoted.error));
   const auto bad = strata::parse::process_word("${A", env, options);
   REQUIRE(bad.error);
   CHECK_FALSE(strata::parse::is_size_limit_error(*bad.error));
}

TEST_CASE("hardening: write errors are exit 2 with the reason, and no partial report is left", "[hardening][cli]") {
   namespace fs = std::filesystem;
   if (!fs::exists("/dev/full")) {
      WARN("SKIPPED: /dev/full is not available here");
   } else {
      for (const char* args :
           {"check corpus -o /dev/full", "check corpus -f sarif > /dev/full", "check -f json corpus -o - > /dev/full",
            "rules > /dev/full", "parse corpus/dockerfiles/webapp/Dockerfile > /dev/full"}) {
         INFO(args);
         const auto r = strata::test::run_strata(args);
         CHECK(r.status == 2);
         CHECK(r.err.find("No space left on device") != std::string::npos);
      }
   }
   const fs::path dir = fs::temp_directory_path() / ("strata-out-" + std::to_string(::getpid()));
   fs::create_directories(dir);
   const auto target = (dir / "report.sarif").string();
   CHECK(strata::test::run_strata("check --exit-zero -f sarif -o " + target + " corpus").status == 0);
   CHECK(fs::file_size(target) > 0);
   std::size_t entries = 0;
   for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
   CHECK(entries == 1);  // the temporary file was renamed, not left beside the report
   const auto missing = strata::test::run_strata("check corpus -o " + (dir / "no" / "r.json").string());
   CHECK(missing.status == 2);
   CHECK(missing.err.find("No such file or directory") != std::string::npos);
   fs::remove_all(dir);
}
