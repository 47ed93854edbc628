// RUN bodies of real files: the share of sh and PowerShell bodies of
// ../shared/corpus/dockerfiles-bench that do not parse (at most 0.5% each), the
// shell each RUN is classified under, and the download facts of seed 003.
#include <filesystem>
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/runs.hpp"
#include "support/helpers.hpp"

using namespace strata;

namespace {
const std::string bench = "../shared/corpus/dockerfiles-bench";

struct shell_counts {
   std::size_t bodies = 0;
   std::size_t unparsed = 0;
};
}  // namespace

TEST_CASE("dockerfiles-bench: at most 0.5% of sh and PowerShell RUN bodies do not parse", "[acceptance][shell]") {
   std::vector<engine::input_error> errors;
   const auto files = engine::expand_inputs({bench}, errors);
   REQUIRE(errors.empty());
   std::map<facts::shell_kind, shell_counts> counts;
   std::size_t misclassified = 0;
   for (const auto& file : files) {
      auto doc = engine::load_document(file.path, test::read(file.path), file.how);
      if (!doc || !doc->dockerfile) continue;
      engine::for_each_run(*doc, [&](const engine::run_view& v) {
         if (v.keyword != "RUN") return;
         auto& c = counts[v.facts.shell];
         ++c.bodies;
         if (!v.facts.parsed) {
            ++c.unparsed;
            WARN(file.path << ":" << v.facts.error_where.start.line << ":" << v.facts.error_where.start.column << ": "
                           << v.facts.error);
         }
         // An independent look at the text: PowerShell-only syntax outside a pwsh body
         // (and not handed to powershell by a cmd body) means the shell was got wrong.
         const std::string& body = v.instruction->arguments;
         const bool looks_pwsh =
             body.find("$env:") != std::string::npos || body.find("Invoke-WebRequest") != std::string::npos;
         if (looks_pwsh && v.facts.shell == facts::shell_kind::sh) ++misclassified;
         if (looks_pwsh && v.facts.shell == facts::shell_kind::cmd && body.find("powershell") == std::string::npos)
            ++misclassified;
      });
   }
   const auto& sh = counts[facts::shell_kind::sh];
   const auto& pwsh = counts[facts::shell_kind::pwsh];
   WARN("sh bodies " << sh.bodies << ", unparsed " << sh.unparsed << "; pwsh bodies " << pwsh.bodies << ", unparsed "
                     << pwsh.unparsed << "; cmd bodies " << counts[facts::shell_kind::cmd].bodies);
   CHECK(sh.bodies > 2000);
   CHECK(pwsh.bodies >= 130);
   CHECK(counts[facts::shell_kind::cmd].bodies >= 60);
   CHECK(sh.unparsed * 200 <= sh.bodies);
   CHECK(pwsh.unparsed * 200 <= pwsh.bodies);
   CHECK(misclassified == 0);
}

TEST_CASE("seed 003: which downloads are verified, from strata inspect", "[acceptance][shell]") {
   const auto r = test::run_strata("inspect --format json ../shared/corpus/seeds/003_5a6006424bbde431.txt");
   REQUIRE(r.status == 0);
   const auto j = nlohmann::json::parse(r.out);
   REQUIRE(j["files"].size() == 1);
   std::map<int, std::vector<nlohmann::json>> by_line;
   for (const auto& inst : j["files"][0]["instructions"]) {
      CHECK(inst["parsed"] == true);
      for (const auto& d : inst["downloads"]) by_line[d["line"].get<int>()].push_back(d);
   }
   REQUIRE(by_line[676].size() == 1);
   CHECK(by_line[676][0]["verified_by"].is_null());
   CHECK(by_line[676][0]["tool"] == "Invoke-WebRequest");
   REQUIRE(by_line[57].size() == 2);  // python.tar.xz and its signature
   for (const auto& d : by_line[57]) CHECK(d["verified_by"]["method"] == "gpg --verify");
   CHECK(by_line[57][0]["expanded_url"].get<std::string>().find("${PYTHON_VERSION") == std::string::npos);
   REQUIRE(by_line[684].size() == 1);
   CHECK(by_line[684][0]["verified_by"]["method"] == "Get-FileHash");
}
