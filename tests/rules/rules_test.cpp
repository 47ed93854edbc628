// Every rule: registry invariants, documentation shape, and its fixtures.
// rules/<ID>/<ID>.fail*.* must produce the findings in rules/<ID>/<ID>.snap;
// rules/<ID>/<ID>.pass*.* must produce none of that rule. A fixture that is a
// directory is one run over the inputs in it (for rules that compare inputs).
// STRATA_UPDATE_SNAPSHOTS=1 rewrites the .snap files (review them with git diff).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
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
      if (name.starts_with(id + "." + kind) && !name.ends_with(".snap")) {
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
      const bool visits = r.visit.document || r.visit.dockerfile || r.visit.instruction || r.visit.run || r.visit.tag_page || r.visit.finish;
      CHECK(visits);
      if (i > 0) CHECK(rules[i - 1].definition->id < r.id);
      CHECK(engine::find_rule(r.id) == &rules[i]);
      CHECK(engine::find_rule(r.name) == &rules[i]);
   }
}

TEST_CASE("docs: every rule's markdown has the required headings", "[rules][docs]") {
   const std::vector<std::string> headings = {"## What it does", "## Why is this bad?", "## Example", "## Use instead",
                                              "## Exceptions", "## References"};
   for (const auto& r : engine::registry()) {
      const std::string id(r.definition->id);
      DYNAMIC_SECTION(id) {
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
   }
}

TEST_CASE("docs: Dockerfile examples fire and their fixes are silent", "[rules][docs]") {
   const std::regex block("```dockerfile\n([\\s\\S]*?)```");
   for (const auto& r : engine::registry()) {
      const std::string id(r.definition->id);
      const std::string example(engine::doc_section(r.doc_markdown, "Example"));
      const std::string fixed(engine::doc_section(r.doc_markdown, "Use instead"));
      const auto& v = r.definition->visit;
      if (v.dockerfile == nullptr && v.instruction == nullptr && v.run == nullptr) continue;  // history-only rules
      std::smatch m1, m2;
      if (!std::regex_search(example, m1, block) || !std::regex_search(fixed, m2, block)) continue;
      DYNAMIC_SECTION(id) {
         const engine::selection sel{{id}, {}};
         CHECK_FALSE(test::check_text("Dockerfile", m1[1].str(), sel).empty());
         CHECK(test::check_text("Dockerfile", m2[1].str(), sel).empty());
      }
   }
}

TEST_CASE("fixtures: failing ones match the snapshot, passing ones are silent", "[rules][fixtures]") {
   const bool update = std::getenv("STRATA_UPDATE_SNAPSHOTS") != nullptr;
   for (const auto& r : engine::registry()) {
      const std::string id(r.definition->id);
      DYNAMIC_SECTION(id) {
         const engine::selection sel{{id}, {}};
         const auto failing = fixtures(id, "fail");
         const auto passing = fixtures(id, "pass");
         CHECK_FALSE(failing.empty());
         CHECK_FALSE(passing.empty());
         std::string rendered;
         for (const auto& f : failing) {
            const auto found = test::check_fixture(f, sel);
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
            const auto found = test::check_fixture(f, sel);
            CHECK(test::render(found).empty());
         }
      }
   }
}

TEST_CASE("every rules/ folder is a registered rule", "[rules][registry]") {
   for (const auto& e : fs::directory_iterator(test::source_path("rules"))) {
      if (!e.is_directory()) continue;
      const std::string name = e.path().filename().string();
      INFO(name);
      CHECK(engine::find_rule(name) != nullptr);
   }
}
