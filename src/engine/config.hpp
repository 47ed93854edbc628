// `.strata.yaml`: which rules run, at what severity, with which options, and the
// failure threshold. Read with yaml-cpp. Shape (every key optional):
//
//   failure-threshold: warning        # error | warning | info | style | none
//   select: [ST2, ST3003]             # ids, id prefixes, names or aliases (as --select)
//   ignore: [ST2005]                  # (as --ignore)
//   rules:
//     ST2001: error                   # a severity, or `off` to disable the rule
//     duplicate-path-entry:           # a rule's id, name or alias
//       severity: warning
//       enabled: true
//       threshold-days: 7             # rule options: any other scalar key
//
// Command-line flags win over the file: --select replaces `select`, --ignore adds
// to `ignore`, --failure-threshold replaces `failure-threshold`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace strata::engine {

/// The settings of one rule.
struct rule_settings {
   std::optional<severity> level;  ///< replaces the rule's default severity
   bool enabled = true;
   std::map<std::string, std::string, std::less<>> options;  ///< other keys, values as written
};

struct config {
   std::string path;  ///< the file read ("" for the defaults)
   std::vector<std::string> select;
   std::vector<std::string> ignore;
   std::optional<std::string> failure_threshold;
   /// By rule id (`ST2001`), whatever key the file used for the rule.
   std::map<std::string, rule_settings, std::less<>> rules;

   /// The settings of rule `id`, or null.
   [[nodiscard]] const rule_settings* find(std::string_view id) const;
};

/// Reads and validates a config file. On error returns nullopt and sets `error` to
/// `path:line:col: message` (1-based line and column, as yaml-cpp reports them):
/// unreadable file, YAML syntax, an unknown top-level key, an unknown rule, a severity
/// that is not one, a value of the wrong type.
[[nodiscard]] std::optional<config> read_config(const std::string& path, std::string& error);

}  // namespace strata::engine
