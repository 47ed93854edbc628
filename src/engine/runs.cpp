#include "engine/runs.hpp"

#include <algorithm>

#include "ast/text.hpp"
#include "engine/document.hpp"
#include "facts/command_query.hpp"
#include "parse/dockerfile_instructions.hpp"
#include "parse/sh_parser.hpp"

namespace strata::engine {

namespace {

using ast::lower;

// A run body of a Dockerfile instruction and the shell that runs it.

// The heredoc of `RUN <<EOF` is the script itself (BuildKit runs the body, with the
// shell in effect, when the command line holds nothing but heredoc markers); so is a
// heredoc fed to a shell that reads its script from standard input (`RUN bash <<EOF`,
// `sh -s`). Otherwise the heredoc is a file or some program's input (`cat <<EOF > f`,
// `python3 <<EOF`) and not shell code of the RUN. A body starting with a `#!` line that
// names no shell is not shell code either.
//
// The command line holds nothing but heredoc markers, or a shell with options only.
bool command_line_runs_heredoc(const ast::instruction& inst) {
   const auto script = parse::parse_sh(inst.arguments);
   if (script.commands.empty()) return true;  // only `<<EOF` markers
   if (script.commands.size() != 1) return false;
   const auto& words = script.commands.front().words;
   if (facts::shell_from_executable(words.front().value) != facts::shell_kind::sh) return false;
   return std::all_of(words.begin() + 1, words.end(),
                      [](const ast::shell_word& w) { return w.value.starts_with('-'); });
}

// No `#!` line, or one that names a shell (`#!/bin/sh -e`, `#!/usr/bin/env bash`; not `#!/usr/bin/python3`).
bool shebang_allows_shell(std::string_view body) {
   if (!body.starts_with("#!")) return true;
   std::vector<std::string_view> words;
   const std::string_view line = body.substr(2, body.find('\n') - 2);
   for (std::size_t p = 0; p < line.size();) {
      const auto b = line.find_first_not_of(" \t\r", p);
      if (b == std::string_view::npos) break;
      const auto e = std::min(line.find_first_of(" \t\r", b), line.size());
      words.push_back(line.substr(b, e - b));
      p = e;
   }
   std::string_view interpreter = words.empty() ? std::string_view() : words[0];
   if (interpreter.ends_with("/env") && words.size() > 1) interpreter = words[1];
   return facts::shell_from_executable(interpreter) == facts::shell_kind::sh;
}

// The index of the word holding the script of an exec-form RUN (`["sh", "-c", "script"]`,
// `["bash", "-o", "pipefail", "-ec", "script"]`, `["powershell", "-Command", "script"]`): the word
// after the first script option (sh: a short-option group holding `c`; PowerShell: `-Command`,
// `-c`; options compared in lower case), or 0 when there is none.
std::size_t exec_script_index(const ast::instruction& inst, facts::shell_kind kind) {
   facts::command c;
   for (const auto& w : inst.words) c.words.push_back({w.text, lower(w.text), w.where, true});
   const facts::command_query q(c, false);
   for (const auto& a : q.arguments()) {
      const bool script_flag =
          kind == facts::shell_kind::sh ? q.is_option(a, "-c") : q.is_option(a, "-command") || q.is_option(a, "-c");
      if (script_flag && a.index + 1 < c.words.size()) return a.index + 1;
   }
   return 0;
}

}  // namespace

std::vector<run_body> dockerfile_bodies(const ast::instruction& inst, facts::shell_kind in_effect) {
   std::vector<run_body> out;
   if (inst.form == ast::argument_form::shell) {
      out.push_back({inst.arguments, inst.arguments_map, in_effect});
   } else if (inst.form == ast::argument_form::exec && inst.words.size() >= 3) {
      const auto kind = facts::shell_from_executable(inst.words[0].text);
      const std::size_t script =
          kind == facts::shell_kind::sh || kind == facts::shell_kind::pwsh ? exec_script_index(inst, kind) : 0;
      if (script != 0) {
         const auto& w = inst.words[script];
         ast::offset_map m;
         m.append(0, w.where.begin + 1, w.text.size());  // approximate when the JSON string holds escapes
         out.push_back({w.text, std::move(m), kind});
      }
   }
   const bool heredoc_script = !inst.heredocs.empty() && command_line_runs_heredoc(inst);
   for (const auto& h : inst.heredocs) {
      if (!heredoc_script || !shebang_allows_shell(h.body)) continue;
      ast::offset_map m;
      m.append(0, h.body_span.begin, h.body.size());
      out.push_back({h.body, std::move(m), in_effect});
   }
   return out;
}

namespace {

// Receives each view with its facts, which it may move from (document_runs keeps them).
using run_sink = std::function<void(facts::run_facts&, const run_view&)>;

// ADD <src>... <dest> of a Dockerfile: the builder downloads URL sources itself.
facts::run_facts dockerfile_add_facts(const ast::dockerfile& df, const ast::instruction& inst) {
   std::vector<facts::shell_word> sources;
   for (std::size_t i = 0; i + 1 < inst.words.size(); ++i) {
      sources.push_back({inst.words[i].text, inst.words[i].text, inst.words[i].where, true});
   }
   const ast::flag* checksum = inst.find_flag("checksum");
   const bool has_checksum = checksum != nullptr && checksum->has_value;
   auto f = facts::add_facts(sources, has_checksum ? std::optional(checksum->where) : std::nullopt,
                             has_checksum ? std::string_view(checksum->value) : std::string_view());
   for (auto& d : f.downloads) {  // ADD expands ARG/ENV values itself, as BuildKit's lexer does
      if (d.url.find('$') == std::string::npos) continue;
      auto r = parse::expand(df, inst, d.url);
      if (!r.error) d.expanded_url = std::move(r.result);
   }
   return f;
}

// `ADD [--flags] <src>... <dest>` history entries (classic `ADD file:<hash> in /` has no URL).
facts::run_facts history_add_facts(std::string_view a, std::size_t base, const ast::offset_map* map,
                                   const ast::source_file& source) {
   std::vector<facts::shell_word> words;
   std::optional<ast::span> checksum;
   std::string checksum_value;
   auto where = [&](std::size_t b, std::size_t e) {
      return map != nullptr ? source.make_span(*map, base + b, base + e) : source.make_span(base + b, base + e);
   };
   for (std::size_t pos = 0; pos < a.size();) {
      const auto b = a.find_first_not_of(' ', pos);
      if (b == std::string_view::npos) break;
      const auto en = std::min(a.find(' ', b), a.size());
      const std::string text(a.substr(b, en - b));
      if (text.starts_with("--checksum=")) {
         checksum = where(b, en);
         checksum_value = text.substr(11);
      } else if (!text.starts_with("--")) {
         words.push_back({text, text, where(b, en), true});
      }
      pos = en;
   }
   if (!words.empty()) words.pop_back();  // the destination
   return facts::add_facts(words, checksum, checksum_value);
}

// The shell of a SHELL history entry: `SHELL [powershell -Command ...]` (bracket form) -> pwsh.
facts::shell_kind shell_of_history(const ast::history_instruction& in) {
   if (!in.elements.empty()) return facts::shell_from_executable(in.elements.front().text);
   std::string_view a = in.arguments;
   if (a.starts_with('[')) a.remove_prefix(1);
   if (a.starts_with('"')) a.remove_prefix(1);
   return facts::shell_from_executable(a.substr(0, a.find_first_of(" \",]")));
}

// Walks the history entries of one image, oldest first, tracking the SHELL and ENV in
// effect. `visit(instruction, base, map, entry_span)`: `base` is the file offset of the
// instruction text (when `map` is null) or `map` maps its offsets to the file.
class history_walker {
public:
   history_walker(const ast::source_file& source, const run_sink& visit) : source_(source), visit_(visit) {}

   void entry(const ast::history_instruction& in, std::size_t base, const ast::offset_map* map, const ast::span& where,
              const ast::history_entry* page_entry = nullptr, const ast::section* section = nullptr) {
      if (in.keyword == "SHELL") {
         shell_ = shell_of_history(in);
         return;
      }
      if (in.keyword == "ENV" || in.keyword == "ARG") {
         for (const auto& p : in.pairs) {
            if (p.has_value) env_ = env_.set(p.key, p.value);
         }
         return;
      }
      if (in.keyword == "ADD") {
         auto f = history_add_facts(in.arguments, base + in.arguments_range.begin, map, source_);
         if (!f.downloads.empty()) visit_(f, {f, nullptr, page_entry, section, "ADD", where, false, nullptr});
         return;
      }
      if (in.keyword != "RUN" || !in.body) return;
      facts::shell_kind shell = shell_;
      if (in.prefix.kind == ast::history_prefix_kind::implicit_run) {
         shell = facts::shell_kind::unknown;  // a base-image text (`Apply image ...`), not a shell command
      } else if (in.prefix.shell == ast::history_shell::windows_cmd ||
                 in.prefix.kind == ast::history_prefix_kind::cmd_residue) {
         shell = facts::shell_kind::cmd;
      } else if (in.prefix.shell == ast::history_shell::posix_sh) {
         shell = facts::shell_kind::sh;
      }
      ast::environment env = env_;
      for (const auto& p : in.prefix.build_args) env = env.set(p.key, p.value);
      const auto& b = *in.body;
      ast::offset_map m;
      if (map != nullptr) {
         m = map->slice(b.where.begin, b.where.end);
      } else {
         m.append(0, base + b.where.begin, b.text.size());
      }
      auto f = facts::analyze_run(b.text, m, source_, shell, &env);
      visit_(f, {f, nullptr, page_entry, section, "RUN", where, false, nullptr});
   }

   void set_shell(facts::shell_kind s) { shell_ = s; }

private:
   const ast::source_file& source_;
   const run_sink& visit_;
   facts::shell_kind shell_ = facts::shell_kind::sh;
   ast::environment env_;
};

}  // namespace

bool windows_image(std::string_view image) {
   const std::string i = lower(image);
   return i.find("windows") != std::string::npos || i.find("servercore") != std::string::npos ||
          i.find("nanoserver") != std::string::npos;
}

bool windows_stage(const ast::dockerfile& df, const ast::stage& st) {
   const ast::stage* s = &st;
   for (std::size_t hops = 0; hops <= df.stages.size(); ++hops) {
      if (windows_image(s->image_expanded)) return true;
      const auto parent = std::find_if(
          df.stages.begin(), df.stages.begin() + static_cast<std::ptrdiff_t>(s->index),
          [&](const ast::stage& p) { return !p.name.empty() && lower(p.name) == lower(s->image_expanded); });
      if (parent == df.stages.begin() + static_cast<std::ptrdiff_t>(s->index)) return false;
      s = &*parent;
   }
   return false;
}

std::vector<facts::shell_kind> dockerfile_shells(const ast::dockerfile& df) {
   std::vector<facts::shell_kind> shells(df.instructions.size(), facts::shell_kind::sh);
   facts::shell_kind current = facts::shell_kind::sh;
   for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      const auto& inst = df.instructions[i];
      if (inst.name == "from") {
         // Windows base images run RUN under cmd until a SHELL says otherwise.
         const bool windows = !inst.words.empty() && windows_image(inst.words[0].text);
         current = windows ? facts::shell_kind::cmd : facts::shell_kind::sh;
      } else if (inst.name == "shell" && inst.form == ast::argument_form::exec && !inst.words.empty()) {
         current = facts::shell_from_executable(inst.words[0].text);
      }
      shells[i] = current;
   }
   return shells;
}

namespace {

// for_each_run, handing each view's facts to `visit` as a mutable object it may move from.
void walk_runs(const document& doc, const run_sink& visit, bool onbuild_triggers) {
   if (doc.dockerfile) {
      const ast::dockerfile& df = *doc.dockerfile;
      const auto shells = dockerfile_shells(df);
      for (std::size_t i = 0; i < df.instructions.size(); ++i) {
         const auto& inst = df.instructions[i];
         const ast::stage* stage = df.stage_of(i);
         if (inst.name == "run") {
            for (const auto& b : dockerfile_bodies(inst, shells[i])) {
               auto f = facts::analyze_run(b.text, b.map, df.source, b.shell, inst.variables.get());
               visit(f, {f, &inst, nullptr, nullptr, "RUN", inst.where, false, stage});
            }
         } else if (inst.name == "add") {
            auto f = dockerfile_add_facts(df, inst);
            visit(f, {f, &inst, nullptr, nullptr, "ADD", inst.where, false, stage});
         } else if (onbuild_triggers && inst.name == "onbuild" && !inst.trigger.empty() &&
                    inst.trigger[0].name == "run") {
            // the trigger runs in a later build: the shell in effect here, none of this file's ARG/ENV values
            const auto& trigger = inst.trigger[0];
            for (const auto& b : dockerfile_bodies(trigger, shells[i])) {
               auto f = facts::analyze_run(b.text, b.map, df.source, b.shell, nullptr);
               visit(f, {f, &trigger, nullptr, nullptr, "RUN", trigger.where, true, stage});
            }
         }
      }
   }
   if (doc.page) {
      for (const auto& s : doc.page->sections) {
         history_walker walk(doc.page->source, visit);
         for (const auto& e : s.history) walk.entry(e.instruction, e.text_span.begin, nullptr, e.text_span, &e, &s);
      }
   }
   if (doc.history) {
      history_walker walk(doc.history->source, visit);
      for (auto it = doc.history->rows.rbegin(); it != doc.history->rows.rend(); ++it) {
         walk.entry(it->instruction, 0, &it->created_by_map, it->created_by.where);
      }
   }
   if (doc.config) {
      for (const auto& image : doc.config->images) {
         history_walker walk(doc.config->source, visit);
         for (const auto& h : image.history) {
            if (h.instruction) walk.entry(*h.instruction, 0, &h.created_by_map, h.created_by_span);
         }
      }
   }
}

}  // namespace

void for_each_run(const document& doc, const std::function<void(const run_view&)>& visit, bool onbuild_triggers) {
   walk_runs(
       doc, [&](facts::run_facts&, const run_view& v) { visit(v); }, onbuild_triggers);
}

const std::vector<run_view>& document_runs::all() {
   if (computations_ == 0) {
      ++computations_;
      walk_runs(
          doc_,
          [&](facts::run_facts& f, const run_view& v) {
             facts_.push_back(std::move(f));
             views_.push_back(
                 {facts_.back(), v.instruction, v.entry, v.section, v.keyword, v.where, v.onbuild, v.stage});
          },
          true);
   }
   return views_;
}

std::span<const run_view> document_runs::of(const ast::instruction& inst) {
   const auto& views = all();
   const auto first =
       std::find_if(views.begin(), views.end(), [&](const run_view& v) { return v.instruction == &inst; });
   const auto last = std::find_if(first, views.end(), [&](const run_view& v) { return v.instruction != &inst; });
   return {first, last};
}

const facts::conversion& document_runs::conversion(const std::function<facts::build_request()>& request) {
   if (!conversion_) {
      conversion_ = doc_.dockerfile ? facts::convert(*doc_.dockerfile, request()) : facts::conversion{};
   }
   return *conversion_;
}

const std::vector<facts::label>& document_runs::labels(const ast::instruction& inst) {
   const auto [it, added] = labels_.try_emplace(&inst);
   if (added && doc_.dockerfile) it->second = facts::labels_of(inst, doc_.dockerfile->escape);
   return it->second;
}

}  // namespace strata::engine
