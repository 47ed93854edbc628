// A port of BuildKit's shell lexer (frontend/dockerfile/shell/lex.go) with Go's semantics for
// decoding UTF-8, white space, letters and digits (ast/unicode.hpp) and for the regular
// expressions BuildKit builds from glob patterns (a small leftmost-first matcher below).
#include "parse/shell_lexer.hpp"

#include <cstddef>
#include <cstdint>
#include <utility>

#include "ast/unicode.hpp"

namespace strata::parse {

namespace {

using ast::append_rune;
using ast::decode_rune;

/// What the scanner returns past the last code point (Go's scanner.EOF). Written out with
/// append_rune it becomes U+FFFD, as Go's string(rune(-1)) does.
constexpr char32_t end_of_input = 0xFFFFFFFFU;

/// Deepest nesting of `${` accepted; deeper input is an error instead of deep recursion.
constexpr int max_substitution_depth = 256;

std::string rune_text(char32_t r) {
   std::string s;
   append_rune(s, r);
   return s;
}

/// Code point reader over a word with the behaviour of Go's text/scanner used through
/// Peek/Next: invalid bytes read as U+FFFD one byte at a time, a leading BOM is skipped.
class rune_reader {
public:
   explicit rune_reader(std::string_view text) : text_(text) {
      if (!text_.empty()) {
         const auto first = decode_rune(text_, 0);
         if (first.rune == U'\uFEFF') pos_ = first.width;
      }
   }
   [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }
   [[nodiscard]] char32_t peek() const noexcept { return at_end() ? end_of_input : decode_rune(text_, pos_).rune; }
   char32_t next() noexcept {
      if (at_end()) return end_of_input;
      const auto r = decode_rune(text_, pos_);
      pos_ += r.width;
      return r.rune;
   }

private:
   std::string_view text_;
   std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Glob patterns. BuildKit turns `*`, `?` and literal characters into a Go regular expression
// (`.*` or `.*?`, `.`, escaped literals) and runs Go's regexp engine, whose result is the match
// a backtracking engine would find first (leftmost-first). The expressions are so simple that a
// Pike VM over three instruction kinds reproduces them exactly, including Go's treatment of
// invalid UTF-8 in the subject (an invalid byte is one U+FFFD that `.` matches) and of `\n`
// (which `.` does not match).

enum class glob_op : std::uint8_t { literal, any, star };

struct glob_token {
   glob_op op;
   char32_t rune;
};

struct match_span {
   std::size_t begin;
   std::size_t end;
};

class glob_matcher {
public:
   /// Compiles `pattern`; on an invalid escape returns false and sets `error`.
   bool compile(std::string_view pattern, bool greedy, bool anchored, std::string& error) {
      greedy_ = greedy;
      anchored_ = anchored;
      tokens_.clear();
      rune_reader in(pattern);
      while (!in.at_end()) {
         char32_t tok = in.next();
         if (tok == '*') {
            // Adjacent stars of one pattern match exactly what one star matches, with the same
            // preferred overall match; merging them keeps the closure below shallow.
            if (tokens_.empty() || tokens_.back().op != glob_op::star) tokens_.push_back({glob_op::star, 0});
            continue;
         }
         if (tok == '?') {
            tokens_.push_back({glob_op::any, 0});
            continue;
         }
         if (tok == '\\') {
            // `\}` and `\/` were only needed to get past the ${...} syntax: the backslash goes.
            if (in.peek() == '}' || in.peek() == '/') continue;
            tok = in.next();
            if (tok != '*' && tok != '?' && tok != '\\') {
               error = "invalid escape '\\" + rune_text(tok) + "'";
               return false;
            }
         }
         tokens_.push_back({glob_op::literal, tok});
      }
      return true;
   }

   /// The leftmost-first match in `text` starting the search at byte `from` (a code point
   /// boundary). Anchored patterns only match at offset 0.
   std::optional<match_span> find(std::string_view text, std::size_t from) {
      const std::size_t m = tokens_.size();
      current_.reset(m + 1);
      following_.reset(m + 1);
      std::optional<match_span> found;
      std::size_t pos = from;
      for (;;) {
         if (current_.threads.empty()) {
            if (anchored_ && pos != 0) break;
            if (found) break;
         }
         if (!found && (!anchored_ || pos == 0)) add(current_, 0, pos);
         char32_t r = end_of_input;
         std::size_t width = 0;
         if (pos < text.size()) {
            const auto d = decode_rune(text, pos);
            r = d.rune;
            width = d.width;
         }
         following_.clear();
         for (const auto& t : current_.threads) {
            if (t.pc == m) {
               // Leftmost-first: this match beats every thread after it in the list.
               found = match_span{t.start, pos};
               break;
            }
            if (width == 0) continue;
            const glob_token& tok = tokens_[t.pc];
            const bool ok = tok.op == glob_op::literal ? r == tok.rune : r != '\n';
            if (ok) add(following_, tok.op == glob_op::star ? t.pc : t.pc + 1, t.start);
         }
         if (width == 0) break;
         pos += width;
         std::swap(current_, following_);
      }
      return found;
   }

private:
   struct thread {
      std::size_t pc;
      std::size_t start;
   };
   struct thread_list {
      std::vector<thread> threads;
      std::vector<std::uint64_t> seen;
      std::uint64_t generation = 1;
      void reset(std::size_t states) {
         threads.clear();
         seen.assign(states, 0);
         generation = 1;
      }
      void clear() {
         threads.clear();
         ++generation;
      }
      bool visit(std::size_t pc) {
         if (seen[pc] == generation) return false;
         seen[pc] = generation;
         return true;
      }
   };

   /// Adds the threads reachable from `pc` without consuming input, in priority order.
   void add(thread_list& list, std::size_t pc, std::size_t start) {
      if (!list.visit(pc)) return;
      if (pc < tokens_.size() && tokens_[pc].op == glob_op::star) {
         // A star either consumes one more character (stays at pc) or moves on; greedy stars
         // prefer the former. pc + 1 is never a star (stars are merged).
         if (greedy_) list.threads.push_back({pc, start});
         if (list.visit(pc + 1)) list.threads.push_back({pc + 1, start});
         if (!greedy_) list.threads.push_back({pc, start});
         return;
      }
      list.threads.push_back({pc, start});
   }

   std::vector<glob_token> tokens_;
   bool greedy_ = false;
   bool anchored_ = false;
   thread_list current_;
   thread_list following_;
};

/// Go's Regexp.Expand for an expression without groups: `$$` is `$`, `$0` and `${0}` are the
/// whole match, any other well-formed `$name` / `${name}` is empty, and a `$` that does not
/// start one is literal.
void expand_template(std::string& out, std::string_view tmpl, std::string_view whole) {
   while (!tmpl.empty()) {
      const auto dollar = tmpl.find('$');
      if (dollar == std::string_view::npos) break;
      out.append(tmpl.substr(0, dollar));
      tmpl.remove_prefix(dollar);
      if (tmpl.size() > 1 && tmpl[1] == '$') {
         out += '$';
         tmpl.remove_prefix(2);
         continue;
      }
      bool ok = tmpl.size() >= 2;
      std::string_view name;
      std::string_view rest;
      if (ok) {
         const bool brace = tmpl[1] == '{';
         std::string_view s = tmpl.substr(brace ? 2 : 1);
         std::size_t i = 0;
         while (i < s.size()) {
            const auto d = decode_rune(s, i);
            if (!ast::is_go_letter(d.rune) && !ast::is_go_digit(d.rune) && d.rune != '_') break;
            i += d.width;
         }
         name = s.substr(0, i);
         ok = i > 0;
         if (ok && brace) {
            ok = i < s.size() && s[i] == '}';
            ++i;
         }
         if (ok) rest = s.substr(i);
      }
      if (!ok) {
         out += '$';
         tmpl.remove_prefix(1);
         continue;
      }
      tmpl = rest;
      // Only group 0 exists; Go reads the name as a number only without a leading zero.
      if (name == "0") out.append(whole);
   }
   out.append(tmpl);
}

/// Go's Regexp.ReplaceAllString, including its stepping over empty matches.
std::string replace_all(glob_matcher& re, std::string_view src, std::string_view tmpl) {
   std::string out;
   std::size_t last_end = 0;
   std::size_t search = 0;
   while (search <= src.size()) {
      const auto m = re.find(src, search);
      if (!m) break;
      out.append(src.substr(last_end, m->begin - last_end));
      // No replacement for an empty match right after the previous match.
      if (m->end > last_end || m->begin == 0) expand_template(out, tmpl, src.substr(m->begin, m->end - m->begin));
      last_end = m->end;
      const std::size_t width = search < src.size() ? decode_rune(src, search).width : 0;
      if (search + width > m->end) {
         search += width;
      } else if (search + 1 > m->end) {
         ++search;
      } else {
         search = m->end;
      }
   }
   out.append(src.substr(last_end));
   return out;
}

std::vector<char32_t> runes_of(std::string_view s) {
   std::vector<char32_t> runes;
   for (std::size_t i = 0; i < s.size();) {
      const auto d = decode_rune(s, i);
      runes.push_back(d.rune);
      i += d.width;
   }
   return runes;
}

/// Reverses a string code point by code point (invalid bytes become U+FFFD, as in Go's
/// []rune conversion).
std::string reverse_runes(std::string_view s) {
   const auto runes = runes_of(s);
   std::string out;
   out.reserve(s.size());
   for (auto it = runes.rbegin(); it != runes.rend(); ++it) append_rune(out, *it);
   return out;
}

/// Reverses a glob pattern but keeps each backslash in front of the character it escapes
/// (`a\*c` -> `c\*a`). A trailing lone backslash is reversed like any character.
std::string reverse_pattern(std::string_view pattern) {
   const auto runes = runes_of(pattern);
   std::vector<char32_t> out(runes.size());
   const std::size_t n = runes.size();
   for (std::size_t i = 0; i < n;) {
      const std::size_t at = n - 1 - i;
      if (runes[i] == '\\' && i + 1 < n) {
         out[at - 1] = '\\';
         out[at] = runes[i + 1];
         i += 2;
      } else {
         out[at] = runes[i];
         ++i;
      }
   }
   std::string s;
   for (const char32_t r : out) append_rune(s, r);
   return s;
}

/// Splits expanded text into words as BuildKit's wordsStruct does.
class word_splitter {
public:
   void add_char(char32_t ch) {
      if (ast::is_go_space(ch)) {
         if (in_word_ && !word_.empty()) {
            words_.push_back(std::move(word_));
            word_.clear();
            in_word_ = false;
         }
         return;
      }
      add_raw_char(ch);
   }
   void add_raw_char(char32_t ch) {
      append_rune(word_, ch);
      in_word_ = true;
   }
   void add_string(std::string_view s) {
      for (std::size_t i = 0; i < s.size();) {
         const auto d = decode_rune(s, i);
         add_char(d.rune);
         i += d.width;
      }
   }
   void add_raw_string(std::string_view s) {
      word_.append(s);
      in_word_ = true;
   }
   std::vector<std::string> finish() {
      if (!word_.empty()) {
         words_.push_back(std::move(word_));
         word_.clear();
         in_word_ = false;
      }
      return std::move(words_);
   }

private:
   std::string word_;
   std::vector<std::string> words_;
   bool in_word_ = false;
};

bool is_special_parameter(char32_t ch) {
   switch (ch) {
      case '@':
      case '*':
      case '#':
      case '?':
      case '-':
      case '$':
      case '!':
      case '0':
         return true;
      default:
         return false;
   }
}

const environment::value_type* find_entry(const environment& env, std::string_view name) {
   const auto it = env.find(name);
   return it == env.end() ? nullptr : &*it;
}
const ast::environment::value_type* find_entry(const ast::environment& env, std::string_view name) {
   return env.find(name);
}

template <typename Env>
class lexer {
public:
   lexer(std::string_view word, const Env& env, const lex_options& options, lex_result& out)
       : in_(word),
         env_(env),
         options_(options),
         escape_(static_cast<unsigned char>(options.escape)),
         raw_escapes_(options.raw_escapes),
         out_(out) {}

   /// Processes the whole word; on failure returns false and error() says why.
   bool run(std::string& result, std::vector<std::string>& words) {
      word_splitter splitter;
      if (!scan_until(end_of_input, options_.raw_escapes, result, &splitter)) return false;
      words = splitter.finish();
      return true;
   }

   [[nodiscard]] const std::string& error() const noexcept { return error_; }

private:
   bool fail(std::string message) {
      error_ = std::move(message);
      return false;
   }

   [[nodiscard]] std::string size_limit_message() const {
      return "expanded value longer than " + std::to_string(options_.max_result_bytes) + " bytes";
   }

   /// processStopOn: reads up to and including `stop` (end_of_input: the whole word) with
   /// raw_escapes in effect; `words` is null for nested words, whose splitting nobody reads.
   bool scan_until(char32_t stop, bool raw_escapes, std::string& result, word_splitter* words) {
      const bool saved = raw_escapes_;
      raw_escapes_ = raw_escapes;
      const bool ok = scan_until_impl(stop, result, words);
      raw_escapes_ = saved;
      return ok;
   }

   bool scan_until_impl(char32_t stop, std::string& result, word_splitter* words) {
      while (!in_.at_end()) {
         char32_t ch = in_.peek();
         if (stop != end_of_input && ch == stop) {
            in_.next();
            return true;
         }
         const bool quote = !options_.skip_process_quotes && (ch == '\'' || ch == '"');
         if (ch == '$' || quote) {
            std::string piece;
            const bool ok = ch == '$' ? dollar(piece) : ch == '\'' ? single_quote(piece) : double_quote(piece);
            if (!ok) return false;
            if (result.size() + piece.size() > options_.max_result_bytes) return fail(size_limit_message());
            result += piece;
            if (words != nullptr) {
               if (ch == '$') {
                  words->add_string(piece);
               } else {
                  words->add_raw_string(piece);
               }
            }
            continue;
         }
         ch = in_.next();
         if (ch == escape_) {
            if (raw_escapes_) {
               if (words != nullptr) words->add_raw_char(ch);
               append_rune(result, ch);
            }
            ch = in_.next();
            if (ch == end_of_input) break;
            if (words != nullptr) words->add_raw_char(ch);
         } else if (ch == '<' && in_.peek() == '<') {
            // Heredoc operator: `<<` keeps the blanks after it in its word.
            in_.next();
            result += "<<";
            if (words != nullptr) {
               words->add_raw_char('<');
               words->add_raw_char('<');
            }
            while (in_.peek() == ' ' || in_.peek() == '\t' || in_.peek() == '\r') {
               const char32_t blank = in_.next();
               append_rune(result, blank);
               if (words != nullptr) words->add_raw_char(blank);
            }
            continue;
         } else if (words != nullptr) {
            words->add_char(ch);
         }
         append_rune(result, ch);
      }
      if (stop != end_of_input) {
         return fail("unexpected end of statement while looking for matching " + rune_text(stop));
      }
      return true;
   }

   bool single_quote(std::string& out) {
      char32_t ch = in_.next();
      if (options_.raw_quotes) append_rune(out, ch);
      for (;;) {
         ch = in_.next();
         if (ch == end_of_input) return fail("unexpected end of statement while looking for matching single-quote");
         if (ch == '\'') {
            if (options_.raw_quotes) append_rune(out, ch);
            return true;
         }
         append_rune(out, ch);
      }
   }

   bool double_quote(std::string& out) {
      char32_t ch = in_.next();
      if (options_.raw_quotes) append_rune(out, ch);
      for (;;) {
         const char32_t next = in_.peek();
         if (next == end_of_input) {
            return fail("unexpected end of statement while looking for matching double-quote");
         }
         if (next == '"') {
            ch = in_.next();
            if (options_.raw_quotes) append_rune(out, ch);
            return true;
         }
         if (next == '$') {
            std::string value;
            if (!dollar(value)) return false;
            if (out.size() + value.size() > options_.max_result_bytes) return fail(size_limit_message());
            out += value;
            continue;
         }
         ch = in_.next();
         if (ch == escape_) {
            if (raw_escapes_) append_rune(out, ch);
            const char32_t after = in_.peek();
            if (after == end_of_input) continue;  // dropped; the loop then reports the open quote
            if (after == '"' || after == '$' || after == escape_) ch = in_.next();
         }
         append_rune(out, ch);
      }
   }

   /// processName: a run of digits, one special parameter character, or letters, digits and `_`.
   std::string read_name() {
      std::string name;
      while (!in_.at_end()) {
         const char32_t ch = in_.peek();
         if (name.empty() && ast::is_go_digit(ch)) {
            while (!in_.at_end() && ast::is_go_digit(in_.peek())) append_rune(name, in_.next());
            return name;
         }
         if (name.empty() && is_special_parameter(ch)) {
            in_.next();
            return rune_text(ch);
         }
         if (!ast::is_go_letter(ch) && !ast::is_go_digit(ch) && ch != '_') break;
         append_rune(name, in_.next());
      }
      return name;
   }

   /// getEnv: the value of `name`, recording it as matched or unmatched.
   std::optional<std::string> lookup(const std::string& name) {
      const auto* entry = find_entry(env_, name);
      if (entry == nullptr && options_.case_insensitive_keys) {
         const std::string folded = ast::go_to_lower(name);
         for (const auto& candidate : env_) {
            if (ast::go_to_lower(candidate.first) == folded) {
               entry = &candidate;
               break;
            }
         }
      }
      if (entry == nullptr) {
         out_.unmatched.insert(name);
         return std::nullopt;
      }
      out_.matched.insert(name);
      return entry->second;
   }

   /// processDollar: at a `$`; `out` receives the expansion.
   bool dollar(std::string& out) {
      in_.next();
      if (in_.peek() != '{') {
         const std::string name = read_name();
         if (name.empty()) {
            out = "$";
            return true;
         }
         auto value = lookup(name);
         if (!value && options_.skip_unset_env) {
            out = "$" + name;
            return true;
         }
         out = value ? std::move(*value) : std::string();
         return true;
      }
      in_.next();
      if (depth_ >= max_substitution_depth) {
         return fail("syntax error: substitutions nested too deeply (more than " +
                     std::to_string(max_substitution_depth) + " levels)");
      }
      ++depth_;
      const bool ok = braced(out);
      --depth_;
      return ok;
   }

   /// The part of processDollar after `${`.
   bool braced(std::string& out) {
      const char32_t first = in_.peek();
      if (first == end_of_input) return fail("syntax error: missing '}'");
      if (first == '{' || first == '}' || first == ':') return fail("syntax error: bad substitution");
      const std::string name = read_name();
      char32_t ch = in_.next();
      std::string chs = rune_text(ch);

      if (ch == '}') {
         auto value = lookup(name);
         if (!value && options_.skip_unset_env) {
            out = "${" + name + "}";
            return true;
         }
         out = value ? std::move(*value) : std::string();
         return true;
      }
      if (ch == '/') return substitute(name, out);

      bool null_is_unset = false;
      if (ch == ':') {
         null_is_unset = true;
         ch = in_.next();
         append_rune(chs, ch);
      } else if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
         return fail("unsupported modifier (" + chs + ") in substitution");
      }

      // `:#` and `:%` are refused at once. Any other character after `:` (`:=`, `:1`, ...) reads
      // its word first and is refused below, unless skip_unset_env returns an unset reference
      // verbatim before that (as upstream does).
      const bool pattern = ch == '#' || ch == '%';
      if (null_is_unset && pattern) return fail("unsupported modifier (" + chs + ") in substitution");
      std::string word;
      if (!scan_until('}', pattern, word, nullptr)) {
         if (in_.at_end()) error_ = "syntax error: missing '}'";
         return false;
      }

      auto value = lookup(name);
      if (!value && options_.skip_unset_env) {
         out = "${" + name + chs + word + "}";
         return true;
      }
      const bool set = value.has_value();
      const bool empty_or_unset = !set || (null_is_unset && value->empty());
      switch (ch) {
         case '-':
            out = empty_or_unset ? std::move(word) : std::move(*value);
            return true;
         case '+':
            out = empty_or_unset ? std::string() : std::move(word);
            return true;
         case '?':
            if (!set) return fail(name + ": " + (word.empty() ? std::string("is not allowed to be unset") : word));
            if (null_is_unset && value->empty()) {
               return fail(name + ": " + (word.empty() ? std::string("is not allowed to be empty") : word));
            }
            out = std::move(*value);
            return true;
         case '#':
         case '%': {
            bool greedy = false;
            if (!word.empty() && char32_t{static_cast<unsigned char>(word[0])} == ch) {
               greedy = true;
               word.erase(0, 1);
            }
            const std::string subject = set ? std::move(*value) : std::string();
            if (ch == '#') return trim_prefix(word, subject, greedy, out);
            // Suffix removal is prefix removal on the reversed value with the reversed pattern.
            std::string trimmed;
            if (!trim_prefix(reverse_pattern(word), reverse_runes(subject), greedy, trimmed)) return false;
            out = reverse_runes(trimmed);
            return true;
         }
         default:
            return fail("unsupported modifier (" + chs + ") in substitution");
      }
   }

   /// `${name/pattern/replacement}` and `${name//pattern/replacement}`, after the first `/`.
   bool substitute(const std::string& name, std::string& out) {
      const bool all = in_.peek() == '/';
      if (all) in_.next();
      std::string pattern;
      if (!scan_until('/', true, pattern, nullptr)) {
         if (in_.at_end()) error_ = "syntax error: missing '/' in ${}";
         return false;
      }
      std::string repl;
      if (!scan_until('}', true, repl, nullptr)) {
         if (in_.at_end()) error_ = "syntax error: missing '}'";
         return false;
      }
      auto value = lookup(name);
      if (!value && options_.skip_unset_env) {
         // BuildKit writes `${name/...}` back with a single slash even for `//`.
         out = "${" + name + "/" + pattern + "/" + repl + "}";
         return true;
      }
      std::string subject = value ? std::move(*value) : std::string();
      glob_matcher re;
      std::string why;
      if (!re.compile(pattern, true, false, why)) {
         return fail("invalid pattern (" + pattern + ") in substitution: " + why);
      }
      if (all) {
         out = replace_all(re, subject, repl);
      } else if (const auto m = re.find(subject, 0)) {
         out = subject.substr(0, m->begin) + repl + subject.substr(m->end);
      } else {
         out = std::move(subject);
      }
      return true;
   }

   /// trimPrefix: removes the leftmost (shortest or, if greedy, longest) match anchored at
   /// the start of `value`.
   bool trim_prefix(const std::string& pattern, const std::string& value, bool greedy, std::string& out) {
      glob_matcher re;
      std::string why;
      if (!re.compile(pattern, greedy, true, why)) {
         return fail("invalid pattern (" + pattern + ") in substitution: " + why);
      }
      const auto m = re.find(value, 0);
      out = m ? value.substr(m->end) : value;
      return true;
   }

   rune_reader in_;
   const Env& env_;
   const lex_options& options_;
   char32_t escape_;
   bool raw_escapes_;
   lex_result& out_;
   int depth_ = 0;
   std::string error_;
};

}  // namespace

namespace {
template <typename Env>
lex_result process_with(std::string_view word, const Env& env, const lex_options& options) {
   lex_result out;
   lexer<Env> lx(word, env, options, out);
   std::string result;
   std::vector<std::string> words;
   if (lx.run(result, words)) {
      out.result = std::move(result);
      out.words = std::move(words);
   } else {
      out.error = "failed to process " + ast::go_quote(word) + ": " + lx.error();
   }
   return out;
}
}  // namespace

lex_result process_word(std::string_view word, const environment& env, const lex_options& options) {
   return process_with(word, env, options);
}

lex_result process_word(std::string_view word, const ast::environment& env, const lex_options& options) {
   return process_with(word, env, options);
}

bool is_size_limit_error(std::string_view error) noexcept {
   return error.ends_with(" bytes") && error.find(": expanded value longer than ") != std::string_view::npos;
}

environment build_environment(const std::vector<std::string>& assignments) {
   environment env;
   for (const auto& assignment : assignments) {
      const auto eq = assignment.find('=');
      if (eq == std::string::npos) {
         env[assignment] = "";
      } else {
         env[assignment.substr(0, eq)] = assignment.substr(eq + 1);
      }
   }
   return env;
}

}  // namespace strata::parse
