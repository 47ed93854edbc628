#include "engine/check.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "ast/text.hpp"
#include "engine/build_checks.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/pragmas.hpp"
#include "engine/runs.hpp"
#include "engine/shellcheck.hpp"
#include "verify/session.hpp"

namespace strata::engine {

namespace {

using ast::lower;

bool matches(const rule& r, std::string_view key) {
   const std::string k = lower(key);
   if (k.empty()) return false;
   if (lower(r.id).starts_with(k) || lower(r.name) == k) return true;
   return std::any_of(r.aliases.begin(), r.aliases.end(), [&](std::string_view a) { return lower(a) == k; });
}

// `key` names the rule itself: its id, name or an alias (no prefix).
bool names_exactly(const rule& r, std::string_view key) {
   const std::string k = lower(key);
   return lower(r.id) == k || lower(r.name) == k ||
          std::any_of(r.aliases.begin(), r.aliases.end(), [&](std::string_view a) { return lower(a) == k; });
}

bool known_key(std::string_view key) {
   return known_rule_key(key);
}

// A source line made safe to print: control bytes (but tab) and invalid UTF-8 become '?'.
std::string printable(std::string_view line) {
   std::string out;
   out.reserve(line.size());
   for (std::size_t i = 0; i < line.size();) {
      const std::size_t bad = ast::first_non_text_offset(line.substr(i));
      const std::size_t from = out.size();
      out.append(line.substr(i, bad));
      std::replace_if(
          out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
          [](char ch) {
             const auto c = static_cast<unsigned char>(ch);
             return (c < 0x20 && c != '\t') || c == 0x7F;
          },
          '?');
      i += bad;
      if (i < line.size()) {
         out += '?';
         ++i;
      }
   }
   return out;
}

// A character that continues a tag or platform word (`python:3` is not named by `python:3.6`).
bool word_char(char c) {
   return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_' || c == ':' ||
          c == '/' || c == '@';
}

// `text` holds `word` with no word character right before or after it.
bool names(std::string_view text, std::string_view word) {
   if (word.empty()) return true;
   for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
      const std::size_t end = at + word.size();
      const bool left = at == 0 || !word_char(text[at - 1]) || !word_char(word.front());
      const bool right = end == text.size() || !word_char(text[end]) || !word_char(word.back());
      if (left && right) return true;
   }
   return false;
}

}  // namespace

void name_section(finding& f) {
   if (f.platform.empty() || f.naming_at != std::string::npos) return;
   // a message that names several platforms (ST4001) names this one but does not say which it is on:
   // only one that names both the tag and the platform is left without them
   std::string naming;
   if (!names(f.message, f.tag) || !names(f.message, f.platform))
      naming = f.tag.empty() ? f.platform : f.tag + " " + f.platform;
   if (f.platform_repeats) naming += fmt::format("{}section {}", naming.empty() ? "" : ", ", f.section_index);
   if (naming.empty()) return;
   f.naming_at = f.message.size();
   f.message += " (" + naming + ")";
}

bool rule_matches(const rule& r, std::string_view key) {
   return matches(r, key);
}

bool known_rule_key(std::string_view key) {
   // ShellCheck codes (`SC2086`) and their prefixes (`SC`, `SC2`), and the pass's name
   const bool shellcheck_code =
       (key.size() >= 2 && key.size() <= 6 && (key.starts_with("SC") || key.starts_with("sc")) &&
        std::all_of(key.begin() + 2, key.end(), [](char c) { return c >= '0' && c <= '9'; })) ||
       lower(key) == "shellcheck";
   return shellcheck_code || std::any_of(registry().begin(), registry().end(),
                                         [&](const registered_rule& r) { return matches(*r.definition, key); });
}

finding context::locate(const ast::span& where, std::string message, const ast::section* section) const {
   const document& d = doc();
   finding f;
   f.source_rule = &rule_;
   f.level = level_;
   f.message = std::move(message);
   f.file = d.source().path();
   f.start = where.start;
   f.stop = where.stop;
   if (f.start.line == 0) {
      f.start = {1, 1};
   }
   if (f.stop.line < f.start.line || (f.stop.line == f.start.line && f.stop.column < f.start.column)) {
      f.stop = f.start;
   }
   f.snippet = printable(d.source().line_text(f.start.line));
   if (d.page) {
      f.tag = d.page->ref.text;
      const ast::section* s = section != nullptr ? section : section_;
      if (s != nullptr) {
         f.platform = s->platform.text;
         f.section_index = static_cast<std::size_t>(s - d.page->sections.data()) + 1;
         f.platform_repeats = std::count_if(d.page->sections.begin(), d.page->sections.end(), [&](const auto& other) {
                                 return other.platform.text == s->platform.text;
                              }) > 1;
      }
   }
   return f;
}

const config& context::settings() const noexcept {
   static const config defaults;
   return settings_ != nullptr ? *settings_ : defaults;
}

const std::vector<run_view>& context::runs() const {
   assert(runs_ != nullptr);
   return runs_->all();
}

const facts::conversion& context::conversion() const {
   assert(runs_ != nullptr);
   return runs_->conversion([this] {
      const config& c = settings();
      return facts::build_request{c.build_args, c.target};
   });
}

std::span<const run_view> context::runs_of(const ast::instruction& inst) const {
   assert(runs_ != nullptr);
   return runs_->of(inst);
}

const std::vector<facts::label>& context::labels(const ast::instruction& inst) const {
   assert(runs_ != nullptr);
   return runs_->labels(inst);
}

bool finding_order(const finding& a, const finding& b) {
   const auto a_id = a.rule_id();
   const auto b_id = b.rule_id();
   return std::tie(a.file, a.start.line, a.start.column, a_id, a.message) <
          std::tie(b.file, b.start.line, b.start.column, b_id, b.message);
}

std::string_view to_string(severity s) noexcept {
   switch (s) {
      case severity::style:
         return "style";
      case severity::info:
         return "info";
      case severity::warning:
         return "warning";
      case severity::error:
         return "error";
   }
   return "warning";
}

std::optional<severity> severity_from_string(std::string_view s) noexcept {
   const std::string k = lower(s);
   if (k == "style") return severity::style;
   if (k == "info" || k == "note") return severity::info;
   if (k == "warning") return severity::warning;
   if (k == "error") return severity::error;
   return std::nullopt;
}

std::vector<const registered_rule*> enabled_rules(const selection& sel, std::vector<std::string>* unknown) {
   if (unknown != nullptr) {
      for (const auto& k : sel.select)
         if (!known_key(k)) unknown->push_back(k);
      for (const auto& k : sel.ignore)
         if (!known_key(k)) unknown->push_back(k);
   }
   std::vector<const registered_rule*> out;
   for (const auto& r : registry()) {
      const rule& def = *r.definition;
      const auto named = [&](const auto& k) { return names_exactly(def, k); };
      const bool selected = def.off_by_default
                                ? std::any_of(sel.select.begin(), sel.select.end(), named) ||
                                      std::any_of(sel.enable.begin(), sel.enable.end(), named)
                                : sel.select.empty() || std::any_of(sel.select.begin(), sel.select.end(),
                                                                    [&](const auto& k) { return matches(def, k); });
      const bool ignored =
          std::any_of(sel.ignore.begin(), sel.ignore.end(), [&](const auto& k) { return matches(def, k); });
      if (selected && !ignored) out.push_back(&r);
   }
   return out;
}

checker::checker(std::span<const registered_rule* const> rules, const config* cfg)
    : rules_(rules.begin(), rules.end()), cfg_(cfg), states_(rules_.size()) {
   if (cfg != nullptr && cfg->verify_settings && !cfg->verify) {
      owned_ = *cfg;
      owned_->verify = std::make_shared<verify::session>(*cfg->verify_settings);
      cfg_ = &*owned_;
   }
}

template <class Member, class Call>
void checker::each(const document* doc, document_runs* runs, bool onbuild, std::vector<finding>& out, Member member,
                   Call&& call) {
   for (std::size_t i = 0; i < rules_.size(); ++i) {
      const rule& def = *rules_[i]->definition;
      if (def.visit.*member != nullptr && (!onbuild || def.onbuild)) {
         const rule_settings* s = cfg_ != nullptr ? cfg_->find(def.id) : nullptr;
         context cx(def, s != nullptr && s->level ? *s->level : def.default_severity, doc, out,
                    s != nullptr ? &s->options : nullptr, &states_[i], runs, onbuild, cfg_);
         call(def.visit.*member, cx);
      }
   }
}

namespace {

// One cause, one finding: a finding of a rule that lists another rule's id among its aliases
// (ST1007 JSONArgsRecommended lists DL3025) stands for that rule's findings on the same line
// of the same file, or on a line it names as related (ST1012 reports the CMD that a later CMD
// overrides and names the later one, where DL4003 reports).
void drop_aliased(std::vector<finding>& out, std::size_t first) {
   // (rule id, file, line) -> the finding that stands for that rule's finding there
   std::map<std::tuple<std::string_view, std::string, std::uint32_t>, std::size_t> covered;
   for (std::size_t i = first; i < out.size(); ++i) {
      const finding& f = out[i];
      if (f.source_rule == nullptr || !f.code.empty()) continue;
      for (const std::string_view a : f.source_rule->aliases) {
         const registered_rule* other = find_rule(a);
         if (other == nullptr || other->definition == f.source_rule || other->definition->id != a) continue;
         covered.emplace(std::tuple{other->definition->id, f.file, f.start.line}, i);
         for (const auto& r : f.related) covered.emplace(std::tuple{other->definition->id, r.file, r.start.line}, i);
      }
   }
   if (covered.empty()) return;
   // One cause, one finding, at the higher of the two severities (a hadolint `error` stays an error).
   std::vector<bool> drop(out.size(), false);
   for (std::size_t i = first; i < out.size(); ++i) {
      const finding& f = out[i];
      if (f.source_rule == nullptr || !f.code.empty()) continue;
      const auto it = covered.find({f.source_rule->id, f.file, f.start.line});
      if (it == covered.end()) continue;
      drop[i] = true;
      out[it->second].level = std::max(out[it->second].level, f.level);
   }
   std::size_t kept = first;
   for (std::size_t i = first; i < out.size(); ++i) {
      if (!drop[i]) {
         if (kept != i) out[kept] = std::move(out[i]);
         ++kept;
      }
   }
   out.resize(kept);
}

}  // namespace

void checker::check(const document& doc, std::vector<finding>& out) {
   const std::size_t first = out.size();
   document_runs runs(doc);
   visit(doc, runs, out);
   settle(doc, out, first);
}

void checker::visit(const document& doc, document_runs& runs, std::vector<finding>& out) {
   each(&doc, &runs, false, out, &visitors::document, [&](auto fn, context& cx) { fn(doc, cx); });
   const bool wants_runs =
       std::any_of(rules_.begin(), rules_.end(), [](const auto* r) { return r->definition->visit.run != nullptr; });

   if (doc.dockerfile) {
      const ast::dockerfile& df = *doc.dockerfile;
      each(&doc, &runs, false, out, &visitors::dockerfile, [&](auto fn, context& cx) { fn(df, cx); });
      for (const auto& inst : df.instructions) {
         each(&doc, &runs, false, out, &visitors::instruction, [&](auto fn, context& cx) { fn(inst, cx); });
         if (inst.name == "onbuild" && !inst.trigger.empty()) {
            each(&doc, &runs, true, out, &visitors::instruction,
                 [&](auto fn, context& cx) { fn(inst.trigger[0], cx); });
         }
      }
   }
   if (doc.page) {
      each(&doc, &runs, false, out, &visitors::tag_page, [&](auto fn, context& cx) { fn(*doc.page, cx); });
   }
   if (wants_runs) {
      for (const run_view& view : runs.all()) {
         each(&doc, &runs, view.onbuild, out, &visitors::run, [&](auto fn, context& cx) {
            cx.set_section(view.section);
            fn(view, cx);
         });
      }
   }
   each(&doc, &runs, false, out, &visitors::end_of_document, [&](auto fn, context& cx) { fn(cx); });
}

void checker::settle(const document& doc, std::vector<finding>& out, std::size_t first) {
   if (doc.dockerfile && cfg_ != nullptr && cfg_->shellcheck) add_shellcheck(*doc.dockerfile, out);
   if (doc.dockerfile && (cfg_ == nullptr || !cfg_->disable_ignore_pragma)) {
      const auto pragmas = ignore_pragmas(*doc.dockerfile);
      apply_pragmas(*doc.dockerfile, pragmas, out, first);
   }
   if (doc.dockerfile) {
      static const config defaults;
      apply_lint_options(*doc.dockerfile, lint_options_of(*doc.dockerfile, cfg_ != nullptr ? *cfg_ : defaults), cfg_,
                         out, first);
   }
   drop_aliased(out, first);
}

void checker::add_shellcheck(const ast::dockerfile& df, std::vector<finding>& out) {
   std::string error;
   auto found = shellcheck_findings(df, {cfg_->shellcheck_binary}, error);
   const auto listed = [](const std::vector<std::string>& keys, const std::string& code) {
      return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
         return !k.empty() && (lower(code).starts_with(lower(k)) || lower(k) == "shellcheck");
      });
   };
   for (auto& f : found) {
      if (listed(cfg_->ignore, f.code)) continue;
      if (!cfg_->select.empty() && !listed(cfg_->select, f.code)) continue;
      if (const rule_settings* s = cfg_->find(f.code)) {
         if (!s->enabled) continue;
         if (s->level) f.level = *s->level;
      }
      out.push_back(std::move(f));
   }
   if (!error.empty()) {
      finding f;
      f.source_rule = &shellcheck_rule;
      f.code = "SC0000";
      f.level = severity::error;
      f.message = "ShellCheck did not run: " + error;
      f.file = df.source.path();
      f.start = f.stop = {1, 1};
      out.push_back(std::move(f));
   }
}

void checker::finish(std::vector<finding>& out) {
   each(nullptr, nullptr, false, out, &visitors::finish, [&](auto fn, context& cx) { fn(cx); });
   for (auto& s : states_) s.reset();
}

void check_document(const document& doc, std::span<const registered_rule* const> rules, std::vector<finding>& out,
                    const config* cfg) {
   checker c(rules, cfg);
   c.check(doc, out);
   c.finish(out);
}

}  // namespace strata::engine
