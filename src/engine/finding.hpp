// A finding: one rule's report at one place of one input.
#pragma once

#include <string>

#include "ast/source.hpp"
#include "engine/rule.hpp"

namespace strata::engine {

struct finding {
   const rule* source_rule = nullptr;
   severity level = severity::warning;
   std::string message;
   std::string file;               ///< the path as given on the command line (or found under it)
   ast::position start;            ///< 1-based line, column in code points
   ast::position stop;             ///< exclusive end (the column after the last character)
   std::string tag;                ///< for history documents: the tag reference (`python:latest`)
   std::string platform;           ///< for history documents: the section's platform
   std::size_t section_index = 0;  ///< 1-based section index when `platform` is set
   std::string snippet;            ///< the text of the start line
   /// The id reported when it is not the rule's own: a ShellCheck code (`SC2086`) of the
   /// `--shellcheck` pass, whose findings all come from one engine rule. "" otherwise.
   std::string code;

   [[nodiscard]] std::string_view rule_id() const noexcept { return code.empty() ? source_rule->id : code; }
};

/// Orders findings by file, line, column, rule id, then message.
[[nodiscard]] bool finding_order(const finding& a, const finding& b);

}  // namespace strata::engine
