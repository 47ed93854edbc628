// Dockerfile parser: BuildKit's parser.Parse (frontend/dockerfile/parser) step by
// step, with the token shapes in grammar/dockerfile.hpp. Where BuildKit stops at
// the first error, strata records it and goes on with the next instruction.
#include "parse/dockerfile_parser.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "ast/text.hpp"
#include "ast/unicode.hpp"
#include "grammar/dockerfile.hpp"
#include "parse/dockerfile_instructions.hpp"
#include "parse/history_line.hpp"  // decode_json_string: Go encoding/json string decoding
#include "parse/shell_lexer.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::dockerfile;

namespace {

constexpr std::size_t max_line_bytes = 65535;

/// The input of every grammar here: the actions read byte offsets, never a line or column.
using input = pegtl::memory_input<pegtl::tracking_mode::lazy>;

/// Length of the match of `Rule` at the start of `text`, or npos.
template <typename Rule>
std::size_t match_length(std::string_view text) {
   input in(text.data(), text.data() + text.size(), "");
   try {
      if (pegtl::parse<Rule>(in)) {
         return static_cast<std::size_t>(in.current() - text.data());
      }
   } catch (const pegtl::parse_error&) {
   }
   return std::string_view::npos;
}

template <typename Rule>
bool matches(std::string_view text) {
   return match_length<Rule>(text) != std::string_view::npos;
}

// A directive's key and value, from a line the grammar accepted.
struct directive_capture {
   std::string key, value;
};
template <typename Rule>
struct directive_action : pegtl::nothing<Rule> {};
template <>
struct directive_action<g::directive_key> {
   template <typename In>
   static void apply(const In& in, directive_capture& c) {
      c.key = ast::lower(in.string_view());
   }
};
template <>
struct directive_action<g::directive_value> {
   template <typename In>
   static void apply(const In& in, directive_capture& c) {
      c.value = in.string();
   }
};
template <>
struct directive_action<g::directive_blank_value> : directive_action<g::directive_value> {};

// Offsets of JSON elements / words found by the grammar.
struct piece {
   std::size_t begin, end;
};
struct pieces_state {
   const char* base = nullptr;
   std::vector<piece> items;
   bool other = false;  // a non-string JSON element
};
template <typename Rule>
struct pieces_action : pegtl::nothing<Rule> {};
template <>
struct pieces_action<g::json_element> {
   template <typename In>
   static void apply(const In& in, pieces_state& st) {
      st.items.push_back(
          {static_cast<std::size_t>(in.begin() - st.base), static_cast<std::size_t>(in.end() - st.base)});
   }
};
template <>
struct pieces_action<g::json_other> {
   template <typename In>
   static void apply(const In&, pieces_state& st) {
      st.other = true;
   }
};
template <>
struct pieces_action<g::shell_word> : pieces_action<g::json_element> {};

/// BuildKit parseWords (ENV/LABEL `=` form, ARG): words separated by unicode.IsSpace
/// outside quotes; quotes and escapes are kept; invalid UTF-8 becomes U+FFFD.
struct parsed_word {
   std::string text;
   std::size_t begin, end;  // byte offsets of the word in the input
};
std::vector<parsed_word> parse_words(std::string_view rest, char escape) {
   std::vector<parsed_word> words;
   enum { in_spaces, in_word, in_quote } phase = in_spaces;
   std::string word;
   std::size_t word_begin = 0;
   char32_t quote = 0;
   bool blank_ok = false;
   char32_t ch = 0;
   std::size_t width = 0;
   std::size_t pos = 0;
   // the escape is kept in the word and the next code point is read
   auto keep_escape_and_advance = [&] {
      ast::append_rune(word, ch);
      pos += width;
      const auto d = ast::decode_rune(rest, pos);
      ch = d.rune;
      width = d.width;
   };
   for (pos = 0; pos <= rest.size(); pos += width) {
      if (pos != rest.size()) {
         const auto d = ast::decode_rune(rest, pos);
         ch = d.rune;
         width = d.width;
      } else {
         width = 1;
      }
      if (phase == in_spaces) {
         if (pos == rest.size()) break;
         if (ast::is_go_space(ch)) continue;
         phase = in_word;
         word_begin = pos;
      }
      if (pos == rest.size()) {
         if (blank_ok || !word.empty()) words.push_back({word, word_begin, rest.size()});
         break;
      }
      if (phase == in_word) {
         if (ast::is_go_space(ch)) {
            phase = in_spaces;
            if (blank_ok || !word.empty()) words.push_back({word, word_begin, pos});
            word.clear();
            blank_ok = false;
            continue;
         }
         if (ch == '\'' || ch == '"') {
            quote = ch;
            blank_ok = true;
            phase = in_quote;
         }
         if (ch == static_cast<unsigned char>(escape)) {
            if (pos + width == rest.size()) continue;  // escape at the end: dropped
            keep_escape_and_advance();
         }
         ast::append_rune(word, ch);
         continue;
      }
      // in_quote
      if (ch == quote) phase = in_word;
      if (ch == static_cast<unsigned char>(escape) && quote != '\'') {
         if (pos + width == rest.size()) {
            phase = in_word;
            continue;
         }
         keep_escape_and_advance();
      }
      ast::append_rune(word, ch);
   }
   return words;
}

/// A flag word with quotes and escapes removed; bytes are taken one by one as code
/// points (so non-ASCII bytes are re-encoded as Latin-1, as BuildKit does).
std::string unquote_flag(std::string_view raw, char escape) {
   std::string out;
   char quote = 0;
   for (std::size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == escape) {
         if (i + 1 == raw.size()) break;
         c = raw[++i];
      } else if (quote != 0 && c == quote) {
         quote = 0;
         continue;
      } else if (quote == 0 && (c == '"' || c == '\'')) {
         quote = c;
         continue;
      }
      ast::append_rune(out, static_cast<unsigned char>(c));
   }
   return out;
}

struct kept_state {
   const char* base = nullptr;
   std::size_t kept = 0;
};
template <typename Rule>
struct kept_action : pegtl::nothing<Rule> {};
template <char E>
struct kept_action<g::continued_text<E>> {
   template <typename In>
   static void apply(const In& in, kept_state& st) {
      st.kept = static_cast<std::size_t>(in.end() - st.base);
   }
};

struct heredoc_capture {
   std::string fd, rest;
   bool chomp = false;
};
template <typename Rule>
struct heredoc_action : pegtl::nothing<Rule> {};
template <>
struct heredoc_action<g::heredoc_fd> {
   template <typename In>
   static void apply(const In& in, heredoc_capture& c) {
      c.fd = in.string();
   }
};
template <>
struct heredoc_action<g::heredoc_chomp> {
   template <typename In>
   static void apply(const In&, heredoc_capture& c) {
      c.chomp = true;
   }
};
template <>
struct heredoc_action<g::heredoc_rest> {
   template <typename In>
   static void apply(const In& in, heredoc_capture& c) {
      c.rest = in.string();
   }
};

bool maybe_json(std::string_view n) {
   return n == "run" || n == "cmd" || n == "entrypoint" || n == "shell";
}
bool maybe_json_list(std::string_view n) {
   return n == "add" || n == "copy" || n == "volume";
}
bool whole_string(std::string_view n) {
   return n == "maintainer" || n == "user" || n == "workdir" || n == "stopsignal";
}

}  // namespace

const std::vector<std::string_view>& known_instructions() {
   static const std::vector<std::string_view> names = {
       "add",   "arg",        "cmd",     "copy", "entrypoint", "env",        "expose", "from",   "healthcheck",
       "label", "maintainer", "onbuild", "run",  "shell",      "stopsignal", "user",   "volume", "workdir"};
   return names;
}

namespace {

class builder {
public:
   explicit builder(ast::dockerfile& df) : df_(df), text_(df.source.text()) {}

   void parse() {
      std::size_t pos = 0;
      if (text_.starts_with("\xEF\xBB\xBF")) {
         df_.bom = true;
         pos = 3;
      }
      std::uint32_t line_no = 0;
      bool directives_done = false;
      while (pos < text_.size()) {
         line ln = read_line(pos, ++line_no);
         pos = ln.next;
         if (ln.too_long) {
            continue;
         }
         const std::string_view raw = ln.text();
         const std::string_view left = ast::go_trim_left_space(raw);
         if (!directives_done) {
            directives_done = !read_directive(left, ln);
            if (!directives_done) continue;
         }
         if (matches<g::comment_line>(raw)) {
            add_comment(ln, false);
            continue;
         }
         const std::size_t left_begin = ln.begin + (raw.size() - left.size());
         auto [continued, kept] = continuation(left);
         if (!continued && kept == 0) continue;  // a blank line

         // the logical line: this line, then its continuation lines
         std::string joined(left.substr(0, kept));
         ast::offset_map map;
         map.append(0, left_begin, kept);
         std::size_t text_end = left_begin + kept;  // end of the last piece in the file
         std::uint32_t end_line = line_no;
         bool empty_continuation = false;
         while (continued && pos < text_.size()) {
            line next = read_line(pos, ++line_no);
            pos = next.next;
            end_line = line_no;
            if (next.too_long) {
               break;
            }
            const std::string_view t = next.text();
            if (matches<g::comment_line>(t)) {
               add_comment(next, true);
               continue;
            }
            if (ast::go_trim_left_space(t).empty()) {
               empty_continuation = true;
               continue;
            }
            const auto [c, k] = continuation(t);
            continued = c;
            map.append(joined.size(), next.begin, k);
            joined.append(t.substr(0, k));
            text_end = next.begin + k;
         }
         ast::instruction inst;
         std::optional<std::string> err = parse_line(joined, map, 0, joined.size(), inst);
         inst.start_line = ln.number;
         inst.end_line = end_line;
         inst.empty_continuation = empty_continuation;
         const std::size_t where_end = std::max(text_end, ln.begin + raw.size());
         if (err) {
            error_at(left_begin, where_end, std::move(*err));
            continue;
         }
         inst.where = df_.source.make_span(inst.keyword_span.begin, std::max(text_end, inst.keyword_span.end));
         if (can_contain_heredoc(inst) && joined.find("<<") != std::string::npos) {
            pos = read_heredocs(inst, joined, pos, line_no);
         }
         df_.instructions.push_back(std::move(inst));
      }
      if (df_.instructions.empty() && df_.errors.empty()) {
         df_.errors.push_back({"file with no instructions", df_.source.make_span(text_.size(), text_.size())});
      }
   }

private:
   ast::dockerfile& df_;
   const std::string& text_;

   struct line {
      const std::string* text_ptr;
      std::size_t begin, end, next;  // text [begin, end): newline and trailing CRs excluded
      std::uint32_t number;
      bool too_long = false;
      [[nodiscard]] std::string_view text() const { return std::string_view(*text_ptr).substr(begin, end - begin); }
   };

   line read_line(std::size_t pos, std::uint32_t number) {
      const auto nl = text_.find('\n', pos);
      const std::size_t raw_end = nl == std::string::npos ? text_.size() : nl;
      line ln{&text_, pos, raw_end, nl == std::string::npos ? text_.size() : nl + 1, number};
      while (ln.end > ln.begin && (text_[ln.end - 1] == '\r' || text_[ln.end - 1] == '\n')) --ln.end;
      if (raw_end - pos > max_line_bytes) {
         ln.too_long = true;
         // BuildKit stops reading here; with no instruction read yet it reports an empty file
         if (df_.instructions.empty() && df_.errors.empty()) {
            df_.errors.push_back({"file with no instructions", df_.source.make_span(pos, pos)});
         }
         const std::size_t col_end = pos + max_line_bytes;
         df_.errors.push_back({fmt::format("dockerfile line greater than max allowed size of {}", max_line_bytes),
                               df_.source.make_span(col_end, raw_end)});
      }
      return ln;
   }

   // A comment line: the next instruction kept in the model gets index `instructions.size()`.
   void add_comment(const line& ln, bool in_continuation) {
      const std::string_view t = ln.text();
      const std::size_t hash = t.find('#');
      ast::comment c;
      c.raw = std::string(t.substr(hash));
      c.text = c.raw.substr(1);
      c.where = df_.source.make_span(ln.begin + hash, ln.end);
      c.in_continuation = in_continuation;
      c.next_instruction = df_.instructions.size();
      df_.comments.push_back(std::move(c));
   }

   void error_at(std::size_t begin, std::size_t end, std::string message) {
      df_.errors.push_back({std::move(message), df_.source.make_span(begin, end), ast::error_layer::parser});
   }

   // Returns false when the line ends directive scanning.
   bool read_directive(std::string_view left, const line& ln) {
      directive_capture c;
      input in(left.data(), left.data() + left.size(), "");
      bool ok = false;
      try {
         ok = pegtl::parse<g::directive_line, directive_action>(in, c);
      } catch (const pegtl::parse_error&) {
      }
      if (!ok || (c.key != "syntax" && c.key != "escape" && c.key != "check")) {
         return false;
      }
      const std::size_t begin = ln.begin + (ln.text().size() - left.size());
      const auto where = df_.source.make_span(begin, ln.end);
      if (std::any_of(df_.directives.begin(), df_.directives.end(), [&](const auto& d) { return d.key == c.key; })) {
         df_.errors.push_back({fmt::format("only one {} parser directive can be used", c.key), where});
         return true;
      }
      df_.directives.push_back({c.key, c.value, where});
      if (c.key == "escape") {
         if (c.value != "\\" && c.value != "`") {
            df_.errors.push_back({fmt::format("invalid escape token '{}' does not match ` or \\", c.value), where});
         } else {
            df_.escape = c.value[0];
         }
      }
      return true;
   }

   // BuildKit trimContinuationCharacter: (continued, bytes of the line kept).
   [[nodiscard]] std::pair<bool, std::size_t> continuation(std::string_view t) const {
      // g::continued_line ends in the escape character and blanks: most lines do not
      const std::size_t last = t.find_last_not_of(" \t");
      if (last == std::string_view::npos || t[last] != df_.escape) return {false, t.size()};
      // only the run of escape characters that ends the line decides: the grammar reads from
      // its first character (runs are taken whole from the left), not the whole line
      std::size_t from = last;
      while (from > 0 && t[from - 1] == df_.escape) --from;
      const std::string_view tail = t.substr(from);
      input in(tail.data(), tail.data() + tail.size(), "");
      kept_state st{tail.data(), 0};
      bool ok = false;
      try {
         ok = df_.escape == '`' ? pegtl::parse<g::continued_line<'`'>, kept_action>(in, st)
                                : pegtl::parse<g::continued_line<'\\'>, kept_action>(in, st);
      } catch (const pegtl::parse_error&) {
      }
      if (ok) return {true, from + st.kept};
      return {false, t.size()};
   }

   // ---- the instruction line (BuildKit newNodeFromLine) ----------------------
   std::optional<std::string> parse_line(const std::string& joined, const ast::offset_map& map, std::size_t lo,
                                         std::size_t hi, ast::instruction& inst) {
      auto span_of = [&](std::size_t b, std::size_t e) { return df_.source.make_span(map, b, e); };
      const std::string_view whole(joined.data() + lo, hi - lo);
      const std::string_view trimmed = ast::go_trim_space(whole);
      lo += static_cast<std::size_t>(trimmed.data() - whole.data());
      hi = lo + trimmed.size();
      const std::string_view instruction_text(joined.data() + lo, hi - lo);
      const std::size_t name_len = match_length<g::instruction_name>(instruction_text);
      const std::size_t name_end = lo + (name_len == std::string_view::npos ? 0 : name_len);
      inst.keyword = joined.substr(lo, name_end - lo);
      inst.name = ast::go_to_lower(inst.keyword);
      inst.keyword_span = span_of(lo, name_end);
      const std::size_t sep = match_length<g::name_separator>(std::string_view(joined).substr(name_end, hi - name_end));
      std::size_t args_begin = hi;
      if (sep != std::string_view::npos) {
         args_begin = extract_flags(joined, name_end + sep, hi, inst, span_of);
      }
      const std::string_view args_raw(joined.data() + args_begin, hi - args_begin);
      const std::string_view args = ast::go_trim_space(args_raw);
      const std::size_t ab = args_begin + static_cast<std::size_t>(args.data() - args_raw.data());
      inst.arguments = std::string(args);
      inst.arguments_map = map.slice(ab, ab + args.size());
      inst.arguments_span = span_of(ab, ab + args.size());
      const auto& names = known_instructions();
      inst.known = std::find(names.begin(), names.end(), inst.name) != names.end();
      if (!inst.known) {
         return std::nullopt;  // parseIgnore
      }
      return parse_arguments(joined, map, ab, ab + args.size(), inst);
   }

   template <typename SpanOf>
   std::size_t extract_flags(const std::string& joined, std::size_t pos, std::size_t hi, ast::instruction& inst,
                             SpanOf& span_of) {
      for (;;) {
         const std::size_t sp = match_length<g::flag_spaces>(std::string_view(joined).substr(pos, hi - pos));
         pos += sp == std::string_view::npos ? 0 : sp;
         if (pos >= hi) return hi;
         if (!(joined[pos] == '-' && pos + 1 < hi && joined[pos + 1] == '-')) return pos;
         const std::string_view rest(joined.data() + pos, hi - pos);
         // BuildKit's extractBuilderFlags escapes with a backslash whatever the escape directive says
         const std::size_t len = match_length<g::flag_word<'\\'>>(rest);
         const std::string text = unquote_flag(rest.substr(0, len), '\\');
         if (text == "--") {
            return pos + len;  // end of flags; the word is dropped
         }
         ast::flag f;
         f.text = text;
         const auto eq = text.find('=');
         f.name = text.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
         if (eq != std::string::npos) {
            f.value = text.substr(eq + 1);
            f.has_value = true;
         }
         f.where = span_of(pos, pos + len);
         inst.flags.push_back(std::move(f));
         pos += len;
      }
   }

   std::optional<std::string> parse_arguments(const std::string& joined, const ast::offset_map& map, std::size_t ab,
                                              std::size_t ae, ast::instruction& inst) {
      auto span_of = [&](std::size_t b, std::size_t e) { return df_.source.make_span(map, b, e); };
      const std::string_view args(joined.data() + ab, ae - ab);
      const std::string& n = inst.name;
      if (maybe_json(n) || maybe_json_list(n)) {
         if (auto err = parse_json(args, ab, inst, span_of)) return err;
         if (inst.form == ast::argument_form::exec) return std::nullopt;
         if (args.empty()) return std::nullopt;
         inst.form = ast::argument_form::shell;
         if (maybe_json(n)) {
            inst.words.push_back({std::string(args), span_of(ab, ae)});
         } else {
            split_words(args, ab, inst, span_of);
         }
         return std::nullopt;
      }
      if (args.empty()) return std::nullopt;
      inst.form = ast::argument_form::shell;
      if (n == "from" || n == "expose") {
         split_words(args, ab, inst, span_of);
      } else if (whole_string(n)) {
         inst.words.push_back({std::string(args), span_of(ab, ae)});
      } else if (n == "env" || n == "label") {
         return parse_name_value(args, ab, inst, span_of);
      } else if (n == "arg") {
         for (auto& w : parse_words(args, df_.escape)) {
            ast::key_value kv;
            const auto eq = w.text.find('=');
            kv.key = w.text.substr(0, eq);
            kv.has_value = eq != std::string::npos;
            if (kv.has_value) kv.value = w.text.substr(eq + 1);
            const std::size_t key_len = eq == std::string::npos ? w.end - w.begin : std::min(w.end - w.begin, eq);
            kv.key_span = span_of(ab + w.begin, ab + w.begin + key_len);
            kv.value_span =
                kv.has_value ? span_of(ab + w.begin + key_len + 1, ab + w.end) : span_of(ab + w.end, ab + w.end);
            inst.pairs.push_back(std::move(kv));
            inst.words.push_back({std::move(w.text), span_of(ab + w.begin, ab + w.end)});
         }
      } else if (n == "healthcheck") {
         // the type ends at the first byte-wise space (BuildKit parseHealthConfig)
         std::size_t sep = 0;
         while (sep < args.size() && !ast::is_go_space_byte(static_cast<unsigned char>(args[sep]))) ++sep;
         std::size_t next = sep;
         while (next < args.size() && ast::is_go_space_byte(static_cast<unsigned char>(args[next]))) ++next;
         inst.words.push_back({std::string(args.substr(0, sep)), span_of(ab, ab + sep)});
         const std::string_view cmd = args.substr(next);
         ast::instruction tmp;
         if (auto err = parse_json(cmd, ab + next, tmp, span_of)) return err;
         if (tmp.form == ast::argument_form::exec) {
            inst.form = ast::argument_form::exec;
            for (auto& w : tmp.words) inst.words.push_back(std::move(w));
         } else if (!cmd.empty()) {
            inst.words.push_back({std::string(cmd), span_of(ab + next, ae)});
         }
      } else if (n == "onbuild") {
         ast::instruction trigger;
         if (auto err = parse_line(joined, map, ab, ae, trigger)) return err;
         trigger.where = span_of(ab, ae);
         inst.trigger.push_back(std::move(trigger));
      }
      return std::nullopt;
   }

   template <typename SpanOf>
   std::optional<std::string> parse_json(std::string_view args, std::size_t ab, ast::instruction& inst,
                                         SpanOf& span_of) {
      if (args.empty() || args.front() != '[') return std::nullopt;
      pieces_state st;
      st.base = args.data();
      input in(args.data(), args.data() + args.size(), "");
      bool ok = false;
      try {
         ok = pegtl::parse<g::json_array, pieces_action>(in, st);
      } catch (const pegtl::parse_error&) {
      }
      if (!ok) return std::nullopt;  // not JSON: the shell (or list) form
      if (st.other) return "when using JSON array syntax, arrays must be comprised of strings only";
      inst.form = ast::argument_form::exec;
      for (const auto& p : st.items) {
         ast::offset_map unused;  // the words' spans are the literals'
         inst.words.push_back(
             {decode_json_string(args.substr(p.begin, p.end - p.begin), 0, unused), span_of(ab + p.begin, ab + p.end)});
      }
      return std::nullopt;
   }

   template <typename SpanOf>
   void split_words(std::string_view args, std::size_t ab, ast::instruction& inst, SpanOf& span_of) {
      pieces_state st;
      st.base = args.data();
      input in(args.data(), args.data() + args.size(), "");
      pegtl::parse<g::shell_words, pieces_action>(in, st);
      for (const auto& p : st.items) {
         inst.words.push_back({std::string(args.substr(p.begin, p.end - p.begin)), span_of(ab + p.begin, ab + p.end)});
      }
   }

   template <typename SpanOf>
   std::optional<std::string> parse_name_value(std::string_view args, std::size_t ab, ast::instruction& inst,
                                               SpanOf& span_of) {
      const auto words = parse_words(args, df_.escape);
      if (words.empty()) return std::nullopt;
      const std::string upper = inst.name == "env" ? "ENV" : "LABEL";
      if (words[0].text.find('=') == std::string::npos) {
         // legacy `KEY value`: split once on reWhitespace
         const std::size_t key_end = args.find_first_of(" \t\v\f\r");
         if (key_end == std::string_view::npos) {
            return fmt::format("{} must have two arguments", upper);
         }
         const std::size_t value_begin = args.find_first_not_of(" \t\v\f\r", key_end);
         ast::key_value kv;
         kv.key = std::string(args.substr(0, key_end));
         kv.value = value_begin == std::string_view::npos ? std::string() : std::string(args.substr(value_begin));
         kv.legacy = true;
         kv.key_span = span_of(ab, ab + key_end);
         const std::size_t vb = value_begin == std::string_view::npos ? args.size() : value_begin;
         kv.value_span = span_of(ab + vb, ab + args.size());
         inst.pairs.push_back(std::move(kv));
         return std::nullopt;
      }
      for (const auto& w : words) {
         const auto eq = w.text.find('=');
         if (eq == std::string::npos) {
            inst.pairs.clear();
            return fmt::format("Syntax error - can't find = in {}. Must be of the form: name=value",
                               ast::go_quote(w.text));
         }
         ast::key_value kv;
         kv.key = w.text.substr(0, eq);
         kv.value = w.text.substr(eq + 1);
         const std::size_t key_len = std::min(w.end - w.begin, eq);
         kv.key_span = span_of(ab + w.begin, ab + w.begin + key_len);
         kv.value_span = span_of(std::min(ab + w.begin + key_len + 1, ab + w.end), ab + w.end);
         inst.pairs.push_back(std::move(kv));
      }
      return std::nullopt;
   }

   // ---- heredocs ---------------------------------------------------------------
   static bool can_contain_heredoc(const ast::instruction& inst) {
      const ast::instruction& i = inst.name == "onbuild" && !inst.trigger.empty() ? inst.trigger[0] : inst;
      return (i.name == "run" || i.name == "copy" || i.name == "add") && i.form != ast::argument_form::exec;
   }

   std::size_t read_heredocs(ast::instruction& inst, const std::string& joined, std::size_t pos,
                             std::uint32_t& line_no) {
      auto found = heredocs_from_line(joined);
      if (found.error) {
         error_at(inst.where.begin, inst.where.end, std::move(*found.error));
         return pos;
      }
      for (auto& doc : found.docs) {
         const std::size_t body_begin = pos;
         bool terminated = false;
         while (pos < text_.size()) {
            line ln = read_line(pos, ++line_no);
            std::string_view t = ln.text();
            if (doc.chomp) {
               while (!t.empty() && t.front() == '\t') t.remove_prefix(1);
            }
            if (t == doc.name) {
               doc.body = text_.substr(body_begin, ln.begin - body_begin);
               doc.body_span = df_.source.make_span(body_begin, ln.begin);
               pos = ln.next;
               terminated = true;
               inst.where = df_.source.make_span(inst.where.begin, ln.end);
               break;
            }
            pos = ln.next;
         }
         if (!terminated) {
            error_at(inst.where.begin, text_.size(), "unterminated heredoc");
            doc.body = text_.substr(body_begin);
            doc.body_span = df_.source.make_span(body_begin, text_.size());
            inst.where = df_.source.make_span(inst.where.begin, text_.size());
         }
      }
      inst.end_line = line_no;
      inst.heredocs = std::move(found.docs);
      return pos;
   }
};

}  // namespace

heredoc_result heredocs_from_line(std::string_view line) {
   heredoc_result out;
   lex_options raw;
   raw.raw_quotes = true;
   raw.raw_escapes = true;
   raw.skip_unset_env = true;
   const auto lexed = process_word(line, parse::environment{}, raw);
   if (lexed.error) return out;  // BuildKit: a line that does not lex has no heredocs
   for (const auto& word : lexed.words) {
      heredoc_capture c;
      input in(word.data(), word.data() + word.size(), "");
      bool ok = false;
      try {
         ok = pegtl::parse<g::heredoc_word, heredoc_action>(in, c);
      } catch (const pegtl::parse_error&) {
      }
      if (!ok || c.rest.empty()) continue;
      lex_options plain;
      plain.skip_unset_env = true;
      const auto unquoted = process_word(c.rest, parse::environment{}, plain);
      if (unquoted.error) {
         out.error = *unquoted.error;
         return out;
      }
      if (unquoted.words.size() != 1) continue;
      lex_options quoted = plain;
      quoted.raw_quotes = true;
      const auto kept = process_word(c.rest, parse::environment{}, quoted);
      if (kept.error) {
         out.error = *kept.error;
         return out;
      }
      if (kept.words.size() != 1) {
         out.error = fmt::format("internal lexing of heredoc produced inconsistent results: {}", c.rest);
         return out;
      }
      auto quotes = [](const std::string& w) {
         return std::count(w.begin(), w.end(), '\'') + std::count(w.begin(), w.end(), '"');
      };
      ast::heredoc doc;
      doc.name = unquoted.words[0];
      doc.chomp = c.chomp;
      doc.expand = quotes(unquoted.words[0]) == quotes(kept.words[0]);
      unsigned fd = 0;
      for (const char d : c.fd) fd = fd * 10 + static_cast<unsigned>(d - '0');
      doc.file_descriptor = fd;
      out.docs.push_back(std::move(doc));
   }
   return out;
}

ast::dockerfile parse_dockerfile(std::string path, std::string text) {
   ast::dockerfile df;
   df.source = ast::source_file(std::move(path), std::move(text));
   builder b(df);
   b.parse();
   finish_dockerfile(df);
   return df;
}

}  // namespace strata::parse
