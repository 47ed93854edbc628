#include "engine/run.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <thread>

#include <sched.h>

#include "engine/ordered_parallel.hpp"
#include "engine/runs.hpp"

namespace strata::engine {

std::optional<document> load_input(const input_file& file, std::vector<input_error>& errors) {
   if (file.content) return load_document(file.path, *file.content, file.how);
   std::string text, error;
   bool skipped = false;
   // A walked file is read whole only when its first bytes say it is something strata checks,
   // so that an image tarball or a database in a scanned tree costs one small read.
   const bool read =
       file.how == origin::walked
           ? read_file_if(
                 file.path, sniff_bytes, [&](std::string_view prefix) { return worth_reading(file.path, prefix); },
                 text, skipped, error)
           : read_file(file.path, text, error);
   if (!read) {
      errors.push_back({file.path, error});
      return std::nullopt;
   }
   if (skipped) return std::nullopt;
   return load_document(file.path, std::move(text), file.how);
}

run_result run_check(const std::vector<std::string>& paths, std::span<const registered_rule* const> rules,
                     const config* cfg, const run_observer& observer) {
   std::vector<input_error> errors;
   const auto files = expand_inputs(paths, errors);
   return run_check(files, std::move(errors), rules, cfg, observer);
}

namespace {

/// The cores this process may run on (its CPU affinity mask: a container's or `taskset`'s
/// limit), at least 1.
std::size_t available_cores() {
   cpu_set_t set;
   CPU_ZERO(&set);
   if (::sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
   return std::max(1U, std::thread::hardware_concurrency());
}

/// One input on its way through `run_check`.
struct checked_input {
   const input_file* file = nullptr;
   std::vector<input_error> errors;  ///< of reading it
   std::unique_ptr<document> doc;    ///< null: not read, or not a kind strata checks
   std::unique_ptr<document_runs> runs;
   std::vector<finding> findings;  ///< of the rules that look at one input at a time
};

}  // namespace

run_result run_check(const std::vector<input_file>& files, std::vector<input_error> errors,
                     std::span<const registered_rule* const> rules, const config* cfg, const run_observer& observer) {
   run_result run;
   run.errors = std::move(errors);
   // Rules that compare inputs (a `finish` visitor) keep state across the run: they see the
   // documents on one thread, in input order. The others see each document on whichever
   // thread read it, with a checker of that thread's own.
   std::vector<const registered_rule*> per_input, across_inputs;
   for (const auto* r : rules) (r->definition->visit.finish != nullptr ? across_inputs : per_input).push_back(r);
   checker ordered(across_inputs, cfg);
   // reads input i and runs the per-input rules of `mine` (the calling thread's checker)
   const auto read_and_check = [&](std::size_t i, checker& mine) {
      auto in = std::make_unique<checked_input>();
      in->file = &files[i];
      if (auto doc = load_input(files[i], in->errors)) {
         in->doc = std::make_unique<document>(std::move(*doc));
         in->runs = std::make_unique<document_runs>(*in->doc);
         mine.visit(*in->doc, *in->runs, in->findings);
      }
      return in;
   };
   const auto report_in_order = [&](const std::unique_ptr<checked_input>& in) {
      const input_file& file = *in->file;
      if (!in->doc) {
         if (in->errors.empty() && observer.skipped) observer.skipped(file);
         std::move(in->errors.begin(), in->errors.end(), std::back_inserter(run.errors));
         return;
      }
      ++run.checked;
      if (observer.checking) observer.checking(file, *in->doc);
      auto& mine = in->findings;
      ordered.visit(*in->doc, *in->runs, mine);
      ordered.settle(*in->doc, mine, 0);
      if (observer.checked) {
         std::sort(mine.begin(), mine.end(), finding_order);
         observer.checked(file, *in->doc, mine, run.errors);
      }
      std::move(mine.begin(), mine.end(), std::back_inserter(run.findings));
   };

   // no more threads than inputs
   const std::size_t jobs = std::min(cfg != nullptr && cfg->jobs > 0 ? cfg->jobs : available_cores(),
                                     std::max<std::size_t>(files.size(), 1));
   if (jobs <= 1 || files.size() <= 1) {
      // the same two steps on this thread, with no thread started (one file: a pre-commit hook)
      checker mine(per_input, ordered.settings());
      for (std::size_t i = 0; i < files.size(); ++i) report_in_order(read_and_check(i, mine));
   } else {
      // one checker per thread; the calling thread also reports (the rules across inputs)
      std::vector<checker> local;
      local.reserve(jobs);
      for (std::size_t w = 0; w < jobs; ++w) local.emplace_back(per_input, ordered.settings());
      ordered_parallel(
          files.size(), jobs, 2 * jobs,
          [&](std::size_t i, std::size_t worker) { return read_and_check(i, local[worker]); }, report_in_order);
   }
   ordered.finish(run.findings);
   std::sort(run.findings.begin(), run.findings.end(), finding_order);
   return run;
}

}  // namespace strata::engine
