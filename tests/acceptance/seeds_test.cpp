// Acceptance on the five seeds in ../shared/corpus/seeds (formats.md C18, C4, C11, C20, …).
// Exits 77 (ctest: Skipped, with the message below) when ../shared is absent.
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include <catch2/catch.hpp>  // the implementation is tests/support/catch2.cpp (strata_catch2)
#include <nlohmann/json.hpp>

#include "acceptance/acceptance.hpp"
#include "support/catch2.hpp"

namespace {
const std::string seeds = "../shared/corpus/seeds";
using strata::acceptance::check_json;
using strata::acceptance::lines_of;
}  // namespace

TEST_CASE("seed 003: ST2001 on the unverified python.exe downloads only", "[acceptance]") {
   const auto doc = check_json(seeds + "/003_5a6006424bbde431.txt");
   const auto lines = lines_of(doc, "ST2001");
   CHECK(lines == std::set<int>{676, 761, 846});
   CHECK(lines.count(57) == 0);   // python.tar.xz, checked with gpg --verify
   CHECK(lines.count(684) == 0);  // get-pip.py, checked with Get-FileHash
   for (const auto& f : doc["findings"]) {
      if (f["rule"] != "ST2001") continue;
      CHECK(f["tag"] == "python:latest");
      CHECK(std::string(f["platform"]).starts_with("windows version"));
   }
}

TEST_CASE("seeds: no ST3003 or ST4001 (they are consistent), no parse errors", "[acceptance]") {
   const auto doc = check_json(seeds);
   CHECK(lines_of(doc, "ST3003").empty());
   CHECK(lines_of(doc, "ST4001").empty());
   CHECK(lines_of(doc, "ST0001").empty());
   CHECK(lines_of(doc, "ST0002").empty());
   // seed 000: python.exe and the unpinned, unchecked get-pip.py, on both platforms
   std::set<int> s000;
   for (const auto& f : doc["findings"]) {
      if (f["rule"] == "ST2001" && std::string(f["file"]).find("000_") != std::string::npos)
         s000.insert(f["line"].get<int>());
   }
   CHECK(s000 == std::set<int>{38, 42, 111, 115});
}

TEST_CASE("seeds: ST2002 on seed 000's get-pip, ST2005 on seed 003's PATH, no pipe-to-shell or insecure transport",
          "[acceptance]") {
   const auto doc = check_json(seeds);
   std::set<std::string> st2002, st2005;
   for (const auto& f : doc["findings"]) {
      const std::string where =
          std::string(f["file"]).substr(seeds.size() + 1, 3) + ":" + std::to_string(f["line"].get<int>());
      if (f["rule"] == "ST2002") st2002.insert(where);
      if (f["rule"] == "ST2005") st2005.insert(where);
   }
   CHECK(st2002 == std::set<std::string>{"000:42", "000:115"});
   CHECK(st2005 == std::set<std::string>{"003:47", "003:137", "003:227", "003:317", "003:407", "003:497", "003:587"});
   CHECK(lines_of(doc, "ST2003").empty());
   CHECK(lines_of(doc, "ST2004").empty());
}

TEST_CASE("seeds: ST3009 on the foreign base layers of 001 and 002; the other ST3 rules silent", "[acceptance]") {
   const auto doc = check_json(seeds);
   std::map<std::string, int> st3009;
   for (const auto& f : doc["findings"]) {
      if (f["rule"] == "ST3009") ++st3009[std::string(f["file"]).substr(seeds.size() + 1, 3)];
   }
   CHECK(st3009 == std::map<std::string, int>{{"001", 3}, {"002", 3}});
   for (const char* rule : {"ST3001", "ST3002", "ST3004", "ST3005", "ST3006", "ST3007", "ST3008", "ST3010", "ST3011",
                            "ST3012", "ST3013"}) {
      INFO(rule);
      CHECK(lines_of(doc, rule).empty());
   }
}

TEST_CASE("seed 003: ST4006 on the three Linux platforms built on September bases", "[acceptance]") {
   const auto doc = check_json(seeds + "/003_5a6006424bbde431.txt");
   CHECK(lines_of(doc, "ST4006") == std::set<int>{394, 484, 574});  // 386, ppc64le, s390x
   // a threshold above the 35-day gap silences it
   const auto dir = std::filesystem::temp_directory_path() / "strata-st4006";
   std::filesystem::create_directories(dir);
   strata::test::write((dir / "c.yaml").string(), "rules:\n  ST4006:\n    threshold-days: 40\n");
   const auto relaxed = check_json("--config " + (dir / "c.yaml").string() + " " + seeds + "/003_5a6006424bbde431.txt");
   CHECK(lines_of(relaxed, "ST4006").empty());
   std::filesystem::remove_all(dir);
}

TEST_CASE("seeds: ST4007 on the Windows 2016 base layer labelled four ways; ST4002-ST4005 silent", "[acceptance]") {
   const auto doc = check_json(seeds);
   // layer 3889bb8d…: `10.0.14393.0` @ 13 Dec 2016 in 000, `1607-RTM-amd64` @ 19 Nov 2016 in 001 and 002
   // (the majority), `1607-RTM-amd64` @ 22 Nov 2016 in 003
   CHECK(strata::acceptance::places_of(doc, "ST4007") ==
         std::set<std::string>{"000_eb2bccc1806bb92b.txt:28", "003_5a6006424bbde431.txt:666"});
   for (const auto& f : doc["findings"]) {
      if (f["rule"] != "ST4007") continue;
      const std::string message = f["message"];
      CHECK(message.find("3889bb8d808bbae6fa5a33e07093e65c31371bcf9e4c38c21be6b9af52ad1548") != std::string::npos);
      CHECK(message.find("`RUN Apply image 1607-RTM-amd64` dated Sat, 19 Nov 2016 17:05:00 GMT in") !=
            std::string::npos);
   }
   for (const char* rule : {"ST4002", "ST4003", "ST4004", "ST4005"}) {
      INFO(rule);
      CHECK(lines_of(doc, rule).empty());
   }
}

int main(int argc, char** argv) {
   if (!std::filesystem::is_directory(seeds)) {
      std::fprintf(stderr, "SKIPPED: %s is not present (the shared corpus sits beside the checkout)\n", seeds.c_str());
      return 77;
   }
   return strata::test::run_catch2(argc, argv);
}
