// What a rule's visitor reports through.
#pragma once

#include <any>
#include <cassert>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/finding.hpp"

namespace strata::ast {
struct instruction;
struct section;
}  // namespace strata::ast

namespace strata::facts {
struct conversion;
struct label;
}  // namespace strata::facts

namespace strata::engine {

struct document;
struct run_view;
class document_runs;

struct config;

class context {
public:
   /// `options`: the rule's options from the config (`threshold-days: 7`), or null.
   /// `doc`: the document visited, or null in `visitors::finish`. `state`: the rule's
   /// state across the documents of one run (owned by the engine), or null. `runs`: the
   /// run views of `doc`, shared by its visitors (engine/runs.hpp), or null.
   context(const rule& r, severity level, const document* doc, std::vector<finding>& out,
           const std::map<std::string, std::string, std::less<>>* options = nullptr, std::any* state = nullptr,
           document_runs* runs = nullptr, bool onbuild = false, const config* settings = nullptr)
       : rule_(r),
         level_(level),
         doc_(doc),
         out_(out),
         options_(options),
         state_(state),
         runs_(runs),
         onbuild_(onbuild),
         settings_(settings) {}

   /// Reports a finding of this rule at `where` of the current document. For a tag
   /// page, the finding carries the page's tag and the platform of `section` (or of
   /// the section being visited), and its message names them (`name_section`).
   void report(const ast::span& where, std::string message, const ast::section* section = nullptr) {
      out_.push_back(locate(where, std::move(message), section));
      name_section(out_.back());
   }

   /// The finding `report` would add, without adding it: for rules that decide in
   /// `visitors::finish` (the document is gone by then; the finding keeps its place).
   /// Its message is `message` as given: `report(finding)` adds the section's naming.
   [[nodiscard]] finding locate(const ast::span& where, std::string message,
                                const ast::section* section = nullptr) const;

   /// Reports a finding made earlier by `locate`, at this rule's severity, its message
   /// naming its tag and platform (`name_section`).
   void report(finding f) {
      f.level = level_;
      name_section(f);
      out_.push_back(std::move(f));
   }

   /// The rule's state across the documents of one run, value-initialised on first use.
   /// The type must be the same at every call of one rule.
   template <class T>
   [[nodiscard]] T& state() {
      assert(state_ != nullptr);
      if (!state_->has_value()) state_->emplace<T>();
      return std::any_cast<T&>(*state_);
   }

   [[nodiscard]] const document& doc() const noexcept {
      assert(doc_ != nullptr);
      return *doc_;
   }
   [[nodiscard]] const rule& current_rule() const noexcept { return rule_; }

   /// The value of a rule option from the config, or nullopt when it is not set.
   [[nodiscard]] std::optional<std::string> option(std::string_view key) const {
      if (options_ == nullptr) return std::nullopt;
      const auto it = options_->find(key);
      return it == options_->end() ? std::nullopt : std::optional<std::string>(it->second);
   }

   /// The run's settings (trusted registries, label schema, ...): the config read, or the
   /// defaults when there is none.
   [[nodiscard]] const config& settings() const noexcept;

   /// Set by the engine while it visits the RUNs of a tag page section.
   void set_section(const ast::section* s) noexcept { section_ = s; }

   /// True while an instruction visitor sees the trigger of an ONBUILD (only for rules
   /// with `rule::onbuild`); run visitors read `run_view::onbuild`.
   [[nodiscard]] bool onbuild() const noexcept { return onbuild_; }

   /// Every run view of the current document with its facts (engine/runs.hpp), ONBUILD
   /// triggers included: computed once per document, on the first call of any visitor,
   /// and shared by all of them. Not available in `visitors::finish`.
   [[nodiscard]] const std::vector<run_view>& runs() const;
   /// BuildKit's conversion of the current Dockerfile (facts/conversion.hpp) for the build the
   /// settings name (`build_args`, `target`): computed once per document, shared.
   [[nodiscard]] const facts::conversion& conversion() const;
   /// The run views of one instruction of the current Dockerfile (see `document_runs::of`).
   [[nodiscard]] std::span<const run_view> runs_of(const ast::instruction& inst) const;
   /// The labels of a LABEL instruction of the current Dockerfile (see `document_runs::labels`):
   /// computed once per instruction, shared by the label rules.
   [[nodiscard]] const std::vector<facts::label>& labels(const ast::instruction& inst) const;

private:
   const rule& rule_;
   severity level_;
   const document* doc_;
   std::vector<finding>& out_;
   const ast::section* section_ = nullptr;
   const std::map<std::string, std::string, std::less<>>* options_;
   std::any* state_;
   document_runs* runs_;
   bool onbuild_;
   const config* settings_;
};

}  // namespace strata::engine
