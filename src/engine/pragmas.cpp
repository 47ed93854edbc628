#include "engine/pragmas.hpp"

#include <algorithm>
#include <limits>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/check.hpp"
#include "engine/registry.hpp"

namespace strata::engine {

namespace {

using ast::lower;

bool blank(char c) {
   return c == ' ' || c == '\t';
}

/// A cursor over a comment's text (the raw line from `#`), keeping byte offsets.
struct cursor {
   std::string_view text;
   std::size_t at = 0;

   void skip_blanks() {
      while (at < text.size() && blank(text[at])) ++at;
   }
   bool word(std::string_view w) {
      if (lower(text.substr(at, w.size())) != w) return false;
      const std::size_t after = at + w.size();
      if (after < text.size() && !blank(text[after]) && text[after] != '=') return false;
      at = after;
      return true;
   }
   bool literal(char c) {
      if (at < text.size() && text[at] == c) {
         ++at;
         return true;
      }
      return false;
   }
   [[nodiscard]] bool done() const { return at >= text.size() || text[at] == '#'; }
};

// hadolint's names: `[DLSC0-9]+`.
bool hadolint_name(std::string_view n) {
   return !n.empty() && std::all_of(n.begin(), n.end(), [](char c) {
      return c == 'D' || c == 'L' || c == 'S' || c == 'C' || (c >= '0' && c <= '9');
   });
}

bool hadolint_known(std::string_view n) {
   if (!hadolint_name(n)) return false;
   if (known_rule_key(n) && n.starts_with("SC")) return true;  // a ShellCheck code
   return find_rule(n) != nullptr;
}

// Reads `[global|stage] ignore = a, b  # reason` after the tool's name; false when the
// comment is not an ignore pragma.
bool read_ignore(cursor& c, const ast::comment& com, pragma& p) {
   c.skip_blanks();
   if (c.word("global")) {
      p.scope = pragma_scope::global;
   } else if (c.word("stage")) {
      p.scope = pragma_scope::stage;
   }
   c.skip_blanks();
   if (!c.word("ignore")) return false;
   c.skip_blanks();
   if (!c.literal('=')) return false;
   while (true) {
      c.skip_blanks();
      if (c.done()) break;
      if (c.literal(',')) continue;
      const std::size_t begin = c.at;
      while (c.at < c.text.size() && !blank(c.text[c.at]) && c.text[c.at] != ',' && c.text[c.at] != '#') ++c.at;
      pragma::name n;
      n.text = std::string(c.text.substr(begin, c.at - begin));
      const std::size_t file_begin = com.where.begin + begin;
      n.where = com.where;
      n.where.begin = file_begin;
      n.where.end = file_begin + n.text.size();
      n.where.start.column =
          com.where.start.column + static_cast<std::uint32_t>(ast::count_code_points(c.text.substr(0, begin)));
      n.where.stop = n.where.start;
      n.where.stop.column += static_cast<std::uint32_t>(ast::count_code_points(n.text));
      n.known = p.hadolint ? hadolint_known(n.text) : known_rule_key(n.text);
      n.voids = p.hadolint && !hadolint_name(n.text);
      p.voided = p.voided || n.voids;
      p.names.push_back(std::move(n));
   }
   return !p.names.empty();
}

// Which tool a comment addresses: `# hadolint ...` or `# strata ...`; the cursor is after it.
std::optional<bool> tool_of(cursor& c) {
   if (!c.literal('#')) return std::nullopt;
   c.skip_blanks();
   if (c.word("hadolint")) return true;
   if (c.word("strata")) return false;
   return std::nullopt;
}

// The lines of the stage a stage pragma addresses: the stage of the FROM after it, or the
// stage holding it.
std::pair<std::uint32_t, std::uint32_t> stage_lines(const ast::dockerfile& df, const ast::comment& com) {
   const ast::stage* st = nullptr;
   if (com.next_instruction < df.instructions.size()) {
      st = df.stage_of(com.next_instruction);
   } else if (!df.stages.empty()) {
      st = &df.stages.back();
   }
   if (st == nullptr || st->from_index >= df.instructions.size() || st->end_index == 0) return {0, 0};
   return {df.instructions[st->from_index].start_line, df.instructions[st->end_index - 1].end_line};
}

void set_lines(const ast::dockerfile& df, const ast::comment& com, pragma& p) {
   switch (p.scope) {
      case pragma_scope::global:
         p.first_line = 1;
         p.last_line = std::numeric_limits<std::uint32_t>::max();
         return;
      case pragma_scope::stage:
         std::tie(p.first_line, p.last_line) = stage_lines(df, com);
         return;
      case pragma_scope::next_instruction:
         break;
   }
   if (com.in_continuation || com.next_instruction >= df.instructions.size()) return;
   const auto& inst = df.instructions[com.next_instruction];
   // hadolint: only the instruction that starts on the very next line
   if (p.hadolint && inst.start_line != com.where.start.line + 1) return;
   p.first_line = inst.start_line;
   p.last_line = inst.end_line;
}

bool equal_ci(std::string_view a, std::string_view b) {
   return lower(a) == lower(b);
}

}  // namespace

std::vector<pragma> ignore_pragmas(const ast::dockerfile& df) {
   std::vector<pragma> out;
   for (const auto& com : df.comments) {
      cursor c{com.raw};
      const auto tool = tool_of(c);
      if (!tool) continue;
      pragma p;
      p.hadolint = *tool;
      p.where = com.where;
      if (!read_ignore(c, com, p)) continue;
      set_lines(df, com, p);
      out.push_back(std::move(p));
   }
   return out;
}

std::vector<shell_pragma> shell_pragmas(const ast::dockerfile& df) {
   std::vector<shell_pragma> out;
   for (const auto& com : df.comments) {
      cursor c{com.raw};
      if (tool_of(c) != true) continue;
      c.skip_blanks();
      if (!c.word("shell")) continue;
      c.skip_blanks();
      if (!c.literal('=')) continue;
      c.skip_blanks();
      const std::size_t begin = c.at;
      while (c.at < c.text.size() && !blank(c.text[c.at]) && c.text[c.at] != '#') ++c.at;
      if (c.at > begin) out.push_back({lower(c.text.substr(begin, c.at - begin)), com.next_instruction});
   }
   return out;
}

bool pragma_covers(const pragma& p, const finding& f) {
   const rule& r = *f.source_rule;
   if (p.voided) return false;
   for (const auto& n : p.names) {
      if (!n.known) continue;
      if (!f.code.empty()) {
         if (p.hadolint ? equal_ci(n.text, f.code) : lower(f.code).starts_with(lower(n.text))) return true;
         continue;
      }
      if (p.hadolint) {
         if (equal_ci(n.text, r.id) ||
             std::any_of(r.aliases.begin(), r.aliases.end(), [&](std::string_view a) { return equal_ci(n.text, a); }))
            return true;
      } else if (rule_matches(r, n.text)) {
         return true;
      }
   }
   return false;
}

void apply_pragmas(const ast::dockerfile& df, std::span<const pragma> pragmas, std::vector<finding>& findings,
                   std::size_t first) {
   if (pragmas.empty() || first >= findings.size()) return;
   const std::string& file = df.source.path();
   const auto covered = [&](const finding& f) {
      if (f.file != file) return false;
      return std::any_of(pragmas.begin(), pragmas.end(), [&](const pragma& p) {
         return p.first_line != 0 && f.start.line >= p.first_line && f.start.line <= p.last_line && pragma_covers(p, f);
      });
   };
   findings.erase(std::remove_if(findings.begin() + static_cast<std::ptrdiff_t>(first), findings.end(), covered),
                  findings.end());
}

}  // namespace strata::engine
