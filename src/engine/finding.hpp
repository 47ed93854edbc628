// A finding: one rule's report at one place of one input.
#pragma once

#include <string>
#include <vector>

#include "ast/source.hpp"
#include "engine/rule.hpp"

namespace strata::engine {

/// Another place a finding names: the other side of a conflict between inputs or sections
/// (SARIF relatedLocations, json `related`).
struct related_location {
   std::string file;     ///< the path as findings name it (`finding::file`)
   ast::position start;  ///< 1-based line, column in code points
   ast::position stop;   ///< exclusive end
   std::string message;  ///< what is there (`sha256:... at amd64.Dockerfile:2`, `python:3.6 linux; amd64`)
};

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
   bool platform_repeats = false;  ///< another section of the page has the same platform string
   std::string snippet;            ///< the text of the start line
   /// The id reported when it is not the rule's own: a ShellCheck code (`SC2086`) of the
   /// `--shellcheck` pass, whose findings all come from one engine rule. "" otherwise.
   std::string code;
   /// Where in `message` the naming that `name_section` appended starts (the byte offset of
   /// its ` (`), or `std::string::npos` when nothing was appended.
   std::size_t naming_at = std::string::npos;
   /// The other places the message names (the other value of a conflict), first the one it
   /// names first; empty for findings about one place.
   std::vector<related_location> related;

   [[nodiscard]] std::string_view rule_id() const noexcept { return code.empty() ? source_rule->id : code; }

   /// The message without the tag and platform naming `name_section` appended: the same
   /// text for the same problem in every section and tag page (what `check --group` groups by).
   [[nodiscard]] std::string_view message_key() const noexcept {
      return std::string_view(message).substr(0, naming_at);
   }
};

/// Makes a finding on a tag page section say which one: appends ` (<tag> <platform>)`
/// (`... (python:latest windows version 10.0.14393.2007; amd64)`) to its message, unless
/// the message already names both (each as a whole word: `python:3.6` does not name
/// `python:3`); when another section of the page has the same platform string, also
/// `section <N>` (`(python:windowsservercore windows version 10.0.14393.1884; amd64,
/// section 3)`, or `(section 3)` alone). Findings without a platform (Dockerfiles,
/// page-level findings) and findings already named are left as they are. The engine calls
/// it on every finding a rule reports (`context::report`).
void name_section(finding& f);

/// Orders findings by file, line, column, rule id, then message.
[[nodiscard]] bool finding_order(const finding& a, const finding& b);

}  // namespace strata::engine
