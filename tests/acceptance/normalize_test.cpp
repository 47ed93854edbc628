// `strata normalize` on the real pages of ../shared/corpus (formats.md §1): the
// canonical rendering of the parsed model equals the page byte for byte for the
// seeds and every page of corpus/repo-info (local/ and the E0 tag-details page
// included), and for at least 99.9% of the 3,256 pages of repo-info-2018.
#include <filesystem>
#include <regex>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "render/document.hpp"
#include "support/helpers.hpp"

namespace fs = std::filesystem;
using namespace strata;

namespace {
const std::string corpus = "../shared/corpus";

// Normalizes every file; returns the paths whose rendering differs (or that have none).
std::vector<std::string> not_byte_exact(const std::vector<std::string>& paths) {
   std::vector<std::string> out;
   for (const auto& p : paths) {
      auto doc = engine::load_document(p, test::read(p), engine::origin::named);
      const auto canonical = doc ? render::normalized(*doc) : std::nullopt;
      if (!canonical || *canonical != doc->source().text()) out.push_back(p);
   }
   return out;
}

std::vector<std::string> files_under(const std::string& dir, const std::string& ext) {
   std::vector<std::string> out;
   if (!fs::is_directory(dir)) return out;
   for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path().generic_string());
   }
   std::sort(out.begin(), out.end());
   return out;
}
}  // namespace

TEST_CASE("normalize: seeds 000-003 and every corpus/repo-info page byte for byte", "[acceptance][normalize]") {
   std::vector<std::string> pages;
   for (const char* s : {"000_eb2bccc1806bb92b.txt", "001_ef6221a88b28181f.txt", "002_eaa27c385b1f2a89.txt",
                         "003_5a6006424bbde431.txt"}) {
      pages.push_back(corpus + "/seeds/" + s);
   }
   const auto more = files_under(corpus + "/repo-info", ".md");
   REQUIRE(more.size() >= 30);  // 27 remote pages (E0-E4) and 3 local/ pages
   pages.insert(pages.end(), more.begin(), more.end());
   const auto bad = not_byte_exact(pages);
   for (const auto& b : bad) UNSCOPED_INFO("not byte-exact: " << b);
   CHECK(bad.empty());
}

TEST_CASE("normalize: at least 99.9% of repo-info-2018 byte for byte", "[acceptance][normalize]") {
   const auto pages = files_under(corpus + "/repo-info-2018/repos", ".md");
   if (pages.empty()) {
      WARN("SKIPPED: " << corpus << "/repo-info-2018 is not present");
      return;
   }
   CHECK(pages.size() == 3256);
   const auto bad = not_byte_exact(pages);
   for (const auto& b : bad) UNSCOPED_INFO("not byte-exact: " << b);
   CHECK(static_cast<double>(pages.size() - bad.size()) >= 0.999 * static_cast<double>(pages.size()));
}

TEST_CASE("normalize --format json of seed 003: 10 platforms, 18 entries and 9 layers first",
          "[acceptance][normalize]") {
   const auto r = test::run_strata("normalize --format json " + corpus + "/seeds/003_5a6006424bbde431.txt");
   REQUIRE(r.status == 0);
   const auto j = nlohmann::json::parse(r.out);
   CHECK(j["tag"] == "python:latest");
   CHECK(j["digest"] == "sha256:7baba43c27056160a81f15942a07a4aa777573b871fcd9acf0d9df0ed9cf1ad6");
   REQUIRE(j["platforms"].size() == 10);
   const auto& first = j["platforms"][0];
   CHECK(first["platform"] == "linux; amd64");
   CHECK(first["history"].size() == 18);
   CHECK(first["layers"].size() == 9);
   CHECK(first["total_size"] == 349284332);
   const std::regex rfc3339(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
   for (const auto& p : j["platforms"]) {
      for (const auto& l : p["layers"]) {
         CHECK(l["size"].is_number_unsigned());
         if (l.contains("last_modified")) CHECK(std::regex_match(l["last_modified"].get<std::string>(), rfc3339));
      }
      for (const auto& h : p["history"]) CHECK(std::regex_match(h["created"].get<std::string>(), rfc3339));
   }
   CHECK(first["history"][0]["created"] == "2019-10-16T23:25:59Z");
}
