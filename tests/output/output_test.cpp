// Golden outputs of every format on corpus/ (the main job's input).
// STRATA_UPDATE_SNAPSHOTS=1 rewrites them.
#include <algorithm>
#include <cstdlib>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/run.hpp"
#include "support/helpers.hpp"

using namespace strata;

namespace {
struct corpus_run {
   std::vector<const engine::registered_rule*> rules = engine::enabled_rules({});
   std::vector<engine::finding> findings = engine::run_check({"corpus"}, rules, nullptr).findings;
};

// The rules that have findings in the run, in registry order: the SARIF golden lists only
// these in tool.driver.rules, so that adding a rule (which has no finding on corpus/) changes
// no golden. The whole catalogue is checked by "sarif: one run, rules catalog ...".
std::vector<const engine::registered_rule*> rules_with_findings(const corpus_run& run) {
   std::vector<const engine::registered_rule*> out;
   for (const auto* r : run.rules) {
      const bool fired = std::any_of(run.findings.begin(), run.findings.end(),
                                     [&](const engine::finding& f) { return f.source_rule == r->definition; });
      if (fired) out.push_back(r);
   }
   return out;
}

void golden(const std::string& name, const std::string& actual) {
   const std::string path = test::source_path("tests/output/" + name);
   if (std::getenv("STRATA_UPDATE_SNAPSHOTS") != nullptr) {
      test::write(path, actual);
      return;
   }
   CHECK(actual == test::read(path));
}
}  // namespace

TEST_CASE("golden text, full, json and sarif outputs of corpus/", "[output]") {
   const corpus_run run;
   REQUIRE_FALSE(run.findings.empty());
   golden("corpus.txt", test::render(run.findings, report::format::text));
   golden("corpus.full.txt", test::render(run.findings, report::format::full));
   golden("corpus.json", test::render(run.findings, report::format::json));
   golden("corpus.sarif", test::render(run.findings, report::format::sarif, rules_with_findings(run)));
}

TEST_CASE("golden CI outputs of corpus/: checkstyle, gitlab, codeclimate, junit, github, gnu, sonarqube, hadolint-json",
          "[output]") {
   const corpus_run run;
   REQUIRE_FALSE(run.findings.empty());
   golden("corpus.checkstyle.xml", test::render(run.findings, report::format::checkstyle));
   golden("corpus.gitlab.json", test::render(run.findings, report::format::gitlab));
   golden("corpus.codeclimate", test::render(run.findings, report::format::codeclimate));
   golden("corpus.junit.xml", test::render(run.findings, report::format::junit));
   golden("corpus.github.txt", test::render(run.findings, report::format::github));
   golden("corpus.gnu.txt", test::render(run.findings, report::format::gnu));
   golden("corpus.sonarqube.json", test::render(run.findings, report::format::sonarqube));
   golden("corpus.hadolint.json", test::render(run.findings, report::format::hadolint_json));
}

TEST_CASE("json: the findings contract", "[output]") {
   const corpus_run run;
   const auto doc = nlohmann::json::parse(test::render(run.findings, report::format::json));
   CHECK(doc["tool"]["name"] == "strata");
   CHECK(doc["tool"]["version"].is_string());
   REQUIRE(doc["findings"].size() == run.findings.size());
   bool saw_platform = false;
   for (const auto& f : doc["findings"]) {
      for (const char* key :
           {"rule", "aliases", "severity", "message", "file", "line", "column", "end_line", "end_column"}) {
         INFO(key);
         CHECK(f.contains(key));
      }
      CHECK(f["line"].get<int>() >= 1);
      CHECK(f["column"].get<int>() >= 1);
      if (f.contains("platform")) {
         saw_platform = true;
         CHECK(f.contains("tag"));
      }
   }
   CHECK(saw_platform);
}

TEST_CASE("sarif: one run, rules catalog, every result located and fingerprinted", "[output]") {
   const corpus_run run;
   const auto log = nlohmann::json::parse(test::render(run.findings, report::format::sarif, run.rules));
   CHECK(log["version"] == "2.1.0");
   REQUIRE(log["runs"].size() == 1);
   const auto& r = log["runs"][0];
   CHECK(r["columnKind"] == "unicodeCodePoints");
   // the catalogue: every enabled rule, once, in registry order (not in the golden)
   const auto& catalogue = r["tool"]["driver"]["rules"];
   REQUIRE(catalogue.size() == run.rules.size());
   for (std::size_t i = 0; i < run.rules.size(); ++i) {
      INFO(run.rules[i]->definition->id);
      CHECK(catalogue[i]["id"] == std::string(run.rules[i]->definition->id));
      CHECK(catalogue[i]["name"].is_string());
      CHECK(catalogue[i]["shortDescription"]["text"].is_string());
   }
   REQUIRE(r["results"].size() == run.findings.size());
   for (const auto& res : r["results"]) {
      const auto idx = res["ruleIndex"].get<std::size_t>();
      CHECK(r["tool"]["driver"]["rules"][idx]["id"] == res["ruleId"]);
      REQUIRE(res["locations"].size() == 1);
      const auto& loc = res["locations"][0]["physicalLocation"];
      CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
      CHECK(loc["region"]["startLine"].get<int>() >= 1);
      CHECK(loc["region"]["endColumn"].get<int>() >= 1);
      CHECK(res["partialFingerprints"].size() == 1);
   }
   // a clean run still has results: []
   const auto empty = nlohmann::json::parse(test::render({}, report::format::sarif, run.rules));
   CHECK(empty["runs"][0]["results"].is_array());
   CHECK(empty["runs"][0]["results"].empty());
}
