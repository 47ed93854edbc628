#include "parse/history_line.hpp"

#include <algorithm>
#include <string>

#include <tao/pegtl.hpp>

#include "ast/text.hpp"
#include "ast/text_cache.hpp"
#include "ast/unicode.hpp"
#include "grammar/dockerfile.hpp"
#include "grammar/history_line.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/values.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::history_line;
namespace gd = strata::grammar::dockerfile;

namespace {

using ast::byte_range;
using ast::history_form;
using ast::history_prefix_kind;
using ast::history_shell;

constexpr std::string_view buildkit_suffix = " # buildkit";

// ---- running a grammar rule on a piece of the text -------------------------------
// Every sub-parse reads [begin, end) of the whole text; actions record offsets
// relative to `base`, the start of the whole text.
struct collect_state {
   const char* base = nullptr;
   std::vector<byte_range> items;  // elements, words, port keys, pieces
   std::vector<ast::history_pair> pairs;
   bool non_string = false;  // a JSON element that is not a string
   std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - base); }
};

template <typename Rule>
struct collect : pegtl::nothing<Rule> {};

template <typename Input>
void push_item(const Input& in, collect_state& st) {
   st.items.push_back({st.offset(in.begin()), st.offset(in.end())});
}
template <>
struct collect<g::go_string> {
   template <typename Input>
   static void apply(const Input& in, collect_state& st) {
      push_item(in, st);
   }
};
template <>
struct collect<g::bracket_element> : collect<g::go_string> {};
template <>
struct collect<g::port_key> : collect<g::go_string> {};
template <>
struct collect<gd::json_element> : collect<g::go_string> {};
template <>
struct collect<gd::shell_word> : collect<g::go_string> {};
template <>
struct collect<g::source_hash> : collect<g::go_string> {};
template <>
struct collect<g::source_destination> : collect<g::go_string> {};
template <>
struct collect<gd::json_other> {
   template <typename Input>
   static void apply(const Input&, collect_state& st) {
      st.non_string = true;
   }
};
// A pair: the key runs to the first `=` (no name class holds one).
template <typename Name>
struct collect<g::pair<Name>> {
   template <typename Input>
   static void apply(const Input& in, collect_state& st) {
      const std::string_view s(in.begin(), in.size());
      const auto eq = s.find('=');
      const std::size_t b = st.offset(in.begin());
      ast::history_pair p;
      p.key = std::string(s.substr(0, eq));
      p.value = std::string(s.substr(eq + 1));
      p.key_range = {b, b + eq};
      p.value_range = {b + eq + 1, b + s.size()};
      st.pairs.push_back(std::move(p));
   }
};
template <typename Name>
struct collect<g::bare_key<Name>> {
   template <typename Input>
   static void apply(const Input& in, collect_state& st) {
      const std::size_t b = st.offset(in.begin());
      ast::history_pair p;
      p.key = in.string();
      p.has_value = false;
      p.key_range = {b, b + in.size()};
      p.value_range = {b + in.size(), b + in.size()};
      st.pairs.push_back(std::move(p));
   }
};
template <>
struct collect<g::legacy_pair> {
   template <typename Input>
   static void apply(const Input& in, collect_state& st) {
      const std::string_view s(in.begin(), in.size());
      const auto sp = s.find(' ');
      const std::size_t b = st.offset(in.begin());
      ast::history_pair p;
      p.key = std::string(s.substr(0, sp));
      p.value = std::string(s.substr(sp + 1));
      p.legacy = true;
      p.key_range = {b, b + sp};
      p.value_range = {b + sp + 1, b + s.size()};
      st.pairs.push_back(std::move(p));
   }
};

/// Runs `Rule` on text[r.begin, r.end); on failure the collected values are dropped.
template <typename Rule>
bool run(std::string_view text, byte_range r, collect_state& st) {
   st = collect_state{text.data(), {}, {}, false};
   pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + r.begin, text.data() + r.end, "history");
   bool ok = false;
   try {
      ok = pegtl::parse<Rule, collect>(in, st);
   } catch (const std::exception&) {
      ok = false;  // the grammars have no must<>; kept for safety (no throw escapes)
   }
   if (!ok) {
      st = collect_state{text.data(), {}, {}, false};
   }
   return ok;
}

/// True when `Rule` matches at text[pos...] (a prefix test; no actions).
template <typename Rule>
std::size_t match_length(std::string_view text, std::size_t pos) {
   if (pos > text.size()) return 0;
   pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + pos, text.data() + text.size(), "history");
   try {
      if (pegtl::parse<Rule>(in)) return static_cast<std::size_t>(in.current() - (text.data() + pos));
   } catch (const std::exception&) {
   }
   return 0;
}

// ---- key/value pairs ------------------------------------------------------------
enum class names { env, label, arg, build_args };

/// Pairs of text[r]; nullopt when no reading applies. ENV/LABEL fall back to the
/// legacy `KEY value` form; ARG allows names without a value; build arguments (`|N`,
/// `# ARGS:`) are always `KEY=VALUE`.
std::optional<std::vector<ast::history_pair>> split_pairs(std::string_view text, byte_range r, names kind) {
   collect_state st;
   if (kind == names::arg) {
      if (run<g::arg_items<g::env_name>>(text, r, st) || run<g::arg_items<g::loose_name>>(text, r, st)) {
         return std::move(st.pairs);
      }
      return std::nullopt;
   }
   const bool strict =
       kind == names::label ? run<g::pairs<g::label_name>>(text, r, st) : run<g::pairs<g::env_name>>(text, r, st);
   if (strict || run<g::pairs<g::loose_name>>(text, r, st) ||
       (kind != names::build_args && run<g::legacy_pair>(text, r, st))) {
      return std::move(st.pairs);
   }
   return std::nullopt;
}

// ---- the instruction --------------------------------------------------------------
struct reader {
   std::string_view text;
   std::string shell_prefix;  // the image's SHELL joined by spaces, plus a space ("" when none)
   ast::history_instruction& out;

   /// The shell prefix at `pos`, if any.
   std::pair<history_shell, std::size_t> shell_at(std::size_t pos) const {
      const std::string_view rest = text.substr(std::min(pos, text.size()));
      if (!shell_prefix.empty() && rest.starts_with(shell_prefix))
         return {history_shell::image_shell, shell_prefix.size()};
      if (const auto n = match_length<g::posix_shell>(text, pos)) return {history_shell::posix_sh, n};
      if (const auto n = match_length<g::windows_cmd>(text, pos)) return {history_shell::windows_cmd, n};
      return {history_shell::none, 0};
   }

   void fail(std::string reason, std::size_t offset) {
      out.prefix.kind = history_prefix_kind::unparsed;
      out.keyword.clear();
      out.problem = ast::history_problem{std::move(reason), offset};
   }

   /// `|N K=V … ` at `pos` (the head already matched, `head` bytes long): the pairs and
   /// the offset of the shell or command that follows; false when it cannot be split.
   bool read_build_args(std::size_t pos, std::size_t head, std::size_t& next) {
      const std::string_view digits = text.substr(pos + 1, head - 2);
      if (digits.size() > 6) {
         fail("`|N` build-argument count out of range", pos + 1);
         return false;
      }
      unsigned n = 0;
      for (const char c : digits) n = n * 10 + static_cast<unsigned>(c - '0');
      out.prefix.build_arg_count = n;
      const std::size_t first = pos + head;
      // The first shell prefix after which the text before it holds exactly N pairs. The
      // pairs of a prefix [first, q - 1) are counted without splitting it: one, plus one per
      // ` NAME=` before q - 1 (linear, whatever the number of candidate shells).
      const bool env = match_length<g::pair_start<g::env_name>>(text, first) != 0;
      const bool loose = env || match_length<g::pair_start<g::loose_name>>(text, first) != 0;
      std::vector<std::size_t> starts;  // offsets of the spaces before ` NAME=`
      if (n > 0 && loose) {
         for (std::size_t i = text.find(' ', first); i != std::string_view::npos; i = text.find(' ', i + 1)) {
            const bool starts_pair = env ? match_length<g::pair_start<g::env_name>>(text, i + 1) != 0
                                         : match_length<g::pair_start<g::loose_name>>(text, i + 1) != 0;
            if (starts_pair) starts.push_back(i);
         }
      }
      std::size_t before = 0;  // starts[] entries before q - 1
      for (std::size_t q = first; q <= text.size() && (n == 0 || loose); ++q) {
         if (q > first && text[q - 1] != ' ') continue;
         if (shell_at(q).first == history_shell::none) continue;
         if (q == first) {
            if (n == 0) {
               out.prefix.build_args_range = {first, first};
               next = q;
               return true;
            }
            continue;
         }
         if (n == 0) break;
         while (before < starts.size() && starts[before] < q - 1) ++before;
         if (before + 1 != n) continue;
         const byte_range args{first, q - 1};
         if (auto pairs = split_pairs(text, args, names::build_args); pairs && pairs->size() == n) {
            out.prefix.build_args = std::move(*pairs);
            out.prefix.build_args_range = args;
            next = q;
            return true;
         }
      }
      // No shell (an exec-form command): N space-free `NAME=value` words, then the command.
      std::size_t p = first;
      std::vector<ast::history_pair> pairs;
      for (unsigned i = 0; i < n; ++i) {
         const std::size_t sp = std::min(text.find(' ', p), text.size());
         const auto eq = text.substr(p, sp - p).find('=');
         if (eq == std::string_view::npos || eq == 0 || match_length<g::loose_name>(text, p) != eq) {
            fail(std::string("cannot split `|") + std::string(digits) + "` into " + std::string(digits) +
                     " build arguments before a shell or command",
                 p);
            return false;
         }
         ast::history_pair pair;
         pair.key = std::string(text.substr(p, eq));
         pair.value = std::string(text.substr(p + eq + 1, sp - p - eq - 1));
         pair.key_range = {p, p + eq};
         pair.value_range = {p + eq + 1, sp};
         pairs.push_back(std::move(pair));
         p = sp < text.size() ? sp + 1 : sp;
      }
      out.prefix.build_args = std::move(pairs);
      out.prefix.build_args_range = {first, n == 0 ? first : (p > first && text[p - 1] == ' ' ? p - 1 : p)};
      next = p;
      return true;
   }

   void set_keyword(std::size_t pos, std::size_t end) {
      const std::size_t kl = match_length<g::instruction_head>(text, pos);
      out.keyword = std::string(text.substr(pos, kl));
      out.keyword_range = {pos, pos + kl};
      const std::size_t ab = std::min(pos + kl + (pos + kl < end ? 1 : 0), end);
      out.arguments = std::string(text.substr(ab, end - ab));
      out.arguments_range = {ab, end};
   }

   void set_implied_run(std::size_t pos, std::size_t end) {
      out.keyword = "RUN";
      out.implicit_keyword = true;
      out.keyword_range = {pos, pos};
      out.arguments = std::string(text.substr(pos, end - pos));
      out.arguments_range = {pos, end};
   }

   void parse() {
      if (text.empty()) return fail("empty history text", 0);
      if (text[0] == ' ' || text[0] == '\t' || text[0] == '\n' || text[0] == '\r') {
         return fail("history text starts with white space", 0);
      }
      if (is_history_arg_line(text)) {
         return fail("a repo-info `# ARGS:`/`# ARG:`/`# unable …` line, not an instruction", 0);
      }
      std::size_t end = text.size();
      if (text.ends_with(buildkit_suffix)) {
         out.buildkit = true;
         end -= buildkit_suffix.size();
         out.buildkit_range = {end, text.size()};
      }
      auto& pf = out.prefix;
      std::size_t pos = 0;
      bool command_follows = false;  // a prefix that precedes a command (RUN) was read

      // [`RUN `] before `|N` or a shell prefix: BuildKit raw, or repo-info's residue
      if (const auto n = match_length<g::leading_run>(text, 0)) {
         const auto sh = shell_at(n).first;
         if (match_length<g::build_args_head>(text, n) != 0 ||
             (sh != history_shell::none && (out.buildkit || sh == history_shell::windows_cmd))) {
            pf.leading_run = byte_range{0, n};
            pos = n;
         }
      }
      if (const auto head = match_length<g::build_args_head>(text, pos)) {
         std::size_t next = 0;
         if (!read_build_args(pos, head, next)) return;
         pos = next;
         command_follows = true;
      } else if (text[pos] == '|') {
         return fail("malformed `|N` build-argument prefix", pos);
      }
      if (const auto [sh, n] = shell_at(pos); sh != history_shell::none) {
         pf.shell = sh;
         pf.shell_range = {pos, pos + n};
         pos += n;
         command_follows = true;
      }
      if (const auto n = match_length<g::nop_marker>(text, pos)) {
         pf.nop = byte_range{pos, pos + n};
         pos += n;
      } else if (pos == 0 && match_length<g::instruction_head>(text, 0) == 0) {
         infer_shell(pos);
      }
      if (out.buildkit && end < pos) {  // the suffix overlaps a prefix: not a suffix
         out.buildkit = false;
         end = text.size();
         out.buildkit_range = {};
      }

      if (pf.leading_run) {
         pf.kind = out.buildkit         ? history_prefix_kind::buildkit_run
                   : pf.build_arg_count ? history_prefix_kind::build_args
                                        : history_prefix_kind::cmd_residue;
      } else if (pf.nop) {
         pf.kind = history_prefix_kind::nop;
      } else if (pf.build_arg_count) {
         pf.kind = history_prefix_kind::build_args;
      } else if (pf.shell != history_shell::none) {
         pf.kind = history_prefix_kind::shell;
      }

      if (pf.nop) {
         if (match_length<g::instruction_head>(text, pos) == 0) {
            return fail("`#(nop)` not followed by an instruction keyword", pos);
         }
         set_keyword(pos, end);
      } else if (command_follows) {
         if (pf.leading_run) {
            out.keyword = "RUN";
            out.keyword_range = {0, 3};
            out.arguments = std::string(text.substr(pos, end - pos));
            out.arguments_range = {pos, end};
         } else {
            set_implied_run(pos, end);
         }
      } else if (match_length<g::instruction_head>(text, 0) != 0) {
         set_keyword(0, end);
      } else {
         pf.kind = history_prefix_kind::implicit_run;
         set_implied_run(0, end);
      }
      read_form();
   }

   /// A shell the caller did not give: the text before ` #(nop) ` + keyword.
   void infer_shell(std::size_t& pos) {
      static constexpr std::string_view marker = " #(nop)";
      for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
         const std::size_t n = match_length<g::nop_marker>(text, at + 1);
         if (n != 0 && match_length<g::instruction_head>(text, at + 1 + n) != 0) {
            out.prefix.shell = history_shell::inferred;
            out.prefix.shell_range = {0, at + 1};
            out.prefix.nop = byte_range{at + 1, at + 1 + n};
            pos = at + 1 + n;
            return;
         }
      }
   }

   void form_problem(std::string reason) {
      out.form = out.arguments.empty() ? history_form::none : history_form::shell;
      out.elements.clear();
      out.problem = ast::history_problem{std::move(reason), out.arguments_range.begin};
   }

   std::vector<ast::history_text> texts(const std::vector<byte_range>& items) const {
      std::vector<ast::history_text> v;
      v.reserve(items.size());
      for (const auto& r : items) v.push_back({std::string(text.substr(r.begin, r.size())), r});
      return v;
   }

   bool read_go_array() {
      collect_state st;
      if (!run<g::go_string_array>(text, out.arguments_range, st)) return false;
      std::vector<ast::history_text> elems;
      for (const auto& r : st.items) {
         auto v = go_unquote(text.substr(r.begin, r.size()));
         if (!v) return false;
         elems.push_back({std::move(*v), r});
      }
      out.form = history_form::quoted_array;
      out.elements = std::move(elems);
      return true;
   }

   bool read_json_array() {
      collect_state st;
      if (!run<gd::json_array>(text, out.arguments_range, st) || st.non_string) return false;
      out.form = history_form::json_array;
      out.elements.clear();
      for (const auto& r : st.items) {
         ast::offset_map unused;
         out.elements.push_back({decode_json_string(text.substr(r.begin, r.size()), r.begin, unused), r});
      }
      return true;
   }

   void read_words() {
      collect_state st;
      if (run<gd::shell_words>(text, out.arguments_range, st)) {
         out.form = history_form::words;
         out.elements = texts(st.items);
      } else {
         out.form = history_form::shell;
      }
   }

   void read_pairs(names kind) {
      auto pairs = split_pairs(text, out.arguments_range, kind);
      if (!pairs) {
         return form_problem(out.keyword + " arguments are not KEY=VALUE pairs");
      }
      out.form = history_form::key_values;
      out.pairs = std::move(*pairs);
   }

   void read_form() {
      const auto& k = out.keyword;
      const auto& a = out.arguments;
      const auto& known = known_instructions();
      out.known = std::find(known.begin(), known.end(), ast::lower(k)) != known.end();
      if (k == "RUN") {
         out.body = ast::history_text{a, out.arguments_range};
      }
      if (a.empty()) {
         out.form = history_form::none;
         if (k == "ENV" || k == "LABEL" || k == "ARG" || k == "ONBUILD") {
            out.problem = ast::history_problem{k + " without arguments", out.arguments_range.begin};
         }
         return;
      }
      out.form = history_form::shell;
      const bool bracket = a.front() == '[';
      if (k == "RUN") {
         if (bracket) read_json_array();
      } else if (k == "CMD" || k == "ENTRYPOINT") {
         if (bracket && !read_go_array() && !read_json_array()) {
            form_problem(k + " arguments are not a Go-quoted string array");
         }
      } else if (k == "SHELL" || k == "VOLUME" || k == "USER" || k == "STOPSIGNAL") {
         collect_state st;
         if (bracket && run<g::bracket_list>(text, out.arguments_range, st)) {
            out.form = history_form::bracket_list;
            out.elements = texts(st.items);
         }
      } else if (k == "EXPOSE") {
         collect_state st;
         if (a.starts_with("map[")) {
            if (run<g::port_map>(text, out.arguments_range, st)) {
               out.form = history_form::port_map;
               out.elements = texts(st.items);
            } else {
               form_problem("malformed EXPOSE port map");
            }
         } else {
            read_words();
         }
      } else if (k == "ADD" || k == "COPY") {
         collect_state st;
         if (run<g::source_reference>(text, out.arguments_range, st) && st.items.size() == 2) {
            ast::history_source src;
            src.kind = std::string(text.substr(out.arguments_range.begin, a.find(':')));
            src.hash = {std::string(text.substr(st.items[0].begin, st.items[0].size())), st.items[0]};
            byte_range dst = st.items[1];
            if (dst.size() > 0 && text[dst.end - 1] == ' ') {
               src.trailing_space = true;
               --dst.end;
            }
            src.destination = {std::string(text.substr(dst.begin, dst.size())), dst};
            out.form = history_form::source_hash;
            out.source = std::move(src);
         } else {
            read_words();
         }
      } else if (k == "ENV") {
         read_pairs(names::env);
      } else if (k == "LABEL") {
         read_pairs(names::label);
      } else if (k == "ARG") {
         read_pairs(names::arg);
      } else if (k == "ONBUILD") {
         const std::size_t b = out.arguments_range.begin;
         const std::size_t sp = std::min(a.find(' '), a.size());
         out.form = history_form::trigger;
         out.trigger_keyword = ast::history_text{a.substr(0, sp), {b, b + sp}};
         const std::size_t tb = std::min(sp + 1, a.size());
         out.trigger_arguments = ast::history_text{a.substr(tb), {b + tb, out.arguments_range.end}};
      }
   }
};

}  // namespace

namespace {

ast::history_instruction parse_uncached(std::string_view text, std::string prefix) {
   ast::history_instruction out;
   out.text = std::string(text);
   reader r{out.text, std::move(prefix), out};
   r.parse();
   return out;
}

/// The history instructions parsed so far on this thread, by shell prefix and text (see
/// ast::text_cache): a history line repeats in every platform section of a tag page and on the
/// pages of an image. Parsing is a pure function of the two (every range is relative to the
/// text); lines of up to 16 KiB, about 1 MiB per thread.
ast::history_instruction parse_cached(std::string_view text, std::string prefix) {
   if (text.size() > ast::max_cached_text_bytes) return parse_uncached(text, std::move(prefix));
   thread_local ast::text_cache<ast::history_instruction> cache(1024 * 1024);
   std::string key = ast::text_key(prefix, text);
   if (const auto* known = cache.find(key)) return *known;
   auto out = parse_uncached(text, std::move(prefix));
   const std::size_t cost = 2 * key.size();
   cache.insert(std::move(key), out, cost);
   return out;
}

}  // namespace

ast::history_instruction parse_history_instruction(std::string_view text, std::span<const std::string> shell) {
   std::string prefix;
   for (const auto& e : shell) {
      if (!prefix.empty()) prefix += ' ';
      prefix += e;
   }
   if (!prefix.empty()) prefix += ' ';
   if (prefix == " ") prefix.clear();
   return parse_cached(text, std::move(prefix));
}

bool is_history_arg_line(std::string_view line) noexcept {
   return line.starts_with("# ARGS:") || line.starts_with("# ARG:") || line.starts_with("# unable to parse");
}

ast::history_arg_line parse_history_arg_line(std::string_view line) {
   ast::history_arg_line out;
   out.text = std::string(line);
   const std::string_view text = out.text;
   collect_state st;
   if (run<g::unable_line>(text, {0, text.size()}, st)) {
      out.kind = ast::history_arg_line_kind::unable;
      return out;
   }
   if (const auto n = match_length<g::args_line_head>(text, 0)) {
      out.kind = ast::history_arg_line_kind::args;
      if (n == text.size() || (text[n] == ' ' && n + 1 == text.size())) return out;
      if (text[n] == ' ') {
         if (auto pairs = split_pairs(text, {n + 1, text.size()}, names::build_args)) {
            out.pairs = std::move(*pairs);
            return out;
         }
      }
      out.problem = ast::history_problem{"`# ARGS:` is not followed by KEY=VALUE pairs", n};
      return out;
   }
   if (run<g::arg_line>(text, {0, text.size()}, st)) {
      out.kind = ast::history_arg_line_kind::arg;
      // the two literals: `# ARG: "` key `" => "` value `"`
      const std::size_t kb = 8;
      std::size_t i = kb;
      while (text[i] != '"') i += text[i] == '\\' ? 2 : 1;
      const std::size_t ke = i;
      const std::size_t vb = ke + 6;
      const std::size_t ve = text.size() - 1;
      auto unescape = [](std::string_view s) {
         std::string v;
         for (std::size_t j = 0; j < s.size(); ++j) {
            if (s[j] == '\\' && j + 1 < s.size()) ++j;
            v += s[j];
         }
         return v;
      };
      ast::history_pair p;
      p.key = unescape(text.substr(kb, ke - kb));
      p.value = unescape(text.substr(vb, ve - vb));
      p.key_range = {kb, ke};
      p.value_range = {vb, ve};
      out.pairs.push_back(std::move(p));
      return out;
   }
   out.problem = ast::history_problem{"not a repo-info `# ARGS:`, `# ARG:` or `# unable to parse …` line", 0};
   return out;
}

ast::timestamp parse_rfc3339(std::string_view t) {
   ast::timestamp ts;
   ts.text = std::string(t);
   if (const auto v = read_rfc3339(t, {.lenient_letters = true, .calendar_days = true, .long_fractions = true})) {
      ts.epoch = v->epoch;
      ts.nanos = v->nanoseconds;
      ts.valid = true;
   }
   return ts;
}

}  // namespace strata::parse
