// Golden outputs of every format on corpus/ (the main job's input).
// STRATA_UPDATE_SNAPSHOTS=1 rewrites them.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

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

// SARIF of `findings` with %SRCROOT% at the checkout; its file:// URI (which differs between
// checkouts) written as file:///SRCROOT/ in the golden.
std::string golden_sarif(const std::vector<engine::finding>& findings,
                         std::span<const engine::registered_rule* const> rules) {
   std::ostringstream out;
   report::options opts{false, rules, {}};
   opts.srcroot = test::source_path("");
   report::write(report::format::sarif, findings, opts, out);
   std::string text = out.str();
   std::string root = "file://" + std::filesystem::path(test::source_path("")).lexically_normal().generic_string();
   if (!root.ends_with('/')) root += '/';
   for (auto at = text.find(root); at != std::string::npos; at = text.find(root, at))
      text.replace(at, root.size(), "file:///SRCROOT/");
   return text;
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
   golden("corpus.sarif", golden_sarif(run.findings, rules_with_findings(run)));
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

namespace {
nlohmann::json sarif_of(const std::vector<engine::finding>& findings,
                        std::span<const engine::registered_rule* const> rules, const std::string& srcroot) {
   std::ostringstream out;
   report::options opts{false, rules, {}};
   opts.srcroot = srcroot;
   report::write(report::format::sarif, findings, opts, out);
   return nlohmann::json::parse(out.str());
}
}  // namespace

TEST_CASE("sarif: rule help is the user sections of the doc, helpUri its page in the repository", "[output]") {
   const auto rules = engine::enabled_rules({});
   const auto log = sarif_of({}, rules, test::source_path(""));
   const auto& driver = log["runs"][0]["tool"]["driver"];
   CHECK(driver["informationUri"] == "https://github.com/strata-lint/strata");
   for (const auto& r : driver["rules"]) {
      const std::string id = r["id"];
      INFO(id);
      CHECK(r["helpUri"] == "https://github.com/strata-lint/strata/blob/main/rules/" + id + "/" + id + ".md");
      const std::string md = r["help"]["markdown"];
      const std::string text = r["help"]["text"];
      CHECK(md.starts_with("## What it does\n"));
      CHECK(text.starts_with("What it does\n"));
      for (const char* heading : {"## Why is this bad?", "## Example", "## Use instead", "## Exceptions"}) {
         CHECK(md.find(heading) != std::string::npos);
      }
      // nothing a reader of the alert cannot open: the References, formats.md, fixtures, seeds, corpus
      CHECK(md.find("## References") == std::string::npos);
      CHECK(text.find("\nReferences\n") == std::string::npos);
      for (const std::string& help : {md, text}) {
         CHECK(help.find("formats.md") == std::string::npos);
         CHECK(help.find(id + ".pass") == std::string::npos);
         CHECK(help.find(id + ".fail") == std::string::npos);
         CHECK(help.find("Seed ") == std::string::npos);
         CHECK(help.find("(corpus") == std::string::npos);
      }
      CHECK(text.find("\n```") == std::string::npos);  // code indented, without its fences
   }
}

TEST_CASE("sarif: security-severity on the security rules only, precision per rule", "[output]") {
   const auto rules = engine::enabled_rules({});
   const auto log = sarif_of({}, rules, test::source_path(""));
   std::map<std::string, nlohmann::json> props;
   for (const auto& r : log["runs"][0]["tool"]["driver"]["rules"]) props[r["id"]] = r["properties"];
   for (const auto* r : rules) {
      const auto& d = *r->definition;
      INFO(d.id);
      const auto& p = props.at(std::string(d.id));
      const bool security = std::find(d.tags.begin(), d.tags.end(), "security") != d.tags.end();
      CHECK(p.contains("security-severity") == security);
      CHECK(p.contains("problem.severity") == !security);
      if (security) {
         const double score = std::stod(p["security-severity"].get<std::string>());
         CHECK(score > 0.0);
         CHECK(score <= 10.0);
      }
      CHECK((p["precision"] == "high" || p["precision"] == "medium" || p["precision"] == "very-high"));
   }
   CHECK(props.at("ST2004")["security-severity"] == "7.5");  // pipe-to-shell: High
   CHECK(props.at("ST2002")["security-severity"] == "5.0");  // unpinned download: Medium
   CHECK(props.at("ST3011")["security-severity"] == "2.0");  // an info rule: Low, not Medium
   CHECK(props.at("DL3064")["precision"] == "medium");       // a name that looks like a secret
   CHECK(props.at("DL3000")["precision"] == "high");
}

TEST_CASE("sarif: URIs relative to --srcroot for inputs inside it, absolute ones included", "[output]") {
   const auto rules = engine::enabled_rules({});
   engine::finding f;
   f.source_rule = rules.front()->definition;
   f.message = "m";
   f.start = {1, 1};
   f.stop = {1, 2};
   std::vector<engine::finding> findings(3, f);
   findings[0].file = "corpus/a.Dockerfile";                       // relative to the working directory
   findings[1].file = test::source_path("corpus/b c.Dockerfile");  // absolute, inside the root
   findings[2].file = "/nonexistent-outside/Dockerfile";           // outside the root
   const auto log = sarif_of(findings, rules, test::source_path(""));
   const auto& run = log["runs"][0];
   const std::string root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
   CHECK(root.starts_with("file:///"));
   CHECK(root.ends_with("/"));
   const auto& results = run["results"];
   const auto artifact = [&](std::size_t i) {
      return results[i]["locations"][0]["physicalLocation"]["artifactLocation"];
   };
   CHECK(artifact(0)["uri"] == "corpus/a.Dockerfile");
   CHECK(artifact(0)["uriBaseId"] == "%SRCROOT%");
   CHECK(artifact(1)["uri"] == "corpus/b%20c.Dockerfile");
   CHECK(artifact(1)["uriBaseId"] == "%SRCROOT%");
   CHECK(artifact(2)["uri"] == "file:///nonexistent-outside/Dockerfile");
   CHECK_FALSE(artifact(2).contains("uriBaseId"));
   // another root: the same inputs are relative to it
   const auto sub = sarif_of(findings, rules, test::source_path("corpus"));
   CHECK(sub["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
         "b%20c.Dockerfile");
}

TEST_CASE("sarif and json: a cross-input conflict names the other side as a related location", "[output]") {
   const auto rules = engine::enabled_rules({});
   engine::selection only;
   only.select = {"ST4005"};
   const auto findings = test::check_fixture("rules/ST4005/ST4005.fail-across", only);
   REQUIRE(findings.size() == 2);
   const auto log = sarif_of(findings, rules, test::source_path(""));
   const auto& results = log["runs"][0]["results"];
   REQUIRE(results.size() == 2);
   const auto& first = results[0];
   REQUIRE(first["relatedLocations"].size() == 1);
   const auto& rel = first["relatedLocations"][0];
   CHECK(rel["id"] == 1);
   CHECK(rel["physicalLocation"]["artifactLocation"]["uri"] == "rules/ST4005/ST4005.fail-across/arm64.Dockerfile");
   CHECK(rel["physicalLocation"]["region"]["startLine"] == 3);
   CHECK(rel["message"]["text"] == "https://example.com/tool/1.4.2/tool-linux-arm64.tar.gz");
   const std::string message = first["message"]["text"];
   CHECK(message.ends_with("(see [arm64.Dockerfile:3](1))"));
   const auto doc = nlohmann::json::parse(test::render(findings, report::format::json));
   const auto& related = doc["findings"][0]["related"];
   REQUIRE(related.size() == 1);
   CHECK(related[0]["file"] == "rules/ST4005/ST4005.fail-across/arm64.Dockerfile");
   CHECK(related[0]["line"] == 3);
   CHECK(related[0]["column"] == 88);
}
