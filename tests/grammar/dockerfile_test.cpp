#include <catch2/catch.hpp>

#include "parse/dockerfile_instructions.hpp"
#include "parse/dockerfile_parser.hpp"

using strata::ast::argument_form;
using strata::ast::position;
using strata::parse::parse_dockerfile;

TEST_CASE("instructions, names and argument forms", "[dockerfile]") {
   const auto df =
       parse_dockerfile("Dockerfile", "FROM alpine:3.20 AS base\nrun echo hi\nCMD [\"a\", \"b c\"]\nCMD [\"a\", \n");
   REQUIRE(df.errors.empty());
   REQUIRE(df.instructions.size() == 4);
   CHECK(df.instructions[0].name == "from");
   REQUIRE(df.instructions[0].words.size() == 3);
   CHECK(df.instructions[0].words[2].text == "base");
   CHECK(df.instructions[1].keyword == "run");
   CHECK(df.instructions[1].form == argument_form::shell);
   CHECK(df.instructions[1].arguments == "echo hi");
   CHECK(df.instructions[2].form == argument_form::exec);
   REQUIRE(df.instructions[2].words.size() == 2);
   CHECK(df.instructions[2].words[1].text == "b c");
   CHECK(df.instructions[2].words[1].where.start == position{3, 11});
   // invalid JSON falls back to shell form, as BuildKit does
   CHECK(df.instructions[3].form == argument_form::shell);
   REQUIRE(df.stages.size() == 1);
   CHECK(df.stages[0].image == "alpine:3.20");
   CHECK(df.stages[0].name == "base");
}

TEST_CASE("continuation lines: escape and newline removed, comments and blank lines dropped", "[dockerfile]") {
   const auto df = parse_dockerfile("Dockerfile", "RUN a \\\n# comment\n\n  b \\\t \n\tc\n");
   REQUIRE(df.instructions.size() == 1);
   const auto& run = df.instructions[0];
   CHECK(run.arguments == "a   b \tc");
   CHECK(run.where.start == position{1, 1});
   CHECK(run.where.stop == position{5, 3});
   // every byte of the joined text maps back to the file
   const auto b = run.arguments.find('b');
   const auto off = run.arguments_map.to_file(b);
   CHECK(df.source.locate(off) == position{4, 3});
   const auto c = run.arguments.find('c');
   CHECK(df.source.locate(run.arguments_map.to_file(c)) == position{5, 2});
}

TEST_CASE("a line ending in two escape characters is not continued", "[dockerfile]") {
   const auto df = parse_dockerfile("Dockerfile", "RUN echo a\\\\\nRUN echo b\n");
   REQUIRE(df.instructions.size() == 2);
   CHECK(df.instructions[0].arguments == "echo a\\\\");
}

TEST_CASE("only the escape characters that end a line decide whether it continues", "[dockerfile]") {
   // escape runs earlier on the line, and one escape character after a blank, continue it
   auto df = parse_dockerfile("Dockerfile", "RUN a\\\\b \\ \\\t\nc\n");
   REQUIRE(df.instructions.size() == 1);
   CHECK(df.instructions[0].arguments == "a\\\\b \\ c");
   // three at the end do not; a line of one escape character (and blanks) does
   df = parse_dockerfile("Dockerfile", "RUN a \\\\\\\nRUN b\\\n\\  \nc\n");
   REQUIRE(df.instructions.size() == 2);
   CHECK(df.instructions[0].arguments == "a \\\\\\");
   CHECK(df.instructions[1].arguments == "bc");
}

TEST_CASE("the escape parser directive switches to backtick", "[dockerfile]") {
   const auto df = parse_dockerfile("Dockerfile", "# escape=`\nFROM windows\nRUN dir `\n  C:\\Python\\\n");
   REQUIRE(df.errors.empty());
   CHECK(df.escape == '`');
   REQUIRE(df.directives.size() == 1);
   CHECK(df.directives[0].key == "escape");
   REQUIRE(df.instructions.size() == 2);
   CHECK(df.instructions[1].arguments == "dir   C:\\Python\\");
}

TEST_CASE("parser directive errors", "[dockerfile]") {
   auto df = parse_dockerfile("Dockerfile", "# escape=x\nFROM a\n");
   REQUIRE(df.errors.size() == 1);
   CHECK(df.errors[0].message == "invalid escape token 'x' does not match ` or \\");
   df = parse_dockerfile("Dockerfile", "# syntax=a\n# SYNTAX=b\nFROM a\n");
   REQUIRE(df.errors.size() == 1);
   CHECK(df.errors[0].message == "only one syntax parser directive can be used");
   // a directive after a comment is a comment
   df = parse_dockerfile("Dockerfile", "# hello\n# escape=`\nFROM a\n");
   CHECK(df.escape == '\\');
}

TEST_CASE("flags before the arguments", "[dockerfile]") {
   const auto df = parse_dockerfile(
       "Dockerfile",
       "COPY --from=build --chmod='0644' -- --weird /d\nRUN --mount=type=cache,target=/root/.cache pip install x\n");
   REQUIRE(df.instructions.size() == 2);
   const auto& copy = df.instructions[0];
   REQUIRE(copy.flags.size() == 2);
   CHECK(copy.flags[0].name == "from");
   CHECK(copy.flags[0].value == "build");
   CHECK(copy.flags[1].value == "0644");
   REQUIRE(copy.words.size() == 2);
   CHECK(copy.words[0].text == "--weird");
   const auto* mount = df.instructions[1].find_flag("mount");
   REQUIRE(mount != nullptr);
   CHECK(mount->value == "type=cache,target=/root/.cache");
   CHECK(df.instructions[1].arguments == "pip install x");
}

TEST_CASE("CRLF line endings and a BOM", "[dockerfile]") {
   const auto df = parse_dockerfile("Dockerfile",
                                    "\xEF\xBB\xBF"
                                    "FROM a\r\nRUN b \\\r\n c\r\n");
   REQUIRE(df.errors.empty());
   REQUIRE(df.instructions.size() == 2);
   CHECK(df.instructions[0].keyword == "FROM");
   CHECK(df.instructions[1].arguments == "b  c");
}

TEST_CASE("heredocs: bodies are kept and not read as instructions", "[dockerfile]") {
   const auto df = parse_dockerfile(
       "Dockerfile", "FROM a\nRUN <<EOF\nset -e\nFORM x\nEOF\nCOPY <<-'A' <<B /d\n\tone\n\tA\ntwo\nB\nUSER x\n");
   REQUIRE(df.errors.empty());
   REQUIRE(df.instructions.size() == 4);
   REQUIRE(df.instructions[1].heredocs.size() == 1);
   CHECK(df.instructions[1].heredocs[0].body == "set -e\nFORM x\n");
   CHECK(df.instructions[1].heredocs[0].body_span.start == position{3, 1});
   const auto& copy = df.instructions[2];
   REQUIRE(copy.heredocs.size() == 2);
   CHECK(copy.heredocs[0].name == "A");
   CHECK(copy.heredocs[0].chomp);
   CHECK_FALSE(copy.heredocs[0].expand);
   CHECK(copy.heredocs[1].body == "two\n");
   CHECK(df.instructions[3].name == "user");
}

TEST_CASE("errors keep the rest of the file", "[dockerfile]") {
   const auto df = parse_dockerfile("Dockerfile", "FROM a\nFORM b\nENV X\nLABEL a=1 b\nCMD [1]\nRUN ok\n");
   REQUIRE(df.errors.size() == 4);
   CHECK(df.errors[0].message == "unknown instruction: FORM (did you mean from?)");
   CHECK(df.errors[0].where.start == position{2, 1});
   CHECK(df.errors[1].message == "ENV must have two arguments");
   CHECK(df.errors[2].message == "Syntax error - can't find = in \"b\". Must be of the form: name=value");
   CHECK(df.errors[3].message == "when using JSON array syntax, arrays must be comprised of strings only");
   // the unknown instruction stays in the model (BuildKit's parser accepts it; its next stage does not)
   REQUIRE(df.instructions.size() == 3);
   CHECK_FALSE(df.instructions[1].known);
   CHECK(df.instructions.back().arguments == "ok");
}

TEST_CASE("files without instructions", "[dockerfile]") {
   for (const char* text : {"", "# only a comment\n", "\n\n   \n"}) {
      const auto df = parse_dockerfile("Dockerfile", text);
      REQUIRE(df.errors.size() == 1);
      CHECK(df.errors[0].message == "file with no instructions");
   }
}

TEST_CASE("ENV and LABEL: key=value and legacy forms", "[dockerfile]") {
   const auto df = parse_dockerfile("Dockerfile", "ENV A=1 B=\"two words\"\nENV LEGACY some value\n");
   REQUIRE(df.errors.empty());
   REQUIRE(df.instructions[0].pairs.size() == 2);
   CHECK(df.instructions[0].pairs[1].key == "B");
   CHECK(df.instructions[0].pairs[1].value == "\"two words\"");
   CHECK(df.instructions[0].pairs[1].value_span.start == position{1, 11});
   REQUIRE(df.instructions[1].pairs.size() == 1);
   CHECK(df.instructions[1].pairs[0].legacy);
   CHECK(df.instructions[1].pairs[0].value == "some value");
}

TEST_CASE("exact positions: every byte of a joined RUN body maps to its physical line and column",
          "[dockerfile][positions]") {
   // continuation lines (with a comment and a blank line inside), a tab, a CRLF line,
   // multi-byte characters (columns count code points), and the backtick escape
   const std::string text =
       "FROM a\nRUN echo \"h\xC3\xA9llo\" \\\n# c\n\n\t&& curl -o /x https://example.com/a \\\r\n  && true\n";
   const auto df = parse_dockerfile("Dockerfile", text);
   REQUIRE(df.errors.empty());
   const auto& run = df.instructions[1];
   CHECK(run.arguments == "echo \"h\xC3\xA9llo\" \t&& curl -o /x https://example.com/a   && true");
   for (std::size_t i = 0; i < run.arguments.size(); ++i) {
      const std::size_t off = run.arguments_map.to_file(i);
      REQUIRE(off < text.size());
      CHECK(text[off] == run.arguments[i]);  // the same byte, wherever it came from
   }
   const auto url = run.arguments.find("https://");
   CHECK(df.source.locate(run.arguments_map.to_file(url)) == position{5, 16});
   const auto t = run.arguments.find("true");
   CHECK(df.source.locate(run.arguments_map.to_file(t)) == position{6, 6});
   CHECK(run.start_line == 2);
   CHECK(run.end_line == 6);
   CHECK(run.empty_continuation);
}

TEST_CASE("exact positions: words, flags and heredoc bodies", "[dockerfile][positions]") {
   const auto df = parse_dockerfile(
       "Dockerfile", "# escape=`\nFROM a\nCOPY --chown=app `\n    src/ /dst/\nRUN <<EOF\n  apt-get update\nEOF\n");
   REQUIRE(df.errors.empty());
   CHECK(df.escape == '`');
   const auto& copy = df.instructions[1];
   REQUIRE(copy.flags.size() == 1);
   CHECK(copy.flags[0].where.start == position{3, 6});
   REQUIRE(copy.words.size() == 2);
   CHECK(copy.words[0].where.start == position{4, 5});
   CHECK(copy.words[1].where.start == position{4, 10});
   const auto& run = df.instructions[2];
   REQUIRE(run.heredocs.size() == 1);
   CHECK(run.heredocs[0].body == "  apt-get update\n");
   CHECK(run.heredocs[0].body_span.start == position{6, 1});
   CHECK(run.end_line == 7);
   CHECK(run.where.stop == position{7, 4});
}

TEST_CASE("ARG and ENV values in scope, expanded as BuildKit's lexer does", "[dockerfile][variables]") {
   const auto df =
       parse_dockerfile("Dockerfile",
                        "ARG VERSION=3.12\nARG NO_DEFAULT\nFROM python:${VERSION}-slim AS base\n"
                        "ARG VERSION\nENV PY=\"python ${VERSION}\" URL=https://example.com/${VERSION%.*}/x.tgz\n"
                        "RUN curl -fsSL $URL\nFROM base\nRUN echo $PY $VERSION\n");
   REQUIRE(df.errors.empty());
   const auto& from = df.instructions[2];
   CHECK(strata::parse::expand(df, from, from.words[0].text).result == "python:3.12-slim");
   CHECK(df.stages[0].image_expanded == "python:3.12-slim");
   const auto& run = df.instructions[5];
   REQUIRE(run.variables);
   CHECK(run.variables->at("URL") == "https://example.com/3/x.tgz");
   CHECK(run.variables->at("PY") == "python 3.12");
   CHECK(strata::parse::expand(df, run, "$URL $NO_DEFAULT").result == "https://example.com/3/x.tgz $NO_DEFAULT");
   CHECK(strata::parse::expand(df, run, "$URL $NO_DEFAULT", false).result == "https://example.com/3/x.tgz ");
   // a stage built FROM an earlier stage inherits its ENV, not its ARGs
   const auto& last = df.instructions[7];
   CHECK(last.variables->at("PY") == "python 3.12");
   CHECK(last.variables->count("VERSION") == 0);
}

TEST_CASE("dump: BuildKit's Node.Dump() format", "[dockerfile][dump]") {
   const auto df = parse_dockerfile("Dockerfile",
                                    "FROM a AS b\nENV A=1 B=\"two words\"\nONBUILD --x RUN echo \"\\u200b\"\n"
                                    "COPY --from=b [\"/a b\", \"/c\"]\nfoo bar\n");
   CHECK(strata::parse::dump(df) ==
         "(from \"a\" \"AS\" \"b\")\n(env \"A\" \"1\" \"=\" \"B\" \"\\\"two words\\\"\" \"=\")\n"
         "(onbuild [\"--x\"] (run \"echo \\\"\\\\u200b\\\"\"))\n(copy [\"--from=b\"] \"/a b\" \"/c\")\n(foo \"\")\n");
}
