// Test helpers: reading fixtures, running the engine, rendering findings.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "engine/check.hpp"
#include "engine/inputs.hpp"
#include "report/report.hpp"

namespace strata::test {

inline std::string source_path(const std::string& relative) {
   return std::string(STRATA_SOURCE_DIR) + "/" + relative;
}

inline std::string read(const std::string& path) {
   std::ifstream in(path, std::ios::binary);
   std::ostringstream s;
   s << in.rdbuf();
   return s.str();
}

inline void write(const std::string& path, const std::string& text) {
   std::ofstream out(path, std::ios::binary);
   out << text;
}

/// Checks one named input with the selected rules; findings sorted.
inline std::vector<engine::finding> check_text(const std::string& path, std::string text,
                                               const engine::selection& sel = {}, const engine::config* cfg = nullptr) {
   const auto rules = engine::enabled_rules(sel);  // findings point into the static registry
   std::vector<engine::finding> out;
   auto doc = engine::load_document(path, std::move(text), engine::origin::named);
   if (doc) {
      engine::check_document(*doc, rules, out, cfg);
   }
   std::sort(out.begin(), out.end(), engine::finding_order);
   return out;
}

/// Checks a fixture (a file, or a directory whose inputs form one run: rules that
/// compare inputs see them all) given relative to the source tree; findings name the
/// files relative to it too, and are sorted.
inline std::vector<engine::finding> check_fixture(const std::string& relative, const engine::selection& sel = {},
                                                  const engine::config* cfg = nullptr) {
   const auto rules = engine::enabled_rules(sel);
   std::vector<engine::finding> out;
   std::vector<engine::input_error> errors;
   const std::string root = source_path("");
   engine::checker checker(rules, cfg);
   for (const auto& f : engine::expand_inputs({source_path(relative)}, errors)) {
      std::string name = f.path.starts_with(root) ? f.path.substr(root.size()) : f.path;
      if (auto doc = engine::load_document(std::move(name), read(f.path), f.how)) checker.check(*doc, out);
   }
   checker.finish(out);
   std::sort(out.begin(), out.end(), engine::finding_order);
   return out;
}

inline std::string render(const std::vector<engine::finding>& findings, report::format fmt = report::format::full,
                          std::span<const engine::registered_rule* const> rules = {}) {
   std::ostringstream out;
   report::options opts{false, rules, {}};
   report::write(fmt, findings, opts, out);
   return out.str();
}

struct run_result {
   int status = -1;
   std::string out;
   std::string err;  ///< standard error
};

/// Runs the strata binary with arguments (a shell command line fragment).
inline run_result run_strata(const std::string& args) {
   static int counter = 0;
   const auto err_path = std::filesystem::temp_directory_path() /
                         ("strata-test-stderr-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
   const std::string cmd = std::string("\"") + STRATA_BINARY + "\" " + args + " 2>\"" + err_path.string() + "\"";
   run_result r;
   FILE* p = popen(cmd.c_str(), "r");
   if (p == nullptr) return r;
   std::array<char, 4096> buf{};
   std::size_t n = 0;
   while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
   const int st = pclose(p);
   r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
   r.err = read(err_path.string());
   std::error_code ec;
   std::filesystem::remove(err_path, ec);
   return r;
}

}  // namespace strata::test
