// One `strata check` run without the command line: inputs -> loaded documents -> checker
// -> sorted findings and input errors. Shared by the CLI and whatever else checks a set of
// inputs (verify, parallel checking).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/inputs.hpp"

namespace strata::engine {

/// Reads and classifies one input. Nullopt when it cannot be read (the error is appended to
/// `errors`) or is neither a Dockerfile nor a known history document.
[[nodiscard]] std::optional<document> load_input(const input_file& file, std::vector<input_error>& errors);

/// What a run calls while it goes through the inputs, in input order; every member may be empty.
struct run_observer {
   /// An input that was read but is neither a Dockerfile nor a known history document.
   std::function<void(const input_file&)> skipped;
   /// Before a document is checked.
   std::function<void(const input_file&, const document&)> checking;
   /// After a document is checked, with its findings sorted by `finding_order` (not those of
   /// rules that compare inputs: they come after the last document). Problems go to `errors`.
   std::function<void(const input_file&, const document&, std::span<const finding>, std::vector<input_error>& errors)>
       checked;
};

/// The outcome of a run.
struct run_result {
   std::vector<finding> findings;    ///< sorted by `finding_order`
   std::vector<input_error> errors;  ///< inputs that could not be read, then what observers reported
   std::size_t checked = 0;          ///< documents checked
};

/// Expands `paths` (files and directories, engine/inputs.hpp), loads every input and runs
/// `rules` (with `cfg`'s settings, may be null) over them as one run: `checker::check` per
/// document, then `checker::finish`. `rules` and `cfg` must outlive the findings.
///
/// Inputs are read and checked `cfg->jobs` at a time (0 or no config: one per core, on
/// threads of the run's own; at most 2 x jobs documents in memory at once). The rules with a `finish` visitor
/// (those that compare inputs) see the documents one at a time in input order; the observer is
/// called in input order, on one thread at a time. The result does not depend on `jobs`.
[[nodiscard]] run_result run_check(const std::vector<std::string>& paths, std::span<const registered_rule* const> rules,
                                   const config* cfg, const run_observer& observer = {});

/// The same over inputs already expanded (standard input among them); `errors` are the
/// expansion's, reported first.
[[nodiscard]] run_result run_check(const std::vector<input_file>& files, std::vector<input_error> errors,
                                   std::span<const registered_rule* const> rules, const config* cfg,
                                   const run_observer& observer = {});

}  // namespace strata::engine
