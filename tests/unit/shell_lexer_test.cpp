#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ast/unicode.hpp"
#include "parse/shell_lexer.hpp"

using namespace strata::parse;
using strings = std::vector<std::string>;

namespace {

/// The expansion of `word`, or "<error>" plus the message.
std::string expand(std::string_view word, const environment& env = {}, const lex_options& options = {}) {
   const auto r = process_word(word, env, options);
   if (r.error) return "<error> " + *r.error;
   return r.result;
}

std::string error_of(std::string_view word, const environment& env = {}, const lex_options& options = {}) {
   const auto r = process_word(word, env, options);
   return r.error.value_or("<no error>");
}

strings words_of(std::string_view word, const environment& env = {}, const lex_options& options = {}) {
   const auto r = process_word(word, env, options);
   if (r.error) return {"<error>"};
   return r.words;
}

std::string repeat(std::string_view s, int n) {
   std::string out;
   for (int i = 0; i < n; ++i) out += s;
   return out;
}

}  // namespace

TEST_CASE("shell lexer: plain variables and names", "[shell_lexer]") {
   const environment env{{"PWD", "/home"}, {"EMPTY", ""}, {"A_1", "x"}, {"é", "accent"}};
   CHECK(expand("hello", env) == "hello");
   CHECK(expand("he$PWD", env) == "he/home");
   CHECK(expand("he${PWD}x", env) == "he/homex");
   CHECK(expand("$A_1.", env) == "x.");
   CHECK(expand("$A_1b", env) == "");  // the name is A_1b
   CHECK(expand("${é}", env) == "accent");
   CHECK(expand("$é!", env) == "accent!");
   CHECK(expand("[$EMPTY][$UNSET]", env) == "[][]");
   CHECK(expand("$", env) == "$");
   CHECK(expand("$.x", env) == "$.x");
   CHECK(expand("a$ b", env) == "a$ b");
   // A leading digit reads all digits; special parameters are one character; neither is set.
   CHECK(expand("$1x", env) == "x");
   CHECK(expand("$123x", env) == "x");
   CHECK(expand("$@@", env) == "@");
   CHECK(expand("$$x", env) == "x");
   CHECK(expand("${#}", env) == "");
   CHECK(expand("${-:-d}", env) == "d");
}

TEST_CASE("shell lexer: quotes", "[shell_lexer]") {
   const environment env{{"PWD", "/home"}};
   CHECK(expand("he'll'o") == "hello");
   CHECK(expand("'he${PWD}\\t'", env) == "he${PWD}\\t");
   CHECK(expand("\"he${PWD}\"", env) == "he/home");
   CHECK(expand("\"he'$PWD'\"", env) == "he'/home'");
   CHECK(expand("\"a\\tb\"") == "a\\tb");  // only \" \$ \\ are escapes inside double quotes
   CHECK(expand("\"a\\\\b\\\"\\$\"") == "a\\b\"$");
   CHECK(expand("\"''\"") == "''");
   CHECK(expand("'\"x\"'") == "\"x\"");
   CHECK(error_of("he'llo") ==
         "failed to process \"he'llo\": unexpected end of statement while looking for matching single-quote");
   CHECK(error_of("\"hello") ==
         "failed to process \"\\\"hello\": unexpected end of statement while looking for matching double-quote");
   CHECK(error_of("\"hello\\\"").find("matching double-quote") != std::string::npos);
   CHECK(error_of("\"a\\").find("matching double-quote") != std::string::npos);

   lex_options raw;
   raw.raw_quotes = true;
   CHECK(expand("a'b c'\"$PWD\"", env, raw) == "a'b c'\"/home\"");
   CHECK(words_of("a'b c' \"d e\"", env, raw) == strings{"a'b c'", "\"d e\""});

   lex_options skip;
   skip.skip_process_quotes = true;
   CHECK(expand("'$PWD' \"x\"", env, skip) == "'/home' \"x\"");
   CHECK(words_of("'a b'", env, skip) == strings{"'a", "b'"});
}

TEST_CASE("shell lexer: escapes", "[shell_lexer]") {
   const environment env{{"PWD", "/home"}};
   CHECK(expand("abc\\tdef") == "abctdef");
   CHECK(expand("hello\\") == "hello");
   CHECK(expand("hello\\\\") == "hello\\");
   CHECK(expand("he\\$PWD", env) == "he$PWD");
   CHECK(expand("he\\\\$PWD", env) == "he\\/home");
   CHECK(expand("\\${}") == "${}");
   CHECK(expand("he\\'llo") == "he'llo");
   CHECK(error_of("he\\\\'llo").find("matching single-quote") != std::string::npos);

   lex_options tick;
   tick.escape = '`';
   CHECK(expand("a`$PWD", env, tick) == "a$PWD");
   CHECK(expand("a\\$PWD", env, tick) == "a\\/home");
   CHECK(expand("\"a`\"b`$c\\d\"", env, tick) == "a\"b$c\\d");
   CHECK(words_of("a` b c", env, tick) == strings{"a b", "c"});

   lex_options raw;
   raw.raw_escapes = true;
   CHECK(expand("a\\ b\\$PWD", env, raw) == "a\\ b\\$PWD");
   CHECK(words_of("a\\ b c", env, raw) == strings{"a\\ b", "c"});
   CHECK(expand("\"x\\\"y\"", env, raw) == "x\\\"y");
   // Inside double quotes a raw escape before an ordinary character is written twice (upstream).
   CHECK(expand("\"\\t\"", env, raw) == "\\\\t");
}

TEST_CASE("shell lexer: default, alternate and required values", "[shell_lexer]") {
   const environment env{{"SET", "xxx"}, {"EMPTY", ""}};
   CHECK(expand("${SET-a} ${EMPTY-b} ${UNSET-c}", env) == "xxx  c");
   CHECK(expand("${SET:-a} ${EMPTY:-b} ${UNSET:-c}", env) == "xxx b c");
   CHECK(expand("${SET+a} ${EMPTY+b} ${UNSET+c}", env) == "a b ");
   CHECK(expand("${SET:+a} ${EMPTY:+b} ${UNSET:+c}", env) == "a  ");
   CHECK(expand("${UNSET:-${SET:+[$SET]}}", env) == "[xxx]");
   CHECK(expand("${UNSET:-'}'\"}\"\\}}", env) == "}}}");
   CHECK(expand("${UNSET:-a b}", env) == "a b");
   CHECK(expand("${aaa:-bbb}}") == "bbb}");
   CHECK(expand("${SET?}", env) == "xxx");
   CHECK(expand("${EMPTY?}", env) == "");
   CHECK(expand("${SET:?}", env) == "xxx");
   CHECK(error_of("${UNSET?}", env) == "failed to process \"${UNSET?}\": UNSET: is not allowed to be unset");
   CHECK(error_of("${UNSET:?}", env) == "failed to process \"${UNSET:?}\": UNSET: is not allowed to be unset");
   CHECK(error_of("${EMPTY:?}", env) == "failed to process \"${EMPTY:?}\": EMPTY: is not allowed to be empty");
   CHECK(error_of("${UNSET?set $SET}", env) == "failed to process \"${UNSET?set $SET}\": UNSET: set xxx");

   const auto r = process_word("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", {{"FOO", "xxx"}, {"BAR", ""}});
   CHECK(r.result == "xxx  ccc");
   CHECK(r.matched == std::set<std::string>{"FOO", "BAR"});
   CHECK(r.unmatched == std::set<std::string>{"BAZ"});
}

TEST_CASE("shell lexer: prefix and suffix removal", "[shell_lexer]") {
   CHECK(expand("${FOO#()[]{\\}^$.\\*\\?|\\\\}", {{"FOO", "()[]{}^$.*?|\\x"}}) == "x");
   CHECK(expand("${FOO%%\\**}", {{"FOO", "xx**"}}) == "xx");
   CHECK(expand("${FOO#*x*y}", {{"FOO", "xxyy"}}) == "y");
   CHECK(expand("${FOO#*}", {{"FOO", "xxyy"}}) == "xxyy");
   CHECK(expand("${FOO#}", {{"FOO", "xxyy"}}) == "xxyy");
   CHECK(expand("${FOO##*x}", {{"FOO", "xxyy"}}) == "yy");
   CHECK(expand("${FOO#*x}", {{"FOO", "xxyy"}}) == "xyy");
   CHECK(expand("${FOO#?\\?}", {{"FOO", "???y"}}) == "?y");
   CHECK(expand("${FOO#$BAR}", {{"FOO", "xxyy"}, {"BAR", "x"}}) == "xyy");
   CHECK(expand("${FOO%%\\**\\*}", {{"FOO", "a***yy*"}}) == "a");
   CHECK(expand("${FOO%y*}", {{"FOO", "ayby"}}) == "ayb");
   CHECK(expand("${FOO%%y*}", {{"FOO", "ayby"}}) == "a");
   CHECK(expand("${FOO%x}", {{"FOO", "xxyy"}}) == "xxyy");
   CHECK(expand("${ABC:-.}${FOO%x}${ABC:-.}", {{"FOO", "xxyy"}}) == ".xxyy.");
   CHECK(expand("${FOO%.*}", {{"FOO", "archive.tar.gz"}}) == "archive.tar");
   CHECK(expand("${FOO%%.*}", {{"FOO", "archive.tar.gz"}}) == "archive");
   CHECK(expand("${FOO##*/}", {{"FOO", "/usr/local/bin"}}) == "bin");
   // Multibyte characters count as one for `?`; `*` does not cross a newline.
   CHECK(expand("${FOO#?}", {{"FOO", "한국어"}}) == "국어");
   CHECK(expand("${FOO%?}", {{"FOO", "한국어"}}) == "한국");
   CHECK(expand("${FOO#*b}", {{"FOO", "a\nb"}}) == "a\nb");
   CHECK(expand("${FOO#a?b}", {{"FOO", "a\nb"}}) == "a\nb");
   // Brackets are literal: no character classes.
   CHECK(expand("${FOO#[ab]}", {{"FOO", "[ab]c"}}) == "c");
   CHECK(error_of("${FOO#\\x}") ==
         "failed to process \"${FOO#\\\\x}\": invalid pattern (\\x) in substitution: invalid escape '\\x'");
   // Suffix patterns are reported reversed, as upstream does.
   CHECK(error_of("${FOO%a\\x}") ==
         "failed to process \"${FOO%a\\\\x}\": invalid pattern (\\xa) in substitution: invalid escape '\\x'");
   CHECK(error_of("${FOO#a\\\\\\}}").find("invalid escape") == std::string::npos);
}

TEST_CASE("shell lexer: replacement", "[shell_lexer]") {
   const environment needle{{"FOO", "/foo*/*/*.txt"}, {"NEEDLE", "\\*/"}};
   CHECK(expand("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", needle) == "/foo.*/*.txt - /foo..*.txt");
   const environment tmp{{"FOO", "/tmp/tmp/bar.txt"}, {"NEEDLE", "/tmp"}};
   CHECK(expand("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", tmp) == "/tmp/bar.txt - /bar.txt");
   const environment q{{"FOO", "/a/foo/b/c.txt"}, {"NEEDLE", "/?/"}, {"R", "/"}};
   CHECK(expand("${FOO/$NEEDLE/$R} - ${FOO//$NEEDLE/$R}", q) == "/foo/b/c.txt - /foo/c.txt");
   CHECK(expand("${FOO//\\//\\/}", {{"FOO", "/tmp/foo.txt"}}) == "\\/tmp\\/foo.txt");
   CHECK(expand("${FOO/$BAR/ww}", {{"FOO", "xxyy"}, {"BAR", ""}}) == "wwxxyy");
   CHECK(expand("${FOO///}", {{"FOO", "xxyy"}}) == "xxyy");
   CHECK(expand("${FOO///-}", {{"FOO", "abc"}}) == "-a-b-c-");
   CHECK(expand("${FOO//*/-}", {{"FOO", "abc"}}) == "-");
   CHECK(expand("${FOO//b*/-}", {{"FOO", "abcb\nb"}}) == "a-\n-");
   CHECK(expand("${FOO/b/x\\y}", {{"FOO", "abc"}}) == "ax\\yc");
   // `//` replacements are Go regexp templates; `/` ones are literal.
   const environment abcb{{"X", "abcb"}};
   CHECK(expand("${X//b/'<$0>'}", abcb) == "a<b>c<b>");
   CHECK(expand("${X//b/'<${0}>'}", abcb) == "a<b>c<b>");
   CHECK(expand("${X//b/'$$'}", abcb) == "a$c$");
   CHECK(expand("${X//b/'$1$x${x}$00'}", abcb) == "ac");
   CHECK(expand("${X//b/'$'}", abcb) == "a$c$");
   CHECK(expand("${X//b/'${0'}", abcb) == "a${0c${0");
   CHECK(expand("${X/b/'$0'}", abcb) == "a$0cb");
   CHECK(expand("${X//b/$R}", {{"X", "abcb"}, {"R", "[$0]"}}) == "a[b]c[b]");
   CHECK(error_of("${FOO//ww}", {{"FOO", "xxyy"}}) ==
         "failed to process \"${FOO//ww}\": syntax error: missing '/' in ${}");
   CHECK(error_of("${FOO//}", {{"FOO", "xxyy"}}) == "failed to process \"${FOO//}\": syntax error: missing '/' in ${}");
   CHECK(error_of("${FOO/a/b", {{"FOO", "xxyy"}}) == "failed to process \"${FOO/a/b\": syntax error: missing '}'");
   CHECK(error_of("${FOO/\\q/b}") ==
         "failed to process \"${FOO/\\\\q/b}\": invalid pattern (\\q) in substitution: invalid escape '\\q'");
}

TEST_CASE("shell lexer: syntax errors", "[shell_lexer]") {
   CHECK(error_of("${}") == "failed to process \"${}\": syntax error: bad substitution");
   CHECK(error_of("${:-x}") == "failed to process \"${:-x}\": syntax error: bad substitution");
   CHECK(error_of("${{a}") == "failed to process \"${{a}\": syntax error: bad substitution");
   CHECK(error_of("a${") == "failed to process \"a${\": syntax error: missing '}'");
   CHECK(error_of("${a:-b") == "failed to process \"${a:-b\": syntax error: missing '}'");
   CHECK(error_of("${a:-${b") == "failed to process \"${a:-${b\": syntax error: missing '}'");
   CHECK(error_of("${PWD") == "failed to process \"${PWD\": unsupported modifier (\uFFFD) in substitution");
   CHECK(error_of("${.}") == "failed to process \"${.}\": unsupported modifier (.) in substitution");
   CHECK(error_of("${A=x}") == "failed to process \"${A=x}\": unsupported modifier (=) in substitution");
   CHECK(error_of("${A:=x}") == "failed to process \"${A:=x}\": unsupported modifier (:=) in substitution");
   CHECK(error_of("${A:#x}") == "failed to process \"${A:#x}\": unsupported modifier (:#) in substitution");
   CHECK(error_of("${A:%x}") == "failed to process \"${A:%x}\": unsupported modifier (:%) in substitution");
   CHECK(error_of("${A:1}") == "failed to process \"${A:1}\": unsupported modifier (:1) in substitution");
   CHECK(error_of("${1x}") == "failed to process \"${1x}\": unsupported modifier (x) in substitution");
   CHECK(error_of("${A:}}") == "failed to process \"${A:}}\": unsupported modifier (:}) in substitution");
   CHECK(error_of("${A:") == "failed to process \"${A:\": syntax error: missing '}'");
   // Nested errors away from the end of the word keep their own message.
   CHECK(error_of("${A:-${}x}") == "failed to process \"${A:-${}x}\": syntax error: bad substitution");
}

TEST_CASE("shell lexer: skip_unset_env leaves unset references as written", "[shell_lexer]") {
   lex_options o;
   o.skip_unset_env = true;
   const environment env{{"SET", "v"}, {"EMPTY", ""}};
   CHECK(expand("$X ${X} $SET ${SET} $EMPTY.", env, o) == "$X ${X} v v .");
   CHECK(expand("${X:-a \"b c\"}", env, o) == "${X:-a b c}");
   CHECK(expand("${X-$SET}${X+w}${X?m}", env, o) == "${X-v}${X+w}${X?m}");
   CHECK(expand("${SET:-w}${EMPTY:-w}", env, o) == "vw");
   CHECK(expand("${X#a\\*}${X%%b}", env, o) == "${X#a\\*}${X%%b}");
   CHECK(expand("${X//a/b}", env, o) == "${X/a/b}");  // upstream drops the second slash
   CHECK(expand("${X:=y}", env, o) == "${X:=y}");
   CHECK(error_of("${SET:=y}", env, o).find("unsupported modifier (:=)") != std::string::npos);
   CHECK(error_of("${X:#y}", env, o).find("unsupported modifier (:#)") != std::string::npos);
   const auto r = process_word("$X ${SET}", env, o);
   CHECK(r.matched == std::set<std::string>{"SET"});
   CHECK(r.unmatched == std::set<std::string>{"X"});
}

TEST_CASE("shell lexer: word splitting", "[shell_lexer]") {
   const environment env{{"S", "a b"}, {"L", "  x y  "}, {"NL", "p\nq"}};
   CHECK(words_of("hello there     ") == strings{"hello", "there"});
   CHECK(words_of("  a   b  ") == strings{"a", "b"});
   CHECK(words_of("x$S", env) == strings{"xa", "b"});
   CHECK(words_of("x\"$S\"", env) == strings{"xa b"});
   CHECK(words_of("1${L}2", env) == strings{"1", "x", "y", "2"});
   CHECK(words_of("$NL", env) == strings{"p", "q"});
   CHECK(words_of("a\\ b 'c d'") == strings{"a b", "c d"});
   CHECK(words_of("a\u00a0b\u2028c") == strings{"a", "b", "c"});  // Unicode white space splits
   CHECK(words_of("'' \"\"").empty());
   CHECK(words_of("a '' b") == strings{"a", "b"});
   CHECK(words_of("").empty());
   CHECK(process_word("a  b", environment{}).result == "a  b");

   // The `<<` token keeps the blanks that follow it in its word (heredoc detection).
   CHECK(words_of("cat <<  EOF > f") == strings{"cat", "<<  EOF", ">", "f"});
   CHECK(words_of("<<-\t\"EOF\"") == strings{"<<-", "EOF"});  // only blanks right after `<<`
   CHECK(words_of("2<< EOF") == strings{"2<< EOF"});
   CHECK(words_of("a < b") == strings{"a", "<", "b"});
   CHECK(words_of("<<<  x") == strings{"<<<", "x"});
   CHECK(words_of("\\<< x") == strings{"<<", "x"});
   CHECK(words_of("<< ") == strings{"<< "});
   CHECK(process_word("<<  EOF", environment{}).result == "<<  EOF");
}

TEST_CASE("shell lexer: nesting depth is capped", "[shell_lexer]") {
   const std::string ok = repeat("${A:-", 256) + "x" + repeat("}", 256);
   CHECK(expand(ok) == "x");
   const std::string deep = repeat("${A:-", 257) + "x" + repeat("}", 257);
   CHECK(error_of(deep).find("nested too deeply") != std::string::npos);
   const std::string huge = repeat("${A:-\"", 100000);
   CHECK(error_of(huge).find("nested too deeply") != std::string::npos);
   const std::string unclosed = repeat("${", 100000);
   CHECK(process_word(unclosed, environment{}).error.has_value());
}

TEST_CASE("shell lexer: invalid UTF-8 and byte-order marks", "[shell_lexer]") {
   CHECK(expand(std::string("a\xff") + "b") == "a\uFFFDb");
   CHECK(expand("'\xc3'") == "\uFFFD");
   CHECK(error_of("'\xff") ==
         "failed to process \"'\\xff\": unexpected end of statement while looking for matching single-quote");
   CHECK(error_of("${A\xff}") == "failed to process \"${A\\xff}\": unsupported modifier (\uFFFD) in substitution");
   // Values are copied byte for byte into the result but split rune by rune into words.
   const environment env{{"V", "x\xfey"}};
   const auto r = process_word("$V", env);
   CHECK(r.result == "x\xfey");
   CHECK(r.words == strings{"x\uFFFDy"});
   CHECK(expand("${V#x?}", env) == "y");
   CHECK(expand("${V%?y}", env) == "x");
   CHECK(expand("${V//?/-}", env) == "---");
   // A byte-order mark is dropped only as the very first character.
   CHECK(expand("\xEF\xBB\xBF$V.", env) == "x\xfey.");
   CHECK(expand("a\xEF\xBB\xBF") == "a\xEF\xBB\xBF");
   CHECK(expand("\xEF\xBB\xBF") == "");
   // Arbitrary bytes never crash.
   std::string noise;
   for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919 + 13) % 256);
   CHECK_NOTHROW(process_word(noise, env));
   lex_options all;
   all.raw_quotes = all.raw_escapes = all.skip_unset_env = true;
   CHECK_NOTHROW(process_word(noise, env, all));
}

TEST_CASE("shell lexer: case-insensitive keys and build_environment", "[shell_lexer]") {
   lex_options win;
   win.case_insensitive_keys = true;
   const environment env{{"PWD", "/home"}};
   CHECK(expand("$pwd", env) == "");
   CHECK(expand("$pwd", env, win) == "/home");
   CHECK(process_word("$pwd", env, win).matched == std::set<std::string>{"pwd"});
   CHECK(expand("$Pwd", {{"PWD", "upper"}, {"Pwd", "exact"}}, win) == "exact");

   const auto built = build_environment({"A=1", "B", "C=x=y", "A=2", "=e", "D="});
   CHECK(built == environment{{"A", "2"}, {"B", ""}, {"C", "x=y"}, {"", "e"}, {"D", ""}});
}

// ---------------------------------------------------------------------------------------------
// Upstream's data files (../shared/conformance/buildkit-shell-lexer, copied from BuildKit).

namespace {

std::vector<std::string> read_lines(const std::filesystem::path& file) {
   std::ifstream in(file, std::ios::binary);
   std::stringstream buffer;
   buffer << in.rdbuf();
   std::vector<std::string> lines;
   std::string line;
   std::istringstream text(buffer.str());
   while (std::getline(text, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();  // bufio.ScanLines
      lines.push_back(line);
   }
   return lines;
}

std::vector<std::string> split(std::string_view s, char sep) {
   std::vector<std::string> parts;
   std::size_t start = 0;
   for (;;) {
      const auto at = s.find(sep, start);
      if (at == std::string_view::npos) {
         parts.emplace_back(s.substr(start));
         return parts;
      }
      parts.emplace_back(s.substr(start, at - start));
      start = at + 1;
   }
}

std::string trim_left_spaces(std::string_view s) {
   while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
   return std::string(s);
}

std::string trim(std::string_view s) {
   return std::string(strata::ast::go_trim_space(s));
}

std::string show(const strings& words) {
   std::string out = "[";
   for (const auto& w : words) out += (out.size() > 1 ? ", " : "") + strata::ast::go_quote(w);
   return out + "]";
}

}  // namespace

TEST_CASE("shell lexer conformance: BuildKit envVarTest and wordsTest", "[shell_lexer][conformance]") {
   const std::filesystem::path dir = STRATA_SOURCE_DIR "/../shared/conformance/buildkit-shell-lexer";
   if (!std::filesystem::exists(dir / "envVarTest") || !std::filesystem::exists(dir / "wordsTest")) {
      WARN("buildkit-shell-lexer conformance skipped: ../shared absent");
      return;
   }

   // envVarTest: `PLATFORM|input|expected`; A and U lines as on Linux, then A and W lines as
   // on Windows (case-insensitive names).
   const environment env = build_environment({"PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="});
   int unix_cases = 0;
   int windows_cases = 0;
   int line_number = 0;
   for (const auto& raw : read_lines(dir / "envVarTest")) {
      ++line_number;
      if (raw.rfind('#', 0) == 0) continue;
      const std::string line = trim(raw);
      if (line.empty()) continue;
      const auto parts = split(line, '|');
      INFO("envVarTest line " << line_number << ": " << raw);
      REQUIRE(parts.size() == 3);
      const std::string platform = trim(parts[0]);
      const std::string source = trim(parts[1]);
      const std::string expected = trim(parts[2]);
      REQUIRE((platform == "A" || platform == "U" || platform == "W"));
      for (const bool windows : {false, true}) {
         if (platform == (windows ? "U" : "W")) continue;
         lex_options options;
         options.case_insensitive_keys = windows;
         const auto r = process_word(source, env, options);
         INFO((windows ? "windows" : "unix")
              << " result " << strata::ast::go_quote(r.result) << " error " << r.error.value_or("none"));
         if (expected == "error") {
            CHECK(r.error.has_value());
         } else {
            CHECK_FALSE(r.error.has_value());
            CHECK(r.result == expected);
         }
         ++(windows ? windows_cases : unix_cases);
      }
   }
   CHECK(unix_cases > 200);
   CHECK(windows_cases > 200);

   // wordsTest: `input | w1,w2,...` with `ENV k=v` lines adding variables for what follows.
   std::vector<std::string> assignments;
   int word_cases = 0;
   line_number = 0;
   for (const auto& raw : read_lines(dir / "wordsTest")) {
      ++line_number;
      if (raw.rfind('#', 0) == 0) continue;
      if (raw.rfind("ENV ", 0) == 0) {
         assignments.push_back(trim_left_spaces(std::string_view(raw).substr(3)));
         continue;
      }
      const auto parts = split(raw, '|');
      INFO("wordsTest line " << line_number << ": " << raw);
      REQUIRE(parts.size() == 2);
      const std::string input = trim(parts[0]);
      const strings expected = split(trim_left_spaces(parts[1]), ',');
      const auto r = process_word(input, build_environment(assignments));
      const strings got = r.error ? strings{"error"} : r.words;
      INFO("got " << show(got) << ", expected " << show(expected));
      CHECK(got == expected);
      ++word_cases;
   }
   CHECK(word_cases > 20);
}
