#include "engine/run.hpp"

#include <algorithm>

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

run_result run_check(const std::vector<input_file>& files, std::vector<input_error> errors,
                     std::span<const registered_rule* const> rules, const config* cfg, const run_observer& observer) {
   run_result run;
   run.errors = std::move(errors);
   checker check(rules, cfg);
   for (const auto& file : files) {
      const auto errors_before = run.errors.size();
      const auto doc = load_input(file, run.errors);
      if (!doc) {
         if (run.errors.size() == errors_before && observer.skipped) observer.skipped(file);
         continue;
      }
      ++run.checked;
      if (observer.checking) observer.checking(file, *doc);
      const auto first = run.findings.size();
      check.check(*doc, run.findings);
      if (observer.checked) {
         const auto mine = run.findings.begin() + static_cast<std::ptrdiff_t>(first);
         std::sort(mine, run.findings.end(), finding_order);
         observer.checked(file, *doc,
                          std::span<const finding>(run.findings.data() + first, run.findings.size() - first),
                          run.errors);
      }
   }
   check.finish(run.findings);
   std::sort(run.findings.begin(), run.findings.end(), finding_order);
   return run;
}

}  // namespace strata::engine
