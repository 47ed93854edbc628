// `strata check`: its options (strata's own and hadolint's, so that a hadolint command line
// or CI step runs unchanged) and the command itself.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace strata::verify {
class session;
}

namespace strata::cli {

struct check_options {
   std::vector<std::string> paths;  ///< files, directories, `-` for standard input
   /// -f/--format, repeatable: empty = the config's `format`, else text. Each is written to
   /// the file of the -o at its position (`-f json -o a.json -f sarif -o b.sarif`); a format
   /// without one writes standard output, which at most one may do.
   std::vector<std::string> formats;
   std::vector<std::string> outputs;  ///< -o/--output, repeatable; `-` is standard output
   std::vector<std::string> select;
   std::vector<std::string> ignore;
   std::string threshold;  ///< "" = from the config, else warning
   std::string config;     ///< -c/--config FILE ("" = discovered: cli/settings.hpp)
   std::string color = "auto";
   bool no_color = false;
   bool exit_zero = false;  ///< --exit-zero / --no-fail
   bool verbose = false;
   std::string emit_docs;  ///< directory for the normalized documentation, or empty
   std::vector<std::string> error_ids, warning_ids, info_ids, style_ids;  ///< --error ID ...
   std::vector<std::string> trusted_registries;
   std::vector<std::string> require_labels;  ///< NAME:TYPE
   bool strict_labels = false;
   bool disable_ignore_pragma = false;
   std::string file_path_in_report;  ///< replaces the file name of every finding
   std::string stdin_filename;       ///< the name of `-` in findings ("-" when empty)
   std::string as;                   ///< `--as dockerfile`: named files and `-` are Dockerfiles ("" = by name/content)
   bool shellcheck = false;          ///< run ShellCheck over RUN scripts
   std::size_t jobs = 0;             ///< -j: inputs checked at once (0 = one per core)
   std::string shellcheck_binary;    ///< "" = `shellcheck` from PATH
   bool statistics = false;          ///< a count per rule instead of the findings
   bool group = false;               ///< one entry per rule and message key, with its count
   std::vector<std::string> build_args;  ///< --build-arg K=V (K alone: its value from the environment, as docker build)
   std::string target;                   ///< --target STAGE
   std::string context_dir;              ///< --context DIR
   std::string srcroot;                  ///< SARIF %SRCROOT% ("" = the git top level of the working directory)
   /// `strata verify`: the comparison the ST5001-ST5003 rules report from (default selection:
   /// the ST5 rules), and what writes the report: `finish(report, format, out)` gets the
   /// findings as written in `format` (`format_name`: `text`, `full`, `json`, `sarif`, ...) and
   /// writes the output; it is called once per format, in the order of the -f options.
   std::shared_ptr<verify::session> verify;
   std::function<void(const std::string& report, const std::string& format, std::ostream& out)> finish;
};

/// Declares the options of `check` on `cmd` (also used for `strata FILE...` without a subcommand).
void add_check_options(CLI::App& cmd, check_options& o);

/// Runs `strata check`. Exit status 0 (no finding at or above the failure threshold, or
/// --no-fail), 1 (findings at or above it), 2 (usage error, unreadable input or config).
[[nodiscard]] int run_check(const check_options& o);

}  // namespace strata::cli
