// PowerShell RUN bodies: grammar/pwsh.hpp and parse/pwsh_parser.hpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ast/dockerfile.hpp"
#include "engine/runs.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/pwsh_parser.hpp"

using namespace strata;
using parse::parse_pwsh;

namespace {

// A body that does not parse, the error and its byte offset.
struct error_case {
   const char* body;
   const char* error;
   std::size_t offset;
};

template <std::size_t N>
void check_errors(const error_case (&cases)[N]) {
   for (const auto& c : cases) {
      INFO(c.body);
      const auto s = parse_pwsh(c.body);
      CHECK_FALSE(s.parsed);
      CHECK(s.error == c.error);
      CHECK(s.error_offset == c.offset);
   }
}

std::vector<std::string> names(const ast::shell_script& s) {
   std::vector<std::string> r;
   for (const auto& c : s.commands) r.push_back(c.words.empty() ? std::string() : c.words[0].value);
   return r;
}

std::vector<std::string> texts(const ast::shell_command& c) {
   std::vector<std::string> r;
   for (const auto& w : c.words) r.push_back(w.text);
   return r;
}

std::vector<std::string> values(const ast::shell_command& c) {
   std::vector<std::string> r;
   for (const auto& w : c.words) r.push_back(w.value);
   return r;
}

std::vector<std::string> references(const ast::shell_script& s) {
   std::vector<std::string> r;
   for (const auto& x : s.references) r.push_back(x.name);
   return r;
}

std::vector<int> depths(const ast::shell_script& s) {
   std::vector<int> r;
   for (const auto& c : s.commands) r.push_back(c.depth);
   return r;
}

const ast::shell_assignment* find_assignment(const ast::shell_script& s, const std::string& name) {
   for (const auto& a : s.assignments) {
      if (a.name == name) return &a;
   }
   return nullptr;
}

/// The value of the only word of `Write-Output <expr>`-like input: parses `$v = <expr>` and returns v's value.
ast::shell_word value_of(const std::string& expr) {
   const auto s = parse_pwsh("$v = " + expr);
   INFO(expr << ": " << s.error);
   REQUIRE(s.parsed);
   const auto* a = find_assignment(s, "v");
   REQUIRE(a);
   return a->value;
}

std::string excerpt(const std::string& body, std::size_t at) {
   std::string r = body.substr(std::min(at, body.size()), 60);
   for (char& c : r) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
   }
   return r;
}

}  // namespace

// ---- Statements, pipelines, commands -------------------------------------------------

TEST_CASE("pwsh statements are separated by ';' and newlines", "[pwsh]") {
   const auto s = parse_pwsh("Write-Host a; Write-Host b\nWrite-Host c ;\r\n\n  Write-Host d;");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"Write-Host", "Write-Host", "Write-Host", "Write-Host"});
   CHECK(s.commands[1].begin == 14);
   CHECK(s.commands[1].end == 26);
   CHECK(depths(s) == std::vector<int>{0, 0, 0, 0});
}

TEST_CASE("pwsh pipelines set piped_to on the producer", "[pwsh]") {
   const auto s = parse_pwsh(
       "New-Item -ItemType Directory -Path C:\\temp | Out-Null; Get-ChildItem | Where-Object { $_.Length -gt 1 } | "
       "ForEach-Object { $_.Name }");
   REQUIRE(s.parsed);
   CHECK(names(s) ==
         std::vector<std::string>{"New-Item", "Out-Null", "Get-ChildItem", "Where-Object", "ForEach-Object"});
   CHECK(s.commands[0].piped_to == 1);
   CHECK(s.commands[1].piped_to == -1);
   CHECK(s.commands[2].piped_to == 3);
   CHECK(s.commands[3].piped_to == 4);
   CHECK(s.commands[4].piped_to == -1);
}

TEST_CASE("pwsh pipeline of a method call", "[pwsh]") {
   const auto s = parse_pwsh("$wc.DownloadFile($u, 'x') | Out-Null");
   REQUIRE(s.parsed);
   REQUIRE(s.commands.size() == 2);
   CHECK(s.commands[0].kind == ast::command_kind::method);
   CHECK(s.commands[0].piped_to == 1);
}

TEST_CASE("pwsh cmdlet words carry offsets, values and literal", "[pwsh]") {
   const std::string body = "Invoke-WebRequest -Uri $url -OutFile 'python.exe' -UseBasicParsing";
   const auto s = parse_pwsh(body);
   REQUIRE(s.parsed);
   REQUIRE(s.commands.size() == 1);
   const auto& c = s.commands[0];
   CHECK(c.kind == ast::command_kind::simple);
   CHECK(texts(c) ==
         std::vector<std::string>{"Invoke-WebRequest", "-Uri", "$url", "-OutFile", "'python.exe'", "-UseBasicParsing"});
   CHECK(values(c) ==
         std::vector<std::string>{"Invoke-WebRequest", "-Uri", "$url", "-OutFile", "python.exe", "-UseBasicParsing"});
   for (const auto& w : c.words) CHECK(body.substr(w.begin, w.end - w.begin) == w.text);
   CHECK(c.words[0].literal);
   CHECK_FALSE(c.words[2].literal);
   CHECK(c.words[4].literal);
   CHECK(c.begin == 0);
   CHECK(c.end == body.size());
   CHECK(c.target.empty());
}

TEST_CASE("pwsh parameters: -Name:value is one word, switches, --%", "[pwsh]") {
   auto s = parse_pwsh("Invoke-WebRequest -Uri:$env:URL -OutFile:\"C:\\x.zip\" -UseBasicParsing:$true");
   REQUIRE(s.parsed);
   CHECK(texts(s.commands[0]) == std::vector<std::string>{"Invoke-WebRequest", "-Uri:$env:URL",
                                                          "-OutFile:\"C:\\x.zip\"", "-UseBasicParsing:$true"});
   CHECK(values(s.commands[0])[1] == "-Uri:$env:URL");
   CHECK_FALSE(s.commands[0].words[1].literal);
   CHECK(values(s.commands[0])[2] == "-OutFile:C:\\x.zip");

   s = parse_pwsh("icacls C:\\data --% /grant Users:(OI)(CI)F /T\nWrite-Host done");
   REQUIRE(s.parsed);
   CHECK(texts(s.commands[0]) == std::vector<std::string>{"icacls", "C:\\data", "/grant", "Users:(OI)(CI)F", "/T"});
   CHECK(names(s) == std::vector<std::string>{"icacls", "Write-Host"});

   s = parse_pwsh("git config --global -1 - --% x");
   REQUIRE(s.parsed);
   CHECK(texts(s.commands[0]) == std::vector<std::string>{"git", "config", "--global", "-1", "-", "x"});
}

TEST_CASE("pwsh native commands, call and dot-source operators", "[pwsh]") {
   auto s = parse_pwsh(
       ".\\python.exe /quiet InstallAllUsers=1 PrependPath=1; C:\\x\\y.exe -v; msiexec /i x.msi /qn; cmd /c 'echo hi'");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{".\\python.exe", "C:\\x\\y.exe", "msiexec", "cmd"});
   CHECK(values(s.commands[0]) ==
         std::vector<std::string>{".\\python.exe", "/quiet", "InstallAllUsers=1", "PrependPath=1"});
   CHECK(values(s.commands[3]) == std::vector<std::string>{"cmd", "/c", "echo hi"});

   s = parse_pwsh(
       "& $exe --version; & 'C:\\Program Files\\Git\\bin\\git.exe' version; . .\\env.ps1 -Quiet; &{ Write-Host x }");
   REQUIRE(s.parsed);
   REQUIRE(s.commands.size() == 5);
   CHECK(texts(s.commands[0]) == std::vector<std::string>{"$exe", "--version"});
   CHECK(s.commands[0].begin == 0);  // at the `&`
   CHECK(s.commands[0].words[0].begin == 2);
   CHECK(values(s.commands[1])[0] == "C:\\Program Files\\Git\\bin\\git.exe");
   CHECK(texts(s.commands[2]) == std::vector<std::string>{".\\env.ps1", "-Quiet"});
   CHECK(texts(s.commands[3]) == std::vector<std::string>{"{ Write-Host x }"});
   CHECK(s.commands[4].words[0].value == "Write-Host");
   CHECK(s.commands[4].depth == 1);
}

TEST_CASE("pwsh comma-separated arguments are one word per element", "[pwsh]") {
   const auto s =
       parse_pwsh("Start-Process msiexec.exe -ArgumentList '/i', 'openjdk.msi',\n  '/quiet' -Wait -PassThru");
   REQUIRE(s.parsed);
   CHECK(values(s.commands[0]) == std::vector<std::string>{"Start-Process", "msiexec.exe", "-ArgumentList", "/i",
                                                           "openjdk.msi", "/quiet", "-Wait", "-PassThru"});
}

TEST_CASE("pwsh barewords with embedded variables and quotes", "[pwsh]") {
   const auto s = parse_pwsh(
       "Expand-Archive -Path C:/$env:zip -Destination ${env:TEMP}/apache-maven.zip; Write-Host a`tb \\\"x "
       "$($env:y)\\\"");
   REQUIRE(s.parsed);
   const auto& c = s.commands[0];
   CHECK(values(c) == std::vector<std::string>{"Expand-Archive", "-Path", "C:/$env:zip", "-Destination",
                                               "${env:TEMP}/apache-maven.zip"});
   CHECK_FALSE(c.words[2].literal);
   CHECK(references(s) == std::vector<std::string>{"env:zip", "env:TEMP", "env:y"});
   CHECK(values(s.commands[1]) == std::vector<std::string>{"Write-Host", "a\tb", "\\x $($env:y)\\"});
}

// ---- Variables and strings -----------------------------------------------------------

TEST_CASE("pwsh variable references", "[pwsh]") {
   const std::string body =
       "Write-Host $x $env:NAME ${my var} $global:g $_ $? $true \"in $str and ${env:B} and $($c)\" '$not'";
   const auto s = parse_pwsh(body);
   REQUIRE(s.parsed);
   CHECK(references(s) == std::vector<std::string>{"x", "env:NAME", "my var", "global:g", "str", "env:B", "c"});
   CHECK(s.references[1].begin == body.find("$env:NAME"));
   CHECK(s.references[1].end == body.find("$env:NAME") + 9);
}

TEST_CASE("pwsh single-quoted strings", "[pwsh]") {
   const auto w = value_of("'it''s $x `n'");
   CHECK(w.value == "it's $x `n");
   CHECK(w.literal);
   CHECK(w.text == "'it''s $x `n'");
}

TEST_CASE("pwsh double-quoted strings", "[pwsh]") {
   auto w = value_of("\"a`tb \"\"q\"\" `$x\"");
   CHECK(w.value == "a\tb \"q\" $x");
   CHECK(w.literal);
   w = value_of("\"C:\\$env:ProgramFiles\\x;$($env:PATH)\"");
   CHECK(w.value == "C:\\$env:ProgramFiles\\x;$($env:PATH)");
   CHECK_FALSE(w.literal);
}

TEST_CASE("pwsh here-strings", "[pwsh]") {
   auto s = parse_pwsh("$a = @'\nline $x\n'quoted'\n'@\n$b = @\"\nv=$env:V\n\"@; Set-Content x.txt $b");
   REQUIRE(s.parsed);
   REQUIRE(find_assignment(s, "a"));
   CHECK(find_assignment(s, "a")->value.value == "line $x\n'quoted'");
   CHECK(find_assignment(s, "a")->value.literal);
   CHECK(find_assignment(s, "b")->value.value == "v=$env:V");
   CHECK_FALSE(find_assignment(s, "b")->value.literal);
   CHECK(references(s) == std::vector<std::string>{"env:V", "b"});
   CHECK(names(s) == std::vector<std::string>{"Set-Content"});
}

// ---- Value rendering -------------------------------------------------------------------

TEST_CASE("pwsh -f format expressions are rendered", "[pwsh]") {
   auto w = value_of("('https://example.com/{0}/x.exe' -f $env:V)");
   CHECK(w.value == "https://example.com/$env:V/x.exe");
   CHECK_FALSE(w.literal);
   w = value_of("('{0}\\docker;{1}' -f 'C:\\pf', 'C:\\w')");
   CHECK(w.value == "C:\\pf\\docker;C:\\w");
   CHECK(w.literal);
   w = value_of("('{1}-{0}-{{x}}' -f 1, 2)");
   CHECK(w.value == "2-1-{x}");
   w = value_of(
       "('https://www.example.org/ftp/python/{0}/python-{1}.exe' -f ($env:PYTHON_VERSION -replace '[a-z]+[0-9]*$', "
       "''), $env:PYTHON_VERSION)");
   CHECK(w.value ==
         "https://www.example.org/ftp/python/$($env:PYTHON_VERSION -replace '[a-z]+[0-9]*$', "
         "'')/python-$env:PYTHON_VERSION.exe");
   CHECK_FALSE(w.literal);
   w = value_of("('{0:N2}' -f 1)");  // format specifications are not rendered
   CHECK(w.value == "$('{0:N2}' -f 1)");
   CHECK_FALSE(w.literal);
   const auto s = parse_pwsh("Invoke-WebRequest -Uri $('{0}/{1}' -f $env:uri,$env:zip) -OutFile x");
   REQUIRE(s.parsed);
   CHECK(s.commands[0].words[2].value == "$env:uri/$env:zip");
}

TEST_CASE("pwsh + concatenation of strings is rendered", "[pwsh]") {
   auto w = value_of("'C:\\git\\cmd;' + $env:PATH");
   CHECK(w.value == "C:\\git\\cmd;$env:PATH");
   CHECK_FALSE(w.literal);
   w = value_of("'a' + 'b' + ('{0}' -f 'c')");
   CHECK(w.value == "abc");
   CHECK(w.literal);
   w = value_of("$a + 1");  // not known to be a string
   CHECK(w.value == "$($a + 1)");
   CHECK_FALSE(w.literal);
}

TEST_CASE("pwsh expressions that are not rendered keep their text", "[pwsh]") {
   auto w = value_of("(Get-Item x).FullName");
   CHECK(w.value == "$((Get-Item x).FullName)");
   CHECK_FALSE(w.literal);
   w = value_of("Start-Process x -PassThru");
   CHECK(w.value == "$(Start-Process x -PassThru)");
   w = value_of("42");
   CHECK(w.value == "42");
   CHECK(w.literal);
   w = value_of("@{ a = 1 }");
   CHECK(w.value == "@{ a = 1 }");
   CHECK(w.literal);
}

// ---- Expressions -------------------------------------------------------------------------

TEST_CASE("pwsh arrays, hashtables and comma arrays", "[pwsh]") {
   const auto s = parse_pwsh(
       "Remove-Item @('docker.zip', ('{0}\\d.exe' -f $env:ProgramFiles)) -Force; $h = @{ Uri = $u; 'Out-File' = 'x'\n "
       "n = (Get-Date) }; $a = 'x', 'y', $z");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"Remove-Item", "Get-Date"});
   CHECK(s.commands[0].words[1].text == "@('docker.zip', ('{0}\\d.exe' -f $env:ProgramFiles))");
   CHECK(depths(s) == std::vector<int>{0, 2});
   CHECK(references(s) == std::vector<std::string>{"env:ProgramFiles", "u", "z"});
   REQUIRE(find_assignment(s, "a"));
   CHECK(find_assignment(s, "a")->value.text == "'x', 'y', $z");
}

TEST_CASE("pwsh types, static members, method calls, index and casts", "[pwsh]") {
   const std::string body =
       "[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; "
       "[Environment]::SetEnvironmentVariable('PATH', $newPath, [EnvironmentVariableTarget]::Machine); "
       "$wc = [System.Net.WebClient]::new(); $wc.DownloadFile($url, \"C:\\$name\"); $x = $list[0].Trim().ToLower(); "
       "[void][int]$n; "
       "$p = [IO.Path]::Combine($env:TEMP, 'a')";
   const auto s = parse_pwsh(body);
   REQUIRE(s.parsed);
   CHECK(names(s) ==
         std::vector<std::string>{"SetEnvironmentVariable", "new", "DownloadFile", "Trim", "ToLower", "Combine"});
   for (const auto& c : s.commands) CHECK(c.kind == ast::command_kind::method);
   CHECK(s.commands[0].target == "[Environment]");
   CHECK(texts(s.commands[0]) == std::vector<std::string>{"SetEnvironmentVariable", "'PATH'", "$newPath",
                                                          "[EnvironmentVariableTarget]::Machine"});
   CHECK(values(s.commands[0])[1] == "PATH");
   CHECK(s.commands[1].target == "[System.Net.WebClient]");
   CHECK(s.commands[1].words.size() == 1);
   CHECK(s.commands[2].target == "$wc");
   CHECK(values(s.commands[2]) == std::vector<std::string>{"DownloadFile", "$url", "C:\\$name"});
   CHECK(s.commands[3].target == "$list[0]");
   CHECK(s.commands[4].target == "$list[0].Trim()");
   CHECK(s.commands[0].begin == body.find("[Environment]"));
   CHECK(s.commands[0].end == body.find("; $wc"));
   CHECK(s.commands[0].words[0].begin == body.find("SetEnvironmentVariable"));
   CHECK(references(s) == std::vector<std::string>{"newPath", "wc", "url", "name", "list", "n", "env:TEMP"});
}

TEST_CASE("pwsh New-Object method target is listed before its inner command", "[pwsh]") {
   const std::string body = "(New-Object System.Net.WebClient).DownloadFile('https://example.com/a.zip', 'a.zip')";
   const auto s = parse_pwsh(body);
   REQUIRE(s.parsed);
   REQUIRE(s.commands.size() == 2);
   CHECK(s.commands[0].kind == ast::command_kind::method);
   CHECK(s.commands[0].target == "(New-Object System.Net.WebClient)");
   CHECK(values(s.commands[0]) == std::vector<std::string>{"DownloadFile", "https://example.com/a.zip", "a.zip"});
   CHECK(s.commands[0].depth == 0);
   CHECK(s.commands[1].words[0].value == "New-Object");
   CHECK(s.commands[1].depth == 1);
   CHECK(s.commands[1].begin == 1);
}

TEST_CASE("pwsh property access without a call is not a command", "[pwsh]") {
   const auto s = parse_pwsh("$proc.ExitCode; $x.Length; [Environment]::OSVersion; $x.$name");
   REQUIRE(s.parsed);
   CHECK(s.commands.empty());
   CHECK(references(s) == std::vector<std::string>{"proc", "x", "x", "name"});
}

TEST_CASE("pwsh operators", "[pwsh]") {
   const char* bodies[] = {
       "$a = $b -eq 1 -and $c -ne 2 -or $d -gt 3 -xor $e -ge 4",
       "$a = $b -lt 1 -or $b -le 2 -or 'x' -like 'y*' -or 'x' -notlike 'z' -or 'a' -match 'b' -or 'a' -notmatch 'c'",
       "$a = @(1) -contains 1 -and @(1) -notcontains 2 -and 1 -in @(1) -and 2 -notin @(1) -and $x -is [string] -and $x "
       "-isnot [int]",
       "$a = 'abc' -replace 'b', 'c' -split ',' -join ';'",
       "$a = $x -ceq 'A' -or $x -ieq 'a' -or $x -cmatch 'A' -or $x -creplace 'a' -or $x -inotlike 'b'",
       "$a = -not $x; $b = !$y; $c = -split 'a b'; $d = -join @('a'); $e = -bnot 1",
       "$a = 1 + 2 - 3 * 4 / 5 % 6; $b = 1..10; $c = 0x10 -band 1kb -bor 3 -bxor 4 -shl 1 -shr 1",
       "$i = 0; $i++; $i--; ++$i; --$i; $i += 2; $i -= 1; $i *= 3; $i /= 2; $i %= 5",
       "$a = -1; $b = [int]'5' + -$c",
   };
   for (const char* b : bodies) {
      INFO(b);
      const auto s = parse_pwsh(b);
      INFO(s.error << " at " << s.error_offset);
      CHECK(s.parsed);
      CHECK(s.commands.empty());
   }
}

TEST_CASE("pwsh script blocks as arguments are nested", "[pwsh]") {
   const auto s = parse_pwsh(
       "Get-ChildItem | Where-Object { $_.Name -like 'x*' } | ForEach-Object { Remove-Item $_.FullName -Force; & { "
       "Write-Host $_ } }");
   REQUIRE(s.parsed);
   // `& { ... }` calls the script block: it is the command's first word.
   CHECK(names(s) == std::vector<std::string>{"Get-ChildItem", "Where-Object", "ForEach-Object", "Remove-Item",
                                              "{ Write-Host $_ }", "Write-Host"});
   CHECK(depths(s) == std::vector<int>{0, 0, 0, 1, 1, 2});
   CHECK(s.commands[1].words[1].text == "{ $_.Name -like 'x*' }");
   CHECK_FALSE(s.commands[1].words[1].literal);
}

// ---- Keyword statements ---------------------------------------------------------------

TEST_CASE("pwsh if / elseif / else", "[pwsh]") {
   const auto s = parse_pwsh(
       "if ((Get-FileHash $f -Algorithm sha256).Hash -ne $env:SHA) { Write-Host 'FAILED!'; exit 1; }\n"
       "elseif (Test-Path x) { a }\nelse\n{ b }; if (-not $?) { throw 'x' }");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"Get-FileHash", "Write-Host", "Test-Path", "a", "b"});
   CHECK(depths(s) == std::vector<int>{2, 1, 1, 1, 1});
   CHECK(references(s) == std::vector<std::string>{"f", "env:SHA"});
}

TEST_CASE("pwsh loops", "[pwsh]") {
   const auto s = parse_pwsh(
       "foreach ($d in @('a', 'b')) { New-Item $d }\n"
       "for ($i = 0; $i -lt 3; $i++) { Start-Sleep 1 }\n"
       "for (;;) { break }\n"
       "while ($true) { continue }\n"
       "do { Write-Host x } while ($i -lt 2)\n"
       "do { Write-Host y } until ($i -gt 2)");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"New-Item", "Start-Sleep", "Write-Host", "Write-Host"});
   REQUIRE(find_assignment(s, "d"));
   CHECK(find_assignment(s, "d")->value.text == "@('a', 'b')");
   CHECK(find_assignment(s, "i"));
}

TEST_CASE("pwsh try / catch / finally / trap / throw", "[pwsh]") {
   const auto s = parse_pwsh(
       "try { Invoke-WebRequest $u -OutFile x } catch [System.Net.WebException], [System.IO.IOException] { "
       "Write-Warning $_ } "
       "catch { throw } finally { Remove-Item x -ErrorAction SilentlyContinue }; trap [Exception] { continue }; trap { "
       "exit 1 }");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"Invoke-WebRequest", "Write-Warning", "Remove-Item"});
}

TEST_CASE("pwsh switch", "[pwsh]") {
   const auto s = parse_pwsh(
       "switch -regex ($env:ARCH) { 'amd64' { $a = 'x64' } '^arm' { $a = 'arm64'; break } default { throw \"unknown "
       "$env:ARCH\" } }");
   REQUIRE(s.parsed);
   CHECK(s.commands.empty());
   CHECK(references(s) == std::vector<std::string>{"env:ARCH", "env:ARCH"});
   CHECK(s.assignments.size() == 2);
}

TEST_CASE("pwsh functions, param blocks and flow keywords", "[pwsh]") {
   const auto s = parse_pwsh(
       "function Get-Thing { param([Parameter(Mandatory = $true)][string] $Name, [int]$Count = 2) Write-Output $Name; "
       "return $Count }\n"
       "function f($a, $b) { $a + $b }\nfilter g { $_ }\nGet-Thing -Name x; exit $LASTEXITCODE");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"Write-Output", "Get-Thing"});
   REQUIRE(find_assignment(s, "Count"));
   CHECK(find_assignment(s, "Count")->value.value == "2");
   CHECK(references(s) == std::vector<std::string>{"Name", "Count", "a", "b", "LASTEXITCODE"});
}

// ---- Redirections, comments, continuation ----------------------------------------------

TEST_CASE("pwsh redirections", "[pwsh]") {
   const auto s = parse_pwsh("git version 2>&1 > out.txt; cmd /c x *> $null; a 2>$null 2>> err.log 3>&1");
   REQUIRE(s.parsed);
   REQUIRE(s.commands.size() == 3);
   CHECK(texts(s.commands[0]) == std::vector<std::string>{"git", "version"});
   REQUIRE(s.commands[0].redirections.size() == 2);
   CHECK(s.commands[0].redirections[0].op == "2>&");
   CHECK(s.commands[0].redirections[0].target.text == "1");
   CHECK(s.commands[0].redirections[1].op == ">");
   CHECK(s.commands[0].redirections[1].target.value == "out.txt");
   REQUIRE(s.commands[1].redirections.size() == 1);
   CHECK(s.commands[1].redirections[0].op == "*>");
   CHECK(s.commands[1].redirections[0].target.text == "$null");
   REQUIRE(s.commands[2].redirections.size() == 3);
   CHECK(s.commands[2].redirections[1].op == "2>>");
   CHECK(s.commands[2].redirections[1].target.value == "err.log");
}

TEST_CASE("pwsh comments and backtick continuations", "[pwsh]") {
   const auto s =
       parse_pwsh("# a comment\nWrite-Host a `\n  b <# inline #> c # trailing\n<# multi\nline #> Write-Host d");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"Write-Host", "Write-Host"});
   CHECK(texts(s.commands[0]) == std::vector<std::string>{"Write-Host", "a", "b", "c"});
}

TEST_CASE("pwsh keywords need a word boundary", "[pwsh]") {
   const auto s = parse_pwsh("ForEach-Object { $_ }; iffy.exe; exit.exe 1; Do-Thing; return");
   REQUIRE(s.parsed);
   CHECK(names(s) == std::vector<std::string>{"ForEach-Object", "iffy.exe", "exit.exe", "Do-Thing"});
}

// ---- Assignments -------------------------------------------------------------------------

TEST_CASE("pwsh assignments", "[pwsh]") {
   const std::string body =
       "$url = 'https://e.example/a.zip'; $env:PATH = 'C:\\git;' + $env:PATH; $env:PATH += ';C:\\go'; [string]$s = "
       "\"x\"; "
       "Set-Variable -Name v1 -Value 'one'; New-Variable v2 $url; Set-Item -Path env:GOPATH -Value C:\\go; $o.Prop = "
       "1; $proc = Start-Process x -PassThru; "
       "$null = New-Item x";
   const auto s = parse_pwsh(body);
   REQUIRE(s.parsed);
   std::vector<std::string> got;
   for (const auto& a : s.assignments) got.push_back(a.name + "=" + a.value.value);
   CHECK(got == std::vector<std::string>{"url=https://e.example/a.zip", "env:PATH=C:\\git;$env:PATH",
                                         "env:PATH=;C:\\go", "s=x", "v1=one", "v2=$url", "env:GOPATH=C:\\go",
                                         "proc=$(Start-Process x -PassThru)"});
   CHECK(s.assignments[0].begin == 0);
   CHECK(s.assignments[0].end == body.find(';'));
   CHECK(s.assignments[0].value.begin == body.find('\''));
   CHECK(s.assignments[0].value.literal);
   // $env:PATH is read on the right-hand side and by +=; the targets of = are not references.
   CHECK(references(s) == std::vector<std::string>{"env:PATH", "env:PATH", "url", "o"});
   CHECK(names(s) == std::vector<std::string>{"Set-Variable", "New-Variable", "Set-Item", "Start-Process",
                                              "New-Item"});  // `$null =` discards
}

TEST_CASE("pwsh SetEnvironmentVariable is an assignment", "[pwsh]") {
   const auto s = parse_pwsh(
       "$newPath = ('{0}\\docker;{1}' -f $env:ProgramFiles, $env:PATH); [Environment]::SetEnvironmentVariable('PATH', "
       "$newPath, [EnvironmentVariableTarget]::Machine)");
   REQUIRE(s.parsed);
   REQUIRE(s.assignments.size() == 2);
   CHECK(s.assignments[0].name == "newPath");
   CHECK(s.assignments[0].value.value == "$env:ProgramFiles\\docker;$env:PATH");
   CHECK(s.assignments[1].name == "env:PATH");
   CHECK(s.assignments[1].value.text == "$newPath");
}

// ---- Errors -------------------------------------------------------------------------------

TEST_CASE("pwsh unterminated strings fail at the opening quote", "[pwsh]") {
   auto s = parse_pwsh("Write-Host ok; Write-Host 'abc");
   CHECK_FALSE(s.parsed);
   CHECK(s.error == "unterminated string literal");
   CHECK(s.error_offset == 26);
   CHECK(names(s) == std::vector<std::string>{"Write-Host"});  // the commands before the error are kept

   s = parse_pwsh("$x = \"abc $(Get-Date)");
   CHECK_FALSE(s.parsed);
   CHECK(s.error == "unterminated string literal");
   CHECK(s.error_offset == 5);
   CHECK(names(s) == std::vector<std::string>{"Get-Date"});

   s = parse_pwsh("$x = @'\nabc\n");
   CHECK_FALSE(s.parsed);
   CHECK(s.error == "unterminated here-string");
   CHECK(s.error_offset == 5);

   s = parse_pwsh("a <# b");
   CHECK_FALSE(s.parsed);
   CHECK(s.error == "unterminated block comment");
   CHECK(s.error_offset == 2);
}

TEST_CASE("pwsh unbalanced brackets fail", "[pwsh]") {
   const error_case cases[] = {
       {"Write-Host (Get-Date", "missing closing ')'", 11},
       {"if ($x) { Write-Host a", "missing closing '}'", 8},
       {"Remove-Item @('a', 'b'", "missing closing ')'", 12},
       {"Remove-Item @('a', 'b' -Force)", "expected an expression after the operator", 24},
       {"$h = @{ a = 1", "missing closing '}'", 5},
       {"$x = $(Get-Date", "missing closing ')'", 5},
       {"$wc.DownloadFile($u, 'x'", "missing closing ')'", 16},
       {"$a[0", "missing closing ']'", 2},
       {"[Environment::X", "missing closing ']'", 0},
       {"Write-Host ${abc", "missing closing '}' of ${...}", 11},
       {"Write-Host a)", "unexpected ')'", 12},
       {"Write-Host a }", "unexpected '}'", 13},
       {"$a = (1))", "unexpected ')'", 8},
       {"Write-Host a | ", "expected a command after '|'", 15},
       {"$x = ", "expected a value after the assignment operator", 5},
       {"$x -eq", "expected an expression after the operator", 6},
       {"$x $y", "unexpected '$'", 3},
   };
   check_errors(cases);
}

TEST_CASE("pwsh incomplete keyword statements fail", "[pwsh]") {
   const error_case cases[] = {
       {"if ($x) Write-Host a", "expected a script block after if (...)", 8},
       {"if $x { }", "expected a condition in parentheses", 3},
       {"if () { }", "expected a condition", 4},
       {"if ($x) { } else if ($y) { }", "expected a script block after else", 17},
       {"foreach ($a $b) { }", "expected 'in' in foreach (...)", 12},
       {"foreach (1 in $b) { }", "expected a variable in foreach (...)", 9},
       {"while ($x) ", "expected a script block as the loop body", 11},
       {"do { } ", "expected while (...) or until (...) after do {...}", 7},
       {"try { } ", "expected catch or finally after try {...}", 8},
       {"function { }", "expected a function name", 9},
       {"function f ", "expected a script block after the function name", 11},
       {"switch ($x) 'a'", "expected '{' after switch (...)", 12},
   };
   check_errors(cases);
}

TEST_CASE("pwsh nesting depth is bounded", "[pwsh]") {
   auto nested = [](int n, const std::string& open, const std::string& close) {
      std::string r;
      for (int i = 0; i < n; ++i) r += open;
      r += "1";
      for (int i = 0; i < n; ++i) r += close;
      return r;
   };
   auto s = parse_pwsh("$x = " + nested(50, "(", ")"));
   CHECK(s.parsed);
   s = parse_pwsh("$x = " + nested(200, "(", ")"));
   CHECK_FALSE(s.parsed);
   CHECK(s.error == "nesting too deep (more than 100 levels)");
   CHECK(s.error_offset > 5);
   s = parse_pwsh(nested(100000, "{", "}"));
   CHECK_FALSE(s.parsed);
   s = parse_pwsh(nested(100000, "$(", ")"));
   CHECK_FALSE(s.parsed);
   s = parse_pwsh(nested(100000, "[int]", ""));
   CHECK_FALSE(s.parsed);
   std::string chain;
   for (int i = 0; i < 100000; ++i) chain += "$a = ";
   s = parse_pwsh(chain + "1");
   CHECK_FALSE(s.parsed);
   s = parse_pwsh("$x = " + std::string(100000, '!') + "$y");  // prefix operators do not recurse
   CHECK(s.parsed);
   s = parse_pwsh("Write-Host " + nested(30, "\"$(", ")\""));
   CHECK(s.parsed);
   CHECK(s.commands.size() == 1);
}

TEST_CASE("pwsh never throws on odd input", "[pwsh]") {
   const std::string pieces[] = {"$",    "(",  ")",  "{",  "}",  "[",   "]",    "'",  "\"", "`",
                                 "@",    "|",  "&",  ";",  "\n", " ",   "-",    "<#", "#>", "#",
                                 "$(",   "@(", "@{", "@'", "'@", "@\"", "\"@",  ",",  "=",  ">",
                                 "2>&1", "-f", "x",  "::", ".",  "if",  "else", "\r", "%",  std::string(1, '\0')};
   std::uint32_t seed = 12345;
   for (int round = 0; round < 3000; ++round) {
      std::string body;
      const int n = static_cast<int>(seed % 24);
      for (int i = 0; i < n; ++i) {
         seed = seed * 1103515245u + 12345u;
         body += pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
      }
      seed = seed * 1103515245u + 12345u;
      const auto s = parse_pwsh(body);
      INFO(body);
      CHECK(s.error_offset <= body.size());
      CHECK(s.parsed == s.error.empty());
      for (const auto& c : s.commands) {
         CHECK_FALSE(c.words.empty());
         CHECK(c.begin <= c.end);
         CHECK(c.end <= body.size());
         CHECK(c.piped_to < static_cast<int>(s.commands.size()));
         for (const auto& w : c.words) CHECK(body.substr(w.begin, w.end - w.begin) == w.text);
      }
   }
}

// ---- The Windows Dockerfiles of the corpus (run with "[.pwsh-bench]") -----------------

namespace {

struct bench_counts {
   std::size_t files = 0;
   std::size_t bodies = 0;
   std::size_t failures = 0;
   std::size_t downloads = 0;  ///< Invoke-WebRequest / iwr / .DownloadFile( spelled in the bodies
   std::size_t missed = 0;     ///< of those, not found in the model
};

std::string ascii_lower(std::string s) {
   for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
   return s;
}

/// Parses the PowerShell RUN bodies (shell form) of every Dockerfile under `root`.
bench_counts measure(const std::filesystem::path& root) {
   namespace fs = std::filesystem;
   bench_counts n;
   std::vector<fs::path> files;
   for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file() && e.path().filename().string().rfind("Dockerfile", 0) == 0) files.push_back(e.path());
   }
   std::sort(files.begin(), files.end());
   n.files = files.size();
   for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      const auto df = parse::parse_dockerfile(path.string(), text.str());
      const auto shells = engine::dockerfile_shells(df);
      for (std::size_t i = 0; i < df.instructions.size(); ++i) {
         const auto& inst = df.instructions[i];
         if (inst.name != "run" || inst.form != ast::argument_form::shell || shells[i] != facts::shell_kind::pwsh)
            continue;
         ++n.bodies;
         const auto s = parse_pwsh(inst.arguments);
         if (!s.parsed) {
            ++n.failures;
            UNSCOPED_INFO(path.string() << ":" << inst.start_line << ": " << s.error << " at " << s.error_offset
                                        << ": `" << excerpt(inst.arguments, s.error_offset) << "`");
         }
         // Every download the body spells must be in the model.
         const std::string lowered = ascii_lower(inst.arguments);
         std::size_t spelled = 0;
         for (const char* word : {"invoke-webrequest", "downloadfile(", "iwr "}) {
            for (std::size_t p = lowered.find(word); p != std::string::npos; p = lowered.find(word, p + 1)) ++spelled;
         }
         std::size_t found = 0;
         for (const auto& c : s.commands) {
            const std::string name = ascii_lower(c.words[0].value);
            if ((c.kind == ast::command_kind::simple && (name == "invoke-webrequest" || name == "iwr")) ||
                (c.kind == ast::command_kind::method && name == "downloadfile" && c.words.size() >= 3)) {
               ++found;
            }
         }
         n.downloads += spelled;
         if (found < spelled) {
            n.missed += spelled - found;
            UNSCOPED_INFO(path.string() << ":" << inst.start_line << ": " << spelled - found
                                        << " download(s) not in the model");
         }
      }
   }
   return n;
}

}  // namespace

TEST_CASE("pwsh bench: PowerShell RUN bodies of the corpus parse", "[.pwsh-bench]") {
   namespace fs = std::filesystem;
   const fs::path corpus = fs::path(STRATA_SOURCE_DIR) / ".." / "shared" / "corpus";
   if (!fs::is_directory(corpus / "dockerfiles-bench")) {
      WARN("skipped: " << (corpus / "dockerfiles-bench").string() << " is absent (../shared not beside the project)");
      return;
   }
   for (const char* dir : {"dockerfiles-bench", "dockerfiles"}) {
      if (!fs::is_directory(corpus / dir)) continue;
      const auto n = measure(corpus / dir);
      WARN("pwsh bench " << dir << ": " << n.files << " Dockerfiles, " << n.bodies << " PowerShell RUN bodies, "
                         << n.failures << " failures, " << n.downloads << " downloads, " << n.missed << " missed");
      CHECK(n.bodies > 0);
      CHECK(n.failures * 200 <= n.bodies);  // at most 0.5%
      CHECK(n.missed == 0);
   }
}
