#include "engine/check.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "ast/text.hpp"
#include "engine/context.hpp"
#include "parse/dockerfile_instructions.hpp"

namespace strata::engine {

namespace {

using ast::lower;

bool matches(const rule& r, std::string_view key) {
   const std::string k = lower(key);
   if (k.empty()) return false;
   if (lower(r.id).starts_with(k) || lower(r.name) == k) return true;
   return std::any_of(r.aliases.begin(), r.aliases.end(), [&](std::string_view a) { return lower(a) == k; });
}

bool known_key(std::string_view key) {
   return std::any_of(registry().begin(), registry().end(), [&](const registered_rule& r) { return matches(*r.definition, key); });
}

// A run body of a Dockerfile instruction: shell form arguments, `sh -c` exec
// form, and heredoc bodies.
struct body {
   std::string_view text;
   ast::offset_map map;
};

std::vector<body> dockerfile_bodies(const ast::instruction& inst) {
   std::vector<body> out;
   if (inst.form == ast::argument_form::shell) {
      out.push_back({inst.arguments, inst.arguments_map});
   } else if (inst.form == ast::argument_form::exec && inst.words.size() >= 3) {
      const auto kind = facts::shell_from_executable(inst.words[0].text);
      const std::string flag = lower(inst.words[1].text);
      if ((kind == facts::shell_kind::sh && flag == "-c") || (kind == facts::shell_kind::pwsh && flag == "-command")) {
         const auto& w = inst.words.back();
         ast::offset_map m;
         m.append(0, w.where.begin + 1, w.text.size());  // approximate when the JSON string holds escapes
         out.push_back({w.text, std::move(m)});
      }
   }
   for (const auto& h : inst.heredocs) {
      ast::offset_map m;
      m.append(0, h.body_span.begin, h.body.size());
      out.push_back({h.body, std::move(m)});
   }
   return out;
}

// Download URLs with the ARG/ENV values in scope substituted (sh and ADD read `$V` and
// `${V}` as BuildKit's lexer does; unknown values stay as written).
void expand_urls(const ast::dockerfile& df, const ast::instruction& inst, facts::run_facts& f) {
   for (auto& d : f.downloads) {
      if (d.url.find('$') == std::string::npos) continue;
      auto r = parse::expand(df, inst, d.url);
      if (!r.error) d.expanded_url = std::move(r.result);
   }
}

// ADD <src>... <dest> of a Dockerfile: the builder downloads URL sources itself.
facts::run_facts add_facts(const ast::instruction& inst) {
   std::vector<facts::shell_word> sources;
   for (std::size_t i = 0; i + 1 < inst.words.size(); ++i) {
      sources.push_back({inst.words[i].text, inst.words[i].text, inst.words[i].where});
   }
   const ast::flag* checksum = inst.find_flag("checksum");
   return facts::add_facts(sources, checksum != nullptr && checksum->has_value ? std::optional(checksum->where) : std::nullopt);
}

// `ADD [--flags] <src>... <dest>` history entries (classic `ADD file:<hash> in /` has no URL).
facts::run_facts history_add_facts(const ast::history_entry& e, const ast::source_file& source) {
   const std::string_view a = e.arguments;
   std::vector<facts::shell_word> words;
   std::optional<ast::span> checksum;
   for (std::size_t pos = 0; pos < a.size();) {
      const auto b = a.find_first_not_of(' ', pos);
      if (b == std::string_view::npos) break;
      const auto en = std::min(a.find(' ', b), a.size());
      const std::string text(a.substr(b, en - b));
      const auto where = source.make_span(e.arguments_span.begin + b, e.arguments_span.begin + en);
      if (text.starts_with("--checksum=")) {
         checksum = where;
      } else if (!text.starts_with("--")) {
         words.push_back({text, text, where});
      }
      pos = en;
   }
   if (!words.empty()) words.pop_back();  // the destination
   return facts::add_facts(words, checksum);
}

facts::shell_kind history_shell(const ast::history_entry& e, facts::shell_kind in_effect) {
   if (e.arguments.starts_with("cmd /S /C ") || e.arguments.starts_with("cmd /s /c ")) return facts::shell_kind::cmd;
   return in_effect;
}

// `SHELL [powershell -Command ...]` (history bracket form) -> pwsh
facts::shell_kind shell_of_history_line(const std::string& arguments) {
   std::string_view a = arguments;
   if (a.starts_with('[')) a.remove_prefix(1);
   if (a.starts_with('"')) a.remove_prefix(1);
   const auto end = a.find_first_of(" \",]");
   return facts::shell_from_executable(a.substr(0, end));
}

// A source line made safe to print: control bytes (but tab) and invalid UTF-8 become '?'.
std::string printable(std::string_view line) {
   std::string out;
   out.reserve(line.size());
   for (std::size_t i = 0; i < line.size();) {
      const std::size_t bad = ast::first_non_text_offset(line.substr(i));
      const std::size_t stop = i + bad;
      for (; i < stop; ++i) {
         const auto c = static_cast<unsigned char>(line[i]);
         out += (c < 0x20 && c != '\t') || c == 0x7F ? '?' : line[i];
      }
      if (i < line.size()) {
         out += '?';
         ++i;
      }
   }
   return out;
}

}  // namespace

void context::report(const ast::span& where, std::string message, const ast::section* section) {
   finding f;
   f.source_rule = &rule_;
   f.level = level_;
   f.message = std::move(message);
   f.file = doc_.source().path();
   f.start = where.start;
   f.stop = where.stop;
   if (f.start.line == 0) {
      f.start = {1, 1};
   }
   if (f.stop.line < f.start.line || (f.stop.line == f.start.line && f.stop.column < f.start.column)) {
      f.stop = f.start;
   }
   f.snippet = printable(doc_.source().line_text(f.start.line));
   if (doc_.page) {
      f.tag = doc_.page->ref.text;
      const ast::section* s = section != nullptr ? section : section_;
      if (s != nullptr) {
         f.platform = s->platform.text;
         f.section_index = static_cast<std::size_t>(s - doc_.page->sections.data()) + 1;
      }
   }
   out_.push_back(std::move(f));
}

bool finding_order(const finding& a, const finding& b) {
   return std::tie(a.file, a.start.line, a.start.column, a.source_rule->id, a.message) <
          std::tie(b.file, b.start.line, b.start.column, b.source_rule->id, b.message);
}

std::string_view to_string(severity s) noexcept {
   switch (s) {
      case severity::style: return "style";
      case severity::info: return "info";
      case severity::warning: return "warning";
      case severity::error: return "error";
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
      for (const auto& k : sel.select) if (!known_key(k)) unknown->push_back(k);
      for (const auto& k : sel.ignore) if (!known_key(k)) unknown->push_back(k);
   }
   std::vector<const registered_rule*> out;
   for (const auto& r : registry()) {
      const rule& def = *r.definition;
      const bool selected = sel.select.empty() ||
                            std::any_of(sel.select.begin(), sel.select.end(), [&](const auto& k) { return matches(def, k); });
      const bool ignored = std::any_of(sel.ignore.begin(), sel.ignore.end(), [&](const auto& k) { return matches(def, k); });
      if (selected && !ignored) out.push_back(&r);
   }
   return out;
}

std::vector<facts::shell_kind> dockerfile_shells(const ast::dockerfile& df) {
   std::vector<facts::shell_kind> shells(df.instructions.size(), facts::shell_kind::sh);
   facts::shell_kind current = facts::shell_kind::sh;
   for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      const auto& inst = df.instructions[i];
      if (inst.name == "from") {
         // Windows base images run RUN under cmd until a SHELL says otherwise.
         const std::string image = inst.words.empty() ? std::string() : lower(inst.words[0].text);
         const bool windows = image.find("windows") != std::string::npos || image.find("servercore") != std::string::npos ||
                              image.find("nanoserver") != std::string::npos;
         current = windows ? facts::shell_kind::cmd : facts::shell_kind::sh;
      } else if (inst.name == "shell" && inst.form == ast::argument_form::exec && !inst.words.empty()) {
         current = facts::shell_from_executable(inst.words[0].text);
      }
      shells[i] = current;
   }
   return shells;
}

void check_document(const document& doc, std::span<const registered_rule* const> rules, std::vector<finding>& out) {
   auto each = [&](auto member, auto&& call) {
      for (const auto* r : rules) {
         const rule& def = *r->definition;
         if (def.visit.*member != nullptr) {
            context cx(def, def.default_severity, doc, out);
            call(def.visit.*member, cx);
         }
      }
   };
   each(&visitors::document, [&](auto fn, context& cx) { fn(doc, cx); });
   const bool wants_runs = std::any_of(rules.begin(), rules.end(), [](const auto* r) { return r->definition->visit.run != nullptr; });

   if (doc.dockerfile) {
      const ast::dockerfile& df = *doc.dockerfile;
      each(&visitors::dockerfile, [&](auto fn, context& cx) { fn(df, cx); });
      for (const auto& inst : df.instructions) {
         each(&visitors::instruction, [&](auto fn, context& cx) { fn(inst, cx); });
      }
      if (wants_runs) {
         const auto shells = dockerfile_shells(df);
         for (std::size_t i = 0; i < df.instructions.size(); ++i) {
            const auto& inst = df.instructions[i];
            if (inst.name == "run") {
               for (const auto& b : dockerfile_bodies(inst)) {
                  auto f = facts::analyze_run(b.text, b.map, df.source, shells[i]);
                  if (shells[i] == facts::shell_kind::sh) expand_urls(df, inst, f);
                  const run_view view{f, &inst, nullptr, nullptr};
                  each(&visitors::run, [&](auto fn, context& cx) { fn(view, cx); });
               }
            } else if (inst.name == "add") {
               auto f = add_facts(inst);
               expand_urls(df, inst, f);
               const run_view view{f, &inst, nullptr, nullptr};
               each(&visitors::run, [&](auto fn, context& cx) { fn(view, cx); });
            }
         }
      }
   }

   if (doc.page) {
      const ast::tag_page& page = *doc.page;
      each(&visitors::tag_page, [&](auto fn, context& cx) { fn(page, cx); });
      if (wants_runs) {
         for (const auto& s : page.sections) {
            facts::shell_kind shell = facts::shell_kind::sh;
            for (const auto& e : s.history) {
               if (e.keyword == "SHELL") {
                  shell = shell_of_history_line(e.arguments);
                  continue;
               }
               if (e.keyword != "RUN" && e.keyword != "ADD") continue;
               facts::run_facts f;
               if (e.keyword == "RUN") {
                  ast::offset_map m;
                  m.append(0, e.arguments_span.begin, e.arguments.size());
                  f = facts::analyze_run(e.arguments, m, page.source, history_shell(e, shell));
               } else {
                  f = history_add_facts(e, page.source);
               }
               const run_view view{f, nullptr, &e, &s};
               each(&visitors::run, [&](auto fn, context& cx) {
                  cx.set_section(&s);
                  fn(view, cx);
               });
            }
         }
      }
   }
}

}  // namespace strata::engine
