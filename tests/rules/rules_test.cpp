// Every rule: registry invariants, documentation shape, and its fixtures.
// rules/<ID>/<ID>.fail*.* must produce the findings in rules/<ID>/<ID>.snap;
// rules/<ID>/<ID>.pass*.* must produce none of that rule. A fixture that is a
// directory is one run over the inputs in it (for rules that compare inputs).
// STRATA_UPDATE_SNAPSHOTS=1 rewrites the .snap files (review them with git diff).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <set>

#include <catch2/catch.hpp>

#include "support/helpers.hpp"

namespace fs = std::filesystem;
using namespace strata;

namespace {

std::vector<std::string> fixtures(const std::string& id, const std::string& kind) {
   std::vector<std::string> out;
   const fs::path dir = test::source_path("rules/" + id);
   if (!fs::is_directory(dir)) return out;
   for (const auto& e : fs::directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      // <fixture>.dockerignore is the build context's ignore file of <fixture>, not a fixture
      if (name.starts_with(id + "." + kind) && !name.ends_with(".snap") && !name.ends_with(".dockerignore")) {
         out.push_back("rules/" + id + "/" + name);
      }
   }
   std::sort(out.begin(), out.end());
   return out;
}

// Ids that were used once and must never come back.
const std::set<std::string> retired_ids = {};

}  // namespace

TEST_CASE("registry: ids unique, sorted, well formed; metadata complete", "[rules][registry]") {
   const auto rules = engine::registry();
   REQUIRE(rules.size() >= 7);
   const std::regex id_shape("(DL|ST)[0-9]{4}");
   const std::regex name_shape("[a-z0-9]+(-[a-z0-9]+)*");
   std::set<std::string_view> names;
   for (std::size_t i = 0; i < rules.size(); ++i) {
      const auto& r = *rules[i].definition;
      INFO(r.id);
      CHECK(std::regex_match(std::string(r.id), id_shape));
      CHECK(std::regex_match(std::string(r.name), name_shape));
      CHECK_FALSE(r.summary.empty());
      CHECK_FALSE(r.help.empty());
      CHECK(names.insert(r.name).second);
      CHECK(retired_ids.count(std::string(r.id)) == 0);
      const bool visits = r.visit.document || r.visit.dockerfile || r.visit.instruction || r.visit.run ||
                          r.visit.tag_page || r.visit.finish;
      CHECK(visits);
      if (i > 0) CHECK(rules[i - 1].definition->id < r.id);
      CHECK(engine::find_rule(r.id) == &rules[i]);
      CHECK(engine::find_rule(r.name) == &rules[i]);
   }
}

namespace {

// The checks of one rule, run for every rule by the test cases below (one section per
// rule) and for one rule by "rule: ..." (ctest rules.<ID>, tests/CMakeLists.txt).

void check_doc_headings(const engine::registered_rule& r) {
   static const std::vector<std::string> headings = {"## What it does", "## Why is this bad?", "## Example",
                                                     "## Use instead",  "## Exceptions",       "## References"};
   const std::string id(r.definition->id);
   const std::string md(r.doc_markdown);
   CHECK(md.starts_with("# " + id + ": "));
   std::size_t at = 0;
   for (const auto& h : headings) {
      const auto pos = md.find("\n" + h + "\n", at);
      INFO(h);
      CHECK(pos != std::string::npos);
      if (pos != std::string::npos) at = pos + 1;
   }
   CHECK_FALSE(engine::doc_section(md, "Why is this bad?").empty());
}

// The Dockerfile blocks of Example and Use instead, when the rule reads Dockerfiles and has both.
std::optional<std::pair<std::string, std::string>> doc_examples(const engine::registered_rule& r) {
   static const std::regex block("```dockerfile\n([\\s\\S]*?)```");
   const auto& v = r.definition->visit;
   if (v.dockerfile == nullptr && v.instruction == nullptr && v.run == nullptr)
      return std::nullopt;  // history-only rules
   const std::string example(engine::doc_section(r.doc_markdown, "Example"));
   const std::string fixed(engine::doc_section(r.doc_markdown, "Use instead"));
   std::smatch m1, m2;
   if (!std::regex_search(example, m1, block) || !std::regex_search(fixed, m2, block)) return std::nullopt;
   return std::pair{m1[1].str(), m2[1].str()};
}

// rules/<ID>/<ID>.config.yaml, when present: the config of the rule's fixtures and doc examples
// (the label schema and trusted registries that DL3026 and DL3049-DL3058 need).
std::optional<engine::config> rule_config(std::string_view id) {
   const std::string path = test::source_path("rules/" + std::string(id) + "/" + std::string(id) + ".config.yaml");
   if (!std::filesystem::exists(path)) return std::nullopt;
   std::string error;
   auto cfg = engine::read_config(path, error);
   INFO(error);
   REQUIRE(cfg.has_value());
   return cfg;
}

void check_doc_examples(const engine::registered_rule& r, const std::pair<std::string, std::string>& examples) {
   const engine::selection sel{{std::string(r.definition->id)}, {}};
   const auto cfg = rule_config(r.definition->id);
   const engine::config* c = cfg ? &*cfg : nullptr;
   CHECK_FALSE(test::check_text("Dockerfile", examples.first, sel, c).empty());
   CHECK(test::check_text("Dockerfile", examples.second, sel, c).empty());
}

void check_fixtures(const engine::registered_rule& r) {
   const bool update = std::getenv("STRATA_UPDATE_SNAPSHOTS") != nullptr;
   const std::string id(r.definition->id);
   const engine::selection sel{{id}, {}};
   const auto cfg = rule_config(id);
   const engine::config* c = cfg ? &*cfg : nullptr;
   const auto failing = fixtures(id, "fail");
   const auto passing = fixtures(id, "pass");
   CHECK_FALSE(failing.empty());
   CHECK_FALSE(passing.empty());
   std::string rendered;
   for (const auto& f : failing) {
      const auto found = test::check_fixture(f, sel, c);
      INFO(f);
      CHECK_FALSE(found.empty());
      rendered += test::render(found);
   }
   const std::string snap_path = test::source_path("rules/" + id + "/" + id + ".snap");
   if (update) {
      test::write(snap_path, rendered);
   } else {
      CHECK(rendered == test::read(snap_path));
   }
   for (const auto& f : passing) {
      INFO(f);
      const auto found = test::check_fixture(f, sel, c);
      CHECK(test::render(found).empty());
   }
}

}  // namespace

TEST_CASE("docs: every rule's markdown has the required headings", "[rules][docs]") {
   for (const auto& r : engine::registry()) {
      DYNAMIC_SECTION(r.definition->id) {
         check_doc_headings(r);
      }
   }
}

TEST_CASE("docs: Dockerfile examples fire and their fixes are silent", "[rules][docs]") {
   for (const auto& r : engine::registry()) {
      const auto examples = doc_examples(r);
      if (!examples) continue;
      DYNAMIC_SECTION(r.definition->id) {
         check_doc_examples(r, *examples);
      }
   }
}

TEST_CASE("fixtures: failing ones match the snapshot, passing ones are silent", "[rules][fixtures]") {
   for (const auto& r : engine::registry()) {
      DYNAMIC_SECTION(r.definition->id) {
         check_fixtures(r);
      }
   }
}

// One rule, named by the environment variable STRATA_RULE: its docs, doc examples, fixtures
// and snapshot. Hidden (not in the plain run, which covers every rule above); ctest runs it
// once per rules/<ID>/ folder as rules.<ID>, so a failing rule shows by name.
TEST_CASE("rule: the docs and fixtures of $STRATA_RULE", "[.][rule]") {
   const char* wanted = std::getenv("STRATA_RULE");
   REQUIRE(wanted != nullptr);
   INFO("STRATA_RULE=" << wanted);
   const auto* r = engine::find_rule(wanted);
   REQUIRE(r != nullptr);  // rules/<ID>/ without <ID>.cpp defining the rule, or the registry not rebuilt
   REQUIRE(r->definition->id == std::string_view(wanted));
   check_doc_headings(*r);
   if (const auto examples = doc_examples(*r)) check_doc_examples(*r, *examples);
   check_fixtures(*r);
}

TEST_CASE("every rules/ folder is a registered rule", "[rules][registry]") {
   for (const auto& e : fs::directory_iterator(test::source_path("rules"))) {
      if (!e.is_directory()) continue;
      const std::string name = e.path().filename().string();
      if (name == "_template") continue;  // the templates of rules/new_rule.cmake
      INFO(name);
      CHECK(engine::find_rule(name) != nullptr);
   }
}
