// One `strata verify` run: what it compares (library files, a source tree, or one
// Dockerfile given with --dockerfile), the history sections the rules ST5001-ST5003 collect
// from the documents of the run, and, computed once after the last document, each
// section's resolution and alignment (verify/history.hpp, verify/source.hpp).
//
// The rules share one session through engine::config::verify; each reports its own kind of
// difference from `results()`. A section is a tag page section (not the attestation
// ones), a `docker history` output, or one image of an image config / `docker inspect`.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ast/history_line.hpp"
#include "engine/finding.hpp"
#include "verify/history.hpp"
#include "verify/settings.hpp"

namespace strata::engine {
class context;
struct document;
}  // namespace strata::engine

namespace strata::verify {

/// One collected history: its entries, oldest first, and where each is.
struct history_section {
   std::string file;
   std::size_t index = 0;  ///< 1-based section of a tag page (image of a config file); 0 for docker history
   std::string tag;        ///< `3.6-jessie` (the reference's tag), "" when none
   std::string reference;  ///< `python:3.6-jessie`
   std::string platform;   ///< `linux; amd64`; "" when unknown
   bool windows = false;
   std::vector<ast::history_instruction> instructions;  ///< one per entry (unparsed when unreadable)
   std::vector<std::string> texts;                      ///< as printed
   std::vector<engine::finding> places;                 ///< located at each entry (message empty)
   engine::finding header;                              ///< located at the section's header
};

enum class status { match, drift, unresolved, ambiguous };
[[nodiscard]] std::string_view to_string(status s) noexcept;

/// A difference of one section, with its place.
struct section_difference {
   entry_difference::kind what = entry_difference::kind::drift;
   engine::finding place;         ///< the history entry (drift, extra) or the entry after the gap (missing)
   std::string predicted;         ///< the Dockerfile's rendering (drift, missing)
   std::string observed;          ///< the recorded text (drift, extra)
   std::string dockerfile_place;  ///< `file:line:col` of the instruction (drift, missing)
   std::string detail;
};

struct section_result {
   const history_section* section = nullptr;
   status state = status::unresolved;
   std::string why;  ///< unresolved/ambiguous: why; match/drift with several candidates: which was picked
   std::optional<std::string> library_file, library_commit;  ///< the library file (and its entry's commit)
   std::optional<std::string> source_commit, source_path;
   std::string dockerfile;  ///< how the compared Dockerfile is named
   std::size_t base = 0, own = 0, matched = 0;
   std::vector<section_difference> differences;
   std::vector<std::string> predicted_texts, observed_texts;  ///< the aligned rows, for the text report
   std::vector<std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> pairs;
   std::vector<std::string> unresolved;  ///< ST5003 messages (a commit or path missing, no entry)
   /// No library entry led to a source, but this Dockerfile of the source tree matches exactly.
   std::string found_by_content;
   /// drift: the Dockerfile at the same path of another commit of the source tree matches exactly
   /// (the image was built from that commit, not the library's: a stale build).
   std::string matches_instead;
   /// match: the library entry named another source; this says which and what matched (ST5003).
   std::string library_mismatch;
};

class session {
public:
   explicit session(settings s) : settings_(std::move(s)) {}

   [[nodiscard]] const settings& options() const noexcept { return settings_; }

   /// Collects the sections of the document `cx` visits (once per file, whichever rule calls).
   void collect(const engine::document& doc, engine::context& cx);

   /// The results, computed on the first call (after the last document).
   [[nodiscard]] const std::vector<section_result>& results();

   /// Errors that stop the comparison of every section (a library file that cannot be read,
   /// a --source that is no directory, a --dockerfile that cannot be read): `path: message`.
   [[nodiscard]] const std::vector<std::string>& errors() { return (void)results(), errors_; }

private:
   settings settings_;
   std::vector<std::string> seen_;
   std::vector<history_section> sections_;
   std::optional<std::vector<section_result>> results_;
   std::vector<std::string> errors_;

   void compute();
};

/// The `document` visitor of ST5001-ST5003: collects the document's histories into the run's
/// session (engine::config::verify); does nothing for `strata check` without one.
void collect_histories(const engine::document& doc, engine::context& cx);

}  // namespace strata::verify
