// History instruction texts (grammar/history_line.hpp, parse/history_line.hpp):
// raw created_by strings and repo-info's stripped texts.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <filesystem>
#include <map>
#include <random>

#include "ast/unicode.hpp"
#include "grammar/docker_history.hpp"
#include "grammar/history_line.hpp"
#include "parse/history_line.hpp"
#include "parse/values.hpp"
#include "render/model_json.hpp"
#include "support/helpers.hpp"

using strata::ast::byte_range;
using strata::ast::history_form;
using strata::ast::history_instruction;
using strata::ast::history_prefix_kind;
using strata::ast::history_shell;
using strata::parse::parse_history_instruction;

namespace {

std::vector<std::string> texts(const history_instruction& h) {
   std::vector<std::string> v;
   for (const auto& e : h.elements) v.push_back(e.text);
   return v;
}
std::vector<std::pair<std::string, std::string>> pairs(const history_instruction& h) {
   std::vector<std::pair<std::string, std::string>> v;
   for (const auto& p : h.pairs) v.emplace_back(p.key, p.value);
   return v;
}
std::string_view slice(const history_instruction& h, byte_range r) {
   return std::string_view(h.text).substr(r.begin, r.end - r.begin);
}

/// Raw and stripped texts of one instruction read alike; only the prefix differs.
void check_same(const history_instruction& raw, const history_instruction& stripped) {
   CHECK_FALSE(raw.unparsed());
   CHECK_FALSE(stripped.unparsed());
   CHECK(raw.keyword == stripped.keyword);
   CHECK(raw.known == stripped.known);
   CHECK(raw.arguments == stripped.arguments);
   CHECK(raw.form == stripped.form);
   CHECK(texts(raw) == texts(stripped));
   CHECK(pairs(raw) == pairs(stripped));
   CHECK(raw.buildkit == stripped.buildkit);
   CHECK(raw.body.has_value() == stripped.body.has_value());
   if (raw.body && stripped.body) CHECK(raw.body->text == stripped.body->text);
   // every range points at its text
   CHECK(slice(raw, raw.arguments_range) == raw.arguments);
   CHECK(slice(stripped, stripped.arguments_range) == stripped.arguments);
   if (!raw.implicit_keyword) CHECK(slice(raw, raw.keyword_range) == raw.keyword);
}

}  // namespace

TEST_CASE("classic #(nop) ENV: raw and stripped, with spans", "[history_line]") {
   const auto raw = parse_history_instruction("/bin/sh -c #(nop)  ENV PYTHON_VERSION=3.8.0");
   const auto stripped = parse_history_instruction("ENV PYTHON_VERSION=3.8.0");
   check_same(raw, stripped);
   CHECK(raw.prefix.kind == history_prefix_kind::nop);
   CHECK(raw.prefix.shell == history_shell::posix_sh);
   CHECK(raw.prefix.shell_range == byte_range{0, 11});
   REQUIRE(raw.prefix.nop);
   CHECK(*raw.prefix.nop == byte_range{11, 19});  // `#(nop)` and both spaces
   CHECK(raw.keyword_range == byte_range{19, 22});
   CHECK(raw.arguments_range == byte_range{23, 43});
   CHECK(raw.form == history_form::key_values);
   REQUIRE(raw.pairs.size() == 1);
   CHECK(raw.pairs[0].key_range == byte_range{23, 37});
   CHECK(raw.pairs[0].value_range == byte_range{38, 43});
   CHECK(stripped.prefix.kind == history_prefix_kind::none);
   CHECK(stripped.keyword_range == byte_range{0, 3});
   CHECK(stripped.pairs[0].key_range == byte_range{4, 18});
   CHECK_FALSE(raw.problem);
}

TEST_CASE("ENV and LABEL values keep spaces and '='; a pair starts at ' NAME='", "[history_line]") {
   const auto env =
       parse_history_instruction("ENV PHP_LDFLAGS=-Wl,-O1 -Wl,--hash-style=both -pie PHP_CFLAGS=-O2 -fPIE EMPTY=");
   CHECK(pairs(env) ==
         std::vector<std::pair<std::string, std::string>>{
             {"PHP_LDFLAGS", "-Wl,-O1 -Wl,--hash-style=both -pie"}, {"PHP_CFLAGS", "-O2 -fPIE"}, {"EMPTY", ""}});
   CHECK(slice(env, env.pairs[1].value_range) == "-O2 -fPIE");
   const auto label = parse_history_instruction(
       "LABEL maintainer=NGINX Docker Maintainers <docker-maint@example.com> "
       "org.opencontainers.image.url=https://example.com/x=1");
   CHECK(pairs(label) == std::vector<std::pair<std::string, std::string>>{
                             {"maintainer", "NGINX Docker Maintainers <docker-maint@example.com>"},
                             {"org.opencontainers.image.url", "https://example.com/x=1"}});
   // legacy `ENV KEY value` (ONBUILD triggers, E0)
   const auto legacy = parse_history_instruction("ENV NODE_ENV $NODE_ENV");
   REQUIRE(legacy.pairs.size() == 1);
   CHECK(legacy.pairs[0].legacy);
   CHECK(legacy.pairs[0].value == "$NODE_ENV");
   // ARG with and without a value
   const auto arg = parse_history_instruction("ARG TARGETARCH");
   REQUIRE(arg.pairs.size() == 1);
   CHECK_FALSE(arg.pairs[0].has_value);
   CHECK(pairs(parse_history_instruction("ARG BASE_URL=https://example.org/maven/3.5.2 SHA=abc")) ==
         std::vector<std::pair<std::string, std::string>>{{"BASE_URL", "https://example.org/maven/3.5.2"},
                                                          {"SHA", "abc"}});
   // an ENV that is not pairs at all
   const auto bad = parse_history_instruction("ENV =oops");
   CHECK(bad.keyword == "ENV");
   CHECK(bad.form == history_form::shell);
   REQUIRE(bad.problem);
   CHECK(bad.problem->offset == 4);
}

TEST_CASE("classic ADD/COPY with content hashes", "[history_line]") {
   const std::string hash = "8fad70d15db71db30b9945fba2b3d29035a631ee4fe410e797aef6981c2a1879";
   const auto raw = parse_history_instruction("/bin/sh -c #(nop) ADD file:" + hash + " in / ");
   const auto stripped = parse_history_instruction("ADD file:" + hash + " in / ");
   check_same(raw, stripped);
   REQUIRE(raw.source);
   CHECK(raw.form == history_form::source_hash);
   CHECK(raw.source->kind == "file");
   CHECK(raw.source->hash.text == hash);
   CHECK(slice(raw, raw.source->hash.where) == hash);
   CHECK(raw.source->destination.text == "/");
   CHECK(raw.source->trailing_space);
   CHECK(raw.arguments.ends_with("in / "));  // trailing space kept
   // Docker 1.10 (2016): no trailing space
   const auto old = parse_history_instruction("ADD file:" + hash + " in /");
   CHECK_FALSE(old.source->trailing_space);
   const auto dir = parse_history_instruction("COPY dir:" + hash + " in /opt/hylang/hy ");
   CHECK(dir.source->kind == "dir");
   CHECK(dir.source->destination.text == "/opt/hylang/hy");
   const auto multi = parse_history_instruction("COPY multi:" + hash + " in /usr/local/bin/ ");
   CHECK(multi.source->kind == "multi");
   CHECK(multi.source->destination.text == "/usr/local/bin/");
   // BuildKit keeps source names: words, and the suffix
   const auto bk = parse_history_instruction("ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit");
   CHECK(bk.buildkit);
   CHECK(bk.form == history_form::words);
   CHECK(texts(bk) == std::vector<std::string>{"alpine-minirootfs-3.24.2-x86_64.tar.gz", "/"});
   CHECK(slice(bk, bk.buildkit_range) == " # buildkit");
}

TEST_CASE("RUN: shell prefix, stripped text, body and span", "[history_line]") {
   const auto raw = parse_history_instruction("/bin/sh -c apt-get update && apt-get install -y curl");
   const auto stripped = parse_history_instruction("RUN apt-get update && apt-get install -y curl");
   check_same(raw, stripped);
   CHECK(raw.prefix.kind == history_prefix_kind::shell);
   CHECK(raw.implicit_keyword);
   CHECK(raw.keyword_range == byte_range{11, 11});
   REQUIRE(raw.body);
   CHECK(raw.body->where == byte_range{11, raw.text.size()});
   CHECK(stripped.body->where == byte_range{4, stripped.text.size()});
   CHECK(raw.form == history_form::shell);
   // a shell body starting with `[` is not an exec form
   const auto test =
       parse_history_instruction("RUN [ ! -e /etc/nsswitch.conf ] && echo 'hosts: files dns' > /etc/nsswitch.conf");
   CHECK(test.form == history_form::shell);
   // E0: `RUN ` + JSON for array commands that were not /bin/sh -c
   const auto json = parse_history_instruction(R"(RUN ["/usr/bin/env","bash","-c","echo \u0026\u0026 ok"])");
   CHECK(json.form == history_form::json_array);
   CHECK(texts(json) == std::vector<std::string>{"/usr/bin/env", "bash", "-c", "echo && ok"});
   // E0 bodies re-split over lines belong to the arguments
   const auto e0 = parse_history_instruction("RUN set -x \\\n\t&& make \\\n\t&& make install");
   CHECK(e0.body->text == "set -x \\\n\t&& make \\\n\t&& make install");
}

TEST_CASE("|N build arguments: classic, BuildKit, values with spaces", "[history_line]") {
   const auto classic = parse_history_instruction("|1 ARG=x /bin/sh -c echo $ARG");
   CHECK(classic.prefix.kind == history_prefix_kind::build_args);
   CHECK(classic.prefix.build_arg_count == 1U);
   CHECK(classic.prefix.build_args_range == byte_range{3, 8});
   REQUIRE(classic.prefix.build_args.size() == 1);
   CHECK(classic.prefix.build_args[0].key == "ARG");
   CHECK(classic.prefix.build_args[0].value == "x");
   CHECK(classic.prefix.shell_range == byte_range{9, 20});
   CHECK(classic.keyword == "RUN");
   CHECK(classic.body->text == "echo $ARG");

   const auto spaced = parse_history_instruction(
       "|2 CONFIGUREFLAGS=--prefix=/opt/znc --enable-cyrus --disable-ipv6 MAKEFLAGS= /bin/sh -c ../configure "
       "${CONFIGUREFLAGS}");
   REQUIRE(spaced.prefix.build_args.size() == 2);
   CHECK(spaced.prefix.build_args[0].value == "--prefix=/opt/znc --enable-cyrus --disable-ipv6");
   CHECK(spaced.prefix.build_args[1].key == "MAKEFLAGS");
   CHECK(spaced.prefix.build_args[1].value.empty());
   CHECK(spaced.body->text == "../configure ${CONFIGUREFLAGS}");

   const auto bk = parse_history_instruction("RUN |1 TARGETARCH=amd64 /bin/sh -c apt-get update # buildkit");
   const auto bk_stripped = parse_history_instruction("RUN apt-get update # buildkit");
   check_same(bk, bk_stripped);
   CHECK(bk.prefix.kind == history_prefix_kind::buildkit_run);
   CHECK(bk.prefix.leading_run == byte_range{0, 4});
   CHECK(bk.keyword_range == byte_range{0, 3});
   CHECK(bk.prefix.build_args[0].value == "amd64");
   CHECK(bk.body->text == "apt-get update");

   // exec-form command: no shell, N space-free words
   const auto exec = parse_history_instruction("|1 A=b echo hi");
   CHECK(exec.prefix.kind == history_prefix_kind::build_args);
   CHECK(exec.prefix.shell == history_shell::none);
   CHECK(exec.body->text == "echo hi");

   const auto bad = parse_history_instruction("|2 A=b echo hi");
   CHECK(bad.unparsed());
   CHECK(bad.keyword.empty());
   REQUIRE(bad.problem);
   CHECK(bad.problem->offset == 7);
   const auto malformed = parse_history_instruction("|x A=b /bin/sh -c true");
   CHECK(malformed.unparsed());
   CHECK(malformed.problem->offset == 0);
}

TEST_CASE("Windows: the image SHELL, cmd /S /C and repo-info's residue", "[history_line]") {
   const std::vector<std::string> shell = {
       "powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"};
   const std::string ps =
       "powershell -Command $ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'; ";
   const auto env = parse_history_instruction(ps + "#(nop)  ENV PYTHON_VERSION=3.8.0", shell);
   check_same(env, parse_history_instruction("ENV PYTHON_VERSION=3.8.0"));
   CHECK(env.prefix.shell == history_shell::image_shell);
   CHECK(env.prefix.shell_range == byte_range{0, ps.size()});
   // without the SHELL, the prefix before #(nop) is inferred
   const auto inferred = parse_history_instruction(ps + "#(nop)  ENV PYTHON_VERSION=3.8.0");
   CHECK(inferred.prefix.shell == history_shell::inferred);
   CHECK(inferred.prefix.shell_range == byte_range{0, ps.size()});
   CHECK(inferred.keyword == "ENV");
   const auto run = parse_history_instruction(ps + "Write-Host 'Complete.'", shell);
   check_same(run, parse_history_instruction("RUN Write-Host 'Complete.'"));
   CHECK(run.prefix.kind == history_prefix_kind::shell);
   // without it, a RUN keeps the shell in its body (as repo-info would print it)
   CHECK(parse_history_instruction(ps + "Write-Host 'Complete.'").body->text == ps + "Write-Host 'Complete.'");

   const auto cmd = parse_history_instruction(R"(cmd /S /C #(nop)  CMD ["cmd" "/C" "type C:\\hello.txt"])");
   const auto residue = parse_history_instruction(R"(RUN cmd /S /C #(nop)  CMD ["cmd" "/C" "type C:\\hello.txt"])");
   check_same(cmd, residue);
   CHECK(cmd.prefix.shell == history_shell::windows_cmd);
   CHECK(cmd.prefix.kind == history_prefix_kind::nop);
   CHECK(residue.prefix.kind == history_prefix_kind::cmd_residue);
   CHECK(residue.prefix.leading_run == byte_range{0, 4});
   CHECK(cmd.form == history_form::quoted_array);
   CHECK(texts(cmd) == std::vector<std::string>{"cmd", "/C", R"(type C:\hello.txt)"});
   CHECK(slice(cmd, cmd.elements[2].where) == R"("type C:\\hello.txt")");

   const auto copy =
       parse_history_instruction("RUN cmd /S /C #(nop) COPY file:1c6e970f32cf1a53ba37f1ae0ee1213c in C: ");
   CHECK(copy.prefix.kind == history_prefix_kind::cmd_residue);
   CHECK(copy.keyword == "COPY");
   CHECK(copy.source->destination.text == "C:");
   const auto workdir = parse_history_instruction(R"(RUN cmd /S /C #(nop) WORKDIR C:\gnatsd)");
   CHECK(workdir.keyword == "WORKDIR");
   CHECK(workdir.arguments == R"(C:\gnatsd)");

   // SHELL as %v: split on single spaces (lossy), the join gives the text back
   const auto sh = parse_history_instruction(
       "SHELL [powershell -Command $ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';]");
   CHECK(sh.form == history_form::bracket_list);
   REQUIRE(sh.elements.size() == 8);
   CHECK(sh.elements[2].text == "$ErrorActionPreference");
   std::string joined;
   for (const auto& e : sh.elements) joined += (joined.empty() ? "" : " ") + e.text;
   CHECK(joined + " " == ps);

   // base image entries
   const auto apply = parse_history_instruction("Apply image 10.0.14393.0");
   const auto apply_stripped = parse_history_instruction("RUN Apply image 10.0.14393.0");
   check_same(apply, apply_stripped);
   CHECK(apply.prefix.kind == history_prefix_kind::implicit_run);
   CHECK(apply.implicit_keyword);
   CHECK_FALSE(apply_stripped.implicit_keyword);
   CHECK(parse_history_instruction("RUN Install update 10.0.14393.2125").body->text ==
         "Install update 10.0.14393.2125");
}

TEST_CASE("BuildKit raw RUN and metadata without prefix", "[history_line]") {
   const auto raw = parse_history_instruction("RUN /bin/sh -c set -eux; \tapt-get update # buildkit");
   const auto stripped = parse_history_instruction("RUN set -eux; \tapt-get update # buildkit");
   check_same(raw, stripped);
   CHECK(raw.prefix.kind == history_prefix_kind::buildkit_run);
   CHECK(raw.prefix.shell_range == byte_range{4, 15});
   CHECK(raw.body->text == "set -eux; \tapt-get update");
   CHECK(stripped.prefix.kind == history_prefix_kind::none);
   // without the suffix, `RUN /bin/sh -c x` is a stripped RUN whose body starts with the shell
   CHECK(parse_history_instruction("RUN /bin/sh -c x").body->text == "/bin/sh -c x");
   const auto path = parse_history_instruction("ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/bin");
   CHECK(path.prefix.kind == history_prefix_kind::none);
   CHECK(pairs(path) ==
         std::vector<std::pair<std::string, std::string>>{{"PATH", "/usr/local/bin:/usr/local/sbin:/usr/bin"}});
   const auto debian = parse_history_instruction("# debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'");
   const auto debian_stripped = parse_history_instruction("RUN # debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'");
   check_same(debian, debian_stripped);
   CHECK(debian.prefix.kind == history_prefix_kind::implicit_run);
   CHECK(debian.body->text == "# debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'");
}

TEST_CASE("CMD/ENTRYPOINT as Go %q arrays with Go escapes", "[history_line]") {
   const auto cmd =
       parse_history_instruction(R"(CMD ["/bin/sh" "-c" "echo \"hi\"\tthere\\n" "\u00e9\x41\101" "\U0001F600" ""])");
   CHECK(cmd.form == history_form::quoted_array);
   CHECK(texts(cmd) == std::vector<std::string>{"/bin/sh", "-c", "echo \"hi\"\tthere\\n",
                                                "\xC3\xA9"
                                                "AA",
                                                "\xF0\x9F\x98\x80", ""});
   CHECK(cmd.elements[1].where == byte_range{15, 19});
   CHECK(parse_history_instruction("CMD []").form == history_form::quoted_array);
   CHECK(parse_history_instruction("CMD []").elements.empty());
   CHECK(texts(parse_history_instruction(R"(ENTRYPOINT ["entrypoint.sh" "docker-php-entrypoint"])")) ==
         std::vector<std::string>{"entrypoint.sh", "docker-php-entrypoint"});
   // a JSON array (as metadata prints it) is read too
   const auto json = parse_history_instruction(R"(CMD ["php","-a"])");
   CHECK(json.form == history_form::json_array);
   CHECK(texts(json) == std::vector<std::string>{"php", "-a"});
   // malformed: falls back to shell form with a problem
   const auto bad = parse_history_instruction(R"(CMD ["a" "b)");
   CHECK(bad.form == history_form::shell);
   REQUIRE(bad.problem);
   CHECK(bad.problem->offset == 4);
   CHECK_FALSE(bad.unparsed());
   const auto bad_escape = parse_history_instruction(R"(CMD ["\400"])");  // octal above 0377
   CHECK(bad_escape.problem);
   // shell-form CMD as the builder records it
   CHECK(texts(parse_history_instruction(R"(CMD ["/bin/sh" "-c" "a b"])")) ==
         std::vector<std::string>{"/bin/sh", "-c", "a b"});
}

TEST_CASE("%v lists, EXPOSE forms, ONBUILD and plain instructions", "[history_line]") {
   CHECK(texts(parse_history_instruction("VOLUME [/var/www/html]")) == std::vector<std::string>{"/var/www/html"});
   CHECK(texts(parse_history_instruction("VOLUME [/a /b]")) == std::vector<std::string>{"/a", "/b"});
   CHECK(parse_history_instruction("VOLUME []").elements.empty());
   CHECK(texts(parse_history_instruction("VOLUME [ ]")) == std::vector<std::string>{"", ""});  // %v of {"", ""}
   CHECK(texts(parse_history_instruction("USER [solr]")) == std::vector<std::string>{"solr"});
   const auto sig = parse_history_instruction("STOPSIGNAL [SIGTERM]");
   CHECK(sig.form == history_form::bracket_list);
   CHECK(sig.elements[0].where == byte_range{12, 19});
   CHECK(parse_history_instruction("STOPSIGNAL SIGQUIT").form == history_form::shell);
   CHECK(texts(parse_history_instruction("VOLUME [/x]y]")) == std::vector<std::string>{"/x]y"});

   const auto words = parse_history_instruction("EXPOSE 25672/tcp 4369/tcp 5671/tcp");
   CHECK(words.form == history_form::words);
   CHECK(texts(words) == std::vector<std::string>{"25672/tcp", "4369/tcp", "5671/tcp"});
   CHECK(texts(parse_history_instruction("EXPOSE 80")) == std::vector<std::string>{"80"});
   const auto map = parse_history_instruction("EXPOSE map[80/tcp:{} 53/udp:{}]");
   CHECK(map.form == history_form::port_map);
   CHECK(texts(map) == std::vector<std::string>{"80/tcp", "53/udp"});
   CHECK(map.elements[1].where == byte_range{21, 27});
   CHECK(parse_history_instruction("EXPOSE map[]").elements.empty());
   const auto bad_map = parse_history_instruction("EXPOSE map[80/tcp");
   CHECK(bad_map.problem);

   const auto onbuild = parse_history_instruction("ONBUILD COPY requirements.txt /usr/src/app/");
   CHECK(onbuild.form == history_form::trigger);
   CHECK(onbuild.trigger_keyword->text == "COPY");
   CHECK(onbuild.trigger_arguments->text == "requirements.txt /usr/src/app/");
   CHECK(onbuild.trigger_arguments->where == byte_range{13, 43});

   const auto maintainer = parse_history_instruction("MAINTAINER Martijn Koster \"mak@example.com\"");
   CHECK(maintainer.known);
   CHECK(maintainer.arguments == "Martijn Koster \"mak@example.com\"");
   const auto workdir = parse_history_instruction("/bin/sh -c #(nop) WORKDIR /usr/src/app");
   check_same(workdir, parse_history_instruction("WORKDIR /usr/src/app"));
   const auto unknown = parse_history_instruction("FOO bar");
   CHECK(unknown.keyword == "FOO");
   CHECK_FALSE(unknown.known);
   CHECK(unknown.form == history_form::shell);
   const auto bare = parse_history_instruction("RUN");
   CHECK(bare.keyword == "RUN");
   CHECK(bare.form == history_form::none);
   CHECK(bare.body->text.empty());
}

TEST_CASE("texts that cannot be classified are unparsed, with a reason and an offset", "[history_line]") {
   struct expected {
      std::string text;
      std::size_t offset;
      std::string reason_part;
   };
   for (const auto& [text, offset, part] : std::vector<expected>{
            {"", 0, "empty"},
            {" RUN x", 0, "white space"},
            {"/bin/sh -c #(nop)  lowercase", 19, "#(nop)"},
            {"/bin/sh -c #(nop) ", 18, "#(nop)"},
            {"|x A=b", 0, "|N"},
            {"|9999999 A=b", 1, "range"},
            {"# ARGS: A=b", 0, "# ARGS:"},
        }) {
      CAPTURE(text);
      const auto h = parse_history_instruction(text);
      CHECK(h.unparsed());
      CHECK(h.keyword.empty());
      CHECK(h.form == history_form::none);
      REQUIRE(h.problem);
      CHECK(h.problem->offset == offset);
      CHECK(h.problem->reason.find(part) != std::string::npos);
   }
}

TEST_CASE("repo-info # ARGS:, # ARG: and # unable lines", "[history_line]") {
   using strata::ast::history_arg_line_kind;
   using strata::parse::parse_history_arg_line;
   const auto args = parse_history_arg_line("# ARGS: CB_PACKAGE=couchbase-server.deb CB_VERSION=5.0.1 FLAGS=--a --b=c");
   CHECK(args.kind == history_arg_line_kind::args);
   REQUIRE(args.pairs.size() == 3);
   CHECK(args.pairs[2].value == "--a --b=c");
   CHECK(args.pairs[0].key_range == byte_range{8, 18});
   CHECK_FALSE(args.problem);
   CHECK(parse_history_arg_line("# ARGS:").pairs.empty());
   CHECK(parse_history_arg_line("# ARGS: DOWNLOAD_OPTIONS=").pairs.at(0).value.empty());
   CHECK(parse_history_arg_line("# ARGS: no pairs").problem);
   const auto e0 = parse_history_arg_line(R"(# ARG: "NODE_ENV" => "pro\"duction")");
   CHECK(e0.kind == history_arg_line_kind::arg);
   REQUIRE(e0.pairs.size() == 1);
   CHECK(e0.pairs[0].key == "NODE_ENV");
   CHECK(e0.pairs[0].value == "pro\"duction");
   CHECK(e0.pairs[0].key_range == byte_range{8, 16});
   CHECK(parse_history_arg_line("# unable to parse image command string further:").kind ==
         history_arg_line_kind::unable);
   const auto other = parse_history_arg_line("# Mon, 03 Aug 2026 00:00:00 GMT");
   CHECK(other.kind == history_arg_line_kind::other);
   CHECK(other.problem);
   CHECK(strata::parse::is_history_arg_line("# ARGS: A=b"));
   CHECK_FALSE(strata::parse::is_history_arg_line("# debian.sh"));
}

TEST_CASE("go_unquote inverts go_quote", "[history_line][unquote]") {
   using strata::parse::go_unquote;
   for (const std::string& s : {std::string("plain"), std::string("tab\tnl\nquote\"back\\"),
                                std::string("\x01\x7f bell\a"), std::string("\xC3\xA9\xE2\x80\xA8\xF0\x9F\x98\x80"),
                                std::string("\u00a0nbsp"), std::string("\xEF\xBF\xBD"), std::string()}) {
      CAPTURE(s);
      CHECK(go_unquote(strata::ast::go_quote(s)) == s);
   }
   // invalid UTF-8 is escaped by Quote, so it survives; a raw invalid byte reads as U+FFFD (Go)
   CHECK(go_unquote(strata::ast::go_quote("\xff")) == std::string("\xff"));
   CHECK(go_unquote("\"\xff\"") == std::string("\xEF\xBF\xBD"));
   CHECK(go_unquote(R"("\101\x41\u0041\U00000041")") == std::string("AAAA"));
   for (const std::string& bad :
        {std::string("abc"), std::string("\"abc"), std::string("\"a\"b\""), std::string("\"a\nb\""),
         std::string(R"("\q")"), std::string(R"("\'")"), std::string(R"("\400")"), std::string(R"("\uD800")"),
         std::string(R"("\U00110000")"), std::string(R"("\x4")"), std::string("\"\\\"")}) {
      CAPTURE(bad);
      CHECK_FALSE(go_unquote(bad));
   }
}

TEST_CASE("RFC 3339 timestamps", "[history_line][rfc3339]") {
   using strata::parse::parse_rfc3339;
   const auto t = parse_rfc3339("2024-06-13T02:10:41.732099845Z");
   CHECK(t.valid);
   CHECK(t.epoch == 1718244641);
   CHECK(t.nanos == 732099845U);
   const auto offset = parse_rfc3339("2018-09-15T23:41:20.5162853-07:00");
   CHECK(offset.epoch == 1537080080);
   CHECK(offset.nanos == 516285300U);
   CHECK(parse_rfc3339("1970-01-01T00:00:00Z").epoch == 0);
   CHECK(parse_rfc3339("2024-02-29T00:00:00+00:00").valid);
   for (const char* bad : {"2023-02-29T00:00:00Z", "2024-06-13 02:10:41", "2024-06-13T02:10:41", "2024-13-01T00:00:00Z",
                           "2024-06-13T24:00:00Z", "2024-06-13T02:10:41.Z", "2024-06-13T02:10:41Zjunk", ""}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_rfc3339(bad).valid);
   }
}

TEST_CASE("decode_json_string maps decoded bytes back to the literal", "[history_line]") {
   strata::ast::offset_map map;
   const std::string lit = R"("a\u0026\u0026b\n\u00e9z")";
   const auto s = strata::parse::decode_json_string(lit, 100, map);
   CHECK(s == "a&&b\n\xC3\xA9z");
   CHECK(map.to_file(0) == 101);  // a
   CHECK(map.to_file(1) == 102);  // first \u0026
   CHECK(map.to_file(2) == 108);  // second \u0026
   CHECK(map.to_file(3) == 114);  // b
   CHECK(map.to_file(4) == 115);  // \n
   CHECK(map.to_file(7) == 123);  // z
}

TEST_CASE("arbitrary bytes never throw and ranges stay inside the text", "[history_line][robust]") {
   std::mt19937 rng(20240613);
   const std::vector<std::string> seeds = {"/bin/sh -c #(nop)  ",
                                           "|2 A=b ",
                                           "RUN ",
                                           "CMD [\"",
                                           "ENV A=",
                                           "EXPOSE map[",
                                           "ADD file:",
                                           " # buildkit",
                                           "cmd /S /C ",
                                           "\\",
                                           "\"",
                                           "[",
                                           "]",
                                           " ",
                                           "=",
                                           "\n",
                                           "\xff"};
   const std::vector<std::string> shell = {"pwsh", "-c"};
   for (int i = 0; i < 3000; ++i) {
      std::string text;
      const int parts = static_cast<int>(rng() % 6);
      for (int p = 0; p < parts; ++p) {
         if (rng() % 2 == 0) {
            text += seeds[rng() % seeds.size()];
         } else {
            for (int k = static_cast<int>(rng() % 5); k > 0; --k) text += static_cast<char>(rng() % 256);
         }
      }
      CAPTURE(text);
      history_instruction h;
      REQUIRE_NOTHROW(h = parse_history_instruction(
                          text, i % 2 == 0 ? std::span<const std::string>(shell) : std::span<const std::string>()));
      CHECK(h.arguments_range.end <= text.size());
      CHECK(h.arguments_range.begin <= h.arguments_range.end);
      for (const auto& e : h.elements) CHECK(e.where.end <= text.size());
      for (const auto& p : h.pairs) CHECK(p.value_range.end <= text.size());
      CHECK(h.unparsed() == h.keyword.empty());
      REQUIRE_NOTHROW(strata::render::to_json(h).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      REQUIRE_NOTHROW(strata::parse::parse_history_arg_line(text));
   }
}

TEST_CASE("long adversarial texts stay linear", "[history_line][robust]") {
   // many candidate shells inside a `|N` value: each would be a split of the whole prefix
   std::string text = "|2 A=";
   for (int i = 0; i < 100000; ++i) text += "x /bin/sh -c ";
   text += "B=1 /bin/sh -c true";
   const auto h = parse_history_instruction(text);
   REQUIRE(h.prefix.build_args.size() == 2);
   CHECK(h.prefix.build_args[1].value == "1");
   CHECK(h.body->text == "true");
   std::string nops(600000, ' ');
   for (std::size_t i = 0; i + 7 < nops.size(); i += 7) nops.replace(i, 7, " #(nop)");
   CHECK(parse_history_instruction("x" + nops).prefix.kind == history_prefix_kind::implicit_run);
   const auto env = parse_history_instruction("ENV A=" + std::string(1000000, 'v') + " B=2");
   CHECK(env.pairs.size() == 2);
}

TEST_CASE("to_json of an instruction", "[history_line]") {
   const auto j = strata::render::to_json(parse_history_instruction("RUN |1 A=b /bin/sh -c true # buildkit"));
   CHECK(j["prefix"]["kind"] == "buildkit_run");
   CHECK(j["prefix"]["build_args"][0]["key"] == "A");
   CHECK(j["keyword"] == "RUN");
   CHECK(j["body"]["text"] == "true");
   CHECK(j["buildkit"] == true);
   CHECK(j["form"] == "shell");
   CHECK_FALSE(j.contains("problem"));
   const auto bad = strata::render::to_json(parse_history_instruction(""));
   CHECK(bad["prefix"]["kind"] == "unparsed");
   CHECK(bad["problem"]["offset"] == 0);
}

TEST_CASE("history grammars have no cycles without progress", "[history_line][analyze]") {
   namespace pegtl = tao::pegtl;
   namespace g = strata::grammar::history_line;
   namespace d = strata::grammar::docker_history;
   CHECK(pegtl::analyze<g::go_string_array>() == 0);
   CHECK(pegtl::analyze<g::bracket_list>() == 0);
   CHECK(pegtl::analyze<g::port_map>() == 0);
   CHECK(pegtl::analyze<g::source_reference>() == 0);
   CHECK(pegtl::analyze<g::pairs<g::env_name>>() == 0);
   CHECK(pegtl::analyze<g::pairs<g::label_name>>() == 0);
   CHECK(pegtl::analyze<g::arg_items<g::loose_name>>() == 0);
   CHECK(pegtl::analyze<g::legacy_pair>() == 0);
   CHECK(pegtl::analyze<g::arg_line>() == 0);
   CHECK(pegtl::analyze<d::header>() == 0);
   CHECK(pegtl::analyze<d::row_head>() == 0);
   CHECK(pegtl::analyze<d::row_tail>() == 0);
}

// Every history line of the March 2018 repo-info pages (3,256 pages of 143 images).
TEST_CASE("every history line of repo-info 2018 is classified", "[history_line][corpus]") {
   namespace fs = std::filesystem;
   const fs::path root = fs::path(STRATA_SOURCE_DIR "/../shared/corpus/repo-info-2018/repos");
   if (!fs::is_directory(root)) {
      WARN("skipped: " << root.string() << " is absent (../shared not beside the project)");
      return;
   }
   std::size_t pages = 0, lines = 0, arg_lines = 0, unparsed = 0, problems = 0, unknown = 0;
   std::map<std::string, std::size_t> examples;  // reason -> count (first failures shown)
   for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
      ++pages;
      const std::string text = strata::test::read(entry.path().string());
      bool in_block = false;
      for (std::size_t b = 0; b < text.size();) {
         const std::size_t nl = std::min(text.find('\n', b), text.size());
         const std::string_view line(text.data() + b, nl - b);
         b = nl + 1;
         if (!in_block) {
            in_block = line == "```dockerfile";
            continue;
         }
         if (line == "```") {
            in_block = false;
            continue;
         }
         if (line.starts_with("# ") && strata::parse::parse_rfc1123(line.substr(2))) continue;
         ++lines;
         if (strata::parse::is_history_arg_line(line)) {
            ++arg_lines;
            const auto a = strata::parse::parse_history_arg_line(line);
            if (a.problem) ++examples["arg line: " + a.problem->reason];
            problems += a.problem ? 1 : 0;
            continue;
         }
         const auto h = parse_history_instruction(line);
         if (h.unparsed()) {
            ++unparsed;
            ++examples[h.problem->reason + ": " + std::string(line.substr(0, 60))];
         } else if (h.problem) {
            ++problems;
            ++examples[h.problem->reason + ": " + std::string(line.substr(0, 60))];
         } else if (!h.known) {
            ++unknown;
            ++examples["unknown keyword: " + h.keyword];
         }
      }
   }
   INFO(pages << " pages, " << lines << " lines (" << arg_lines << " `# ARGS:` lines), " << unparsed << " unparsed, "
              << problems << " with a form problem, " << unknown << " unknown keywords");
   for (const auto& [what, n] : examples) UNSCOPED_INFO(n << "x " << what);
   CHECK(pages == 3256);
   CHECK(lines > 200000);
   // No exceptions are needed: every line is an instruction or a `# ARGS:` line.
   CHECK(unparsed == 0);
   CHECK(problems == 0);
   CHECK(unknown == 0);
}
