// Facts of RUN bodies (facts/run_facts.hpp): downloads and how each is verified,
// installs, cleanups, variables, URL expansion, positions in the source file.
#include <algorithm>

#include <catch2/catch.hpp>

#include "facts/command_query.hpp"
#include "facts/extract.hpp"
#include "facts/run_facts.hpp"

using namespace strata;

namespace {
facts::run_facts facts_of(const std::string& body, facts::shell_kind shell, ast::source_file& src,
                          const ast::environment* env = nullptr) {
   src = ast::source_file("f", body);
   ast::offset_map m;
   m.append(0, 0, body.size());
   return facts::analyze_run(src.text(), m, src, shell, env);
}

// `manager package version[ pinned]` of each install
std::vector<std::string> installs_of(const facts::run_facts& f) {
   std::vector<std::string> out;
   for (const auto& i : f.installs)
      out.push_back(i.manager + " " + i.package + " " + i.version + (i.pinned ? " pinned" : ""));
   return out;
}
}  // namespace

TEST_CASE("sh downloads and verifications", "[facts]") {
   ast::source_file src;
   auto f = facts_of("set -eux; wget -O x.tgz \"$URL\"; echo \"$SHA  x.tgz\" | sha256sum -c -; tar xzf x.tgz",
                     facts::shell_kind::sh, src);
   REQUIRE(f.parsed);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].tool == "wget");
   CHECK(f.downloads[0].url == "$URL");
   CHECK(f.downloads[0].output == "x.tgz");
   CHECK(f.downloads[0].where.start == ast::position{1, 11});
   CHECK(f.downloads[0].url_where.start == ast::position{1, 25});
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "sha256sum -c");
   CHECK(f.downloads[0].verified_by->subjects == std::vector<std::string>{"-", "$SHA", "x.tgz"});

   f = facts_of("curl -fsSL https://example.com/i.sh | sh", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK_FALSE(f.downloads[0].verified_by);

   f = facts_of("apt-get install -y curl wget && curl --version", facts::shell_kind::sh, src);
   CHECK(f.downloads.empty());

   f = facts_of("wget https://e.example/a.asc https://e.example/a && gpg --batch --verify a.asc a",
                facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 2);  // one per URL
   CHECK(f.downloads[0].output == "a.asc");
   CHECK(f.downloads[1].output == "a");
   CHECK(f.downloads[0].verified_by->method == "gpg --verify");
   CHECK(f.downloads[1].verified_by->method == "gpg --verify");
   CHECK(f.commands.size() == 2);
   CHECK(f.commands[1].name == "gpg");
}

TEST_CASE("a verification checks the download whose file it names", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "curl -fsSLo a.tgz https://example.com/a.tgz; curl -fsSLO https://example.com/b.zip; "
       "echo \"$A_SHA *a.tgz\" | sha256sum -c -; "
       "curl -o c.tgz https://example.com/c.tgz; sha512sum --check c.tgz.sha512",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 3);
   CHECK(f.downloads[0].output == "a.tgz");
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "sha256sum -c");
   CHECK(f.downloads[1].output == "b.zip");
   CHECK_FALSE(f.downloads[1].verified_by);  // the check names a.tgz, not b.zip
   REQUIRE(f.downloads[2].verified_by);
   CHECK(f.downloads[2].verified_by->method == "sha512sum -c");
}

TEST_CASE("download URLs are expanded from the body's variables and the ARG/ENV values", "[facts]") {
   ast::source_file src;
   const auto env = ast::environment::of({{"PYTHON_VERSION", "3.7.0b5"}});
   const auto f = facts_of(
       "base=https://example.org/ftp; wget -O p.tar.xz "
       "\"$base/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"",
       facts::shell_kind::sh, src, &env);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "$base/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz");
   CHECK(f.downloads[0].expanded_url == "https://example.org/ftp/3.7.0/Python-3.7.0b5.tar.xz");
}

TEST_CASE("package installs, pinned or not", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o "
       "Dpkg::Options::=--force-confnew "
       "curl=7.64.0-4 ca-certificates && apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.3-r0 && "
       "pip install --no-cache-dir 'requests==2.31.0' flask -r req.txt && python3 -m pip install six && npm install -g "
       "yarn@1.22.19 @scope/pkg left-pad@latest && "
       "gem install bundler -v 2.4.0 && go install example.com/tool@v1.2.3 && yum install -y httpd-2.4.6 vim && sudo "
       "apt install -y jq",
       facts::shell_kind::sh, src);
   REQUIRE(f.parsed);
   CHECK(installs_of(f) ==
         std::vector<std::string>{"apt-get curl =7.64.0-4 pinned", "apt-get ca-certificates ", "apk gcc ",
                                  "apk musl-dev =1.2.3-r0 pinned", "pip requests ==2.31.0 pinned", "pip flask ",
                                  "pip six ", "npm yarn @1.22.19 pinned", "npm @scope/pkg ", "npm left-pad @latest",
                                  "gem bundler 2.4.0 pinned", "go example.com/tool @v1.2.3 pinned",
                                  "yum httpd -2.4.6 pinned", "yum vim ", "apt jq "});
   std::vector<std::string> cleanups;
   for (const auto& c : f.cleanups) cleanups.push_back(c.kind);
   CHECK(cleanups == std::vector<std::string>{"apk-cache", "pip-cache"});
}

TEST_CASE("apt and apk packages held by a known variable", "[facts]") {
   ast::source_file src;
   const auto env = ast::environment::of({{"RUN_DEPS", "libssl3=3.0.13-r0 zlib"}, {"V", "1.24"}});
   const auto f = facts_of(
       "deps=\"nginx=$V-1 ./local.deb\"; apt-get install -y $deps; apk add ${RUN_DEPS} $UNKNOWN \"$deps\"; "
       "pip install $deps",
       facts::shell_kind::sh, src, &env);
   CHECK(installs_of(f) == std::vector<std::string>{"apt-get nginx =1.24-1 pinned", "apk libssl3 =3.0.13-r0 pinned",
                                                    "apk zlib ", "apk $UNKNOWN ", "apk $deps ", "pip $deps "});
   REQUIRE(f.installs.size() == 6);
   CHECK(f.installs[1].where.begin == f.installs[2].where.begin);  // both at `${RUN_DEPS}`
}

TEST_CASE("a simulated apt-get install installs nothing", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "apt-get install -s postgresql-16-jit; apt-get -qs install a; apt-get install --dry-run b; apt-get install -y c",
       facts::shell_kind::sh, src);
   CHECK(installs_of(f) == std::vector<std::string>{"apt-get c "});
}

TEST_CASE("language package installs: VCS URLs, local sources, go run, gem options", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "pip install git+https://github.com/a/b.git@v1.0#egg=b git+ssh://git@github.com/a/c.git#egg=c mypkg.whl "
       "src/pkg --build /tmp/b yamllint && npm install git+https://host/x.git#v1 git://host/y.git ../lib ~/pkg a.tgz "
       "&& "
       "gem i rails --version=7.1.3 && gem install nokogiri:1.16.5 -- --use-system-libraries true && "
       "go install tool foo@latest && go run example.com/gen@v1.2.3 arg && go get -tool bar@master && go run main.go "
       "&& go install example.com/v@$V",
       facts::shell_kind::sh, src);
   REQUIRE(f.parsed);
   CHECK(installs_of(f) == std::vector<std::string>{"pip git+https://github.com/a/b.git @v1.0 pinned",
                                                    "pip git+ssh://git@github.com/a/c.git ", "pip yamllint ",
                                                    "npm git+https://host/x.git #v1 pinned", "npm git://host/y.git ",
                                                    "gem rails 7.1.3 pinned", "gem nokogiri :1.16.5 pinned",
                                                    "go foo @latest", "go example.com/gen @v1.2.3 pinned",
                                                    "go bar @master", "go example.com/v @$V pinned"});
   // the package's own word
   REQUIRE(f.installs.size() == 11);
   CHECK(f.installs[2].where.start == ast::position{1, 127});
}

TEST_CASE("yarn cache cleanups", "[facts]") {
   ast::source_file src;
   const auto f = facts_of("yarn install && yarn cache clean; rm -rf /usr/local/share/.cache/yarn; yarn cache list",
                           facts::shell_kind::sh, src);
   std::vector<std::string> cleanups;
   for (const auto& c : f.cleanups) cleanups.push_back(c.kind + "@" + std::to_string(c.command));
   CHECK(cleanups == std::vector<std::string>{"yarn-cache@1", "yarn-cache@2"});
}

TEST_CASE("cache cleanups", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "apt-get clean; rm -rf /var/lib/apt/lists/* /tmp/x; yum clean all; rm -rf /var/cache/apk/* ~/.cache/pip; npm "
       "cache clean --force",
       facts::shell_kind::sh, src);
   std::vector<std::string> cleanups;
   for (const auto& c : f.cleanups) cleanups.push_back(c.kind);
   CHECK(cleanups ==
         std::vector<std::string>{"apt-cache", "apt-lists", "yum-cache", "apk-cache", "pip-cache", "npm-cache"});

   // apt's distclean (dist-clean) removes the package lists as well as the cache
   const auto d = facts_of("apt-get dist-clean; apt distclean; apt-get autoclean", facts::shell_kind::sh, src);
   cleanups.clear();
   for (const auto& c : d.cleanups) cleanups.push_back(c.kind);
   CHECK(cleanups == std::vector<std::string>{"apt-cache", "apt-lists", "apt-cache", "apt-lists"});
}

TEST_CASE("variables set and referenced, with positions across lines", "[facts]") {
   ast::source_file src;
   const auto f = facts_of("X=1; \\\n  export Y=\"$X\"; echo $Z", facts::shell_kind::sh, src);
   REQUIRE(f.variables_set.size() == 2);
   CHECK(f.variables_set[1].name == "Y");
   CHECK(f.variables_set[1].value == "$X");
   CHECK(f.variables_set[1].where.start == ast::position{2, 10});
   REQUIRE(f.variables_referenced.size() == 2);
   CHECK(f.variables_referenced[1].name == "Z");
   CHECK(f.variables_referenced[1].where.start == ast::position{2, 23});
}

TEST_CASE("a body that does not parse keeps the facts found before the error", "[facts]") {
   ast::source_file src;
   const auto f = facts_of("curl -o a https://example.com/a && echo \"unterminated", facts::shell_kind::sh, src);
   CHECK_FALSE(f.parsed);
   CHECK(f.error == "unterminated double-quoted string");
   CHECK(f.error_where.start == ast::position{1, 41});
   REQUIRE(f.downloads.size() == 1);
}

TEST_CASE("cmd bodies are left as text", "[facts]") {
   ast::source_file src;
   const auto f = facts_of("curl -o x https://example.com/x", facts::shell_kind::cmd, src);
   CHECK(f.commands.empty());
   CHECK(f.parsed);
   CHECK(facts::shell_from_executable("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe") ==
         facts::shell_kind::pwsh);
   CHECK(facts::shell_from_executable("/bin/bash") == facts::shell_kind::sh);
   CHECK(facts::shell_from_executable("cmd") == facts::shell_kind::cmd);
}

TEST_CASE("PowerShell downloads, Get-FileHash checks and URL expansion", "[facts]") {
   ast::source_file src;
   const auto env = ast::environment::of({{"PYTHON_VERSION", "3.7.0b5"}});
   auto f = facts_of(
       "$url = ('https://example.com/{0}/python-{1}.exe' -f ($env:PYTHON_VERSION -replace '[a-z]+[0-9]*$', ''), "
       "$env:python_version); "
       "Invoke-WebRequest -Uri $url -OutFile 'python.exe'; Start-Process python.exe",
       facts::shell_kind::pwsh, src, &env);
   REQUIRE(f.parsed);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "$url");
   CHECK(f.downloads[0].expanded_url == "https://example.com/3.7.0/python-3.7.0b5.exe");
   CHECK(f.downloads[0].output == "python.exe");
   CHECK_FALSE(f.downloads[0].verified_by);

   f = facts_of(
       "Invoke-WebRequest -Uri $env:U -OutFile 'g.py'; if ((Get-FileHash 'g.py' -Algorithm sha256).Hash -ne $env:S) { "
       "exit 1 }",
       facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "Get-FileHash");

   f = facts_of(
       "iwr https://example.com/a.zip -OutFile a.zip; $h = (Get-FileHash a.zip).Hash; if ($h -ne $env:A_SHA) { throw "
       "'bad' }",
       facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);  // compared through a variable

   f = facts_of("Get-FileHash a.zip; Invoke-WebRequest https://example.com/a.zip -OutFile a.zip",
                facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK_FALSE(f.downloads[0].verified_by);  // a hash printed, and before the download

   // curl.exe is curl (plain `curl` is Invoke-WebRequest's alias)
   f = facts_of(
       "curl.exe -LfsSo openjdk.msi https://example.com/jdk.msi ; if ((Get-FileHash openjdk.msi -Algorithm "
       "sha256).Hash -ne 'f6') { exit 1 }",
       facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].output == "openjdk.msi");
   REQUIRE(f.downloads[0].verified_by);

   f = facts_of("(New-Object Net.WebClient).DownloadFile('https://example.com/a.zip', 'a.zip')",
                facts::shell_kind::pwsh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].tool == "DownloadFile");
   CHECK(f.downloads[0].url == "https://example.com/a.zip");
   CHECK(f.downloads[0].output == "a.zip");
}

TEST_CASE("sh: a hash compared in a test counts as a verification", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "curl -f -L -O https://example.com/pkg-1.0.tar.gz && if [ \"$(openssl sha512 -r pkg-1.0.tar.gz)\" = \"$SUM\" ]; "
       "then echo ok; else exit 1; fi; "
       "curl -o b.tgz https://example.com/b.tgz; sha256sum b.tgz",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 2);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "openssl sha512 (compared)");
   CHECK_FALSE(f.downloads[1].verified_by);  // printed, not compared
}

TEST_CASE("facts: option values are not URLs, streams are not files", "[facts]") {
   ast::source_file src;
   auto f =
       facts_of("curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "https://sh.rustup.rs");
   CHECK(f.downloads[0].output.empty());

   // a script piped to sh is never verified by a later check of another file
   f = facts_of(
       "wget -qO- https://example.com/i.sh | sh; wget -O x.tgz https://example.com/x.tgz; echo \"$S  x.tgz\" | "
       "sha256sum -c -",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 2);
   CHECK(f.downloads[0].output == "-");
   CHECK_FALSE(f.downloads[0].verified_by);
   CHECK(f.downloads[1].verified_by);

   f = facts_of(
       "curl -XPOST https://example.com/api; wget -o /tmp/log https://example.com/a.tgz; curl https://example.com/b > "
       "b.tgz",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 3);
   CHECK(f.downloads[0].output.empty());
   CHECK(f.downloads[1].output == "a.tgz");  // wget -o names the log file
   CHECK(f.downloads[2].output == "b.tgz");
}

TEST_CASE("facts: checks name files as expanded; loop variables are unknown", "[facts]") {
   ast::source_file src;
   const auto env = ast::environment::of({{"V", "1.0"}});
   auto f = facts_of(
       "curl -fsSLO https://example.com/foo-$V.tgz; curl -fsSLO https://example.com/bar-$V.tgz; echo \"$S "
       "*foo-$V.tgz\" | sha256sum -c -",
       facts::shell_kind::sh, src, &env);
   REQUIRE(f.downloads.size() == 2);
   CHECK(f.downloads[0].verified_by);
   CHECK_FALSE(f.downloads[1].verified_by);

   f = facts_of(
       "curl -o f https://example.com/f && [ \"$(sha256sum f | cut -d' ' -f1)\" = \"$SHA\" ]; "
       "curl -o g https://example.com/g; sum=$(sha512sum g | cut -c1-128); test \"$sum\" = \"$G\"",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 2);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "sha256sum (compared)");
   REQUIRE(f.downloads[1].verified_by);
   CHECK(f.downloads[1].verified_by->method == "sha512sum (compared)");

   f = facts_of(
       "x=a; for x in b c; do curl -o \"$x\" \"https://example.com/$x\"; done; E=; curl -o e "
       "\"https://example.com/$E/e\"",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 2);
   CHECK(f.downloads[0].expanded_url == "https://example.com/$x");
   CHECK(f.downloads[1].expanded_url == "https://example.com//e");
}

TEST_CASE("facts: install edge cases", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "apk --update --no-cache add curl && yum install -y java-11-openjdk-devel httpd-2.4.6-90.el7 && "
       "npm install --loglevel warn left-pad@^1 lodash@4.17.21 && go install example.com/x@master && sudo -u app pip "
       "install x==1",
       facts::shell_kind::sh, src);
   CHECK(installs_of(f) == std::vector<std::string>{"apk curl ", "yum java-11-openjdk-devel ",
                                                    "yum httpd -2.4.6-90.el7 pinned", "npm left-pad @^1",
                                                    "npm lodash @4.17.21 pinned", "go example.com/x @master",
                                                    "pip x ==1 pinned"});
   REQUIRE(f.cleanups.size() == 1);
   CHECK(f.cleanups[0].kind == "apk-cache");
}

TEST_CASE("facts: hostile bodies stay cheap", "[facts]") {
   ast::source_file src;
   // a chain of variables doubling at each step: expansion is bounded, not 2^26 bytes
   std::string body = "a0=xxxxxxxxxxxxxxxx;";
   for (int k = 1; k <= 26; ++k)
      body += " a" + std::to_string(k) + "=$a" + std::to_string(k - 1) + "$a" + std::to_string(k - 1) + ";";
   body += " curl -o f http://example.com/$a26";
   auto f = facts_of(body, facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].expanded_url.size() < 200000);
   // PowerShell sub-expressions nested deeply inside a single-quoted URL
   std::string deep = "iwr -Uri 'x";
   for (int k = 0; k < 20000; ++k) deep += "$(";
   deep += "' -OutFile a";
   f = facts_of(deep, facts::shell_kind::pwsh, src);
   CHECK(f.downloads.size() == 1);
}

TEST_CASE("facts: the hash compared with: the first variable or hex run that is a digest", "[facts]") {
   ast::source_file src;
   const auto env = ast::environment::of({{"SHA", std::string(64, 'C')}, {"NOTE", "none"}});
   const std::string fetch = "curl -fo x https://example.com/x; ";
   // `${V}`; a variable whose value is not a hash is passed over
   auto f =
       facts_of(fetch + "[ \"$(sha256sum x | cut -c1-64)\" = \"${NOTE}${SHA}\" ]", facts::shell_kind::sh, src, &env);
   CHECK(f.verifications.at(0).digest == "sha256:" + std::string(64, 'c'));
   // a literal: runs of fewer than 32 hex digits are not one; a run longer than 128 gives its first 128
   f = facts_of(fetch + "[ \"$(sha512sum x | cut -c1-128)\" = \"cafe " + std::string(130, 'E') + "\" ]",
                facts::shell_kind::sh, src, &env);
   CHECK(f.verifications.at(0).digest == "sha512:" + std::string(128, 'e'));
   // `$` before no name is no variable: the digits after it are a literal; `$a…` is a variable
   f = facts_of(fetch + "[ \"$(md5sum x | cut -c1-32)$\" = \"$" + std::string(32, '7') + "\" ]", facts::shell_kind::sh,
                src, &env);
   CHECK(f.verifications.at(0).digest == "md5:" + std::string(32, '7'));
   f = facts_of(fetch + "[ \"$(md5sum x | cut -c1-32)\" = \"$" + std::string(32, 'a') + "\" ]", facts::shell_kind::sh,
                src, &env);
   CHECK(f.verifications.at(0).digest.empty());
}

TEST_CASE("facts: the expected digest of a check, when it is named", "[facts]") {
   ast::source_file src;
   const auto env = ast::environment::of(
       {{"SHA", "3B48DAC8FB59F62EAA67AC83C1EB12BDA1B7A08406DD286E252C11A66BE27F81"}, {"SUMS", "SHA256SUMS"}});
   auto f = facts_of("wget -O x.tgz https://example.com/x.tgz; echo \"$SHA *x.tgz\" | sha256sum -c -",
                     facts::shell_kind::sh, src, &env);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->digest ==
         "sha256:3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81");

   f = facts_of(
       "wget -O x.tgz https://example.com/x.tgz; echo \"0123456789abcdef0123456789abcdef01234567  x.tgz\" | sha1sum -c "
       "-",
       facts::shell_kind::sh, src);
   CHECK(f.downloads[0].verified_by->digest == "sha1:0123456789abcdef0123456789abcdef01234567");

   // a sums file and a signature name no hash
   f = facts_of("wget https://example.com/x.tgz https://example.com/SHA256SUMS; sha256sum -c \"$SUMS\"",
                facts::shell_kind::sh, src, &env);
   CHECK(f.verifications.at(0).digest.empty());
   f = facts_of("wget https://example.com/x.tgz https://example.com/x.tgz.asc; gpg --verify x.tgz.asc x.tgz",
                facts::shell_kind::sh, src);
   CHECK(f.verifications.at(0).digest.empty());

   // compared: sh test, PowerShell Get-FileHash (SHA256 unless -Algorithm says otherwise)
   f = facts_of("curl -fo x https://example.com/x; [ \"$(openssl sha512 -r x | cut -c1-128)\" = \"$SHA\" ]",
                facts::shell_kind::sh, src, &env);
   CHECK(f.verifications.at(0).digest == "sha512:3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81");
   f = facts_of(
       "Invoke-WebRequest -Uri https://example.com/p.exe -OutFile p.exe; "
       "if ((Get-FileHash p.exe).Hash -ne $env:SHA) { exit 1 }",
       facts::shell_kind::pwsh, src, &env);
   REQUIRE(f.downloads.at(0).verified_by);
   CHECK(f.downloads[0].verified_by->digest ==
         "sha256:3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81");
   f = facts_of(
       "Invoke-WebRequest -Uri https://example.com/p.exe -OutFile p.exe; "
       "if ((Get-FileHash p.exe -Algorithm SHA512).Hash -ne $env:SHA) { exit 1 }",
       facts::shell_kind::pwsh, src, &env);
   CHECK(f.downloads.at(0).verified_by->digest.starts_with("sha512:"));

   // ADD --checksum
   const auto add =
       facts::add_facts({{"https://example.com/a.tgz", "https://example.com/a.tgz", {}, true}}, ast::span{},
                        "sha256:ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
   CHECK(add.downloads.at(0).verified_by->digest ==
         "sha256:abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
}

TEST_CASE("facts: branch constants are unknown; option variables and empty URLs are not downloads", "[facts]") {
   ast::source_file src;
   auto f = facts_of(
       "case \"$(dpkg --print-architecture)\" in amd64) arch='x86_64' ;; s390x) arch='s390x' ;; esac; "
       "curl -fsSLO \"https://example.com/tool/1.0/tool-${arch}.tgz\"",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].expanded_url ==
         "https://example.com/tool/1.0/tool-${arch}.tgz");  // not the last branch's value
   f = facts_of("arch='x86_64'; curl -fsSLO \"https://example.com/tool-${arch}.tgz\"", facts::shell_kind::sh, src);
   CHECK(f.downloads.at(0).expanded_url == "https://example.com/tool-x86_64.tgz");

   const auto env = ast::environment::of({{"ASC_URL", ""}, {"URL", "https://example.com/a.zip"}});
   f = facts_of("wget $DOWNLOAD_OPTIONS $URL -O /tmp/a.zip; if [ \"$ASC_URL\" ]; then wget -O a.asc \"$ASC_URL\"; fi",
                facts::shell_kind::sh, src, &env);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "$URL");
   CHECK(f.downloads[0].expanded_url == "https://example.com/a.zip");
}

TEST_CASE("installs, cleanups and verifications name their command", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "curl -fsSLo a.tgz https://example.com/a.tgz && sha256sum -c a.tgz.sha256 && "
       "apk add --no-cache curl=8.0 && rm -rf /var/cache/apk/*",
       facts::shell_kind::sh, src);
   REQUIRE(f.commands.size() == 4);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].command == 0);
   REQUIRE(f.verifications.size() == 1);
   CHECK(f.verifications[0].command == 1);
   REQUIRE(f.installs.size() == 1);
   CHECK(f.installs[0].command == 2);
   REQUIRE(f.cleanups.size() == 2);
   CHECK(f.cleanups[0].kind == "apk-cache");
   CHECK(f.cleanups[0].command == 2);
   CHECK(f.cleanups[1].command == 3);
   CHECK(facts::add_facts({{"https://e.example/x", "https://e.example/x", {}, true}}, ast::span{}, "sha256:00")
             .downloads[0]
             .verified_by->command == -1);
}

TEST_CASE("facts: yum, dnf and zypper installs and cleanups", "[facts]") {
   ast::source_file src;
   const auto f = facts_of(
       "yum -d 0 install -y \"git-core-${GIT_VER}\" tomcat-$V rpm-sign ./a-1.0-1.rpm b-2.0-1.rpm && "
       "yum -q clean all && dnf module install -y nodejs:18 php && dnf group install -y 'Development Tools' && "
       "zypper -n in -t pattern devel_basis 'tar>=1.34' vim curl=8.0 x-1.0-1.rpm && zypper -n clean -a && "
       "rm -rf /var/cache/libdnf5* /var/cache/zypp/* && dnf5 install -y make-4.4 && dnf5 clean all",
       facts::shell_kind::sh, src);
   REQUIRE(f.parsed);
   CHECK(installs_of(f) == std::vector<std::string>{"yum git-core -${GIT_VER} pinned", "yum tomcat -$V pinned",
                                                    "yum rpm-sign ", "dnf nodejs :18 pinned", "dnf php ",
                                                    "zypper devel_basis ", "zypper tar >=1.34 pinned", "zypper vim ",
                                                    "zypper curl =8.0 pinned", "dnf5 make -4.4 pinned"});
   std::vector<std::string> cleanups;
   for (const auto& c : f.cleanups) cleanups.push_back(c.kind);
   CHECK(cleanups == std::vector<std::string>{"yum-cache", "zypper-cache", "dnf-cache", "zypper-cache", "dnf5-cache"});
}

TEST_CASE("keys used through a fingerprint are pinned; keys imported as served are not", "[facts]") {
   ast::source_file src;
   // mongo 7.0/Dockerfile:62
   auto f = facts_of(
       "wget -O KEYS 'https://e.example/server-7.0.asc'; gpg --batch --import KEYS; "
       "gpg --batch --export --armor 'E58830201F7DD82CD808AA84160D26BB1785BA38' > k.asc",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].imported_as_key);
   REQUIRE(f.key_imports.size() == 1);
   CHECK(f.key_imports[0].tool == "gpg --import");
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->pins_key);
   CHECK_FALSE(f.downloads[0].verified_by->pins_content);
   // tomcat: the fingerprints are the words of a for loop
   f = facts_of(
       "curl -fL -o upstream-KEYS 'https://e.example/KEYS'; gpg --batch --import upstream-KEYS; "
       "for key in 'DCFD35E0BF8CA7344752DE8B6FB21E8933C60243' 'A9C5DF4D22E99998D9875A5110C01C5A2F6059E7'; "
       "do gpg --batch --export --armor \"$key\" >> filtered-KEYS; done",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->pins_key);
   // a loop over other words pins nothing; nor does a signature check of other files
   f = facts_of(
       "wget -O KEYS https://e.example/KEYS; gpg --import KEYS; for k in a b; do gpg --export \"$k\"; done; "
       "wget https://e.example/t.tgz https://e.example/t.tgz.asc; gpg --verify t.tgz.asc t.tgz",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 3);
   CHECK_FALSE(f.downloads[0].verified_by);
   CHECK(f.downloads[1].verified_by);
   // the pin must come after the import of that key
   f = facts_of(
       "gpg --export FF8AD1344597106ECE813B918A3872BF3228467C > a; wget -O K https://e.example/K; "
       "gpg --import K",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK_FALSE(f.downloads[0].verified_by);
   // show-only, compared with a fingerprint
   f = facts_of(
       "curl -fsSLo r.asc https://e.example/r.asc && gpg --import-options show-only --import r.asc "
       "| grep -q 0123456789ABCDEF0123456789ABCDEF01234567 && gpg --import r.asc",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->pins_key);
}

TEST_CASE("rpm --checksig, PHP hashes and grep | sha256sum -c verify the file they name", "[facts]") {
   ast::source_file src;
   auto f = facts_of("curl -o /tmp/e.rpm https://e.example/e.rpm; rpm -K /tmp/e.rpm", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->method == "rpm --checksig");
   CHECK_FALSE(f.downloads[0].verified_by->pins_content);

   f = facts_of(
       "curl -o /tmp/i.php https://e.example/installer && php -r \"\\$h = hash('SHA384', "
       "file_get_contents('/tmp/i.php')); if (!hash_equals('" +
           std::string(96, 'a') + "', \\$h)) { exit(1); }\"",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->pins_content);
   CHECK(f.downloads[0].verified_by->digest == "sha384:" + std::string(96, 'a'));

   const auto env = ast::environment::of({{"SUM", std::string(96, 'b')}});
   f = facts_of(
       "curl -o c.php https://e.example/c && php -r \"if (hash_file('sha384', 'c.php') === '${SUM}') { echo 1; "
       "}\"",
       facts::shell_kind::sh, src, &env);
   REQUIRE(f.downloads.size() == 1);
   REQUIRE(f.downloads[0].verified_by);
   CHECK(f.downloads[0].verified_by->digest == "sha384:" + std::string(96, 'b'));
   // hashed but not compared
   f = facts_of("curl -o c.php https://e.example/c && php -r \"echo hash_file('sha384', 'c.php');\"",
                facts::shell_kind::sh, src);
   CHECK_FALSE(f.downloads[0].verified_by);

   // iojs/node: the grep pattern names the tarball; the sums file is not the one checked
   f = facts_of(
       "curl -SLO https://e.example/v1/iojs-v1-linux-x64.tar.gz && curl -SLO https://e.example/v1/SHASUMS256.txt"
       " && grep \" iojs-v1-linux-x64.tar.gz\\$\" SHASUMS256.txt | sha256sum -c -",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 2);
   REQUIRE(f.downloads[0].verified_by);
   const auto& subjects = f.downloads[0].verified_by->subjects;
   CHECK(std::find(subjects.begin(), subjects.end(), "iojs-v1-linux-x64.tar.gz") != subjects.end());
   CHECK(std::find(subjects.begin(), subjects.end(), "SHASUMS256.txt") == subjects.end());
   CHECK_FALSE(f.downloads[1].verified_by);

   // a checksum wins over a signature naming the same file (adoptium)
   f = facts_of(
       "wget -O /tmp/j.tgz https://e.example/j.tgz; wget -O /tmp/j.tgz.sig https://e.example/j.tgz.sig; "
       "gpg --verify /tmp/j.tgz.sig /tmp/j.tgz; echo \"$ESUM */tmp/j.tgz\" | sha256sum -c -",
       facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 2);
   CHECK(f.downloads[0].verified_by->method == "sha256sum -c");
   CHECK(f.downloads[1].verified_by->method == "gpg --verify");
}

TEST_CASE("downloads inside sh -c strings, through xargs and busybox, and run as code", "[facts]") {
   ast::source_file src;
   auto f = facts_of("sh -c 'curl -fsSLo /tmp/a.tgz https://e.example/a.tgz'", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].where.start == ast::position{1, 8});
   CHECK(f.downloads[0].url_where.start == ast::position{1, 31});
   CHECK(f.commands[1].in_string);
   CHECK(f.commands[1].depth == 1);
   CHECK(f.downloads[0].executed_by == -1);

   f = facts_of("su app -c \"wget -O /tmp/b \\\"https://e.example/b\\\"\"", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "https://e.example/b");
   CHECK(f.downloads[0].url_where.start == ast::position{1, 28});  // the inner `"`, past its backslash
   CHECK(f.downloads[0].url_where.stop == ast::position{1, 50});

   f = facts_of("bash -o pipefail -ec 'wget -qO- https://e.example/i.sh | sh'", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].executed_by >= 0);
   // `sh -c "$(curl ...)"`: the substitution is listed once, and runs as code
   f = facts_of("sh -c \"$(curl -fsSL https://e.example/i.sh)\"", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].executed_by == 0);

   f = facts_of("echo https://e.example/c.tgz | xargs -n 1 curl -fsSLO", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].url == "https://e.example/c.tgz");
   CHECK(f.downloads[0].tool == "curl");

   f = facts_of("busybox wget -O d.tgz https://e.example/d.tgz", facts::shell_kind::sh, src);
   REQUIRE(f.downloads.size() == 1);
   CHECK(f.downloads[0].output == "d.tgz");
   // the install facts (and hadolint's rules) do not look into strings
   f = facts_of("sh -c 'apt-get install -y curl'", facts::shell_kind::sh, src);
   CHECK(f.installs.empty());
}

TEST_CASE("git sources of ADD", "[facts]") {
   CHECK_FALSE(facts::git_source_of("https://e.example/a.tar.gz"));
   auto g = facts::git_source_of("https://e.example/runc.git#v1.4.3");
   REQUIRE(g);
   CHECK(g->ref == "v1.4.3");
   CHECK_FALSE(g->commit);
   g = facts::git_source_of("https://e.example/runc.git#0123456789abcdef0123456789abcdef01234567:sub");
   REQUIRE(g);
   CHECK(g->commit);
   g = facts::git_source_of("git@e.example:org/repo");
   REQUIRE(g);
   CHECK(g->ref.empty());
}

// The facts of a body are derived once per process and kept by body, shell and the environment
// variables they read (run_facts.cpp): a repeated body must still get its own positions and the
// values of its own environment.
TEST_CASE("a repeated body gets its own positions and environment", "[facts]") {
   const std::string body = "curl -fsSL \"https://example.com/v$V/app-$ARCH.tgz\" -o app.tgz && echo $UNUSED";
   const std::string text = "RUN " + body + "\nRUN " + body + "\n";
   const ast::source_file src("f", text);
   const auto at = [&](std::size_t file_offset, const ast::environment* env) {
      ast::offset_map m;
      m.append(0, file_offset, body.size());
      return facts::analyze_run(std::string_view(text).substr(file_offset, body.size()), m, src, facts::shell_kind::sh,
                                env);
   };
   const auto v1 = ast::environment::of({{"V", "1.0"}, {"ARCH", "amd64"}});
   const auto v2 = ast::environment::of({{"V", "2.0"}, {"ARCH", "amd64"}, {"OTHER", "x"}});
   const auto v1_again = ast::environment::of({{"V", "1.0"}, {"ARCH", "amd64"}, {"OTHER", "y"}});
   const auto first = at(4, &v1);
   const auto second = at(4 + body.size() + 5, &v2);
   const auto third = at(4 + body.size() + 5, &v1_again);
   const auto none = at(4, nullptr);
   REQUIRE(first.downloads.size() == 1);
   REQUIRE(second.downloads.size() == 1);
   REQUIRE(third.downloads.size() == 1);
   REQUIRE(none.downloads.size() == 1);
   CHECK(first.downloads[0].expanded_url == "https://example.com/v1.0/app-amd64.tgz");
   CHECK(second.downloads[0].expanded_url == "https://example.com/v2.0/app-amd64.tgz");
   CHECK(third.downloads[0].expanded_url == "https://example.com/v1.0/app-amd64.tgz");
   CHECK(none.downloads[0].expanded_url == "https://example.com/v$V/app-$ARCH.tgz");
   CHECK(first.downloads[0].where.start == ast::position{1, 5});
   CHECK(second.downloads[0].where.start == ast::position{2, 5});
   CHECK(second.downloads[0].url_where.start == ast::position{2, 16});
   CHECK(second.commands[1].where.start == ast::position{2, 70});
   CHECK(second.variables_referenced.back().where.start == ast::position{2, 75});
   CHECK(first.variables_referenced.back().where.start == ast::position{1, 75});
}

TEST_CASE("each command's program is set past its wrappers", "[facts]") {
   ast::source_file src;
   const auto f = facts_of("sudo -u app env A=b /usr/bin/Apt-Get install -y curl; python3 -m pip install x; env",
                           facts::shell_kind::sh, src);
   REQUIRE(f.commands.size() == 3);
   CHECK(f.commands[0].program == "apt-get");
   CHECK(f.commands[1].program == "pip");
   CHECK(f.commands[2].program.empty());  // only a wrapper
   CHECK(facts::commands_named(f, {"apt-get"}).size() == 1);
   CHECK(facts::commands_named(f, {"pip"}).at(0).through_module());
}

TEST_CASE("facts: a word is listed only as a whole word of a blank-separated list", "[facts]") {
   CHECK(facts::listed("-o --output -H", "-o"));
   CHECK(facts::listed("-o --output -H", "--output"));
   CHECK(facts::listed("-o --output -H", "-H"));
   CHECK(facts::listed("  apt-get   apt ", "apt"));
   CHECK_FALSE(facts::listed("-o --output -H", "--out"));   // a prefix of a word
   CHECK_FALSE(facts::listed("-o --output -H", "output"));  // a suffix of a word
   CHECK_FALSE(facts::listed("apt-get apt", "apt-get apt"));
   CHECK_FALSE(facts::listed("apt-get apt", ""));
   CHECK_FALSE(facts::listed("", "apt"));
   CHECK(facts::listed("aptapt apt", "apt"));  // found past a longer word holding it twice
}
