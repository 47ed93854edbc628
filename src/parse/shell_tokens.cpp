#include "parse/shell_tokens.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

#include "ast/text.hpp"
#include "parse/sh_parser.hpp"

namespace strata::parse {

namespace {

constexpr std::string_view sh_delimiters = " \t\r\n\v\f;&|()<>";
constexpr std::string_view pwsh_delimiters = " \t\r\n\v\f;|(){}";

constexpr std::array<std::string_view, 22> sh_keywords = {
    "if", "then",     "elif",   "else", "fi", "do", "done", "while", "until", "case", "esac",
    "in", "function", "coproc", "{",    "}",  "!",  "time", "[[",    "]]",    "for",  "select"};
constexpr std::array<std::string_view, 24> pwsh_keywords = {
    "if",     "elseif",   "else",     "foreach", "for",   "while",  "do",      "until",
    "switch", "try",      "catch",    "finally", "trap",  "return", "throw",   "exit",
    "break",  "continue", "function", "filter",  "param", "begin",  "process", "end"};

bool is_name(std::string_view s) {
   if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
   return std::all_of(s.begin(), s.end(),
                      [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

/// Reads the token stream of a body and builds its commands.
class token_reader {
public:
   token_reader(std::string_view body, std::size_t from, shell_dialect dialect, ast::shell_script& out)
       : b_(body), i_(from), pwsh_(dialect == shell_dialect::pwsh), out_(out) {}

   void run() {
      while (i_ < b_.size()) step();
      finish_command();
   }

   /// The [begin, end) of every word read (command words, keywords, expressions, targets).
   std::vector<std::pair<std::size_t, std::size_t>> words_read;

private:
   std::string_view b_;
   std::size_t i_;
   bool pwsh_;
   ast::shell_script& out_;
   ast::shell_command cmd_;          // the command being read
   bool skip_command_ = false;       // its first word made it no command (keyword, expression)
   bool skip_to_separator_ = false;  // `for NAME in ...`: words up to the next separator are no command
   bool call_next_ = false;          // PowerShell `&` or `.` before the command's first word
   int depth_ = 0;
   int pipe_from_ = -1;                 // index of the command whose output goes to the next one
   std::vector<std::string> heredocs_;  // delimiters of heredocs opened on this line (sh)
   std::string pending_name_;           // PowerShell `$name =`: the assignment waiting for its value
   std::size_t pending_begin_ = 0;

   [[nodiscard]] char at(std::size_t k) const { return k < b_.size() ? b_[k] : '\0'; }
   [[nodiscard]] std::string_view delimiters() const { return pwsh_ ? pwsh_delimiters : sh_delimiters; }

   // ---- words ----------------------------------------------------------------------
   /// The end of the bracketed text that opens at `k` (`open` ... `close`), quotes skipped.
   [[nodiscard]] std::size_t balanced_end(std::size_t k, char open, char close) const {
      int level = 0;
      for (; k < b_.size(); ++k) {
         const char c = b_[k];
         if (c == '\\' && !pwsh_) {
            ++k;
         } else if (c == '`' && pwsh_) {
            ++k;
         } else if (c == '\'') {
            k = std::min(b_.find('\'', k + 1), b_.size());
         } else if (c == '"') {
            k = quoted_end(k) - 1;
         } else if (c == open) {
            ++level;
         } else if (c == close && --level == 0) {
            return k + 1;
         }
      }
      return b_.size();
   }
   /// The end of the "..." string that opens at `k`.
   [[nodiscard]] std::size_t quoted_end(std::size_t k) const {
      const char escape = pwsh_ ? '`' : '\\';
      for (++k; k < b_.size(); ++k) {
         if (b_[k] == escape) {
            ++k;
         } else if (b_[k] == '"') {
            return k + 1;
         }
      }
      return b_.size();
   }
   /// The end of the word that starts at `k`.
   [[nodiscard]] std::size_t word_end(std::size_t k) const {
      while (k < b_.size() && delimiters().find(b_[k]) == std::string_view::npos) {
         const char c = b_[k];
         if ((c == '\\' && !pwsh_) || (c == '`' && pwsh_)) {
            k += 2;
         } else if (c == '\'') {
            k = std::min(b_.find('\'', k + 1), b_.size()) + 1;
            while (pwsh_ && at(k) == '\'') k = std::min(b_.find('\'', k + 1), b_.size()) + 1;  // '' escape
         } else if (c == '"') {
            k = quoted_end(k);
         } else if ((c == '$' || c == '@') && at(k + 1) == '(') {
            k = balanced_end(k + 1, '(', ')');
         } else if (c == '$' && at(k + 1) == '{') {
            k = balanced_end(k + 1, '{', '}');
         } else if (c == '`' && !pwsh_) {
            k = std::min(b_.find('`', k + 1), b_.size()) + 1;
         } else {
            ++k;
         }
      }
      return std::min(k, b_.size());
   }
   [[nodiscard]] ast::shell_word word(std::size_t begin, std::size_t end) const {
      ast::shell_word w;
      w.begin = begin;
      w.end = end;
      w.text = std::string(b_.substr(begin, end - begin));
      if (pwsh_) {
         std::string_view t = w.text;
         if (t.size() >= 2 && t.front() == '\'' && t.back() == '\'') {
            w.value = std::string(t.substr(1, t.size() - 2));
         } else {
            if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2);
            w.value = std::string(t);
            w.literal = t.find('$') == std::string_view::npos;
         }
      } else {
         w.value = sh_word_value(w.text, w.literal);
      }
      return w;
   }

   // ---- commands -------------------------------------------------------------------
   void finish_command() {
      if (!cmd_.words.empty() && !skip_command_) {
         cmd_.depth = depth_;
         if (pipe_from_ >= 0)
            out_.commands[static_cast<std::size_t>(pipe_from_)].piped_to = static_cast<int>(out_.commands.size());
         out_.commands.push_back(std::move(cmd_));
      }
      pipe_from_ = -1;
      call_next_ = false;
      cmd_ = {};
      skip_command_ = false;
      skip_to_separator_ = false;
   }
   void pipe() {
      const bool real = !cmd_.words.empty() && !skip_command_;
      finish_command();
      if (real) pipe_from_ = static_cast<int>(out_.commands.size()) - 1;
   }
   void add_word(std::size_t begin, std::size_t end) {
      const std::string_view text = b_.substr(begin, end - begin);
      words_read.emplace_back(begin, end);
      if (!pending_name_.empty()) {  // PowerShell `$name = value`
         out_.assignments.push_back({pending_name_, word(begin, end), {}, pending_begin_, end});
         pending_name_.clear();
         skip_command_ = true;
         return;
      }
      if (skip_to_separator_) return;
      if (cmd_.words.empty() && !skip_command_) {
         if (first_word(begin, end, text)) return;
      }
      if (cmd_.words.empty() && cmd_.assignments.empty() && cmd_.redirections.empty()) cmd_.begin = begin;
      cmd_.words.push_back(word(begin, end));
      cmd_.end = end;
   }
   /// A command's first word: a keyword, an assignment or an expression is handled here (true).
   bool first_word(std::size_t begin, std::size_t end, std::string_view text) {
      if (call_next_) {  // PowerShell `& 'C:\x.exe'`, `. .\x.ps1`: the word is the command, quoted or not
         call_next_ = false;
         return false;
      }
      if (pwsh_) {
         if (std::any_of(pwsh_keywords.begin(), pwsh_keywords.end(), [&](auto k) { return ast::iequals(k, text); })) {
            if (ast::iequals(text, "foreach") || ast::iequals(text, "for")) skip_to_separator_ = true;
            return true;
         }
         if (text == ".") {  // dot-sourcing: the next word is the command
            call_next_ = true;
            return true;
         }
         std::size_t k = end;
         while (at(k) == ' ' || at(k) == '\t') ++k;
         const bool assigns = at(k) == '=' && at(k + 1) != '=';
         if (text.front() == '$' && assigns) {
            pending_name_ = std::string(text.substr(text.size() > 1 && text[1] == '{' ? 2 : 1));
            if (pending_name_.ends_with('}')) pending_name_.pop_back();
            pending_begin_ = begin;
            i_ = k + 1;
            return true;
         }
         if (text.front() == '$' || text.front() == '\'' || text.front() == '"' || text.front() == '[' ||
             text.front() == '@' || std::isdigit(static_cast<unsigned char>(text.front()))) {
            skip_command_ = true;  // an expression, not a command
            return true;
         }
         return false;
      }
      if (std::find(sh_keywords.begin(), sh_keywords.end(), text) != sh_keywords.end()) {
         if (text == "for" || text == "select" || text == "case") skip_to_separator_ = true;
         if (text == "[[") skip_test();
         if (text == "{" || text == "do" || text == "then") ++depth_;
         if ((text == "}" || text == "done" || text == "fi") && depth_ > 0) --depth_;
         return true;
      }
      const auto eq = text.find('=');
      if (eq != std::string_view::npos && eq > 0 && is_name(text.substr(0, eq))) {
         auto value = word(begin + eq + 1, end);
         std::string name(text.substr(0, eq));
         out_.assignments.push_back({name, value, {}, begin, end});
         cmd_.assignments.push_back(word(begin, end));
         if (cmd_.assignments.size() == 1) cmd_.begin = begin;
         return true;
      }
      return false;
   }
   void skip_test() {  // `[[ ... ]]`: its words are no command
      const auto close = b_.find("]]", i_);
      i_ = close == std::string_view::npos ? b_.size() : close + 2;
   }

   // ---- the loop -------------------------------------------------------------------
   void step() {
      const char c = b_[i_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
         ++i_;
      } else if ((c == '\\' && !pwsh_ && at(i_ + 1) == '\n') || (c == '`' && pwsh_ && at(i_ + 1) == '\n')) {
         i_ += 2;  // a continuation
      } else if (c == '\n') {
         ++i_;
         finish_command();
         skip_heredoc_bodies();
      } else if (c == '#' && (i_ == 0 || delimiters().find(b_[i_ - 1]) != std::string_view::npos)) {
         comment();
      } else if (pwsh_ && c == '<' && at(i_ + 1) == '#') {
         const auto close = b_.find("#>", i_ + 2);
         i_ = close == std::string_view::npos ? b_.size() : close + 2;
      } else if (c == '|' || c == '&' || c == ';' || c == '(' || c == ')' || (pwsh_ && (c == '{' || c == '}'))) {
         operator_at(c);
      } else if (!pwsh_ && (c == '<' || c == '>')) {
         redirection(i_);
      } else if (pwsh_ && c == '>') {
         redirection(i_);
      } else if (std::isdigit(static_cast<unsigned char>(c)) && io_number_end(i_) != 0) {
         redirection(io_number_end(i_));
      } else {
         const std::size_t e = std::max(word_end(i_), i_ + 1);
         const std::size_t b = i_;
         i_ = e;
         add_word(b, e);
      }
   }
   void comment() { i_ = std::min(b_.find('\n', i_), b_.size()); }
   /// The offset of the redirection operator after the digits at `k` (`2>`), 0 when none.
   [[nodiscard]] std::size_t io_number_end(std::size_t k) const {
      std::size_t e = k;
      while (e < b_.size() && std::isdigit(static_cast<unsigned char>(b_[e]))) ++e;
      return at(e) == '<' || at(e) == '>' ? e : 0;
   }
   void operator_at(char c) {
      const char d = at(i_ + 1);
      if (c == '|' && d == '|') {
         i_ += 2;
         finish_command();
      } else if (c == '|') {
         i_ += d == '&' ? 2 : 1;
         pipe();
      } else if (c == '&' && d == '&') {
         i_ += 2;
         finish_command();
      } else if (c == '&' && pwsh_) {  // the call operator: the next word is the command
         ++i_;
         finish_command();
         call_next_ = true;
      } else if (c == '&' && d == '>') {
         redirection(i_);
      } else {
         ++i_;
         finish_command();
         if (c == '(' || c == '{') ++depth_;
         if ((c == ')' || c == '}') && depth_ > 0) --depth_;
      }
   }
   /// A redirection whose operator starts at `op`: the operator and its target are no words.
   void redirection(std::size_t op) {
      std::size_t k = op;
      const bool heredoc = at(k) == '<' && at(k + 1) == '<' && at(k + 2) != '<';
      while (k < b_.size() && std::string_view("<>&|-").find(b_[k]) != std::string_view::npos && k - op < 3) ++k;
      ast::shell_redirect r;
      r.op = std::string(b_.substr(i_, k - i_));
      while (at(k) == ' ' || at(k) == '\t') ++k;
      const std::size_t e = word_end(k);
      r.target = word(k, e);
      words_read.emplace_back(k, e);
      if (heredoc && e > k) heredocs_.push_back(r.target.value);
      if (cmd_.words.empty() && cmd_.assignments.empty()) cmd_.begin = i_;
      cmd_.redirections.push_back(std::move(r));
      i_ = e;
   }
   void skip_heredoc_bodies() {
      for (const auto& delimiter : heredocs_) {
         while (i_ < b_.size()) {
            const std::size_t eol = std::min(b_.find('\n', i_), b_.size());
            std::string_view line = b_.substr(i_, eol - i_);
            i_ = std::min(eol + 1, b_.size());
            line.remove_prefix(std::min(line.find_first_not_of('\t'), line.size()));
            if (line.ends_with('\r')) line.remove_suffix(1);
            if (line == delimiter) break;
         }
      }
      heredocs_.clear();
   }
};

}  // namespace

void read_tolerantly(std::string_view body, std::size_t from, shell_dialect dialect, ast::shell_script& out) {
   from = std::min(from, body.size());
   std::vector<ast::shell_command> grammar = std::move(out.commands);
   out.commands.clear();
   // A command the failure cut short (only blanks between its end and the failing position)
   // is read again from its start, so that its words after the failure stay its words.
   std::size_t start = from;
   for (const auto& c : grammar) {
      if (c.begin < from && c.end <= from &&
          body.substr(c.end, from - c.end).find_first_not_of(" \t") == std::string_view::npos) {
         start = std::min(start, c.begin);
      }
   }
   ast::shell_script read;
   token_reader reader(body, start, dialect, read);
   reader.run();
   // What the grammar found at or after `start` is replaced by what the reader found, except
   // what lies inside a word the reader took whole (the commands of a "$(...)", say).
   const auto& words = reader.words_read;  // in source order, not overlapping
   const auto inside_a_word = [&](std::size_t offset) {
      auto it = std::upper_bound(words.begin(), words.end(), offset,
                                 [](std::size_t o, const auto& w) { return o < w.first; });
      return it != words.begin() && offset > std::prev(it)->first && offset < std::prev(it)->second;
   };
   std::vector<bool> keep(grammar.size());
   for (std::size_t i = 0; i < grammar.size(); ++i)
      keep[i] = grammar[i].begin < start || inside_a_word(grammar[i].begin);
   std::erase_if(out.assignments, [&](const auto& a) { return a.begin >= start && !inside_a_word(a.begin); });
   out.assignments.insert(out.assignments.end(), read.assignments.begin(), read.assignments.end());
   std::stable_sort(out.assignments.begin(), out.assignments.end(),
                    [](const auto& a, const auto& b) { return a.begin < b.begin; });

   // both lists in source order, with piped_to carried over to the merged indices
   struct item {
      std::size_t begin;
      bool from_reader;
      std::size_t index;
   };
   std::vector<item> items;
   for (std::size_t i = 0; i < grammar.size(); ++i) {
      if (keep[i]) items.push_back({grammar[i].begin, false, i});
   }
   for (std::size_t i = 0; i < read.commands.size(); ++i) items.push_back({read.commands[i].begin, true, i});
   std::stable_sort(items.begin(), items.end(), [](const item& a, const item& b) { return a.begin < b.begin; });
   std::vector<int> grammar_position(grammar.size(), -1), read_position(read.commands.size(), -1);
   for (std::size_t k = 0; k < items.size(); ++k) {
      (items[k].from_reader ? read_position : grammar_position)[items[k].index] = static_cast<int>(k);
   }
   out.commands.reserve(items.size());
   for (const auto& it : items) {
      auto& c = it.from_reader ? read.commands[it.index] : grammar[it.index];
      const auto& position = it.from_reader ? read_position : grammar_position;
      if (c.piped_to >= 0) c.piped_to = position[static_cast<std::size_t>(c.piped_to)];
      out.commands.push_back(std::move(c));
   }
}

}  // namespace strata::parse
