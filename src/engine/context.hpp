// What a rule's visitor reports through.
#pragma once

#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/finding.hpp"

namespace strata::engine {

class context {
public:
   context(const rule& r, severity level, const document& doc, std::vector<finding>& out)
       : rule_(r), level_(level), doc_(doc), out_(out) {}

   /// Reports a finding of this rule at `where` of the current document. For a tag
   /// page, the finding carries the page's tag and the platform of `section` (or of
   /// the section being visited).
   void report(const ast::span& where, std::string message, const ast::section* section = nullptr);

   [[nodiscard]] const document& doc() const noexcept { return doc_; }
   [[nodiscard]] const rule& current_rule() const noexcept { return rule_; }

   /// Set by the engine while it visits the RUNs of a tag page section.
   void set_section(const ast::section* s) noexcept { section_ = s; }

private:
   const rule& rule_;
   severity level_;
   const document& doc_;
   std::vector<finding>& out_;
   const ast::section* section_ = nullptr;
};

}  // namespace strata::engine
