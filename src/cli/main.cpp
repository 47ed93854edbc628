// strata: checks Dockerfiles and published image history.
//
//   strata check [PATH...]   files or directories (default: corpus/)
//   strata rules [ID]        the rule catalog, or one rule's documentation
//   strata parse [--dump] FILE...  a Dockerfile as BuildKit parses it
//   strata normalize [--format markdown|json] [--check] FILE...
//                            the canonical rendering (or model) of history documents
//   strata inspect [--format json|text] [PATH...]
//                            the facts of every RUN body (commands, downloads, installs, ...)
//
// Exit status: 0 no finding at or above the failure threshold, 1 at least one,
// 2 usage error or an input that could not be read.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "engine/check.hpp"
#include "engine/inputs.hpp"
#include "engine/run.hpp"
#include "parse/dockerfile_instructions.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/values.hpp"
#include "render/document.hpp"
#include "render/model_json.hpp"
#include "report/inspect.hpp"
#include "report/report.hpp"
#include "version.hpp"

namespace {

using namespace strata;

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

struct check_options {
   std::vector<std::string> paths;
   std::string format = "text";
   std::string output;
   std::vector<std::string> select;
   std::vector<std::string> ignore;
   std::string threshold;  ///< "" = from the config, else warning
   std::string config;     ///< --config FILE ("" = .strata.yaml when present)
   std::string color = "auto";
   bool no_color = false;
   bool exit_zero = false;
   bool verbose = false;
   std::string emit_docs;  ///< directory for the normalized documentation, or empty
};

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

int run_check(const check_options& o) {
   const auto fmt_kind = report::format_from_string(o.format);
   if (!fmt_kind) {
      fmt::print(stderr, "strata: error: unknown format '{}' (text, full, json, sarif)\n", o.format);
      return 2;
   }
   // the config: --config FILE, else .strata.yaml in the working directory when there is one
   engine::config cfg;
   const std::string config_path = !o.config.empty()                         ? o.config
                                   : std::filesystem::exists(".strata.yaml") ? ".strata.yaml"
                                                                             : "";
   if (!config_path.empty()) {
      std::string error;
      auto read = engine::read_config(config_path, error);
      if (!read) {
         fmt::print(stderr, "strata: error: {}\n", error);
         return 2;
      }
      cfg = std::move(*read);
   }
   const std::string threshold_name = !o.threshold.empty() ? o.threshold : cfg.failure_threshold.value_or("warning");
   std::optional<engine::severity> threshold;
   if (threshold_name != "none") {
      threshold = engine::severity_from_string(threshold_name);
      if (!threshold) {
         fmt::print(stderr, "strata: error: unknown failure threshold '{}' (error, warning, info, style, none)\n",
                    threshold_name);
         return 2;
      }
   }
   engine::selection sel{o.select.empty() ? cfg.select : split_list(o.select), split_list(o.ignore)};
   sel.ignore.insert(sel.ignore.end(), cfg.ignore.begin(), cfg.ignore.end());
   for (const auto& [id, settings] : cfg.rules) {
      if (!settings.enabled) sel.ignore.push_back(id);
   }
   std::vector<std::string> unknown;
   const auto rules = engine::enabled_rules(sel, &unknown);
   if (!unknown.empty()) {
      for (const auto& k : unknown) fmt::print(stderr, "strata: error: no rule matches '{}' (see `strata rules`)\n", k);
      return 2;
   }

   const auto paths = o.paths.empty() ? std::vector<std::string>{"corpus"} : o.paths;
   std::set<std::string> docs_names;
   engine::run_observer observer;
   if (o.verbose) {
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
   const auto run = engine::run_check(paths, rules, &cfg, observer);
   const auto& findings = run.findings;
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
   const bool colour = !o.no_color && (*fmt_kind == report::format::text || *fmt_kind == report::format::full) &&
                       want_colour(o.color, out == &std::cout && isatty(STDOUT_FILENO) != 0);
   report::options ro{colour, rules, errors};
   report::write(*fmt_kind, findings, ro, *out);
   out->flush();
   if (o.verbose) fmt::print(stderr, "strata: {} finding(s) in {} input(s)\n", findings.size(), run.checked);

   if (!errors.empty()) return 2;
   if (o.exit_zero || !threshold) return 0;
   const bool failing =
       std::any_of(findings.begin(), findings.end(), [&](const auto& f) { return f.level >= *threshold; });
   return failing ? 1 : 0;
}

int run_rules(const std::string& id, const std::string& format) {
   if (!id.empty()) {
      const auto* r = engine::find_rule(id);
      if (r == nullptr) {
         fmt::print(stderr, "strata: error: no rule '{}' (see `strata rules`)\n", id);
         return 2;
      }
      std::cout << r->doc_markdown;
      if (!r->doc_markdown.ends_with('\n')) std::cout << '\n';
      return 0;
   }
   // markdown: the table of README.md's `## Rules` (rules/readme_table.cmake puts it there)
   if (format == "markdown") {
      std::cout << "| id | name | severity | what |\n|---|---|---|---|\n";
   }
   for (const auto& r : engine::registry()) {
      const auto& d = *r.definition;
      if (format == "markdown") {
         std::string what;
         for (const char c : d.summary) what += c == '|' ? std::string("\\|") : std::string(1, c);
         fmt::print("| [{}]({}) | {} | {} | {} |\n", d.id, r.doc_path, d.name, engine::to_string(d.default_severity),
                    what);
      } else {
         fmt::print("{:<7} {:<8} {:<38} {}\n", d.id, engine::to_string(d.default_severity), d.name, d.summary);
      }
   }
   return 0;
}

// Reads a file named on the command line; on failure prints the error and sets status 2.
bool read_input(const std::string& path, std::string& text, int& status) {
   std::string error;
   if (engine::read_file(path, text, error)) return true;
   fmt::print(stderr, "strata: error: {}: {}\n", path, error);
   status = 2;
   return false;
}

// `strata parse`: exit 0 when every file parses, 1 when BuildKit's parser rejects one
// (message on standard error with file:line:col), 2 when a file cannot be read.
int run_parse(const std::vector<std::string>& paths, bool dump, bool all_errors) {
   int status = 0;
   nlohmann::json files = nlohmann::json::array();
   for (const auto& path : paths) {
      std::string text;
      if (!read_input(path, text, status)) continue;
      const auto df = parse::parse_dockerfile(path, std::move(text));
      bool rejected = false;
      for (const auto& e : df.errors) {
         if (e.layer != ast::error_layer::parser && !all_errors) continue;
         fmt::print(stderr, "{}:{}:{}: {}\n", path, e.where.start.line, e.where.start.column, e.message);
         rejected = rejected || e.layer == ast::error_layer::parser;
      }
      if (rejected) {
         status = std::max(status, 1);
         if (dump) continue;
      }
      if (dump) {
         std::cout << parse::dump(df);
         continue;
      }
      nlohmann::json f = {{"file", path}, {"escape", std::string(1, df.escape)}};
      auto& insts = f["instructions"] = nlohmann::json::array();
      for (const auto& inst : df.instructions) insts.push_back(render::to_json(inst));
      auto& errs = f["errors"] = nlohmann::json::array();
      for (const auto& e : df.errors) {
         auto ej = render::span_json(e.where);
         ej["message"] = e.message;
         ej["layer"] = e.layer == ast::error_layer::parser ? "parser" : "instructions";
         errs.push_back(ej);
      }
      files.push_back(std::move(f));
   }
   if (!dump)
      std::cout << nlohmann::json{{"files", files}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
   return status;
}

// `strata normalize`: exit 0 when every file was rendered, 1 with --check when an input
// differs from its canonical form, 2 when a file cannot be read or has no canonical form.
int run_normalize(const std::vector<std::string>& paths, const std::string& format, bool check) {
   int status = 0;
   // JSON: one file gives its model; several give an array, written one model at a
   // time so that memory stays that of one document.
   const bool array = paths.size() > 1;
   std::size_t written = 0;
   const auto write_model = [&](const nlohmann::json& model) {
      if (array) std::cout << (written == 0 ? "[\n" : ",\n");
      std::cout << model.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
      if (!array) std::cout << '\n';
      ++written;
   };
   for (const auto& path : paths) {
      std::string text;
      if (!read_input(path, text, status)) continue;
      const auto doc = engine::load_document(path, std::move(text), engine::origin::named);
      const auto kind = doc ? engine::to_string(doc->kind) : "unknown";
      if (format == "json" && !check) {
         auto model = doc ? render::model_json(*doc) : std::nullopt;
         if (!model) {
            fmt::print(stderr, "strata: error: {}: not a history document ({}); no model to print\n", path, kind);
            status = 2;
            continue;
         }
         write_model(*model);
         continue;
      }
      const auto canonical = doc ? render::normalized(*doc) : std::nullopt;
      if (!canonical) {
         fmt::print(stderr, "strata: error: {}: no canonical rendering for this kind of document ({}){}\n", path, kind,
                    doc && render::model_json(*doc) ? "; --format json prints its model" : "");
         status = 2;
         continue;
      }
      if (check) {
         if (*canonical != doc->source().text()) {
            fmt::print(stderr, "{}: differs from the canonical form (`strata check --select ST0005` says where)\n",
                       path);
            status = std::max(status, 1);
         }
         continue;
      }
      std::cout << *canonical;
   }
   if (array && written > 0) std::cout << "\n]\n";
   if (array && written == 0 && format == "json" && !check) std::cout << "[]\n";
   return status;
}

// `strata inspect`: exit 0, or 2 when an input could not be read. A body that does not
// parse is reported in the output (`parsed: false`), not through the exit status.
int run_inspect(const std::vector<std::string>& given, const std::string& format) {
   std::vector<engine::input_error> errors;
   const auto paths = given.empty() ? std::vector<std::string>{"corpus"} : given;
   const auto files = engine::expand_inputs(paths, errors);
   const bool json = format == "json";
   if (json) std::cout << "{\"files\": [";
   std::size_t written = 0;
   for (const auto& file : files) {
      const auto doc = engine::load_input(file, errors);
      if (!doc) continue;
      if (json) {
         std::cout << (written++ == 0 ? "\n" : ",\n")
                   << report::inspect_json(*doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
      } else {
         report::write_inspect_text(*doc, std::cout);
      }
   }
   if (json) std::cout << (written == 0 ? "]}\n" : "\n]}\n");
   for (const auto& e : errors) fmt::print(stderr, "strata: error: {}: {}\n", e.path, e.message);
   return errors.empty() ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
   CLI::App app{"strata: checks Dockerfiles and published image history (repo-info tag pages)", "strata"};
   app.set_version_flag("--version", std::string("strata ") + std::string(strata::version()));
   app.require_subcommand(1);

   check_options co;
   auto* check = app.add_subcommand("check", "Check Dockerfiles and tag pages (default input: corpus/)");
   check->add_option("paths", co.paths, "Files or directories to check");
   check->add_option("-f,--format", co.format, "Output format: text, full, json, sarif")->capture_default_str();
   check->add_option("-o,--output", co.output, "Write the report to FILE instead of standard output");
   check->add_option("--select", co.select, "Only these rules (ids, id prefixes, names or aliases; comma-separated)")
       ->allow_extra_args(false);
   check->add_option("--ignore", co.ignore, "Not these rules (ids, id prefixes, names or aliases; comma-separated)")
       ->allow_extra_args(false);
   check->add_option("--failure-threshold", co.threshold,
                     "Lowest severity that makes the exit status 1: error, warning, info, style, none (default: the "
                     "config's, else warning)");
   check->add_option("--config", co.config,
                     "Read rule settings from FILE (default: .strata.yaml in the working directory, when present)");
   check->add_flag("--exit-zero", co.exit_zero,
                   "Exit 0 even when findings are at or above the threshold (2 still reports errors)");
   check->add_option("--color", co.color, "Colour: auto, always, never")
       ->check(CLI::IsMember({"auto", "always", "never"}))
       ->capture_default_str();
   check->add_flag("--no-color", co.no_color, "Same as --color=never");
   check->add_flag("-v,--verbose", co.verbose, "Report progress on standard error");
   check->add_option(
       "--emit-docs", co.emit_docs,
       "For every history document, write DIR/<name>.md (normalized page, for kinds that have one) and DIR/<name>.json "
       "(model + its findings, but not those of rules that compare inputs); <name> is the input's path below the "
       "directory given, without extension");

   std::string rule_id, rules_format = "text";
   auto* rules = app.add_subcommand("rules", "List the rules, or print one rule's documentation");
   rules->add_option("id", rule_id, "A rule id, name or alias");
   rules->add_option("--format", rules_format, "text or markdown")->check(CLI::IsMember({"text", "markdown"}));

   std::vector<std::string> parse_paths;
   bool parse_dump = false, parse_all_errors = false;
   auto* parse_cmd =
       app.add_subcommand("parse", "Parse Dockerfiles as BuildKit does and print the model (JSON) or BuildKit's dump");
   parse_cmd->add_option("files", parse_paths, "Dockerfiles")->required();
   parse_cmd->add_flag("--dump", parse_dump,
                       "Print BuildKit's Node.Dump() format; exit 1 when BuildKit's parser rejects a file");
   parse_cmd->add_flag("--all-errors", parse_all_errors,
                       "Also print the errors of BuildKit's later stages (flags, argument counts)");

   std::vector<std::string> normalize_paths;
   std::string normalize_format = "markdown";
   bool normalize_check = false;
   auto* normalize_cmd = app.add_subcommand(
       "normalize", "Print the canonical rendering of history documents (tag pages ...), or their model as JSON");
   normalize_cmd->add_option("files", normalize_paths, "History documents")->required();
   normalize_cmd
       ->add_option("-f,--format", normalize_format,
                    "markdown (the canonical page) or json (the model; an array for several files)")
       ->check(CLI::IsMember({"markdown", "json"}))
       ->capture_default_str();
   normalize_cmd->add_flag("--check", normalize_check,
                           "Print no page; name each input that differs from its canonical form on stderr and exit 1");

   std::vector<std::string> inspect_paths;
   std::string inspect_format = "text";
   auto* inspect_cmd = app.add_subcommand("inspect",
                                          "Print the facts of every RUN body: shell, commands, downloads and their "
                                          "verification, installs, cleanups, variables");
   inspect_cmd->add_option("paths", inspect_paths, "Files or directories (default: corpus/)");
   inspect_cmd->add_option("-f,--format", inspect_format, "text or json")
       ->check(CLI::IsMember({"text", "json"}))
       ->capture_default_str();

   try {
      app.parse(argc, argv);
   } catch (const CLI::ParseError& e) {
      const int code = app.exit(e);
      return code == 0 ? 0 : 2;
   }
   try {
      if (*check) return run_check(co);
      if (*rules) return run_rules(rule_id, rules_format);
      if (*parse_cmd) return run_parse(parse_paths, parse_dump, parse_all_errors);
      if (*normalize_cmd) return run_normalize(normalize_paths, normalize_format, normalize_check);
      if (*inspect_cmd) return run_inspect(inspect_paths, inspect_format);
   } catch (const std::exception& e) {
      fmt::print(stderr, "strata: internal error: {}\n", e.what());
      return 2;
   }
   return 2;
}
