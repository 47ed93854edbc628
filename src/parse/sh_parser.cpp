#include "parse/sh_parser.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <tao/pegtl.hpp>

#include "grammar/sh.hpp"
#include "parse/shell_tokens.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = grammar::sh;

namespace {

constexpr int max_recursion = 200;
constexpr std::size_t max_word_bytes = 65536;  // text and value of a longer word are cut here (its range is kept)

bool name_start(char c) {
   return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool name_char(char c) {
   return name_start(c) || (c >= '0' && c <= '9');
}
bool special_char(char c) {
   return std::string_view("@*#?-$!0123456789").find(c) != std::string_view::npos;
}

// The index just past a `$(...)`, `${...}` or backquoted text starting at `i`
// (quotes inside respected; an unterminated group ends at the end of `t`).
std::size_t skip_group(std::string_view t, std::size_t i, int level = 0) {
   if (level > max_recursion) return t.size();
   if (t[i] == '`') {
      for (std::size_t j = i + 1; j < t.size(); ++j) {
         if (t[j] == '\\')
            ++j;
         else if (t[j] == '`')
            return j + 1;
      }
      return t.size();
   }
   const char open = t[i + 1];  // '(' or '{'
   const char close = open == '(' ? ')' : '}';
   int depth = 0;
   for (std::size_t j = i + 1; j < t.size(); ++j) {
      const char c = t[j];
      if (c == '\\') {
         ++j;
      } else if (c == '\'' && open == '(') {
         const auto e = t.find('\'', j + 1);
         if (e == std::string_view::npos) return t.size();
         j = e;
      } else if (c == '"') {
         for (++j; j < t.size() && t[j] != '"'; ++j) {
            if (t[j] == '\\')
               ++j;
            else if (t[j] == '$' && j + 1 < t.size() && (t[j + 1] == '(' || t[j + 1] == '{'))
               j = skip_group(t, j, level + 1) - 1;
            else if (t[j] == '`')
               j = skip_group(t, j, level + 1) - 1;
         }
      } else if (c == '`') {
         j = skip_group(t, j, level + 1) - 1;
      } else if (c == open) {
         ++depth;
      } else if (c == close) {
         if (--depth == 0) return j + 1;
      }
   }
   return t.size();
}

// The index just past the expansion starting with `$` or '`' at `i`, or `i` when
// the `$` starts none.
std::size_t expansion_end(std::string_view t, std::size_t i) {
   if (t[i] == '`') return skip_group(t, i);
   if (i + 1 >= t.size()) return i;
   const char n = t[i + 1];
   if (n == '(' || n == '{') return skip_group(t, i);
   if (special_char(n)) return i + 2;
   if (!name_start(n)) return i;
   std::size_t j = i + 1;
   while (j < t.size() && name_char(t[j])) ++j;
   return j;
}

void append_ansi_c(std::string_view t, std::size_t& i, std::string& out) {
   // `$'...'`: i at `$`
   for (i += 2; i < t.size() && t[i] != '\''; ++i) {
      if (t[i] == '\\' && i + 1 < t.size()) {
         const char e = t[++i];
         switch (e) {
            case 'n':
               out += '\n';
               break;
            case 't':
               out += '\t';
               break;
            case 'r':
               out += '\r';
               break;
            case '0':
               out += '\0';
               break;
            default:
               out += e;
               break;
         }
      } else {
         out += t[i];
      }
   }
   ++i;
}

// ---- the state the actions fill ----------------------------------------------

enum class item_kind { word, io_number, redirect_operator, redirect_target };

struct item {
   item_kind kind;
   std::size_t begin;
   std::size_t end;
};

struct frame {
   std::vector<item> items;
   int depth = 0;
};

struct pending_heredoc {
   std::string delimiter;
   bool strip_tabs = false;
};

struct pipe_link {
   std::size_t producer;  // index in emission order
   std::size_t offset;    // where the `|` is
};

struct sh_state {
   sh_state(std::string_view b, ast::shell_script& o) : body(b), out(o) {}

   std::string_view body;
   ast::shell_script& out;
   int base_depth = 0;      // the model's depth of the text parsed (backquoted text: its nesting)
   int base_recursion = 0;  // recursion spent by the enclosing parses (backquoted text)
   int nesting = 0;         // the model's depth
   int recursion = 0;       // every recursive rule, for the stack's sake
   std::size_t loop_assignment = static_cast<std::size_t>(-1);  // the assignment of the `for` whose words are read
   std::vector<frame> frames;
   std::vector<pending_heredoc> pending;
   bool heredoc_strip_tabs = false;
   std::map<std::size_t, std::size_t> heredoc_skips;  // newline offset -> offset after the heredoc bodies
   std::vector<pipe_link> pipes;
   std::vector<std::size_t> openers;    // offsets where the enclosing quotes/brackets/compounds open
   std::vector<std::size_t> pipelines;  // commands.size() when each enclosing pipeline started
   std::optional<std::size_t> error_at;

   std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - body.data()); }
   std::string_view text(std::size_t b, std::size_t e) const { return body.substr(b, e - b); }

   ast::shell_word make_word(std::size_t b, std::size_t e) const {
      ast::shell_word w;
      w.begin = b;
      w.end = e;
      if (e - b > max_word_bytes) {  // a word holding nested substitutions of a huge body: keep its range only
         w.text = std::string(text(b, b + max_word_bytes));
         w.value = w.text;
         w.literal = false;
         return w;
      }
      w.text = std::string(text(b, e));
      w.value = sh_word_value(w.text, w.literal);
      return w;
   }

   void emit(const frame& f);
};

bool is_assignment(std::string_view w, std::size_t& eq) {
   if (w.empty() || !name_start(w[0])) return false;
   for (std::size_t i = 1; i < w.size(); ++i) {
      if (w[i] == '=' || (w[i] == '+' && i + 1 < w.size() && w[i + 1] == '=')) {
         eq = w[i] == '=' ? i : i + 1;
         return true;
      }
      if (!name_char(w[i])) return false;
   }
   return false;
}

void sh_state::emit(const frame& f) {
   ast::shell_command c;
   c.depth = f.depth;
   bool first = true;
   auto assignment_of = [&](const item& it, std::size_t eq) {
      ast::shell_assignment a;
      const std::string_view t = text(it.begin, it.end);
      a.name = std::string(t.substr(0, t[eq - 1] == '+' ? eq - 1 : eq));
      a.value = make_word(it.begin + eq + 1, it.end);
      a.begin = it.begin;
      a.end = it.end;
      return a;
   };
   for (std::size_t i = 0; i < f.items.size(); ++i) {
      const item& it = f.items[i];
      if (first) {
         c.begin = it.begin;
         first = false;
      }
      c.end = std::max(c.end, it.end);
      if (it.kind == item_kind::io_number || it.kind == item_kind::redirect_operator) {
         ast::shell_redirect r;
         std::size_t op_end = it.end;
         if (it.kind == item_kind::io_number && i + 1 < f.items.size() &&
             f.items[i + 1].kind == item_kind::redirect_operator) {
            op_end = f.items[++i].end;
         }
         r.op = std::string(text(it.begin, op_end));
         if (i + 1 < f.items.size() && f.items[i + 1].kind == item_kind::redirect_target) {
            ++i;
            r.target = make_word(f.items[i].begin, f.items[i].end);
         }
         c.end = std::max(c.end, f.items[i].end);
         c.redirections.push_back(std::move(r));
         continue;
      }
      if (it.kind != item_kind::word) continue;
      std::size_t eq = 0;
      const std::string_view t = text(it.begin, it.end);
      if (c.words.empty() && is_assignment(t, eq)) {
         auto a = assignment_of(it, eq);
         c.assignments.push_back(a.value);
         c.assignments.back().begin = it.begin;
         c.assignments.back().text = std::string(t);
         out.assignments.push_back(std::move(a));
         continue;
      }
      c.words.push_back(make_word(it.begin, it.end));
      if (c.words.size() > 1) {
         const std::string& n = c.words[0].value;
         if ((n == "export" || n == "local" || n == "readonly" || n == "declare" || n == "typeset") &&
             is_assignment(t, eq)) {
            out.assignments.push_back(assignment_of(it, eq));
         }
      }
   }
   if (!c.words.empty()) out.commands.push_back(std::move(c));
}

// ---- control: errors, nesting, commands ---------------------------------------

template <typename Rule>
inline constexpr const char* message = nullptr;
// clang-format off
template <> inline constexpr const char* message<g::single_quoted_rest> = "unterminated single-quoted string";
template <> inline constexpr const char* message<g::ansi_c_quoted_rest> = "unterminated $'...' string";
template <> inline constexpr const char* message<g::backquoted_rest> = "unterminated backquoted command substitution";
template <> inline constexpr const char* message<g::double_quoted_rest> = "unterminated double-quoted string";
template <> inline constexpr const char* message<g::braced_parameter_rest> = "'${' without '}'";
template <> inline constexpr const char* message<g::substitution_close> = "'$(' without ')'";
template <> inline constexpr const char* message<g::array_close> = "'=(' without ')'";
template <> inline constexpr const char* message<g::heredoc_delimiter> = "expected the heredoc delimiter after <<";
template <> inline constexpr const char* message<g::redirection_target> = "expected a word after the redirection operator";
template <> inline constexpr const char* message<g::kw_rbrace> = "'{' without '}'";
template <> inline constexpr const char* message<g::subshell_close> = "'(' without ')'";
template <> inline constexpr const char* message<g::test_expression_rest> = "'[[' without ']]'";
template <> inline constexpr const char* message<g::kw_then> = "expected 'then'";
template <> inline constexpr const char* message<g::kw_fi> = "'if' without 'fi'";
template <> inline constexpr const char* message<g::kw_done> = "loop without 'done'";
template <> inline constexpr const char* message<g::loop_body> = "expected 'do'";
template <> inline constexpr const char* message<g::word> = "expected a word after 'case'";
template <> inline constexpr const char* message<g::kw_in> = "expected 'in'";
template <> inline constexpr const char* message<g::kw_esac> = "'case' without 'esac'";
template <> inline constexpr const char* message<g::case_pattern> = "expected a case pattern";
template <> inline constexpr const char* message<g::case_pattern_close> = "expected ')' after the case pattern";
template <> inline constexpr const char* message<g::function_name> = "expected a function name";
template <> inline constexpr const char* message<g::compound_command> = "expected a compound command as the function body";
template <> inline constexpr const char* message<g::coproc_body> = "expected a command after 'coproc'";
template <> inline constexpr const char* message<g::command> = "expected a command after the pipe";
template <> inline constexpr const char* message<g::pipeline> = "expected a command after '&&' or '||'";
template <> inline constexpr const char* message<g::end_of_script> = "unexpected";
// clang-format on

template <typename Rule>
inline constexpr bool nests =
    std::is_same_v<Rule, g::command_substitution> || std::is_same_v<Rule, g::process_substitution_word> ||
    std::is_same_v<Rule, g::process_substitution> || std::is_same_v<Rule, g::brace_group> ||
    std::is_same_v<Rule, g::subshell> || std::is_same_v<Rule, g::if_clause> || std::is_same_v<Rule, g::while_clause> ||
    std::is_same_v<Rule, g::for_clause> || std::is_same_v<Rule, g::case_clause>;
// Constructs whose "missing closer" errors are reported where they open.
template <typename Rule>
inline constexpr bool opens =
    std::is_same_v<Rule, g::single_quoted> || std::is_same_v<Rule, g::double_quoted> ||
    std::is_same_v<Rule, g::ansi_c_quoted> || std::is_same_v<Rule, g::backquoted> ||
    std::is_same_v<Rule, g::braced_parameter> || std::is_same_v<Rule, g::command_substitution> ||
    std::is_same_v<Rule, g::process_substitution_word> || std::is_same_v<Rule, g::process_substitution> ||
    std::is_same_v<Rule, g::brace_group> || std::is_same_v<Rule, g::subshell> ||
    std::is_same_v<Rule, g::test_command> || std::is_same_v<Rule, g::if_clause> ||
    std::is_same_v<Rule, g::while_clause> || std::is_same_v<Rule, g::for_clause> ||
    std::is_same_v<Rule, g::case_clause> || std::is_same_v<Rule, g::array_assignment_word>;
template <typename Rule>
inline constexpr bool closes =
    std::is_same_v<Rule, g::single_quoted_rest> || std::is_same_v<Rule, g::double_quoted_rest> ||
    std::is_same_v<Rule, g::ansi_c_quoted_rest> || std::is_same_v<Rule, g::backquoted_rest> ||
    std::is_same_v<Rule, g::braced_parameter_rest> || std::is_same_v<Rule, g::substitution_close> ||
    std::is_same_v<Rule, g::kw_rbrace> || std::is_same_v<Rule, g::subshell_close> ||
    std::is_same_v<Rule, g::test_expression_rest> || std::is_same_v<Rule, g::kw_fi> ||
    std::is_same_v<Rule, g::kw_done> || std::is_same_v<Rule, g::kw_esac> || std::is_same_v<Rule, g::array_close>;

template <typename Rule>
inline constexpr bool recurses =
    nests<Rule> || std::is_same_v<Rule, g::double_quoted> || std::is_same_v<Rule, g::braced_parameter> ||
    std::is_same_v<Rule, g::arithmetic_parens> || std::is_same_v<Rule, g::function_definition>;

template <typename Rule>
struct sh_control : pegtl::normal<Rule> {
   template <typename ParseInput>
   [[noreturn]] static void raise(const ParseInput& in, sh_state& st) {
      if constexpr (closes<Rule>) {
         if (!st.openers.empty()) st.error_at = st.openers.back();
      }
      if constexpr (std::is_same_v<Rule, g::end_of_script>) {
         const std::string_view rest(in.current(), std::min<std::size_t>(in.size(), 20));
         std::size_t n = 1;
         while (n < rest.size() && std::string_view(" \t\r\n;&|()<>").find(rest[n]) == std::string_view::npos &&
                std::string_view(" \t\r\n;&|()<>").find(rest[0]) == std::string_view::npos) {
            ++n;
         }
         if (rest.size() > 1 && (rest.substr(0, 2) == ";;" || rest.substr(0, 2) == "&&" || rest.substr(0, 2) == "||"))
            n = 2;
         throw pegtl::parse_error("unexpected '" + std::string(rest.substr(0, n)) + "'", in);
      } else {
         constexpr const char* m = message<Rule>;
         throw pegtl::parse_error(m != nullptr ? m : "syntax error", in);
      }
   }
   template <typename ParseInput>
   static void start(const ParseInput& in, sh_state& st) {
      if constexpr (recurses<Rule>) {
         if (st.base_recursion + ++st.recursion > max_recursion)
            throw pegtl::parse_error("nested more than 200 levels deep", in);
      }
      if constexpr (nests<Rule>) ++st.nesting;
      // a compound command's redirections belong to no simple command: a frame of their own, dropped
      if constexpr (std::is_same_v<Rule, g::simple_command> || std::is_same_v<Rule, g::redirected_compound>) {
         st.frames.push_back({{}, st.base_depth + st.nesting});
      }
      if constexpr (opens<Rule>) st.openers.push_back(st.offset(in.current()));
      if constexpr (std::is_same_v<Rule, g::pipeline>) st.pipelines.push_back(st.out.commands.size());
   }
   template <typename ParseInput>
   static void success(const ParseInput& /*in*/, sh_state& st) {
      finish(st);
      if constexpr (std::is_same_v<Rule, g::simple_command>) st.emit(st.frames.back());
      if constexpr (std::is_same_v<Rule, g::simple_command> || std::is_same_v<Rule, g::redirected_compound>)
         st.frames.pop_back();
   }
   template <typename ParseInput>
   static void failure(const ParseInput& /*in*/, sh_state& st) {
      finish(st);
      if constexpr (std::is_same_v<Rule, g::simple_command> || std::is_same_v<Rule, g::redirected_compound>)
         st.frames.pop_back();
   }
   static void finish(sh_state& st) {
      if constexpr (opens<Rule>) st.openers.pop_back();
      if constexpr (std::is_same_v<Rule, g::pipeline>) st.pipelines.pop_back();
      if constexpr (recurses<Rule>) --st.recursion;
      if constexpr (nests<Rule>) --st.nesting;
   }
};

// ---- actions -------------------------------------------------------------------

template <typename Rule>
struct sh_action : pegtl::nothing<Rule> {};

template <item_kind Kind>
struct push_item {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      if (st.frames.empty()) return;
      auto& items = st.frames.back().items;
      const std::size_t b = st.offset(in.begin());
      if (!items.empty() && items.back().begin == b && items.back().kind == Kind)
         items.pop_back();  // matched again after a rewind
      items.push_back({Kind, b, st.offset(in.end())});
   }
};
template <>
struct sh_action<g::command_word> : push_item<item_kind::word> {};
template <>
struct sh_action<g::process_substitution_word> : push_item<item_kind::word> {};
template <>
struct sh_action<g::array_assignment_word> : push_item<item_kind::word> {};
template <>
struct sh_action<g::io_number> : push_item<item_kind::io_number> {};
template <>
struct sh_action<g::redirection_operator> : push_item<item_kind::redirect_operator> {};
template <>
struct sh_action<g::redirection_target> : push_item<item_kind::redirect_target> {};

template <>
struct sh_action<g::heredoc_operator> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      st.heredoc_strip_tabs = in.size() == 3;
      push_item<item_kind::redirect_operator>::apply(in, st);
   }
};

template <>
struct sh_action<g::heredoc_delimiter> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      bool literal = true;
      st.pending.push_back({sh_word_value(in.string_view(), literal), st.heredoc_strip_tabs});
      push_item<item_kind::redirect_target>::apply(in, st);
   }
};

template <>
struct sh_action<g::parameter> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      st.out.references.push_back(
          {std::string(in.string_view().substr(1)), st.offset(in.begin()), st.offset(in.end())});
   }
};

template <>
struct sh_action<g::braced_parameter> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      std::string_view t = in.string_view().substr(2);
      if (!t.empty() && (t[0] == '#' || t[0] == '!') && t.size() > 1 && t[1] != '}') t.remove_prefix(1);
      std::size_t n = 0;
      if (!t.empty() && name_start(t[0])) {
         while (n < t.size() && name_char(t[n])) ++n;
      } else if (!t.empty() && special_char(t[0])) {
         n = 1;
      }
      if (n > 0) st.out.references.push_back({std::string(t.substr(0, n)), st.offset(in.begin()), st.offset(in.end())});
   }
};

template <>
struct sh_action<g::for_name> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      ast::shell_assignment a;
      a.name = in.string();
      a.begin = st.offset(in.begin());
      a.end = st.offset(in.end());
      a.value.begin = a.value.end = a.end;
      a.value.literal = false;  // the loop's values
      st.out.assignments.push_back(std::move(a));
      st.loop_assignment = st.out.assignments.size() - 1;
   }
};

template <>
struct sh_action<g::for_word> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      if (st.loop_assignment >= st.out.assignments.size()) return;
      st.out.assignments[st.loop_assignment].loop_values.push_back(
          st.make_word(st.offset(in.begin()), st.offset(in.end())));
   }
};

template <>
struct sh_action<g::pipe_operator> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      // the producer: the last command emitted since this pipeline (or its previous element) began
      const std::size_t since = st.pipelines.empty() ? 0 : st.pipelines.back();
      if (st.out.commands.size() > since) st.pipes.push_back({st.out.commands.size() - 1, st.offset(in.begin())});
   }
};

void parse_into(std::string_view body, ast::shell_script& out, int base_depth, int base_recursion);

template <>
struct sh_action<g::backquoted> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, sh_state& st) {
      if (st.base_recursion + st.recursion + 1 > max_recursion) return;
      // The text between the backquotes with `\\`, "\`" and `\$` unescaped; map[i] is the
      // body offset of inner byte i.
      const std::size_t b = st.offset(in.begin()) + 1;
      const std::size_t e = st.offset(in.end()) - 1;
      std::string inner;
      std::vector<std::size_t> map;
      for (std::size_t i = b; i < e; ++i) {
         if (st.body[i] == '\\' && i + 1 < e && std::string_view("\\`$").find(st.body[i + 1]) != std::string_view::npos)
            ++i;
         inner += st.body[i];
         map.push_back(i);
      }
      map.push_back(e);
      ast::shell_script nested;
      parse_into(inner, nested, st.base_depth + st.nesting + 1, st.base_recursion + st.recursion + 1);
      // inner offset -> body offset; an exclusive end maps just past its last byte
      auto begin_of = [&](std::size_t o) { return map[std::min(o, map.size() - 1)]; };
      auto end_of = [&](std::size_t o) { return o == 0 ? map[0] : map[std::min(o - 1, map.size() - 1)] + 1; };
      auto remap_word = [&](ast::shell_word& w) {
         w.begin = begin_of(w.begin);
         w.end = std::max(w.begin, end_of(w.end));
      };
      const int base =
          static_cast<int>(st.out.commands.size());  // nested pipe targets are indices into nested.commands
      for (auto& c : nested.commands) {
         c.begin = begin_of(c.begin);
         c.end = std::max(c.begin, end_of(c.end));
         for (auto& w : c.words) remap_word(w);
         for (auto& w : c.assignments) remap_word(w);
         for (auto& r : c.redirections) remap_word(r.target);
         if (c.piped_to >= 0) c.piped_to += base;
         st.out.commands.push_back(std::move(c));
      }
      for (auto& a : nested.assignments) {
         a.begin = begin_of(a.begin);
         a.end = std::max(a.begin, end_of(a.end));
         remap_word(a.value);
         for (auto& v : a.loop_values) remap_word(v);
         st.out.assignments.push_back(std::move(a));
      }
      for (auto& r : nested.references) {
         r.begin = begin_of(r.begin);
         r.end = std::max(r.begin, end_of(r.end));
         st.out.references.push_back(std::move(r));
      }
      if (!nested.parsed && st.out.parsed) {
         st.out.parsed = false;
         st.out.error = nested.error + " (in a backquoted command substitution)";
         st.out.error_offset = begin_of(nested.error_offset);
      }
   }
};

// After a newline, the bodies of the heredocs opened on the line before are skipped.
template <>
struct sh_action<g::newline> : pegtl::maybe_nothing {
   template <typename Rule, pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput>
   static bool match(ParseInput& in, sh_state& st) {
      const std::size_t at = st.offset(in.current());
      if (!pegtl::match<Rule, A, M, Action, Control>(in, st)) return false;
      std::size_t p = at + 1;
      if (const auto known = st.heredoc_skips.find(at); known != st.heredoc_skips.end()) {
         p = known->second;  // matched again after a rewind: the same bodies, already taken
         st.pending.clear();
      } else if (!st.pending.empty()) {
         const std::string_view body = st.body;
         for (const auto& h : st.pending) {
            while (p < body.size()) {
               const std::size_t eol = std::min(body.find('\n', p), body.size());
               std::string_view line = body.substr(p, eol - p);
               p = std::min(eol + 1, body.size());
               if (h.strip_tabs) line.remove_prefix(std::min(line.find_first_not_of('\t'), line.size()));
               if (line.ends_with('\r')) line.remove_suffix(1);
               if (line == h.delimiter) break;
            }
         }
         st.pending.clear();
         st.heredoc_skips.emplace(at, p);
      }
      in.bump(p - (at + 1));
      return true;
   }
};

void parse_into(std::string_view body, ast::shell_script& out, int base_depth, int base_recursion) {
   sh_state st(body, out);
   st.base_depth = base_depth;
   st.base_recursion = base_recursion;
   pegtl::memory_input<pegtl::tracking_mode::lazy> in(body.data(), body.data() + body.size(), "");
   try {
      pegtl::parse<g::script, sh_action, sh_control>(in, st);
   } catch (const pegtl::parse_error& e) {
      out.parsed = false;
      out.error = std::string(e.message());
      out.error_offset = st.error_at             ? *st.error_at
                         : e.positions().empty() ? 0
                                                 : std::min(e.positions().front().byte, body.size());
      // commands cut short by the error, innermost last
      for (auto it = st.frames.rbegin(); it != st.frames.rend(); ++it) {
         if (!it->items.empty()) st.emit(*it);  // (a compound's frame holds no words: emits nothing)
      }
   }
   // source order (the parser emits inner commands first), with pipes resolved
   std::vector<std::size_t> order(out.commands.size());
   std::iota(order.begin(), order.end(), std::size_t{0});
   std::stable_sort(order.begin(), order.end(),
                    [&](std::size_t a, std::size_t b) { return out.commands[a].begin < out.commands[b].begin; });
   std::vector<std::size_t> position(order.size());
   for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
   std::vector<ast::shell_command> sorted;
   sorted.reserve(order.size());
   for (std::size_t i : order) sorted.push_back(std::move(out.commands[i]));
   for (auto& c : sorted) {
      if (c.piped_to >= 0) c.piped_to = static_cast<int>(position[static_cast<std::size_t>(c.piped_to)]);
   }
   for (const auto& p : st.pipes) {
      if (p.producer >= position.size()) continue;
      const std::size_t from = position[p.producer];
      for (std::size_t i = from + 1; i < sorted.size(); ++i) {
         if (sorted[i].begin > p.offset) {
            sorted[from].piped_to = static_cast<int>(i);
            break;
         }
      }
   }
   out.commands = std::move(sorted);
   std::stable_sort(out.assignments.begin(), out.assignments.end(),
                    [](const auto& a, const auto& b) { return a.begin < b.begin; });
   std::stable_sort(out.references.begin(), out.references.end(),
                    [](const auto& a, const auto& b) { return a.begin < b.begin; });
}

}  // namespace

std::string sh_word_value(std::string_view t, bool& literal) {
   literal = true;
   std::string out;
   out.reserve(t.size());
   std::size_t i = 0;
   auto copy_expansion = [&](std::size_t end) {
      out.append(t.substr(i, end - i));
      literal = false;
      i = end;
   };
   while (i < t.size()) {
      const char c = t[i];
      if (c == '\'') {
         const auto e = std::min(t.find('\'', i + 1), t.size());
         out.append(t.substr(i + 1, e - i - 1));
         i = e + 1;
      } else if (c == '\\') {
         if (i + 1 >= t.size()) {
            out += c;
            ++i;
         } else if (t[i + 1] == '\n') {
            i += 2;
         } else if (t[i + 1] == '\r' && i + 2 < t.size() && t[i + 2] == '\n') {
            i += 3;
         } else {
            out += t[i + 1];
            i += 2;
         }
      } else if (c == '"') {
         for (++i; i < t.size() && t[i] != '"';) {
            const char d = t[i];
            if (d == '\\' && i + 1 < t.size() &&
                std::string_view("$`\"\\\n").find(t[i + 1]) != std::string_view::npos) {
               if (t[i + 1] != '\n') out += t[i + 1];
               i += 2;
            } else if ((d == '$' || d == '`') && expansion_end(t, i) > i) {
               copy_expansion(expansion_end(t, i));
            } else {
               out += d;
               ++i;
            }
         }
         ++i;
      } else if (c == '$' && i + 1 < t.size() && t[i + 1] == '\'') {
         append_ansi_c(t, i, out);
      } else if ((c == '$' || c == '`') && expansion_end(t, i) > i) {
         copy_expansion(expansion_end(t, i));
      } else {
         out += c;
         ++i;
      }
   }
   return out;
}

ast::shell_script parse_sh(std::string_view body) {
   ast::shell_script out;
   parse_into(body, out, 0, 0);
   if (!out.parsed) read_tolerantly(body, out.error_offset, shell_dialect::sh, out);
   return out;
}

}  // namespace strata::parse
