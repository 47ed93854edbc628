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

#include "cli/check_command.hpp"
#include "cli/verify_command.hpp"
#include "engine/check.hpp"
#include "engine/inputs.hpp"
#include "engine/run.hpp"
#include "parse/dockerfile_instructions.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/values.hpp"
#include "render/document.hpp"
#include "render/model_json.hpp"
#include "report/inspect.hpp"
#include "report/output_file.hpp"
#include "report/report.hpp"
#include "version.hpp"

namespace {

using namespace strata;

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
   fmt::print(stderr, "strata: error: {}: {}\n", report::printable_path(path), error);
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
         constexpr const char* layers[] = {"parser", "instructions", "image_name", "limits"};
         ej["layer"] = layers[static_cast<int>(e.layer)];
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
   for (const auto& e : errors)
      fmt::print(stderr, "strata: error: {}: {}\n", report::printable_path(e.path), e.message);
   return errors.empty() ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
   CLI::App app{"strata: checks Dockerfiles and published image history (repo-info tag pages)", "strata"};
   app.set_version_flag("--version", std::string("strata ") + std::string(strata::version()));
   app.require_subcommand(1);

   cli::check_options co;
   auto* check = app.add_subcommand("check", "Check Dockerfiles and tag pages (default input: corpus/, else .)");
   cli::add_check_options(*check, co);

   cli::verify_options vo;
   auto* verify_cmd = app.add_subcommand(
       "verify", "Check published history (tag pages, docker history, image configs) against its source Dockerfiles");
   cli::add_verify_options(*verify_cmd, vo);

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

   // one limit on the size of every file read (inputs, config, .dockerignore), on every command
   std::uint64_t max_input_size = engine::default_max_input_bytes;
   for (auto* command : {check, verify_cmd, parse_cmd, normalize_cmd, inspect_cmd}) {
      command
          ->add_option("--max-input-size", max_input_size,
                       "Refuse (exit 2) a file larger than this, before reading it: bytes, or with a unit (64MiB, "
                       "512k; k = 1024)")
          ->transform(CLI::AsSizeValue(false))
          ->capture_default_str();
   }

   // `strata FILE...` and `strata -t error Dockerfile` (hadolint's command lines) mean `strata check ...`
   std::vector<std::string> args(argv + 1, argv + argc);
   const std::set<std::string> commands = {"check", "verify", "rules", "parse", "normalize", "inspect", "help"};
   if (args.size() == 1 && args[0] == "-v") args[0] = "--version";  // hadolint's -v
   if (!args.empty() && !commands.contains(args[0]) && args[0] != "--version" && args[0] != "-h" &&
       args[0] != "--help") {
      args.insert(args.begin(), "check");
   }
   std::reverse(args.begin(), args.end());  // CLI11 takes the arguments in reverse order
   try {
      app.parse(args);
   } catch (const CLI::ParseError& e) {
      const int code = app.exit(e);
      return code == 0 ? 0 : 2;
   }
   engine::set_max_input_bytes(max_input_size);
   try {
      // a write error on standard output (`> /dev/full`) is exit 2, whatever the command found
      if (*check) return report::finish_standard_output(cli::run_check(co));
      if (*verify_cmd) return report::finish_standard_output(cli::run_verify(std::move(vo)));
      if (*rules) return report::finish_standard_output(run_rules(rule_id, rules_format));
      if (*parse_cmd) return report::finish_standard_output(run_parse(parse_paths, parse_dump, parse_all_errors));
      if (*normalize_cmd)
         return report::finish_standard_output(run_normalize(normalize_paths, normalize_format, normalize_check));
      if (*inspect_cmd) return report::finish_standard_output(run_inspect(inspect_paths, inspect_format));
   } catch (const std::exception& e) {
      fmt::print(stderr, "strata: internal error: {}\n", e.what());
      return 2;
   }
   return 2;
}
