// The sh grammar (grammar/sh.hpp) through its parser: one case per construct, the
// command model's offsets and values, and errors with their offsets.
#include <catch2/catch.hpp>

#include "parse/sh_parser.hpp"
#include "support/shell_model.hpp"

using namespace strata;
using strata::test::argv;
using strata::test::names;

TEST_CASE("sh: lists, and-or lists and pipelines", "[sh]") {
   const auto s = parse::parse_sh("set -eux; a && b || c | d; e & f\ng");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"set", "a", "b", "c", "d", "e", "f", "g"});
   CHECK(s.commands[3].piped_to == 4);
   CHECK(s.commands[1].piped_to == -1);
   CHECK(parse::parse_sh("a |& b").commands[0].piped_to == 1);
   CHECK(parse::parse_sh("! grep -q x f").commands[0].words[0].value == "grep");
}

TEST_CASE("sh: words keep their source range; values lose quotes and keep expansions", "[sh]") {
   const std::string body = "wget -O \"$F\" 'https://example.com/a b' x\\ y ${V%%[a-z]*} $(echo z) `date` $'t\\'s'";
   const auto s = parse::parse_sh(body);
   REQUIRE(s.parsed);
   const auto& w = s.commands[0].words;
   REQUIRE(w.size() == 9);
   CHECK(body.substr(w[2].begin, w[2].end - w[2].begin) == "\"$F\"");
   CHECK(w[2].value == "$F");
   CHECK_FALSE(w[2].literal);
   CHECK(w[3].value == "https://example.com/a b");
   CHECK(w[3].literal);
   CHECK(w[4].value == "x y");
   CHECK(w[5].value == "${V%%[a-z]*}");
   CHECK(w[6].value == "$(echo z)");
   CHECK(w[7].value == "`date`");
   CHECK(w[8].value == "t's");
   CHECK(names(s) == std::vector<std::string>{"wget", "echo", "date"});
   CHECK(s.commands[1].depth == 1);
}

TEST_CASE("sh: assignments, redirections and references", "[sh]") {
   const auto s = parse::parse_sh("A=1 B=\"$A x\" cmd >/dev/null 2>&1 <in; export C=3 D; X=y; echo ${#A} $1 ${C:-d}");
   REQUIRE(s.parsed);
   REQUIRE(s.commands.size() == 3);
   const auto& c = s.commands[0];
   CHECK(argv(c) == std::vector<std::string>{"cmd"});
   REQUIRE(c.assignments.size() == 2);
   REQUIRE(c.redirections.size() == 3);
   CHECK(c.redirections[0].op == ">");
   CHECK(c.redirections[0].target.value == "/dev/null");
   CHECK(c.redirections[1].op == "2>&");
   CHECK(c.redirections[1].target.value == "1");
   std::vector<std::string> set;
   for (const auto& a : s.assignments) set.push_back(a.name + "=" + a.value.value);
   CHECK(set == std::vector<std::string>{"A=1", "B=$A x", "C=3", "X=y"});
   std::vector<std::string> refs;
   for (const auto& r : s.references) refs.push_back(r.name);
   CHECK(refs == std::vector<std::string>{"A", "A", "1", "C"});
}

TEST_CASE("sh: compound commands", "[sh]") {
   const auto s = parse::parse_sh(
       "if [ -f x ]; then a; elif b; then c; else d; fi; for v in 1 2; do e \"$v\"; done; while f; do g; done; until "
       "h; do :; done; "
       "case \"$x\" in a|b) i ;; (*) j;; esac; { k; l; }; (m); f() { n; }; function o { p; }; (( q = 1 + (2) )); [[ $r "
       "== *\"s\"* && -z t ]] && u");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"[", "a", "b", "c", "d", "e", "f", "g", "h", ":", "i", "j", "k", "l", "m",
                                              "n", "p", "u"});
   CHECK(s.commands[1].depth == 1);
   CHECK(s.commands.back().depth == 0);
   CHECK(s.assignments.front().name == "v");
}

TEST_CASE("sh: nested substitutions, process substitution and arrays", "[sh]") {
   // commands inside $((...)) are not listed (the arithmetic text is read as one piece)
   const auto s = parse::parse_sh(
       "a=\"$(b \"$(c 'd)')\")\" ; diff <(e) >(f); arr=(g \"h i\"); echo `j \\`k\\``; x=$((1 + $(nproc)))");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"b", "c", "diff", "e", "f", "echo", "j", "k"});
   CHECK(s.commands[1].depth == 2);
}

TEST_CASE("sh: heredocs inside a body are skipped", "[sh]") {
   const std::string body =
       "cat <<EOF > /etc/x\n  not ) a ( command\nEOF\ncat <<-'END' | tee y\n\tstill ) text\n\tEND\necho done";
   const auto s = parse::parse_sh(body);
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"cat", "cat", "tee", "echo"});
   CHECK(s.commands[0].redirections[0].op == "<<");
   CHECK(s.commands[0].redirections[0].target.value == "EOF");
   CHECK(s.commands[1].piped_to == 2);
}

TEST_CASE("sh: continuations, comments and CRLF", "[sh]") {
   const auto s = parse::parse_sh("a \\\n  b # c ) (\r\n# whole line\nd\r\n");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"a", "d"});
   CHECK(argv(s.commands[0]) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("sh: errors say what and where, and keep the commands before", "[sh]") {
   struct example {
      std::string body;
      std::string error;
      std::size_t offset;
   };
   const std::vector<example> cases = {
       {"echo 'abc", "unterminated single-quoted string", 5},
       {"a; echo \"abc", "unterminated double-quoted string", 8},
       {"if true; then echo", "'if' without 'fi'", 0},
       {"for x in a; echo; done", "expected 'do'", 12},
       {"a | ", "expected a command after the pipe", 4},
       {"a && ", "expected a command after '&&' or '||'", 5},
       {"echo $(foo", "'$(' without ')'", 5},
       {"echo ${x", "'${' without '}'", 5},
       {"fi", "unexpected 'fi'", 0},
       {"a ;; b", "unexpected ';;'", 2},
       {"{ a; ", "'{' without '}'", 0},
       {"x ( a ", "'(' without ')'", 2},
       {"a > ", "expected a word after the redirection operator", 4},
       {"case x in a) b;; ", "'case' without 'esac'", 0},
       {"echo `foo", "unterminated backquoted command substitution", 5},
   };
   for (const auto& c : cases) {
      INFO(c.body);
      const auto s = parse::parse_sh(c.body);
      CHECK_FALSE(s.parsed);
      CHECK(s.error == c.error);
      CHECK(s.error_offset == c.offset);
   }
   const auto s = parse::parse_sh("apt-get update && curl -o x \"https://example.com/$V");
   CHECK(names(s) == std::vector<std::string>{"apt-get", "curl"});
}

TEST_CASE("sh: deep nesting is an error, not a crash", "[sh]") {
   const auto s = parse::parse_sh(std::string(5000, '(') + "a" + std::string(5000, ')'));
   CHECK_FALSE(s.parsed);
   CHECK(s.error == "nested more than 200 levels deep");
   const auto q = parse::parse_sh("echo " + std::string(3000, '"'));
   CHECK(q.commands.size() <= 1);
}

TEST_CASE("sh_word_value", "[sh]") {
   bool literal = true;
   CHECK(parse::sh_word_value("\"a\\\"b\\$c\"'d'\\e", literal) == "a\"b$cde");
   CHECK(literal);
   CHECK(parse::sh_word_value("x${A}y$B", literal) == "x${A}y$B");
   CHECK_FALSE(literal);
}

TEST_CASE("sh: pipes inside backquotes point at the right command", "[sh]") {
   const auto s = parse::parse_sh("x `a | b` `c | d`; e | f");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"x", "a", "b", "c", "d", "e", "f"});
   CHECK(s.commands[1].piped_to == 2);
   CHECK(s.commands[3].piped_to == 4);
   CHECK(s.commands[5].piped_to == 6);
   CHECK(s.commands[0].piped_to == -1);
}

TEST_CASE("sh: a pipe whose left side runs no simple command links nothing", "[sh]") {
   const auto s = parse::parse_sh("a; FOO=1 | sh; (( 1 )) | b");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"a", "sh", "b"});
   for (const auto& c : s.commands) CHECK(c.piped_to == -1);
}
