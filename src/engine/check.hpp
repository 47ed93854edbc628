// Running the enabled rules over documents.
#pragma once

#include <any>
#include <optional>
#include <string>
#include <vector>

#include "engine/config.hpp"
#include "engine/document.hpp"
#include "engine/finding.hpp"
#include "engine/registry.hpp"

namespace strata::engine {

class document_runs;

/// Which rules run, and at what severity.
struct selection {
   /// Rule ids, id prefixes (`ST3`), names or aliases to run; empty = all.
   std::vector<std::string> select;
   /// Rule ids, id prefixes, names or aliases not to run.
   std::vector<std::string> ignore;
   /// Rule ids, names or aliases given a severity (config `rules:`/`override`, `--warning ID`):
   /// they turn on opt-in rules (`rule::off_by_default`), which `select` turns on only when it
   /// names them exactly (not by a prefix).
   std::vector<std::string> enable = {};
};

/// Whether `key` (case-insensitive) is the rule's id or an id prefix (`ST3`), its name, or an alias.
[[nodiscard]] bool rule_matches(const rule& r, std::string_view key);

/// The rules a selection enables, sorted by id. Unknown keys are returned in `unknown`.
[[nodiscard]] std::vector<const registered_rule*> enabled_rules(const selection& sel,
                                                                std::vector<std::string>* unknown = nullptr);

/// Runs the rules over the documents of one run. Findings are appended unsorted, at
/// each rule's severity from `cfg` (or its default) and with its options. Rules that
/// compare documents (`visitors::finish`) report when `finish` is called.
class checker {
public:
   /// `rules` and `cfg` must outlive the checker. A config with `verify_settings` and no
   /// `verify` session gets one session per checker (one run of ST5001-ST5003).
   explicit checker(std::span<const registered_rule* const> rules, const config* cfg = nullptr);
   /// Runs every visitor but `finish` over one document: `document`, `dockerfile`,
   /// `instruction` (ONBUILD triggers right after their ONBUILD), `tag_page`, `run`, then
   /// `end_of_document`. The document's run views are computed at most once, shared.
   /// Then settles the document's findings (see `settle`). Same as `visit` then `settle`.
   void check(const document& doc, std::vector<finding>& out);
   /// The visitors of `check` only, with the document's run views `runs` (made for `doc`;
   /// one `document_runs` may serve several checkers of the same run, one after the other).
   /// Appends to `out` unsettled findings.
   void visit(const document& doc, document_runs& runs, std::vector<finding>& out);
   /// What `check` does to one document's findings `out[first...]` once every rule has
   /// visited it: ShellCheck's findings (config::shellcheck), the ignore pragmas, the lint
   /// options of the file, and one finding per cause (a rule's finding stands for those of
   /// the rules it lists as aliases on the same line).
   void settle(const document& doc, std::vector<finding>& out, std::size_t first);
   /// The config the rules read: the checker's own copy when it made a verify session
   /// (see the constructor); give it to other checkers of the same run.
   [[nodiscard]] const config* settings() const noexcept { return cfg_; }
   /// Reports what rules that compare documents found, and forgets their state.
   void finish(std::vector<finding>& out);

private:
   template <class Member, class Call>
   /// Calls `call(visitor, context)` for every rule with that visitor; with `onbuild`
   /// (an ONBUILD trigger), only for rules with `rule::onbuild`.
   void each(const document* doc, document_runs* runs, bool onbuild, std::vector<finding>& out, Member member,
             Call&& call);

   /// `config::shellcheck`: ShellCheck's findings for `df`, filtered by the config's ignore /
   /// select keys (`SC2086`, `SC2`) and at its severities.
   void add_shellcheck(const ast::dockerfile& df, std::vector<finding>& out);

   std::vector<const registered_rule*> rules_;
   /// `cfg` with a verify session of its own when it has `verify_settings` (config::verify).
   std::optional<config> owned_;
   const config* cfg_;
   std::vector<std::any> states_;  ///< per rule, across the documents of the run
};

/// A run of one document: `checker::check` then `checker::finish`.
void check_document(const document& doc, std::span<const registered_rule* const> rules, std::vector<finding>& out,
                    const config* cfg = nullptr);

}  // namespace strata::engine
