// The tolerant token-level reading of a RUN body the grammar rejects (parse/shell_tokens.hpp),
// through parse_sh / parse_pwsh: what it finds after the failure, and how it merges with what
// the grammar found before it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parse/pwsh_parser.hpp"
#include "parse/sh_parser.hpp"
#include "parse/shell_tokens.hpp"
#include "support/shell_model.hpp"

using namespace strata;
using strata::test::argv;
using strata::test::names;

TEST_CASE("tokens: sh after a failure: commands, pipes, assignments, redirections", "[tokens]") {
   const std::string body = "echo a; done; V=1 curl -o \"/tmp/x y\" https://example.com/$V 2>&1 | sh -s && rm -f x";
   const auto s = parse::parse_sh(body);
   REQUIRE_FALSE(s.parsed);
   CHECK(s.error_offset == body.find("done"));
   REQUIRE(names(s) == std::vector<std::string>{"echo", "curl", "sh", "rm"});
   const auto& curl = s.commands[1];
   CHECK(argv(curl) == std::vector<std::string>{"curl", "-o", "/tmp/x y", "https://example.com/$V"});
   CHECK(curl.words[3].literal == false);
   CHECK(curl.begin == body.find("V=1"));
   REQUIRE(curl.assignments.size() == 1);
   REQUIRE(curl.redirections.size() == 1);
   CHECK(curl.redirections[0].op == "2>&");
   CHECK(curl.piped_to == 2);
   CHECK(s.commands[2].piped_to == -1);
   CHECK(s.commands[0].piped_to == -1);
   const auto& w = curl.words[2];
   CHECK(body.substr(w.begin, w.end - w.begin) == "\"/tmp/x y\"");
   REQUIRE(s.assignments.size() == 1);
   CHECK(s.assignments[0].name == "V");
   CHECK(s.assignments[0].value.value == "1");
}

TEST_CASE("tokens: sh reserved words, tests, heredocs and comments are no commands", "[tokens]") {
   const auto s = parse::parse_sh(
       "fi; if [[ -f x && -d y ]]; then for f in a b; do { cat <<EOF; }\ncurl not-a-command\nEOF\n"
       "wget https://example.com/x # curl in a comment\ndone; fi");
   REQUIRE_FALSE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"cat", "wget"});
   CHECK(s.commands[1].depth >= 2);  // then, do, {
}

TEST_CASE("tokens: a command the failure cut short keeps its words", "[tokens]") {
   const auto s = parse::parse_sh("apt-get update && curl -o x \"https://example.com/$V");
   REQUIRE_FALSE(s.parsed);
   REQUIRE(names(s) == std::vector<std::string>{"apt-get", "curl"});
   CHECK(s.commands[1].words.size() == 4);
}

TEST_CASE("tokens: commands inside a word taken whole are those the grammar found", "[tokens]") {
   const auto s = parse::parse_sh("echo \"$(curl -fsSL https://example.com/x | sh)\" ; done");
   REQUIRE_FALSE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"echo", "curl", "sh"});
   CHECK(s.commands[1].piped_to == 2);
}

TEST_CASE("tokens: PowerShell after a failure", "[tokens]") {
   const std::string body = std::string(101, '(') + "1" + std::string(101, ')') +
                            "; $url = 'https://example.com/x.ps1'; iwr $url -UseBasicParsing | iex; "
                            "& \"C:\\tools\\setup.exe\" /quiet; <# iwr in a comment #> Write-Host `\n done";
   const auto s = parse::parse_pwsh(body);
   REQUIRE_FALSE(s.parsed);
   REQUIRE(names(s) == std::vector<std::string>{"iwr", "iex", "C:\\tools\\setup.exe", "Write-Host"});
   CHECK(s.commands[0].piped_to == 1);
   CHECK(argv(s.commands[3]) == std::vector<std::string>{"Write-Host", "done"});  // a continuation
   REQUIRE_FALSE(s.assignments.empty());
   CHECK(s.assignments.back().name == "url");
   CHECK(s.assignments.back().value.value == "https://example.com/x.ps1");
}

TEST_CASE("tokens: unbalanced input reads to the end without looping", "[tokens]") {
   for (const char* text : {"done \"", "done '", "done $(", "done ${", "done `", "done <<", "done 2>", "done |",
                            "done &>", "done \\", "done #"}) {
      const std::string body = text;
      INFO(body);
      ast::shell_script s;
      parse::read_tolerantly(body, 0, parse::shell_dialect::sh, s);
      ast::shell_script p;
      parse::read_tolerantly(body, 0, parse::shell_dialect::pwsh, p);
      for (const auto& c : s.commands) CHECK(c.end <= body.size());
   }
}
