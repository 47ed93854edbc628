#include "cli/verify_command.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "verify/session.hpp"

namespace strata::cli {

namespace {

using json = nlohmann::ordered_json;

json sections_json(const std::vector<verify::section_result>& results) {
   json out = json::array();
   for (const auto& r : results) {
      const auto& s = *r.section;
      json j = {{"file", s.file},
                {"index", s.index},
                {"tag", s.reference},
                {"platform", s.platform},
                {"status", verify::to_string(r.state)}};
      if (r.library_file) j["library"] = {{"file", *r.library_file}, {"commit", *r.library_commit}};
      if (r.source_commit) j["source"] = {{"commit", *r.source_commit}, {"path", *r.source_path}};
      if (!r.dockerfile.empty()) j["dockerfile"] = r.dockerfile;
      j["entries"] = {{"base", r.base}, {"own", r.own}, {"matched", r.matched}};
      if (!r.why.empty()) j["note"] = r.why;
      if (!r.found_by_content.empty()) j["found_by_content"] = r.found_by_content;
      if (!r.matches_instead.empty()) j["matches_instead"] = r.matches_instead;
      if (!r.library_mismatch.empty()) j["library_mismatch"] = r.library_mismatch;
      json diffs = json::array();
      for (const auto& d : r.differences) {
         const char* what = d.what == verify::entry_difference::kind::drift     ? "drift"
                            : d.what == verify::entry_difference::kind::missing ? "missing"
                                                                                : "extra";
         json dj = {{"kind", what}, {"line", d.place.start.line}};
         if (!d.dockerfile_place.empty()) dj["dockerfile"] = d.dockerfile_place;
         if (!d.detail.empty()) dj["difference"] = d.detail;
         diffs.push_back(std::move(dj));
      }
      j["differences"] = std::move(diffs);
      if (!r.unresolved.empty() && r.state == verify::status::unresolved) j["unresolved"] = r.unresolved;
      out.push_back(std::move(j));
   }
   return out;
}

std::string cut(std::string s, std::size_t width) {
   std::replace(s.begin(), s.end(), '\t', ' ');
   if (s.size() > width) s = s.substr(0, width - 3) + "...";
   return s;
}

// One line per section; for a drifting one, its aligned rows side by side.
void write_sections(const std::vector<verify::section_result>& results, std::ostream& out) {
   constexpr std::size_t width = 60;
   for (const auto& r : results) {
      const auto& s = *r.section;
      std::string where = s.file + (s.index > 0 ? fmt::format(" #{}", s.index) : "");
      if (!s.reference.empty()) where += " " + s.reference;
      if (!s.platform.empty()) where += " (" + s.platform + ")";
      fmt::print(out, "{}: {}", where, verify::to_string(r.state));
      if (!r.dockerfile.empty()) fmt::print(out, " against {}", r.dockerfile);
      if (r.state != verify::status::unresolved)
         fmt::print(out, " ({} base + {} own entries, {} matched)", r.base, r.own, r.matched);
      if (!r.why.empty()) fmt::print(out, "; {}", r.why);
      if (!r.found_by_content.empty()) fmt::print(out, "; no library entry names it, found by content");
      if (!r.library_mismatch.empty()) fmt::print(out, "; not the source the library names (see ST5003)");
      if (!r.matches_instead.empty()) fmt::print(out, "; matches {} instead (a stale build)", r.matches_instead);
      fmt::print(out, "\n");
      if (r.state != verify::status::drift) continue;
      fmt::print(out, "  {:<{}} | {}\n", "Dockerfile", width, "history");
      for (const auto& [p, o] : r.pairs) {
         const std::string left = p ? cut(r.predicted_texts[*p], width) : std::string();
         const std::string right = o ? cut(r.observed_texts[*o], width) : std::string();
         std::string string_mark = "=";
         if (!p)
            string_mark = ">";
         else if (!o)
            string_mark = "<";
         else {
            const std::string& observed = r.observed_texts[*o];  // lambdas capture these, not the bindings (clang 14)
            const std::string& predicted = r.predicted_texts[*p];
            const bool differs = std::any_of(r.differences.begin(), r.differences.end(), [&](const auto& d) {
               return d.what == verify::entry_difference::kind::drift && d.observed == observed &&
                      d.predicted == predicted;
            });
            if (differs) string_mark = "|";
         }
         if (string_mark == "=") continue;  // show the differences only
         fmt::print(out, "{} {:<{}} {} {}\n", string_mark, left, width, string_mark == "|" ? "|" : " ", right);
      }
   }
}

}  // namespace

void add_verify_options(CLI::App& cmd, verify_options& o) {
   add_check_options(cmd, o.check);
   cmd.add_option("--library", o.libraries,
                  "official-images library files (library/<repo>) naming the sources; takes several");
   cmd.add_option("--source", o.source,
                  "The source tree: a git repository, or a directory of checkouts named by commit");
   cmd.add_option("--dockerfile", o.dockerfile, "Compare every history with this Dockerfile (no library needed)");
   // --build-arg and --target are check's: the build predicted is the build checked
}

int run_verify(verify_options o) {
   if (o.check.paths.empty()) {
      fmt::print(stderr, "strata: error: verify needs the history to check (tag pages, docker history, configs)\n");
      return 2;
   }
   if (o.libraries.empty() && o.dockerfile.empty()) {
      fmt::print(stderr, "strata: error: verify needs --library (with --source) or --dockerfile\n");
      return 2;
   }
   verify::settings s;
   s.libraries = o.libraries;
   s.source = o.source;
   s.dockerfile = o.dockerfile;
   for (const auto& kv : o.check.build_args) {
      const auto eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) {
         fmt::print(stderr, "strata: error: --build-arg '{}' is not K=V\n", kv);
         return 2;
      }
      s.build_args[kv.substr(0, eq)] = kv.substr(eq + 1);
   }
   if (!o.check.target.empty()) s.target = o.check.target;
   auto session = std::make_shared<verify::session>(std::move(s));
   o.check.verify = session;
   bool io_error = false;
   bool errors_printed = false;  // finish runs once per -f
   // json gets "sections"; text and full a line per section; the other formats are left as
   // their consumers read them
   o.check.finish = [&](const std::string& report, const std::string& format, std::ostream& out) {
      if (!errors_printed) {
         for (const auto& e : session->errors()) {
            fmt::print(stderr, "strata: error: {}\n", e);
            io_error = true;
         }
         errors_printed = true;
      }
      const auto& results = session->results();
      if (format == "json") {
         json j = json::parse(report, nullptr, false);
         if (j.is_discarded() || !j.is_object()) j = json::object();
         j["sections"] = sections_json(results);
         out << j.dump(2) << "\n";
      } else if (format == "text" || format == "full") {
         out << report;
         write_sections(results, out);
      } else {
         out << report;
      }
   };
   const int rc = run_check(o.check);
   return io_error ? 2 : rc;
}

}  // namespace strata::cli
