// Helpers of the acceptance tests on ../shared/corpus: the strata binary's JSON findings.
#pragma once

#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/helpers.hpp"

namespace strata::acceptance {

/// `strata check --format json --exit-zero <args>`, parsed (run from the source directory).
inline nlohmann::json check_json(const std::string& args) {
   const auto r = test::run_strata("check --format json --exit-zero " + args);
   REQUIRE(r.status == 0);
   return nlohmann::json::parse(r.out);
}

/// The lines of one rule's findings (in any file).
inline std::set<int> lines_of(const nlohmann::json& doc, const std::string& rule) {
   std::set<int> lines;
   for (const auto& f : doc["findings"]) {
      if (f["rule"] == rule) lines.insert(f["line"].get<int>());
   }
   return lines;
}

/// `<file name>:<line>` of one rule's findings, the file name without its directory.
inline std::set<std::string> places_of(const nlohmann::json& doc, const std::string& rule) {
   std::set<std::string> out;
   for (const auto& f : doc["findings"]) {
      if (f["rule"] != rule) continue;
      const std::string file = f["file"];
      out.insert(file.substr(file.rfind('/') + 1) + ":" + std::to_string(f["line"].get<int>()));
   }
   return out;
}

}  // namespace strata::acceptance
