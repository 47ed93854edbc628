// Findings over ../shared/corpus stay what they were when the house was reshaped (issue 13):
// the number of findings of each rule over every shared corpus, and the seeds' JSON report
// byte for byte. A change that is meant to change findings updates both files with
// STRATA_UPDATE_SNAPSHOTS=1 (review the diff: every count that moves is a behaviour change).
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "acceptance/acceptance.hpp"

namespace {

const char* const corpora[] = {"seeds",       "repo-info",         "repo-info-2018",
                               "dockerfiles", "dockerfiles-bench", "official-images"};

// `strata check --format json` on one shared corpus, as text.
std::string report_of(const std::string& corpus) {
   const auto r = strata::test::run_strata("check --format json --exit-zero ../shared/corpus/" + corpus);
   REQUIRE(r.status == 0);
   return r.out;
}

// The golden in tests/acceptance/baseline/, or rewrites it under STRATA_UPDATE_SNAPSHOTS.
void golden(const std::string& name, const std::string& actual) {
   const std::string path = strata::test::source_path("tests/acceptance/baseline/" + name);
   if (std::getenv("STRATA_UPDATE_SNAPSHOTS") != nullptr) {
      strata::test::write(path, actual);
      return;
   }
   CHECK(actual == strata::test::read(path));
}

}  // namespace

TEST_CASE("baseline: findings per rule over every shared corpus", "[acceptance][baseline]") {
   nlohmann::ordered_json counts;
   for (const char* corpus : corpora) {
      const auto doc = nlohmann::json::parse(report_of(corpus));
      std::map<std::string, int> per_rule;
      for (const auto& f : doc["findings"]) ++per_rule[f["rule"].get<std::string>()];
      counts[corpus] = per_rule;
   }
   golden("counts.json", counts.dump(2) + "\n");
}

TEST_CASE("baseline: the seeds' JSON report byte for byte", "[acceptance][baseline]") {
   golden("seeds.json", report_of("seeds"));
}

TEST_CASE("baseline: the report does not depend on how many inputs are checked at once (-j)",
          "[acceptance][baseline][parallel]") {
   for (const std::string corpus : {"dockerfiles-bench", "repo-info-2018"}) {
      INFO(corpus);
      const auto one = strata::test::run_strata("check --format json --exit-zero -j 1 ../shared/corpus/" + corpus);
      const auto many = strata::test::run_strata("check --format json --exit-zero -j 5 ../shared/corpus/" + corpus);
      REQUIRE(one.status == 0);
      REQUIRE(many.status == 0);
      CHECK(nlohmann::json::parse(one.out)["findings"].size() > 100);
      CHECK(one.out == many.out);
   }
}
