// Acceptance of `strata verify` on ../shared/corpus (formats.md §2-§3, MANIFEST.md's section
// table): the seeds match their sources; over repo-info and the seeds, every section but the
// 8 built after every snapshot (`g++` in `.build-deps`) and the 2 stale architectures matches;
// a changed source gives findings at the changed lines only. Part of strata_acceptance, which
// skips (exit 77) when ../shared is absent.
#include <filesystem>
#include <fstream>
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "acceptance/acceptance.hpp"

namespace {
const std::string corpus = "../shared/corpus";

nlohmann::json verify_json(const std::string& args) {
   const auto r = strata::test::run_strata("verify --format json --exit-zero " + args);
   REQUIRE(r.status == 0);
   return nlohmann::json::parse(r.out);
}

std::string libraries() {
   std::string out;
   for (const auto& e : std::filesystem::directory_iterator(corpus + "/official-images")) {
      if (e.is_regular_file()) out += " " + e.path().string();
   }
   return out;
}
}  // namespace

TEST_CASE("verify: the 17 seed sections match their source Dockerfiles", "[acceptance][verify]") {
   const auto doc =
       verify_json("--library" + libraries() + " --source " + corpus + "/dockerfiles/python " + corpus +
                   "/seeds/000_eb2bccc1806bb92b.txt " + corpus + "/seeds/001_ef6221a88b28181f.txt " + corpus +
                   "/seeds/002_eaa27c385b1f2a89.txt " + corpus + "/seeds/003_5a6006424bbde431.txt");
   REQUIRE(doc["sections"].size() == 17);
   for (const auto& s : doc["sections"]) {
      INFO(s.dump());
      CHECK(s["status"] == "match");
      CHECK(s.contains("library"));
   }
   CHECK(doc["findings"].empty());
}

TEST_CASE("verify: repo-info and the seeds against MANIFEST.md's section table", "[acceptance][verify]") {
   const auto doc =
       verify_json("--library" + libraries() + " --source " + corpus + "/dockerfiles/python " + corpus + "/repo-info " +
                   corpus + "/seeds/000_eb2bccc1806bb92b.txt " + corpus + "/seeds/001_ef6221a88b28181f.txt " + corpus +
                   "/seeds/002_eaa27c385b1f2a89.txt " + corpus + "/seeds/003_5a6006424bbde431.txt");
   REQUIRE(doc["sections"].size() == 130);
   std::map<std::string, int> drift;
   int matched = 0;
   for (const auto& s : doc["sections"]) {
      if (s["status"] == "match") ++matched;
      if (s["status"] != "drift") continue;
      drift[std::filesystem::path(s["file"].get<std::string>()).filename().string()]++;
      const auto& d = s["differences"];
      REQUIRE(d.size() >= 1);
      if (s["file"].get<std::string>().ends_with("3-alpine3.24@27b273677675.md")) {
         // newer than every snapshot: the build RUN's `.build-deps` has g++
         REQUIRE(d.size() == 1);
         CHECK(d[0]["kind"] == "drift");
         CHECK(d[0]["difference"].get<std::string>().find("`g++`") != std::string::npos);
      } else {
         // the stale ppc64le/riscv64 builds of 3.14.6: they match the older commit's Dockerfile
         CHECK(s["platform"].get<std::string>().find("linux; ") == 0);
         CHECK(s.contains("matches_instead"));
      }
   }
   CHECK(matched == 120);
   CHECK(drift == std::map<std::string, int>{{"3-alpine3.24@27b273677675.md", 8}, {"3-slim@34fa04a4e3c6.md", 2}});
}

TEST_CASE("verify: a changed source gives findings at the changed history lines only", "[acceptance][verify]") {
   // seed 003's amd64 section against its Dockerfile with PYTHON_VERSION changed, a RUN line changed
   // and the PYTHON_PIP_VERSION instruction removed
   std::ifstream in(corpus + "/dockerfiles/python/1ea0c7233e5c/3.8/buster/Dockerfile");
   REQUIRE(in);
   std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
   auto replace = [&](const std::string& from, const std::string& to) {
      const auto at = text.find(from);
      REQUIRE(at != std::string::npos);
      text.replace(at, from.size(), to);
   };
   replace("ENV PYTHON_VERSION 3.8.0", "ENV PYTHON_VERSION 3.8.1");
   replace("ln -s idle3 idle", "ln -s idle3 idle-3");
   replace("ENV PYTHON_PIP_VERSION 19.3\n", "");
   const std::string dir = std::filesystem::temp_directory_path() / "strata-verify-test";
   std::filesystem::create_directories(dir);
   std::ofstream(dir + "/Dockerfile") << text;
   const auto doc = verify_json("--dockerfile " + dir + "/Dockerfile " + corpus + "/seeds/003_5a6006424bbde431.txt");
   std::set<std::string> st5001, st5002;
   for (const auto& f : doc["findings"]) {
      if (f["platform"] != "linux; amd64") continue;
      const std::string where = std::to_string(f["line"].get<int>());
      (f["rule"] == "ST5001" ? st5001 : st5002).insert(where);
   }
   // ENV PYTHON_VERSION=3.8.0 is line 55, the `cd /usr/local/bin` RUN line 59; the history's
   // PYTHON_PIP_VERSION entry (line 61) is one the changed Dockerfile does not make
   CHECK(st5001 == std::set<std::string>{"55", "59"});
   CHECK(st5002 == std::set<std::string>{"61"});
}
