#include <catch2/catch.hpp>

#include "facts/run_facts.hpp"
#include "parse/shell_words.hpp"

using namespace strata;

namespace {
facts::run_facts facts_of(const std::string& body, facts::shell_kind shell, ast::source_file& src) {
   src = ast::source_file("f", body);
   ast::offset_map m;
   m.append(0, 0, body.size());
   return facts::analyze_run(src.text(), m, src, shell);
}
}  // namespace

TEST_CASE("sh tokens: quotes, expansions and substitutions stay in one word", "[shell]") {
   const std::string body = "a \"b c\" 'd e' ${V%%[a-z]*} $(x y) `z w` f\\ g && h|i; j >/dev/null 2>&1";
   const auto tokens = parse::tokenize_sh(body);
   std::vector<std::string> words;
   for (const auto& t : tokens) words.push_back(body.substr(t.begin, t.end - t.begin));
   CHECK(words == std::vector<std::string>{"a", "\"b c\"", "'d e'", "${V%%[a-z]*}", "$(x y)", "`z w`", "f\\ g", "&&", "h", "|",
                                           "i", ";", "j", ">", "/dev/null", "2>&", "1"});
}

TEST_CASE("sh downloads and verifications", "[shell]") {
   ast::source_file src;
   auto f = facts_of("set -eux; wget -O x.tgz \"$URL\"; echo \"$SHA  x.tgz\" | sha256sum -c -; tar xzf x.tgz", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].tool == "wget");
   CHECK(f.downloads[0].url == "$URL");
   CHECK(f.downloads[0].output == "x.tgz");
   CHECK(f.downloads[0].where.start == ast::position{1, 11});
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "sha256sum -c");

   f = facts_of("curl -fsSL https://example.com/i.sh | sh", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK_FALSE(f.downloads[0].verified_by);

   f = facts_of("apt-get install -y curl wget && curl --version", facts::shell_kind::sh, src);
   CHECK(f.downloads.empty());

   f = facts_of("wget https://e.example/a.asc https://e.example/a && gpg --batch --verify a.asc a", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].verified_by->method == "gpg --verify");
   CHECK(f.commands.size() == 2);
   CHECK(f.commands[1].name == "gpg");
}

TEST_CASE("PowerShell downloads and Get-FileHash checks", "[shell]") {
   ast::source_file src;
   auto f = facts_of("$url = ('https://example.com/{0}/x.exe' -f $env:V); Invoke-WebRequest -Uri $url -OutFile 'x.exe'; Start-Process x.exe",
                     facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "$url");
   CHECK(f.downloads[0].output == "x.exe");
   CHECK_FALSE(f.downloads[0].verified_by);

   f = facts_of("Invoke-WebRequest -Uri $env:U -OutFile 'g.py'; if ((Get-FileHash 'g.py' -Algorithm sha256).Hash -ne $env:S) { exit 1 }",
                facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "Get-FileHash");

   f = facts_of("curl -o a.zip https://example.com/a.zip; sha256sum -c a.sha256", facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "https://example.com/a.zip");
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "sha256sum -c");

   f = facts_of("(New-Object Net.WebClient).DownloadFile('https://example.com/a.zip', 'a.zip')", facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "https://example.com/a.zip");
}

TEST_CASE("cmd bodies are left as text", "[shell]") {
   ast::source_file src;
   const auto f = facts_of("curl -o x https://example.com/x", facts::shell_kind::cmd, src);
   CHECK(f.commands.empty());
   CHECK(facts::shell_from_executable("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe") == facts::shell_kind::pwsh);
   CHECK(facts::shell_from_executable("/bin/bash") == facts::shell_kind::sh);
   CHECK(facts::shell_from_executable("cmd") == facts::shell_kind::cmd);
}
