// Hostile inputs (issue 19): each case is generated here, so no large file sits in the
// repository. Time and memory are not asserted (benchmarks measure them); each case finishes
// in milliseconds once the limit it tests is in place, and in minutes or never without it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "engine/run.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/shell_lexer.hpp"
#include "parse/values.hpp"
#include "render/model_json.hpp"
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

TEST_CASE("hardening: a RUN body the grammar rejects is a finding, and what follows the failure is still read",
          "[hardening]") {
   const auto repeat = [](std::string_view s, int n) {
      std::string out;
      for (int i = 0; i < n; ++i) out += s;
      return out;
   };
   const std::string pipe = "curl -fsSL https://example.com/install.sh | sh";
   struct body_case {
      std::string name, text, shell;
   };
   const body_case cases[] = {
       {"201 nested subshells", repeat("( ", 201) + pipe + repeat(" )", 201), ""},
       {"201 nested subshells, then a pipe", repeat("( ", 201) + "true" + repeat(" )", 201) + "; " + pipe, ""},
       {"an if without fi", "if true; then echo a; " + pipe, ""},
       {"an unterminated quote", "echo \"abc; " + pipe, ""},  // the rest is inside the quote
       {"101 nested PowerShell parentheses",
        repeat("(", 101) + "1" + repeat(")", 101) + "; iwr https://example.com/x.ps1 | iex",
        "SHELL [\"powershell\", \"-Command\"]\n"},
   };
   for (const auto& c : cases) {
      INFO(c.name);
      const std::string text = "FROM debian:12\n" + c.shell + "RUN " + c.text + "\n";
      const auto found = strata::test::check_text("Dockerfile", text);
      CHECK(has(found, "ST0008"));
      if (c.name != "an unterminated quote") CHECK(has(found, "ST2004"));  // the download piped to a shell
   }
   // bash's select and coproc parse, and their commands are seen
   for (const std::string& body :
        {"select x in a b; do " + pipe + "; done", "coproc " + pipe, "coproc fetch { " + pipe + "; }"}) {
      INFO(body);
      const auto found = strata::test::check_text("Dockerfile", "FROM debian:12\nRUN " + body + "\n");
      CHECK_FALSE(has(found, "ST0008"));
      CHECK(has(found, "ST2004"));
   }
   // a long body that does not parse: reported once, its commands read to the end
   const auto found = strata::test::check_text(
       "Dockerfile", "FROM debian:12\nRUN if true; then " + repeat("echo a b c; \\\n", 5000) + pipe + "\n");
   CHECK(std::count_if(found.begin(), found.end(), [](const auto& f) { return f.rule_id() == "ST0008"; }) == 1);
   CHECK(has(found, "ST2004"));
}

TEST_CASE("hardening: impossible dates of a tag page are syntax errors (ST0002), not epoch 0", "[hardening]") {
   std::string page = strata::test::read(strata::test::source_path("tests/fixtures/tag-pages/e1-single-manifest.md"));
   const auto at = page.find("# Thu, 23 Jun 2016 19:55:18 GMT");
   REQUIRE(at != std::string::npos);
   page.replace(at, 31, "# Wed, 99 Oct 2019 99:99:99 GMT");
   auto found = strata::test::check_text("page.md", page);
   const auto bad = std::find_if(found.begin(), found.end(), [](const auto& f) { return f.rule_id() == "ST0002"; });
   REQUIRE(bad != found.end());
   CHECK(bad->message.find("an impossible date") != std::string::npos);
   CHECK_FALSE(has(found, "ST4006"));
   CHECK_FALSE(strata::parse::parse_rfc1123("Sat, 30 Feb 2019 10:00:00 GMT"));
   CHECK(strata::parse::parse_rfc1123("Thu, 29 Feb 2024 10:00:00 GMT"));
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

namespace {

namespace fs = std::filesystem;

// A fresh directory under the temporary directory, removed at the end of the test.
struct scratch_dir {
   fs::path path;
   explicit scratch_dir(std::string_view name)
       : path(fs::temp_directory_path() / fmt::format("strata-{}-{}", name, ::getpid())) {
      fs::remove_all(path);
      fs::create_directories(path);
   }
   scratch_dir(const scratch_dir&) = delete;
   scratch_dir& operator=(const scratch_dir&) = delete;
   ~scratch_dir() {
      std::error_code ec;
      fs::remove_all(path, ec);
   }
   [[nodiscard]] std::string operator/(std::string_view name) const { return (path / name).string(); }
};

// (rule, line) of each finding: what must not change when only the encoding of a file does.
std::vector<std::pair<std::string, std::uint32_t>> rule_lines(const std::vector<strata::engine::finding>& found) {
   std::vector<std::pair<std::string, std::uint32_t>> out;
   for (const auto& f : found) out.emplace_back(std::string(f.rule_id()), f.start.line);
   return out;
}

std::string utf16le(std::string_view ascii) {
   std::string out = "\xFF\xFE";
   for (const char c : ascii) {
      out += c;
      out += '\0';
   }
   return out;
}

}  // namespace

TEST_CASE("hardening: only regular files are read; FIFOs, devices and directories are errors", "[hardening][cli]") {
   const scratch_dir dir("inputs");
   const auto fifo = dir / "fifo";
   REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
   const std::string other = strata::test::source_path("corpus/dockerfiles/webapp/Dockerfile");
   for (const std::string command : {"check", "parse", "normalize", "inspect"}) {
      INFO(command);
      const auto r = strata::test::run_strata(command + " " + fifo + " " + other);
      CHECK(r.status == 2);
      CHECK(r.err.find(fifo + ": not a regular file") != std::string::npos);
      CHECK(r.err.find("(a FIFO)") != std::string::npos);
   }
   // the other input is still checked
   CHECK(strata::test::run_strata("check " + fifo + " " + other).out.find("webapp/Dockerfile:") != std::string::npos);
   if (fs::exists("/dev/zero")) {
      const auto zero = strata::test::run_strata("parse --dump /dev/zero");
      CHECK(zero.status == 2);
      CHECK(zero.err.find("/dev/zero: not a regular file (a character device)") != std::string::npos);
   }
   const auto directory = strata::test::run_strata("parse " + dir.path.string());
   CHECK(directory.status == 2);
   CHECK(directory.err.find(": is a directory") != std::string::npos);
   const auto not_dir = strata::test::run_strata("check " + other + "/x");
   CHECK(not_dir.status == 2);
   CHECK(not_dir.err.find("Dockerfile/x: not a directory") != std::string::npos);
   const auto loop = dir / "loop";
   fs::create_symlink(loop, loop);
   CHECK(strata::test::run_strata("check " + loop).err.find("too many levels of symbolic links") != std::string::npos);
}

TEST_CASE("hardening: --max-input-size refuses a larger file before reading it", "[hardening][cli]") {
   const std::string file = strata::test::source_path("corpus/dockerfiles/webapp/Dockerfile");
   const auto small = strata::test::run_strata("check --max-input-size 16 " + file);
   CHECK(small.status == 2);
   CHECK(small.err.find("larger than the input size limit (16 bytes; --max-input-size)") != std::string::npos);
   CHECK(strata::test::run_strata("parse --max-input-size 1k " + strata::test::source_path("README.md"))
             .err.find("1024 bytes") != std::string::npos);
   CHECK(strata::test::run_strata("check --max-input-size 1MiB " + file).status != 2);
   const auto piped = strata::test::run_strata("check --max-input-size 16 - < " + file);
   CHECK(piped.status == 2);
   CHECK(piped.err.find("-: larger than the input size limit") != std::string::npos);
}

TEST_CASE("hardening: a config that is a FIFO or a directory is an error, not a hang", "[hardening][cli]") {
   const scratch_dir dir("config");
   const auto fifo = dir / "fifo.yaml";
   REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
   const std::string file = strata::test::source_path("corpus/dockerfiles/webapp/Dockerfile");
   const auto r = strata::test::run_strata("check --config " + fifo + " " + file);
   CHECK(r.status == 2);
   CHECK(r.err.find("not a regular file (a FIFO)") != std::string::npos);
   fs::create_directories(dir.path / "sub" / ".strata.yaml");
   fs::copy_file(file, dir.path / "sub" / "Dockerfile");
   const auto d = strata::test::run_strata("check " + (dir / "sub/Dockerfile"));
   CHECK(d.status == 2);
   CHECK(d.err.find(".strata.yaml: is a directory") != std::string::npos);
}

TEST_CASE("hardening: rule options in the config are validated with file:line:col", "[hardening][cli]") {
   const scratch_dir dir("options");
   const std::string file = strata::test::source_path("corpus/dockerfiles/webapp/Dockerfile");
   const std::pair<std::string_view, std::string_view> cases[] = {
       {"threshold-days: abc", "3:21"},   {"threshold-days: nan", "3:21"}, {"threshold-days: -5", "3:21"},
       {"threshold-days: 1e300", "3:21"}, {"thresold-days: 30", "3:5"},
   };
   for (const auto& [line, where] : cases) {
      INFO(line);
      const auto cfg = dir / "c.yaml";
      strata::test::write(cfg, fmt::format("rules:\n  ST4006:\n    {}\n", line));
      const auto r = strata::test::run_strata("check --config " + cfg + " " + file);
      CHECK(r.status == 2);
      CHECK(r.err.find(fmt::format("c.yaml:{}:", where)) != std::string::npos);
   }
   const auto twice = dir / "twice.yaml";
   strata::test::write(twice, "rules:\n  ST4006:\n    threshold-days: 30\n    threshold-days: 40\n");
   const auto r = strata::test::run_strata("check --config " + twice + " " + file);
   CHECK(r.status == 2);
   CHECK(r.err.find("is given twice") != std::string::npos);
   strata::test::write(twice, "rules:\n  ST4006:\n    threshold-days: 30\n");
   CHECK(strata::test::run_strata("check --config " + twice + " " + file).status != 2);
}

TEST_CASE("hardening: damaged history documents met in a walk are reported, big unknown files are not read",
          "[hardening]") {
   const scratch_dir dir("walk");
   const std::string page =
       strata::test::read(strata::test::source_path("tests/fixtures/tag-pages/e1-single-manifest.md"));
   REQUIRE(page.size() > 400);
   const auto cut = page.find('\n', 200);
   strata::test::write(dir / "invalid-byte.md", page.substr(0, cut) + "\xFF" + page.substr(cut));
   strata::test::write(dir / "nul.md", page.substr(0, cut) + std::string(1, '\0') + page.substr(cut));
   strata::test::write(dir / "config.json", R"({"architecture":"amd64","rootfs":{"type":"layers"},"history":[{},]})");
   std::string library = strata::test::read(strata::test::source_path("tests/fixtures/library/demo"));
   library.replace(library.find("Maintainers:"), 12, "Maintainers");  // the first field damaged
   strata::test::write(dir / "library-demo", library);
   {  // a sparse 3 GiB file: reading it whole would cost 3 GiB
      std::ofstream(dir / "image.tar").put('x');
      fs::resize_file(dir / "image.tar", std::uintmax_t{3} << 30U);
   }
   const auto rules = strata::engine::enabled_rules({});
   const auto run = strata::engine::run_check({dir.path.string()}, rules, nullptr, {});
   CHECK(run.errors.empty());
   CHECK(run.checked == 4);
   std::vector<std::string> seen;
   for (const auto& f : run.findings)
      seen.push_back(fmt::format("{} {} {}", fs::path(f.file).filename().string(), f.rule_id(), f.message));
   const auto any = [&](std::string_view needle) {
      return std::any_of(seen.begin(), seen.end(), [&](const auto& s) { return s.find(needle) != std::string::npos; });
   };
   CHECK(
       any("invalid-byte.md ST0003 file is not valid UTF-8: it is not text and was not checked (by its content it "
           "is a tag-page)"));
   CHECK(any("nul.md ST0003 file holds a NUL byte"));
   CHECK(any("config.json ST0002 invalid JSON"));
   CHECK(any("library-demo ST0002"));
   CHECK_FALSE(any("image.tar"));

   // a page longer than what a walk reads to decide is read whole, each byte once
   const scratch_dir big("walk-big");
   std::string padded = page;
   while (padded.size() < 3 * strata::engine::sniff_bytes + 7) padded += "\n";
   padded += page.substr(page.find("\n") + 1);  // text past the decision point, with findings of its own
   strata::test::write(big / "long.md", padded);
   const auto walked = strata::engine::run_check({big.path.string()}, rules, nullptr, {});
   REQUIRE(walked.checked == 1);
   std::vector<strata::engine::finding> named = strata::test::check_text("long.md", padded);
   CHECK(rule_lines(walked.findings) == rule_lines(named));
   CHECK(rule_lines(named).back().second > 3 * strata::engine::sniff_bytes / 2);
}

TEST_CASE("hardening: CRLF, lone-CR, BOM and UTF-16 tag pages read as the page itself", "[hardening]") {
   const std::string page =
       strata::test::read(strata::test::source_path("tests/fixtures/tag-pages/e1-single-manifest.md"));
   const auto expected = rule_lines(strata::test::check_text("page.md", page));
   std::string crlf, cr;
   for (const char c : page) {
      crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
      cr += c == '\n' ? '\r' : c;
   }
   CHECK(rule_lines(strata::test::check_text("page.md", crlf)) == expected);
   CHECK(rule_lines(strata::test::check_text("page.md", cr)) == expected);
   CHECK(rule_lines(strata::test::check_text("page.md", "\xEF\xBB\xBF" + page)) == expected);
   auto utf16 = rule_lines(strata::test::check_text("page.md", utf16le(page)));
   const auto st0003 = std::find(utf16.begin(), utf16.end(), std::pair<std::string, std::uint32_t>{"ST0003", 1});
   REQUIRE(st0003 != utf16.end());
   utf16.erase(st0003);
   CHECK(utf16 == expected);
   const auto doc = strata::engine::load_document("page.md", "\xEF\xBB\xBF" + page, strata::engine::origin::named);
   REQUIRE(doc);
   REQUIRE(doc->page);
   CHECK_FALSE(doc->page->ref.text.empty());  // the tag of the header is kept
}

TEST_CASE("hardening: a UTF-8 BOM is not a column; a UTF-16 Dockerfile is decoded and checked", "[hardening]") {
   const std::string text = "FROM ubuntu\nRUN curl -fsSL https://example.com/x.sh | sh\n";
   const auto plain = strata::test::check_text("Dockerfile", text);
   const auto bom = strata::test::check_text("Dockerfile", "\xEF\xBB\xBF" + text);
   REQUIRE(plain.size() == bom.size());
   for (std::size_t i = 0; i < plain.size(); ++i) CHECK(plain[i].start == bom[i].start);
   const auto utf16 = strata::test::check_text("Dockerfile", utf16le(text));
   CHECK(has(utf16, "ST0003"));
   CHECK(has(utf16, "ST2004"));  // the curl | sh of the decoded text
   CHECK(utf16.size() == plain.size() + 1);
}

TEST_CASE("hardening: 16,000 ENV and ARG lines share their scopes (no copy per instruction)", "[hardening]") {
   for (const char* form : {"ENV V{}=value{}", "ARG V{}=value{}", "ARG U{}"}) {
      INFO(form);
      std::string text = "FROM alpine:3.20\n";
      for (int i = 0; i < 16000; ++i) text += fmt::format(fmt::runtime(form), i, i) + "\n";
      text += "RUN echo $V15999 && curl -fsSL https://example.com/x.sh | sh\n";
      const auto df = strata::parse::parse_dockerfile("Dockerfile", text);
      const auto& run = df.instructions.back();
      REQUIRE(run.variables);
      REQUIRE(run.declared_args);
      CHECK(run.variables->size() + run.declared_args->size() == 16000);
      // the scope of instruction 8,000 still holds what it held: versions are not changed later
      CHECK(df.instructions[8000].variables->size() + df.instructions[8000].declared_args->size() == 7999);
      CHECK(has(strata::test::check_text("Dockerfile", text), "ST2004"));
   }
   std::string text = "FROM alpine:3.20\n";
   for (int i = 0; i < 4000; ++i) text += fmt::format("ENV V{}=value{}\n", i, i);
   text += "RUN echo $V3999\n";
   const auto json = strata::render::to_json(strata::parse::parse_dockerfile("Dockerfile", text).instructions.back());
   CHECK(json["variables"] == nlohmann::json{{"V3999", "value3999"}});  // what it mentions, not the whole scope
}

TEST_CASE("persistent_map: versions are independent, iteration is in key order", "[hardening]") {
   using map = strata::ast::persistent_map<std::string>;
   map a;
   std::vector<map> versions;
   for (int i = 999; i >= 0; --i) {
      a = a.set(fmt::format("k{:04}", i), std::to_string(i));
      versions.push_back(a);
   }
   CHECK(a.size() == 1000);
   CHECK(versions[0].size() == 1);
   CHECK(versions[0].at("k0999") == "999");
   CHECK_FALSE(versions[0].contains("k0000"));
   const auto b = a.set("k0500", "changed").erase("k0001");
   CHECK(a.at("k0500") == "500");
   CHECK(a.contains("k0001"));
   CHECK(b.at("k0500") == "changed");
   CHECK_FALSE(b.contains("k0001"));
   CHECK(b.size() == 999);
   const auto keys = b.keys();
   CHECK(std::is_sorted(keys.begin(), keys.end()));
   CHECK(keys.size() == 999);
   CHECK(a.erase("absent").size() == 1000);
   CHECK_THROWS_AS(a.at("absent"), std::out_of_range);
}

TEST_CASE("hardening: text outputs escape control characters in paths", "[hardening][cli]") {
   const scratch_dir dir("names");
   fs::create_directories(dir.path / "a\nb");
   strata::test::write(dir / "a\nb/Dockerfile", "FROM ubuntu\n");
   for (const char* format : {"text", "full", "gnu"}) {
      INFO(format);
      const auto r = strata::test::run_strata(fmt::format("check -f {} '{}'", format, dir.path.string()));
      CHECK(r.out.find("a\\nb/Dockerfile:1") != std::string::npos);
      CHECK(r.out.find("a\nb/Dockerfile") == std::string::npos);
   }
   CHECK(strata::test::run_strata("check '" + dir.path.string() + "/x\ty'").err.find("/x\\ty: ") != std::string::npos);
}
