// The command line: exit codes, defaults, and bad inputs beside good ones.
#include <cstdio>
#include <filesystem>
#include <set>

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
   CHECK(run_strata("check --ignore DL3007 rules/DL3007/DL3007.fail.Dockerfile").status == 0);
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
   strata::test::write((dir / "blob.bin").string(), std::string("\x7f" "ELF\0\0\x01", 7));
   const std::string good = "rules/DL3007/DL3007.fail.Dockerfile";
   const auto r = run_strata("check --format json " + (dir / "missing").string() + " " + (dir / "blob.bin").string() + " " +
                             (dir / "bad.Dockerfile").string() + " " + good);
   CHECK(r.status == 2);  // an input could not be read
   const auto doc = nlohmann::json::parse(r.out);
   std::set<std::string> rules;
   for (const auto& f : doc["findings"]) rules.insert(f["rule"].get<std::string>() + "@" + std::filesystem::path(f["file"].get<std::string>()).filename().string());
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

TEST_CASE("cli: strata parse --dump prints BuildKit's dump and fails on what BuildKit's parser rejects", "[cli][dump]") {
   const auto ok = run_strata("parse --dump rules/ST0001/ST0001.pass.Dockerfile");
   CHECK(ok.status == 0);
   CHECK(ok.out.starts_with("(from \"alpine:3.20\" \"AS\" \"base\")\n(run \"apk add --no-cache       curl       ca-certificates\")\n"));
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
