#include "cli/check_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/settings.hpp"
#include "engine/check.hpp"
#include "engine/inputs.hpp"
#include "engine/run.hpp"
#include "engine/shellcheck.hpp"
#include "report/report.hpp"

namespace strata::cli {

namespace {

std::vector<std::string> split_list(const std::vector<std::string>& values) {
   std::vector<std::string> out;
   for (const auto& v : values) {
      std::stringstream ss(v);
      std::string item;
      while (std::getline(ss, item, ',')) {
         item.erase(0, item.find_first_not_of(" \t"));
         item.erase(item.find_last_not_of(" \t") + 1);
         if (!item.empty()) out.push_back(item);
      }
   }
   return out;
}

bool want_colour(const std::string& mode, bool to_terminal) {
   if (mode == "always") return true;
   if (mode == "never") return false;
   const char* no_color = std::getenv("NO_COLOR");
   if (no_color != nullptr && *no_color != '\0') return false;
   const char* term = std::getenv("TERM");
   if (term != nullptr && std::string_view(term) == "dumb") return false;
   return to_terminal;
}

// The name under --emit-docs of an input: its relative path without the extension,
// made unique within the run.
std::string docs_name(const std::string& relative, std::set<std::string>& used) {
   std::filesystem::path p(relative);
   p.replace_extension();
   std::string name = p.generic_string();
   while (name.starts_with("../")) name.erase(0, 3);
   if (name.empty() || name == "." || name == "..") name = "document";
   std::string unique = name;
   for (int n = 2; !used.insert(unique).second; ++n) unique = name + "-" + std::to_string(n);
   return unique;
}

// The settings of the run: environment < config file < command line (cli/settings.hpp).
// Nullopt (after printing the error) when the config file cannot be read or a flag is invalid.
std::optional<engine::config> gather_settings(const check_options& o, const std::vector<std::string>& inputs) {
   std::vector<std::string> warnings;
   engine::config cfg = config_from_environment(warnings);
   const auto path = !o.config.empty() ? std::optional<std::string>(o.config) : discover_config(inputs);
   if (path) {
      std::string error;
      auto read = engine::read_config(*path, error);
      if (!read) {
         fmt::print(stderr, "strata: error: {}\n", error);
         return std::nullopt;
      }
      merge_config(cfg, *read);
   }
   engine::config flags;
   flags.select = split_list(o.select);
   for (const auto& id : split_list(o.ignore)) {
      if (!engine::known_rule_key(id))
         warnings.push_back(fmt::format("--ignore: `{}` names no rule (see `strata rules`); ignored", id));
      flags.ignore.push_back(id);
   }
   if (!o.threshold.empty()) flags.failure_threshold = o.threshold;
   add_overrides(flags, engine::severity::error, split_list(o.error_ids), warnings, "--error");
   add_overrides(flags, engine::severity::warning, split_list(o.warning_ids), warnings, "--warning");
   add_overrides(flags, engine::severity::info, split_list(o.info_ids), warnings, "--info");
   add_overrides(flags, engine::severity::style, split_list(o.style_ids), warnings, "--style");
   flags.trusted_registries = split_list(o.trusted_registries);
   for (const auto& item : split_list(o.require_labels)) {
      engine::label_requirement l;
      std::string error;
      if (!parse_label_requirement(item, l, error)) {
         fmt::print(stderr, "strata: error: --require-label {}: {}\n", item, error);
         return std::nullopt;
      }
      flags.label_schema.push_back(std::move(l));
   }
   flags.strict_labels = o.strict_labels;
   flags.disable_ignore_pragma = o.disable_ignore_pragma;
   if (o.exit_zero) flags.no_fail = true;
   if (o.verbose) flags.verbose = true;
   if (o.no_color) flags.no_color = true;
   merge_config(cfg, flags);
   if (o.shellcheck || !o.shellcheck_binary.empty()) {
      cfg.shellcheck = true;
      if (!o.shellcheck_binary.empty()) cfg.shellcheck_binary = o.shellcheck_binary;
      std::string error;
      if (!engine::shellcheck_version({cfg.shellcheck_binary}, error)) {
         fmt::print(stderr, "strata: error: --shellcheck: {} (install it: apt-get install shellcheck)\n", error);
         return std::nullopt;
      }
   }
   if (path) cfg.path = *path;
   for (const auto& w : cfg.warnings) warnings.push_back(w);
   for (const auto& w : warnings) fmt::print(stderr, "strata: warning: {}\n", w);
   return cfg;
}

// The report format: --format, else the first known one of the config / environment.
std::optional<report::format> pick_format(const check_options& o, const engine::config& cfg) {
   if (!o.format.empty()) {
      const auto f = report::format_from_string(o.format);
      if (!f) fmt::print(stderr, "strata: error: unknown format '{}' (text, tty, full, json, sarif)\n", o.format);
      return f;
   }
   for (const auto& name : cfg.formats) {
      if (const auto f = report::format_from_string(name)) return f;
      fmt::print(stderr, "strata: warning: format `{}` from the config or environment is not known; ignored\n", name);
   }
   return report::format::text;
}

// The inputs: `-` is standard input (read once, named by --stdin-filename); the rest expanded.
std::vector<engine::input_file> gather_inputs(const check_options& o, const std::vector<std::string>& paths,
                                              std::vector<engine::input_error>& errors) {
   std::vector<engine::input_file> files;
   std::vector<std::string> on_disk;
   const auto flush = [&] {
      auto expanded = engine::expand_inputs(on_disk, errors);
      std::move(expanded.begin(), expanded.end(), std::back_inserter(files));
      on_disk.clear();
   };
   for (const auto& p : paths) {
      if (p != "-") {
         on_disk.push_back(p);
         continue;
      }
      flush();
      engine::input_file in;
      in.path = o.stdin_filename.empty() ? "-" : o.stdin_filename;
      in.relative = in.path;
      std::ostringstream text;
      text << std::cin.rdbuf();
      in.content = text.str();
      files.push_back(std::move(in));
   }
   flush();
   return files;
}

}  // namespace

void add_check_options(CLI::App& cmd, check_options& o) {
   cmd.add_option("paths", o.paths,
                  "Files or directories to check; - reads one Dockerfile from standard input (default: corpus/ when "
                  "it exists, else .)");
   cmd.add_option("-f,--format", o.format, "Output format: text (tty), full, json, sarif (default: text)");
   cmd.add_option("-o,--output", o.output, "Write the report to FILE instead of standard output");
   cmd.add_option("--select", o.select, "Only these rules (ids, id prefixes, names or aliases; comma-separated)")
       ->allow_extra_args(false);
   cmd.add_option("--ignore", o.ignore,
                  "Not these rules (ids, id prefixes, names, aliases or ShellCheck codes; comma-separated; an unknown "
                  "one is a warning)")
       ->allow_extra_args(false);
   cmd.add_option("-t,--failure-threshold", o.threshold,
                  "Lowest severity that makes the exit status 1: error, warning, info, style, ignore (any finding), "
                  "none (never) (default: the config's, else warning)");
   cmd.add_option("-c,--config", o.config,
                  "Read settings from FILE (default: .strata.yaml, else .hadolint.yaml, in the working directory or a "
                  "parent up to the repository root; then the XDG config directory)");
   cmd.add_flag("--exit-zero,--no-fail", o.exit_zero,
                "Exit 0 even when findings are at or above the threshold (2 still reports errors)");
   cmd.add_option("--color", o.color, "Colour: auto, always, never")
       ->check(CLI::IsMember({"auto", "always", "never"}))
       ->capture_default_str();
   cmd.add_flag("--no-color", o.no_color, "Same as --color=never");
   cmd.add_flag("-v,-V,--verbose", o.verbose, "Report the config read and the progress on standard error");
   cmd.add_option("--emit-docs", o.emit_docs,
                  "For every history document, write DIR/<name>.md (normalized page, for kinds that have one) and "
                  "DIR/<name>.json (model + its findings, but not those of rules that compare inputs); <name> is the "
                  "input's path below the directory given, without extension");
   cmd.add_option("--error", o.error_ids, "Report rule ID (or ShellCheck code) as an error; repeatable")
       ->allow_extra_args(false);
   cmd.add_option("--warning", o.warning_ids, "Report rule ID as a warning; repeatable")->allow_extra_args(false);
   cmd.add_option("--info", o.info_ids, "Report rule ID as info; repeatable")->allow_extra_args(false);
   cmd.add_option("--style", o.style_ids, "Report rule ID as style; repeatable")->allow_extra_args(false);
   cmd.add_option("--trusted-registry", o.trusted_registries,
                  "A registry images may come from (DL3026; `*.example.com` patterns); repeatable")
       ->allow_extra_args(false);
   cmd.add_option("--require-label", o.require_labels,
                  "A label every stage must have, NAME:TYPE (text, url, semver, hash, rfc3339, spdx, email; "
                  "DL3049-DL3058); repeatable")
       ->allow_extra_args(false);
   cmd.add_flag("--strict-labels", o.strict_labels, "Labels outside the required ones are findings (DL3050)");
   cmd.add_flag("--disable-ignore-pragma", o.disable_ignore_pragma,
                "Do not read `# hadolint ignore=` / `# strata ignore=` pragmas (inline, stage and global)");
   cmd.add_option("--file-path-in-report", o.file_path_in_report,
                  "The file name findings name (for standard input, or a file checked under another name)");
   cmd.add_option("--stdin-filename", o.stdin_filename, "The name of standard input (`-`) in findings");
   cmd.add_flag("--shellcheck", o.shellcheck,
                "Run ShellCheck (Debian package shellcheck) over the sh scripts of RUN, as hadolint does; its SC "
                "codes are reported at their exact line:column and can be ignored or given severities like rules");
   cmd.add_option("--shellcheck-binary", o.shellcheck_binary,
                  "The ShellCheck executable (default: shellcheck in PATH)");
   auto* statistics = cmd.add_flag(
       "--statistics", o.statistics,
       "Instead of the findings, a count per rule (count, id, name, summary; most first), then the total; with -f "
       "json an array of {rule, name, count, severity}; not with -f sarif. The exit status is as without it");
   cmd.add_flag("--group", o.group,
                "One line per rule and message, with its count and first location: `... [ST2001] (x37, first of "
                "37)`; the tag and platform a history finding names are left out of the comparison, so the same "
                "RUN in every tag page is one line. With -f json: each finding object with `count` and "
                "`locations`. SARIF stays ungrouped (code scanning dedups results by their fingerprints)")
       ->excludes(statistics);
   cmd.add_option("--srcroot", o.srcroot,
                  "SARIF: the directory artifact URIs are relative to (%SRCROOT%); inputs outside it get file:// "
                  "URIs (default: the top level of the git work tree of the working directory, else the working "
                  "directory)");
}

int run_check(const check_options& o) {
   std::error_code ec;
   const auto paths = !o.paths.empty()                              ? o.paths
                      : std::filesystem::is_directory("corpus", ec) ? std::vector<std::string>{"corpus"}
                                                                    : std::vector<std::string>{"."};
   auto settings = gather_settings(o, paths);
   if (!settings) return 2;
   settings->verify = o.verify;
   if (o.verify && o.select.empty()) settings->select = {"ST5"};
   const engine::config& cfg = *settings;
   const auto fmt_kind = pick_format(o, cfg);
   if (!fmt_kind) return 2;
   if (o.statistics && *fmt_kind == report::format::sarif) {
      fmt::print(stderr, "strata: error: --statistics prints text or json, not sarif\n");
      return 2;
   }
   if (cfg.verbose.value_or(false))
      fmt::print(stderr, "strata: config: {}\n", cfg.path.empty() ? "none (defaults)" : cfg.path);

   const std::string threshold_name = cfg.failure_threshold.value_or("warning");
   if (!engine::valid_threshold(threshold_name)) {
      fmt::print(stderr, "strata: error: unknown failure threshold '{}' (error, warning, info, style, ignore, none)\n",
                 threshold_name);
      return 2;
   }
   // hadolint's `ignore`: every finding fails (style is the lowest severity); `none`: none does
   const bool never_fail = threshold_name == "none";
   const engine::severity threshold =
       threshold_name == "ignore" ? engine::severity::style
                                  : engine::severity_from_string(threshold_name).value_or(engine::severity::warning);

   engine::selection sel{cfg.select, cfg.ignore};
   for (const auto& [id, s] : cfg.rules) {
      if (!s.enabled) sel.ignore.push_back(id);
      if (s.level) sel.enable.push_back(id);
   }
   std::vector<std::string> unknown;
   for (const auto& k : sel.select) {
      if (!engine::known_rule_key(k)) unknown.push_back(k);
   }
   if (!unknown.empty()) {
      for (const auto& k : unknown) fmt::print(stderr, "strata: error: no rule matches '{}' (see `strata rules`)\n", k);
      return 2;
   }
   const auto rules = engine::enabled_rules(sel);

   const bool verbose = cfg.verbose.value_or(false);
   std::set<std::string> docs_names;
   engine::run_observer observer;
   if (verbose) {
      observer.skipped = [](const engine::input_file& file) {
         fmt::print(stderr, "strata: skipped {} (not a Dockerfile or a known history document)\n", file.path);
      };
      observer.checking = [](const engine::input_file& file, const engine::document& doc) {
         fmt::print(stderr, "strata: checking {} ({})\n", file.path, engine::to_string(doc.kind));
      };
   }
   if (!o.emit_docs.empty()) {  // findings that compare inputs come after the last one: not in the docs
      observer.checked = [&](const engine::input_file& file, const engine::document& doc,
                             std::span<const engine::finding> mine, std::vector<engine::input_error>& errors) {
         std::string error;
         if (!report::emit_docs(o.emit_docs, docs_name(file.relative, docs_names), doc, mine, error)) {
            errors.push_back({o.emit_docs, error});
         }
      };
   }
   std::vector<engine::input_error> input_errors;
   const auto files = gather_inputs(o, paths, input_errors);
   auto run = engine::run_check(files, std::move(input_errors), rules, &cfg, observer);
   auto& findings = run.findings;
   if (!o.file_path_in_report.empty()) {
      for (auto& f : findings) f.file = o.file_path_in_report;
   }
   const auto& errors = run.errors;
   for (const auto& e : errors) {
      fmt::print(stderr, "strata: error: {}: {}\n", e.path, e.message);
   }

   std::ofstream file_out;
   std::ostream* out = &std::cout;
   if (!o.output.empty() && o.output != "-") {
      file_out.open(o.output, std::ios::binary);
      if (!file_out) {
         fmt::print(stderr, "strata: error: cannot write {}\n", o.output);
         return 2;
      }
      out = &file_out;
   }
   const bool colour = !cfg.no_color.value_or(false) &&
                       (*fmt_kind == report::format::text || *fmt_kind == report::format::full) &&
                       want_colour(o.color, out == &std::cout && isatty(STDOUT_FILENO) != 0);
   const auto shape = o.statistics ? report::layout::statistics
                      : o.group    ? report::layout::groups
                                   : report::layout::findings;
   report::options ro{colour, rules, errors, shape};
   ro.srcroot = o.srcroot;
   if (o.finish) {
      std::ostringstream written;
      report::write(*fmt_kind, findings, ro, written);
      o.finish(written.str(), o.format.empty() ? "text" : o.format, *out);
   } else {
      report::write(*fmt_kind, findings, ro, *out);
   }
   out->flush();
   if (verbose) fmt::print(stderr, "strata: {} finding(s) in {} input(s)\n", findings.size(), run.checked);

   if (!errors.empty()) return 2;
   if (cfg.no_fail.value_or(false) || never_fail) return 0;
   const bool failing =
       std::any_of(findings.begin(), findings.end(), [&](const auto& f) { return f.level >= threshold; });
   return failing ? 1 : 0;
}

}  // namespace strata::cli
