// Running the enabled rules over documents.
#pragma once

#include <string>
#include <vector>

#include "engine/config.hpp"
#include "engine/document.hpp"
#include "engine/finding.hpp"
#include "engine/registry.hpp"
#include "engine/runs.hpp"

namespace strata::engine {

/// Which rules run, and at what severity.
struct selection {
   /// Rule ids, id prefixes (`ST3`), names or aliases to run; empty = all.
   std::vector<std::string> select;
   /// Rule ids, id prefixes, names or aliases not to run.
   std::vector<std::string> ignore;
};

/// The rules a selection enables, sorted by id. Unknown keys are returned in `unknown`.
[[nodiscard]] std::vector<const registered_rule*> enabled_rules(const selection& sel, std::vector<std::string>* unknown = nullptr);

/// Runs the rules over one document and appends its findings (unsorted), at each
/// rule's severity from `cfg` (or its default) and with its options.
void check_document(const document& doc, std::span<const registered_rule* const> rules, std::vector<finding>& out,
                    const config* cfg = nullptr);

}  // namespace strata::engine
