#include "cli/check_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
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
#include "report/output_file.hpp"
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
   for (const auto& a : o.build_args) {
      const auto eq = a.find('=');
      if (a.empty() || eq == 0) {
         fmt::print(stderr, "strata: error: --build-arg {}: expected NAME=VALUE\n", a);
         return std::nullopt;
      }
      if (eq != std::string::npos) {
         flags.build_args[a.substr(0, eq)] = a.substr(eq + 1);
      } else if (const char* v = std::getenv(a.c_str())) {  // docker build: `--build-arg NAME` takes the environment's
         flags.build_args[a] = v;
      }
   }
   flags.target = o.target;
   flags.context_dir = o.context_dir;
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
   cfg.jobs = o.jobs;
   for (const auto& w : cfg.warnings) warnings.push_back(w);
   for (const auto& w : warnings) fmt::print(stderr, "strata: warning: {}\n", w);
   return cfg;
}

// The names -f takes, for the usage error.
std::string format_names() {
   std::string names;
   for (const auto f : report::all_formats) {
      if (!names.empty()) names += ", ";
      names += report::format_name(f);
   }
   return names + " (tty is text, gitlab_codeclimate is gitlab)";
}

// One report of the run: a format and where it goes ("" = standard output).
struct report_target {
   report::format kind = report::format::text;
   std::string path;
};

// The reports: each -f with the -o at its position, else the first known format of the
// config / environment (or text) with the one -o. Nullopt after printing the usage error.
std::optional<std::vector<report_target>> pick_reports(const check_options& o, const engine::config& cfg) {
   std::vector<report_target> targets;
   for (const auto& name : o.formats) {
      const auto f = report::format_from_string(name);
      if (!f) {
         fmt::print(stderr, "strata: error: unknown format '{}' ({})\n", name, format_names());
         return std::nullopt;
      }
      targets.push_back({*f, {}});
   }
   if (targets.empty()) {
      report_target t;
      for (const auto& name : cfg.formats) {
         if (const auto f = report::format_from_string(name)) {
            t.kind = *f;
            break;
         }
         fmt::print(stderr, "strata: warning: format `{}` from the config or environment is not known; ignored\n",
                    name);
      }
      targets.push_back(t);
   }
   if (o.outputs.size() > targets.size()) {
      fmt::print(stderr, "strata: error: {} -o/--output for {} format(s): give each -o after its -f\n",
                 o.outputs.size(), targets.size());
      return std::nullopt;
   }
   std::set<std::string> paths;
   std::size_t to_stdout = 0;
   for (std::size_t i = 0; i < targets.size(); ++i) {
      if (i < o.outputs.size() && o.outputs[i] != "-") targets[i].path = o.outputs[i];
      if (targets[i].path.empty()) {
         ++to_stdout;
      } else if (!paths.insert(std::filesystem::path(targets[i].path).lexically_normal().string()).second) {
         fmt::print(stderr, "strata: error: -o {} is given for two formats\n", targets[i].path);
         return std::nullopt;
      }
   }
   if (to_stdout > 1) {
      fmt::print(stderr, "strata: error: {} formats would write standard output: give all but one an -o FILE\n",
                 to_stdout);
      return std::nullopt;
   }
   return targets;
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
      in.how = o.as == "dockerfile" ? engine::origin::as_dockerfile : engine::origin::standard_input;
      std::string text, error;
      if (!engine::read_descriptor(STDIN_FILENO, text, error)) {
         errors.push_back({in.path, error});
         continue;
      }
      in.content = std::move(text);
      files.push_back(std::move(in));
   }
   flush();
   if (o.as == "dockerfile") {  // `--as dockerfile`: the files named are Dockerfiles whatever their name
      for (auto& f : files) {
         if (f.how == engine::origin::named) f.how = engine::origin::as_dockerfile;
      }
   }
   return files;
}

}  // namespace

void add_check_options(CLI::App& cmd, check_options& o) {
   cmd.add_option("paths", o.paths,
                  "Files or directories to check; - reads one Dockerfile from standard input (default: corpus/ when "
                  "it exists, else .)");
   cmd.add_option("-f,--format", o.formats,
                  "Output format, repeatable (each with the -o at its position: `-f json -o a.json -f sarif -o "
                  "b.sarif`; one without -o writes standard output): text (tty), full, json, sarif, checkstyle, "
                  "gitlab (gitlab_codeclimate), codeclimate, junit, github, gnu, sonarqube, hadolint-json (default: "
                  "the config's, else text); see FORMATS below")
       ->allow_extra_args(false);
   cmd.add_option("-o,--output", o.outputs,
                  "Write the report of the -f at the same position to FILE instead of standard output (- is "
                  "standard output); repeatable")
       ->allow_extra_args(false);
   cmd.footer(
       "FORMATS (-f):\n"
       "  text, tty      path:line:col: severity: message [ID] (severity error, warning or note)\n"
       "  full           text with the range (line:col-line:col), the source line and carets\n"
       "  json           strata's findings contract: {\"tool\", \"findings\": [{rule, severity, message, file, "
       "line, column, end_line, end_column, ...}]}\n"
       "  sarif          SARIF 2.1.0, one run, for GitHub code scanning (partialFingerprints)\n"
       "  checkstyle     Checkstyle 4.3 XML: <file name><error line column severity message source=ID/>\n"
       "  gitlab         GitLab Code Quality JSON (also gitlab_codeclimate): description, check_name, "
       "fingerprint, severity, location.path, location.lines.begin\n"
       "  codeclimate    Code Climate issues, each JSON object followed by a NUL byte\n"
       "  junit          JUnit XML: a testsuite per file, a testcase with <failure> per finding\n"
       "  github         GitHub Actions workflow commands: ::warning file=F,line=L,col=C,endLine=L,"
       "endColumn=C,title=ID::message (::error, ::notice for info and style)\n"
       "  gnu            GNU error format: file:line.col-line.col: severity: message [ID]\n"
       "  sonarqube      SonarQube Generic Issue Import JSON: {\"issues\": [{engineId, ruleId, severity, type, "
       "primaryLocation}]}, 0-based columns\n"
       "  hadolint-json  hadolint's -f json: [{code, column, file, level, line, message}]\n"
       "Severities: Code Quality and Code Climate error critical, warning major, info minor, style info; "
       "SonarQube the same in capitals.\n"
       "--group and --statistics apply to text, full and json only; the other formats list every finding.");
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
   cmd.add_option("-j,--jobs", o.jobs,
                  "Read and check this many inputs at once (default: one per core); the output does not depend on it")
       ->check(CLI::Range(std::size_t{1}, std::size_t{1024}));
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
   cmd.add_option("--as", o.as,
                  "dockerfile: read every file named (and standard input) as a Dockerfile, whatever its name; "
                  "by default a named file that is neither named like a Dockerfile nor a history document is "
                  "read as a Dockerfile only when it starts like one (skipped otherwise, noted under -v)")
       ->check(CLI::IsMember({"dockerfile"}));
   cmd.add_flag("--shellcheck", o.shellcheck,
                "Run ShellCheck (Debian package shellcheck) over the sh scripts of RUN, as hadolint does; its SC "
                "codes are reported at their exact line:column and can be ignored or given severities like rules");
   cmd.add_option("--shellcheck-binary", o.shellcheck_binary,
                  "The ShellCheck executable (default: shellcheck in PATH)");
   auto* statistics = cmd.add_flag(
       "--statistics", o.statistics,
       "Instead of the findings, a count per rule (count, id, name, summary; most first), then the total; with -f "
       "json an array of {rule, name, count, severity}; with text, full and json only. The exit status is as "
       "without it");
   cmd.add_flag("--group", o.group,
                "One line per rule and message, with its count and first location: `... [ST2001] (x37, first of "
                "37)`; the tag and platform a history finding names are left out of the comparison, so the same "
                "RUN in every tag page is one line. With -f json: each finding object with `count` and "
                "`locations`. SARIF and the other CI formats stay ungrouped (code scanning dedups results by their "
                "fingerprints)")
       ->excludes(statistics);
   cmd.add_option("--build-arg", o.build_args,
                  "NAME=VALUE: an ARG's value in the build checked (as docker build; repeatable)")
       ->allow_extra_args(false);
   cmd.add_option("--target", o.target,
                  "The build stage checked for BuildKit's checks and its dependencies (default: every stage, as docker "
                  "build --check)");
   cmd.add_option("--context", o.context_dir,
                  "The build context whose .dockerignore ST1018 reads (default: each Dockerfile's directory)");
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
   const auto targets = pick_reports(o, cfg);
   if (!targets) return 2;
   for (const auto& t : *targets) {
      if (o.statistics && !report::has_layouts(t.kind)) {
         fmt::print(stderr, "strata: error: --statistics prints text, full or json, not {}\n",
                    report::format_name(t.kind));
         return 2;
      }
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
      fmt::print(stderr, "strata: error: {}: {}\n", report::printable_path(e.path), e.message);
   }

   // every file opened before any report is written: a bad -o writes none
   std::vector<std::optional<report::output_file>> files_out;
   files_out.reserve(targets->size());  // outs point into it
   std::vector<std::ostream*> outs;
   for (const auto& t : *targets) {
      if (t.path.empty()) {
         outs.push_back(&std::cout);
         files_out.emplace_back();
         continue;
      }
      std::string error;
      auto file = report::output_file::open(t.path, error);
      if (!file) {
         fmt::print(stderr, "strata: error: {}\n", error);
         return 2;
      }
      files_out.push_back(std::move(file));
      outs.push_back(&files_out.back()->stream());
   }
   const auto shape = o.statistics ? report::layout::statistics
                      : o.group    ? report::layout::groups
                                   : report::layout::findings;
   for (std::size_t i = 0; i < targets->size(); ++i) {
      const auto kind = (*targets)[i].kind;
      std::ostream& out = *outs[i];
      const bool colour = !cfg.no_color.value_or(false) &&
                          (kind == report::format::text || kind == report::format::full) &&
                          want_colour(o.color, &out == &std::cout && isatty(STDOUT_FILENO) != 0);
      report::options ro{colour, rules, errors, shape};
      ro.srcroot = o.srcroot;
      if (o.finish) {
         std::ostringstream written;
         report::write(kind, findings, ro, written);
         o.finish(written.str(), std::string(report::format_name(kind)), out);
      } else {
         report::write(kind, findings, ro, out);
      }
      out.flush();
   }
   // each file replaces its target only once all of it is written
   for (auto& file : files_out) {
      std::string error;
      if (file && !file->commit(error)) {
         fmt::print(stderr, "strata: error: {}\n", error);
         return 2;
      }
   }
   if (verbose) fmt::print(stderr, "strata: {} finding(s) in {} input(s)\n", findings.size(), run.checked);

   if (!errors.empty()) return 2;
   if (cfg.no_fail.value_or(false) || never_fail) return 0;
   const bool failing =
       std::any_of(findings.begin(), findings.end(), [&](const auto& f) { return f.level >= threshold; });
   return failing ? 1 : 0;
}

}  // namespace strata::cli
