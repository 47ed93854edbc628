// The command line: exit codes, defaults, and bad inputs beside good ones.
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/helpers.hpp"

using strata::test::run_strata;

TEST_CASE("cli: the main job on corpus/ (the default path) finds problems", "[cli]") {
   const auto r = run_strata("check");
   CHECK(r.status == 1);
   CHECK(r.out.find("[DL3007]") != std::string::npos);
   CHECK(r.out.find("[ST2001]") != std::string::npos);
   CHECK(r.out.find("[ST3003]") != std::string::npos);
   CHECK(r.out == run_strata("check corpus").out);
}

TEST_CASE("cli: exit codes", "[cli]") {
   CHECK(run_strata("check rules/DL3007/DL3007.pass.Dockerfile").status == 0);
   CHECK(run_strata("check rules/DL3007/DL3007.fail.Dockerfile").status == 1);
   CHECK(run_strata("check --exit-zero rules/DL3007/DL3007.fail.Dockerfile").status == 0);
   CHECK(run_strata("check --failure-threshold error rules/DL3007/DL3007.fail.Dockerfile").status == 0);
   CHECK(run_strata("check --select DL --ignore DL3007 rules/DL3007/DL3007.fail.Dockerfile").status == 0);
   CHECK(run_strata("check --select ST3 rules/DL3007/DL3007.fail.Dockerfile").status == 0);
   CHECK(run_strata("check --select NOPE9999 corpus").status == 2);
   CHECK(run_strata("check --format yaml corpus").status == 2);
   CHECK(run_strata("check --no-such-flag").status == 2);
   CHECK(run_strata("").status == 2);
   CHECK(run_strata("--version").status == 0);
   CHECK(run_strata("rules").status == 0);
   CHECK(run_strata("rules ST2001").out.starts_with("# ST2001: "));
   CHECK(run_strata("rules ST9999").status == 2);
}

TEST_CASE("cli: a missing, a binary and a malformed input beside a good one", "[cli]") {
   const auto dir = std::filesystem::temp_directory_path() / "strata-cli-test";
   std::filesystem::create_directories(dir);
   strata::test::write((dir / "bad.Dockerfile").string(), "FROM a\nFORM b\nFROM c:latest\n");
   strata::test::write((dir / "blob.bin").string(), std::string("\x7f"
                                                                "ELF\0\0\x01",
                                                                7));
   const std::string good = "rules/DL3007/DL3007.fail.Dockerfile";
   const auto r = run_strata("check --format json " + (dir / "missing").string() + " " + (dir / "blob.bin").string() +
                             " " + (dir / "bad.Dockerfile").string() + " " + good);
   CHECK(r.status == 2);  // an input could not be read
   const auto doc = nlohmann::json::parse(r.out);
   std::set<std::string> rules;
   for (const auto& f : doc["findings"])
      rules.insert(f["rule"].get<std::string>() + "@" +
                   std::filesystem::path(f["file"].get<std::string>()).filename().string());
   CHECK(rules.count("ST0003@blob.bin") == 1);
   CHECK(rules.count("ST0001@bad.Dockerfile") == 1);
   CHECK(rules.count("DL3007@bad.Dockerfile") == 1);
   CHECK(rules.count("DL3007@DL3007.fail.Dockerfile") == 1);
   std::filesystem::remove_all(dir);
}

TEST_CASE("cli: --output writes the report to a file", "[cli]") {
   const auto out = (std::filesystem::temp_directory_path() / "strata-cli-out.sarif").string();
   const auto r = run_strata("check --format sarif --output " + out + " corpus");
   CHECK(r.status == 1);
   CHECK(r.out.empty());
   const auto log = nlohmann::json::parse(strata::test::read(out));
   CHECK(log["version"] == "2.1.0");
   std::filesystem::remove(out);
}

TEST_CASE("cli: -f/-o repeatable, the N-th -o for the N-th -f", "[cli][formats]") {
   const auto dir = std::filesystem::temp_directory_path() / ("strata-cli-formats-" + std::to_string(getpid()));
   std::filesystem::create_directories(dir);
   const auto a = (dir / "a.json").string(), b = (dir / "b.sarif").string(), c = (dir / "c.xml").string();
   auto r = run_strata("check -f json -o " + a + " -f sarif -o " + b + " corpus");
   CHECK(r.status == 1);
   CHECK(r.out.empty());
   CHECK(strata::test::read(a) == run_strata("check -f json corpus").out);
   CHECK(strata::test::read(b) == run_strata("check --format sarif corpus").out);

   // a format without its -o writes standard output
   r = run_strata("check -f checkstyle -o " + c + " -f github corpus");
   CHECK(r.status == 1);
   CHECK(r.out == run_strata("check -f github corpus").out);
   CHECK(r.out.starts_with("::warning file=corpus/"));
   CHECK(strata::test::read(c).starts_with("<?xml"));

   // one format: as before (-o - is standard output; tty is text)
   CHECK(run_strata("check -f tty corpus").out == run_strata("check corpus").out);
   CHECK(run_strata("check -o - corpus").out == run_strata("check corpus").out);
   CHECK(run_strata("check -f gitlab_codeclimate corpus").out == run_strata("check -f gitlab corpus").out);

   // usage errors: two formats on standard output, more -o than -f, one file twice, unknown
   // format, --statistics with a format that has no statistics
   for (const std::string& bad :
        std::vector<std::string>{"-f json -f sarif", "-o " + a + " -o " + b, "-f json -o " + a + " -f sarif -o " + a,
                                 "-f yaml", "--statistics -f checkstyle", "--statistics -f json -f gnu -o " + c}) {
      INFO(bad);
      r = run_strata("check " + bad + " corpus");
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err.find("strata: error:") != std::string::npos);
   }
   CHECK(run_strata("check -f yaml corpus").err.find("hadolint-json") != std::string::npos);
   const auto help = run_strata("check --help").out;
   for (const char* name :
        {"checkstyle", "gitlab", "codeclimate", "junit", "github", "gnu", "sonarqube", "hadolint-json", "FORMATS"}) {
      INFO(name);
      CHECK(help.find(name) != std::string::npos);
   }
   std::filesystem::remove_all(dir);
}

TEST_CASE("cli: --srcroot sets %SRCROOT%; the default is the git top level of the working directory", "[cli]") {
   const auto uri = [](const nlohmann::json& log) {
      return log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
   };
   const std::string input = "corpus/dockerfiles/webapp/Dockerfile";
   const auto by_default = nlohmann::json::parse(run_strata("check -f sarif --exit-zero --select DL3007 " + input).out);
   CHECK(uri(by_default)["uri"] == input);
   CHECK(uri(by_default)["uriBaseId"] == "%SRCROOT%");
   const auto absolute = std::filesystem::absolute(input).string();
   const auto sub =
       nlohmann::json::parse(run_strata("check -f sarif --exit-zero --select DL3007 --srcroot corpus " + absolute).out);
   CHECK(uri(sub)["uri"] == "dockerfiles/webapp/Dockerfile");
   const std::string root = sub["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
   CHECK(root.ends_with("/corpus/"));
   const auto outside = nlohmann::json::parse(
       run_strata("check -f sarif --exit-zero --select DL3007 --srcroot corpus/dockerfiles/other " + input).out);
   CHECK(uri(outside)["uri"] == "file://" + std::filesystem::path(absolute).lexically_normal().generic_string());
   CHECK_FALSE(uri(outside).contains("uriBaseId"));
}

TEST_CASE("cli: strata parse --dump prints BuildKit's dump and fails on what BuildKit's parser rejects",
          "[cli][dump]") {
   const auto ok = run_strata("parse --dump rules/ST0001/ST0001.pass.Dockerfile");
   CHECK(ok.status == 0);
   CHECK(ok.out.starts_with(
       "(from \"alpine:3.20\" \"AS\" \"base\")\n(run \"apk add --no-cache       curl       ca-certificates\")\n"));
   // instructions-layer errors (an unknown flag) do not stop the dump; parser errors do
   const auto bad = run_strata("parse --dump rules/ST0001/ST0001.fail.Dockerfile");
   CHECK(bad.status == 1);
   CHECK(bad.out.empty());
   CHECK(run_strata("parse --dump no/such/Dockerfile").status == 2);
   const auto model = run_strata("parse rules/ST0001/ST0001.pass.Dockerfile");
   CHECK(model.status == 0);
   const auto j = nlohmann::json::parse(model.out);
   CHECK(j["files"][0]["instructions"][0]["instruction"] == "from");
}

TEST_CASE("cli: normalize prints the canonical page, the model, or checks", "[cli][normalize]") {
   const std::string page = "tests/fixtures/tag-pages/e4-oci-index-attestations.md";
   auto r = run_strata("normalize " + page);
   CHECK(r.status == 0);
   CHECK(r.out == strata::test::read(strata::test::source_path(page)));
   CHECK(run_strata("normalize --check " + page).status == 0);
   CHECK(run_strata("normalize --check rules/ST0005/ST0005.fail.md").status == 1);
   // the deviating page still comes out in canonical form
   const auto fixed = run_strata("normalize rules/ST0005/ST0005.fail.md").out;
   CHECK(fixed.find("-\tTotal Size: **30.8 MB (30751999 bytes)**  \n") != std::string::npos);
   CHECK(fixed.find("-\tDefault Command: `[\"\\/usr\\/local\\/bin\\/demo\",\"serve\"]`\n") != std::string::npos);
   CHECK(fixed.find("# Mon, 02 Jan 2023 10:00:01 GMT\n") != std::string::npos);
   CHECK(fixed.find("```\n-\tLayers:") == std::string::npos);
   r = run_strata("normalize --format json " + page);
   REQUIRE(r.status == 0);
   const auto j = nlohmann::json::parse(r.out);
   CHECK(j["tag"] == "demo:3-slim");
   CHECK(j["platforms"].size() == 4);
   // several files: an array; a library file has a model but no canonical page
   r = run_strata("normalize --format json " + page + " tests/fixtures/library/demo");
   REQUIRE(r.status == 0);
   CHECK(nlohmann::json::parse(r.out).size() == 2);
   CHECK(run_strata("normalize tests/fixtures/library/demo").status == 2);
   CHECK(run_strata("normalize corpus/dockerfiles/webapp/Dockerfile").status == 2);
   CHECK(run_strata("normalize no/such/file.md").status == 2);
}

TEST_CASE("cli: check --emit-docs writes the normalized page and the model with its findings", "[cli][normalize]") {
   const auto dir = std::filesystem::temp_directory_path() / "strata-emit-docs-test";
   std::filesystem::remove_all(dir);
   const auto r = run_strata("check --emit-docs " + dir.string() + " corpus");
   CHECK(r.status == 1);
   const auto md = dir / "repo-info" / "demo-1.md";
   REQUIRE(std::filesystem::exists(md));
   CHECK(strata::test::read(md.string()) ==
         strata::test::read(strata::test::source_path("corpus/repo-info/demo-1.md")));
   const auto j = nlohmann::json::parse(strata::test::read((dir / "repo-info" / "demo-1.json").string()));
   CHECK(j["document"]["tag"] == "demo:1");
   std::set<std::string> rules;
   for (const auto& f : j["findings"]) rules.insert(f["rule"].get<std::string>());
   CHECK(rules == std::set<std::string>{"ST4001"});
   // Dockerfiles get no documentation
   CHECK_FALSE(std::filesystem::exists(dir / "dockerfiles" / "webapp" / "Dockerfile.json"));
   std::filesystem::remove_all(dir);
}

TEST_CASE("cli: strata parse prints the JSON model even for text that is not UTF-8", "[cli]") {
   const auto path = std::filesystem::temp_directory_path() / "strata-latin1.Dockerfile";
   strata::test::write(path.string(), "FROM scratch\nLABEL caf\xE9=1\nRUN echo \"\xC2\"\n");
   const auto r = run_strata("parse " + path.string());
   CHECK(r.status == 0);
   REQUIRE_FALSE(r.out.empty());
   const auto j = nlohmann::json::parse(r.out);
   CHECK(j["files"][0]["instructions"].size() == 3);  // invalid bytes written as U+FFFD
   std::filesystem::remove(path);
}

TEST_CASE("cli: strata inspect prints the facts of every RUN body", "[cli][inspect]") {
   auto r = run_strata("inspect --format json corpus/dockerfiles/windows-agent/Dockerfile");
   REQUIRE(r.status == 0);
   const auto j = nlohmann::json::parse(r.out);
   REQUIRE(j["files"].size() == 1);
   const auto& runs = j["files"][0]["instructions"];
   REQUIRE(runs.size() == 3);
   CHECK(runs[0]["shell"] == "cmd");
   CHECK(runs[0]["commands"].empty());
   CHECK(runs[1]["shell"] == "pwsh");
   CHECK(runs[1]["parsed"] == true);
   const auto& d = runs[1]["downloads"][0];
   CHECK(d["url"] == "$url");
   CHECK(d["expanded_url"] == "https://example.com/agent/2.4.1/agent-setup.exe");
   CHECK(d["line"] == 11);
   CHECK(d["column"] == 5);
   CHECK(d["verified_by"]["method"] == "Get-FileHash");
   CHECK(d["verified_by"]["line"] == 12);
   CHECK(runs[2]["downloads"][0]["verified_by"].is_null());
   const auto& iwr = runs[1]["commands"][1];
   CHECK(iwr["name"] == "Invoke-WebRequest");
   CHECK(iwr["argv"] == nlohmann::json::array({"Invoke-WebRequest", "-Uri", "$url", "-OutFile", "agent-setup.exe"}));
   CHECK(iwr["words"][4]["text"] == "'agent-setup.exe'");
   CHECK(iwr["words"][4]["line"] == 11);
   CHECK(iwr["words"][4]["column"] == 42);

   // sh: installs and cleanups; history documents too (the image config's RUN entries)
   r = run_strata("inspect --format json corpus/dockerfiles/webapp/Dockerfile corpus/history");
   REQUIRE(r.status == 0);
   const auto k = nlohmann::json::parse(r.out);
   REQUIRE(k["files"].size() == 2);
   std::set<std::string> installs;
   for (const auto& inst : k["files"][0]["instructions"]) {
      CHECK(inst["shell"] == "sh");
      for (const auto& i : inst["installs"])
         installs.insert(i["manager"].get<std::string>() + " " + i["package"].get<std::string>());
   }
   CHECK(installs == std::set<std::string>{"apt-get ca-certificates", "apt-get curl"});
   CHECK(k["files"][1]["kind"] == "image-config");
   CHECK_FALSE(k["files"][1]["instructions"].empty());

   r = run_strata("inspect corpus/dockerfiles/windows-agent/Dockerfile");
   CHECK(r.status == 0);
   CHECK(r.out.find("download  https://example.com/agent/plugins.zip -> C:\\agent\\plugins.zip, NOT verified") !=
         std::string::npos);
   CHECK(run_strata("inspect no/such/file").status == 2);
   CHECK(run_strata("inspect --format yaml corpus").status == 2);
}

TEST_CASE("cli: --config sets severities, disables rules, and reports its own errors with line:col", "[cli][config]") {
   const auto dir = std::filesystem::temp_directory_path() / "strata-config-test";
   std::filesystem::create_directories(dir);
   const std::string fail = "rules/ST2001/ST2001.fail.Dockerfile";
   const auto cfg = (dir / "strata.yaml").string();

   strata::test::write(cfg, "failure-threshold: error\nrules:\n  ST2001: info\n");
   auto r = run_strata("check --select ST2001 --config " + cfg + " " + fail);
   CHECK(r.status == 0);  // every finding is now info, below the threshold
   CHECK(r.out.find(": note: ") != std::string::npos);
   CHECK(r.out.find(": warning: ") == std::string::npos);
   CHECK(run_strata("check --select ST2001 --failure-threshold info --config " + cfg + " " + fail).status ==
         1);  // the flag wins

   strata::test::write(cfg, "rules:\n  download-without-verification: off\n");
   r = run_strata("check --select ST2001 --config " + cfg + " " + fail);
   CHECK(r.status == 0);
   CHECK(r.out.empty());

   strata::test::write(cfg, "ignore: [ST2001]\nrules:\n  DL3007:\n    severity: error\n");
   r = run_strata("check --config " + cfg + " rules/DL3007/DL3007.fail.Dockerfile " + fail);
   CHECK(r.out.find("[ST2001]") == std::string::npos);
   CHECK(r.out.find(": error: ") != std::string::npos);

   strata::test::write(cfg, "rules:\n  ST2001: loud\n");
   r = run_strata("check --config " + cfg + " " + fail);
   CHECK(r.status == 2);
   CHECK(r.err.find("strata.yaml:2:11: `loud` is not a severity") != std::string::npos);
   strata::test::write(cfg, "rulez: {}\n");
   CHECK(run_strata("check --config " + cfg + " " + fail).err.find("strata.yaml:1:1: unknown key `rulez`") !=
         std::string::npos);
   CHECK(run_strata("check --config " + (dir / "missing.yaml").string() + " " + fail).status == 2);
   std::filesystem::remove_all(dir);
}

namespace {
// Two tag pages reduced from python:latest and python:3 of repo-info-2018 (see its README).
const std::string grouping = "tests/fixtures/grouping";

std::vector<std::string> lines_of(const std::string& text) {
   std::vector<std::string> out;
   std::stringstream s(text);
   for (std::string line; std::getline(s, line);) out.push_back(line);
   return out;
}
}  // namespace

TEST_CASE("cli: check --statistics counts findings per rule", "[cli][statistics]") {
   auto r = run_strata("check --statistics " + grouping);
   CHECK(r.status == 1);  // as without the flag: warnings are at the threshold
   CHECK(lines_of(r.out) ==
         std::vector<std::string>{
             "5  ST2001  download-without-verification  A downloaded file is used without checking its checksum or "
             "signature",
             "5  ST2002  unpinned-download              A download URL names no version or commit (or a moving one) "
             "and no checksum pins the file",
             "4  ST2005  duplicate-path-entry           ENV PATH lists the same directory twice",
             "Found 14 findings.",
         });
   CHECK(run_strata("check --statistics --failure-threshold error " + grouping).status == 0);
   CHECK(run_strata("check --statistics --exit-zero " + grouping).status == 0);

   r = run_strata("check --statistics -f json " + grouping);
   CHECK(r.status == 1);
   const auto j = nlohmann::json::parse(r.out);
   REQUIRE(j.is_array());
   REQUIRE(j.size() == 3);
   CHECK(j[0] ==
         nlohmann::json{
             {"rule", "ST2001"}, {"name", "download-without-verification"}, {"count", 5}, {"severity", "warning"}});
   CHECK(j[1]["rule"] == "ST2002");
   CHECK(j[2] ==
         nlohmann::json{{"rule", "ST2005"}, {"name", "duplicate-path-entry"}, {"count", 4}, {"severity", "info"}});
   CHECK(lines_of(run_strata("check --statistics rules/DL3007/DL3007.pass.Dockerfile").out) ==
         std::vector<std::string>{"Found 0 findings."});

   CHECK(run_strata("check --statistics -f sarif " + grouping).status == 2);
   CHECK(run_strata("check --statistics --group " + grouping).status == 2);
   const auto help = run_strata("check --help").out;
   CHECK(help.find("--statistics") != std::string::npos);
   CHECK(help.find("--group") != std::string::npos);
   CHECK(help.find("SARIF and the other CI formats stay ungrouped") != std::string::npos);
}

TEST_CASE("cli: check --group prints one line per rule and message", "[cli][group]") {
   auto r = run_strata("check --group " + grouping);
   CHECK(r.status == 1);
   const std::string p = grouping + "/";
   CHECK(lines_of(r.out) ==
         std::vector<std::string>{
             p + "3.md:31:10: note: PATH lists /usr/local/bin twice [ST2005] (x4, first of 4)",
             p + "3.md:37:16: warning: wget downloads https://example.com/get-pip.py and nothing in this RUN "
                 "verifies it (checksum or signature) [ST2001] (x4, first of 4)",
             p + "3.md:37:35: warning: wget downloads https://example.com/get-pip.py but it names no version or "
                 "commit: the build gets whatever it points to that day [ST2002] (x4, first of 4)",
             p + "latest.md:117:71: warning: Invoke-WebRequest downloads https://example.com/get-pip.py and nothing "
                 "in this RUN verifies it (checksum or signature) (demo:latest windows version 10.0.14393.2007; "
                 "amd64) [ST2001]",
             p + "latest.md:117:94: warning: Invoke-WebRequest downloads https://example.com/get-pip.py but it names "
                 "no version or commit: the build gets whatever it points to that day (demo:latest windows version "
                 "10.0.14393.2007; amd64) [ST2002]",
         });
   CHECK(run_strata("check --group --failure-threshold error " + grouping).status == 0);

   // full: the first member's source line under its header
   const auto full = lines_of(run_strata("check --group -f full " + grouping).out);
   REQUIRE(full.size() == 15);
   CHECK(full[0] == p + "3.md:31:10-31:85: note: PATH lists /usr/local/bin twice [ST2005] (x4, first of 4)");
   CHECK(full[1] == " 31 | ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

   r = run_strata("check --group -f json " + grouping);
   CHECK(r.status == 1);
   const auto j = nlohmann::json::parse(r.out);
   const auto& groups = j["findings"];
   REQUIRE(groups.size() == 5);
   CHECK(groups[0]["rule"] == "ST2005");
   CHECK(groups[0]["message"] == "PATH lists /usr/local/bin twice");
   CHECK(groups[0]["tag"] == "demo:3");
   CHECK(groups[0]["platform"] == "linux; amd64");
   CHECK(groups[0]["count"] == 4);
   CHECK(groups[0]["locations"] ==
         nlohmann::json::array({p + "3.md:31:10", p + "3.md:71:10", p + "latest.md:32:10", p + "latest.md:72:10"}));
   CHECK(groups[3]["count"] == 1);
   CHECK(groups[3]["locations"] == nlohmann::json::array({p + "latest.md:117:71"}));
   CHECK(groups[3]["message"].get<std::string>().ends_with("(demo:latest windows version 10.0.14393.2007; amd64)"));

   // SARIF is not grouped
   CHECK(run_strata("check --group -f sarif " + grouping).out == run_strata("check -f sarif " + grouping).out);
}

TEST_CASE("cli: history findings name their tag and platform in text, json and sarif", "[cli][group]") {
   const auto text = lines_of(run_strata("check --select ST2005 " + grouping).out);
   REQUIRE(text.size() == 4);
   CHECK(text[0] == grouping + "/3.md:31:10: note: PATH lists /usr/local/bin twice (demo:3 linux; amd64) [ST2005]");
   CHECK(text[3] == grouping +
                        "/latest.md:72:10: note: PATH lists /usr/local/bin twice (demo:latest linux; arm variant v7) "
                        "[ST2005]");

   const auto j = nlohmann::json::parse(run_strata("check -f json --select ST2001 " + grouping).out);
   std::set<std::string> messages;
   for (const auto& f : j["findings"]) {
      const auto m = f["message"].get<std::string>();
      CHECK(m.ends_with(" (" + f["tag"].get<std::string>() + " " + f["platform"].get<std::string>() + ")"));
      messages.insert(m);
   }
   CHECK(messages.size() == 5);  // the same RUN in four sections reads as four messages

   const auto log = nlohmann::json::parse(run_strata("check -f sarif --select ST2001 " + grouping).out);
   messages.clear();
   for (const auto& res : log["runs"][0]["results"]) messages.insert(res["message"]["text"].get<std::string>());
   CHECK(messages.size() == 5);
   CHECK(messages.count("wget downloads https://example.com/get-pip.py and nothing in this RUN verifies it (checksum "
                        "or signature) (demo:latest linux; arm variant v7)") == 1);

   // Dockerfile findings are as they were
   CHECK(run_strata("check --select DL3007 rules/DL3007/DL3007.fail.Dockerfile").out.find(" (") == std::string::npos);
}
