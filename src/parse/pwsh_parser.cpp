// PowerShell bodies -> ast::shell_script.
//
// The grammar (grammar/pwsh.hpp) backtracks, so actions that write the model
// directly could record a command twice. Instead the control below builds a
// small parse tree of the rules listed in node_kind<>: a node is opened when
// its rule starts (in action mode only, so `at<>` look-aheads leave no trace),
// closed on success and discarded (with everything after it) on failure. The
// tree is stored in pre-order in one vector; a node's subtree is the range
// [index, next). A reader then walks the finished tree once and fills the
// model, which is where precedence, value rendering and the special
// assignments (SetEnvironmentVariable, Set-Variable, ...) are handled.
//
// Errors: must<> failures raise with the message of error_message<Rule>; a
// missing closing bracket, quote or comment end is reported at the offset of
// its opener (the innermost open node). Nesting deeper than pwsh_max_nesting
// raises too, so deep input cannot exhaust the stack.
#include "parse/pwsh_parser.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <tao/pegtl.hpp>

#include "grammar/pwsh.hpp"
#include "parse/shell_tokens.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = grammar::powershell;

namespace {

// ---- Parse tree ------------------------------------------------------------

enum class kind : std::uint8_t {
   none,
   script,
   command,
   pipeline,
   expression_element,
   assignment_operator,
   assignment_rhs,
   expression,
   binary_operator,
   unary,
   postfix,
   type_literal,
   member_access,
   member_name,
   invocation,
   index,
   variable,
   splat,
   sq_string,
   dq_string,
   here_sq,
   here_dq,
   number,
   subexpression,
   array_expression,
   hashtable,
   paren,
   script_block,
   condition,
   loop_variable,
   parameter_list,
   parameter_variable,
   argument_word,
   parameter,
   redirection,
   redirection_fd,
   verbatim,
   opener,   ///< only there to locate a missing closer
   comment,  ///< `<# #>`: skipped by the reader
};

template <typename Rule>
inline constexpr kind node_kind = kind::none;
template <>
inline constexpr kind node_kind<g::script> = kind::script;
template <>
inline constexpr kind node_kind<g::command> = kind::command;
template <>
inline constexpr kind node_kind<g::pipeline> = kind::pipeline;
template <>
inline constexpr kind node_kind<g::expression_element> = kind::expression_element;
template <>
inline constexpr kind node_kind<g::assignment_operator> = kind::assignment_operator;
template <>
inline constexpr kind node_kind<g::assignment_rhs> = kind::assignment_rhs;
template <>
inline constexpr kind node_kind<g::expression> = kind::expression;
template <>
inline constexpr kind node_kind<g::argument_expression> = kind::expression;
template <>
inline constexpr kind node_kind<g::binary_operator> = kind::binary_operator;
template <>
inline constexpr kind node_kind<g::argument_operator> = kind::binary_operator;
template <>
inline constexpr kind node_kind<g::unary_expression> = kind::unary;
template <>
inline constexpr kind node_kind<g::postfix_expression> = kind::postfix;
template <>
inline constexpr kind node_kind<g::type_literal> = kind::type_literal;
template <>
inline constexpr kind node_kind<g::member_access> = kind::member_access;
template <>
inline constexpr kind node_kind<g::member_name> = kind::member_name;
template <>
inline constexpr kind node_kind<g::invocation> = kind::invocation;
template <>
inline constexpr kind node_kind<g::index> = kind::index;
template <>
inline constexpr kind node_kind<g::variable> = kind::variable;
template <>
inline constexpr kind node_kind<g::splat> = kind::splat;
template <>
inline constexpr kind node_kind<g::sq_string> = kind::sq_string;
template <>
inline constexpr kind node_kind<g::dq_string> = kind::dq_string;
template <>
inline constexpr kind node_kind<g::here_sq_string> = kind::here_sq;
template <>
inline constexpr kind node_kind<g::here_dq_string> = kind::here_dq;
template <>
inline constexpr kind node_kind<g::number> = kind::number;
template <>
inline constexpr kind node_kind<g::subexpression> = kind::subexpression;
template <>
inline constexpr kind node_kind<g::array_expression> = kind::array_expression;
template <>
inline constexpr kind node_kind<g::hashtable> = kind::hashtable;
template <>
inline constexpr kind node_kind<g::paren_expression> = kind::paren;
template <>
inline constexpr kind node_kind<g::script_block> = kind::script_block;
template <>
inline constexpr kind node_kind<g::condition> = kind::condition;
template <>
inline constexpr kind node_kind<g::foreach_header> = kind::condition;
template <>
inline constexpr kind node_kind<g::for_header> = kind::condition;
template <>
inline constexpr kind node_kind<g::loop_variable> = kind::loop_variable;
template <>
inline constexpr kind node_kind<g::parameter_list> = kind::parameter_list;
template <>
inline constexpr kind node_kind<g::parameter_variable> = kind::parameter_variable;
template <>
inline constexpr kind node_kind<g::argument_word> = kind::argument_word;
template <>
inline constexpr kind node_kind<g::parameter> = kind::parameter;
template <>
inline constexpr kind node_kind<g::redirection> = kind::redirection;
template <>
inline constexpr kind node_kind<g::redirection_fd> = kind::redirection_fd;
template <>
inline constexpr kind node_kind<g::verbatim_arguments> = kind::verbatim;
template <>
inline constexpr kind node_kind<g::type_bracket> = kind::opener;
template <>
inline constexpr kind node_kind<g::attribute_arguments> = kind::opener;
template <>
inline constexpr kind node_kind<g::switch_body> = kind::opener;
template <>
inline constexpr kind node_kind<g::block_comment> = kind::comment;

/// Rules whose recursion the nesting limit bounds (every recursive path goes through one).
template <typename Rule>
inline constexpr bool counts_nesting =
    std::is_same_v<Rule, g::paren_expression> || std::is_same_v<Rule, g::subexpression> ||
    std::is_same_v<Rule, g::array_expression> || std::is_same_v<Rule, g::hashtable> ||
    std::is_same_v<Rule, g::script_block> || std::is_same_v<Rule, g::condition> ||
    std::is_same_v<Rule, g::foreach_header> || std::is_same_v<Rule, g::for_header> ||
    std::is_same_v<Rule, g::parameter_list> || std::is_same_v<Rule, g::switch_body> ||
    std::is_same_v<Rule, g::invocation> || std::is_same_v<Rule, g::index> || std::is_same_v<Rule, g::type_literal> ||
    std::is_same_v<Rule, g::type_bracket> || std::is_same_v<Rule, g::attribute_arguments> ||
    std::is_same_v<Rule, g::cast_operand> || std::is_same_v<Rule, g::assignment_rhs>;

struct node {
   kind k = kind::none;
   bool open = true;       ///< not finished when the parse failed
   std::size_t begin = 0;  ///< byte offsets into the body
   std::size_t end = 0;
   std::size_t next = 0;  ///< index just past this node's subtree
};

struct tree {
   std::string_view body;
   const char* base = nullptr;
   std::vector<node> nodes;
   std::vector<std::size_t> open;  ///< indices of the nodes being matched, innermost last
   int nesting = 0;
   std::string error;
   std::size_t error_offset = 0;
   std::size_t fail_position = 0;
};

// ---- Error messages ----------------------------------------------------------

template <typename Rule>
inline constexpr const char* error_message = nullptr;
/// Errors reported at the opener of the construct (its innermost open node).
template <typename Rule>
inline constexpr bool error_at_opener = false;

template <>
inline constexpr const char* error_message<g::close_paren> = "missing closing ')'";
template <>
inline constexpr const char* error_message<g::close_brace> = "missing closing '}'";
template <>
inline constexpr const char* error_message<g::close_bracket> = "missing closing ']'";
template <>
inline constexpr const char* error_message<g::sq_body> = "unterminated string literal";
template <>
inline constexpr const char* error_message<g::dq_body> = "unterminated string literal";
template <>
inline constexpr const char* error_message<g::here_sq_body> = "unterminated here-string";
template <>
inline constexpr const char* error_message<g::here_dq_body> = "unterminated here-string";
template <>
inline constexpr const char* error_message<g::block_comment_body> = "unterminated block comment";
template <>
inline constexpr const char* error_message<g::braced_variable_body> = "missing closing '}' of ${...}";
template <>
inline constexpr bool error_at_opener<g::close_paren> = true;
template <>
inline constexpr bool error_at_opener<g::close_brace> = true;
template <>
inline constexpr bool error_at_opener<g::close_bracket> = true;
template <>
inline constexpr bool error_at_opener<g::sq_body> = true;
template <>
inline constexpr bool error_at_opener<g::dq_body> = true;
template <>
inline constexpr bool error_at_opener<g::here_sq_body> = true;
template <>
inline constexpr bool error_at_opener<g::here_dq_body> = true;
template <>
inline constexpr bool error_at_opener<g::block_comment_body> = true;
template <>
inline constexpr bool error_at_opener<g::braced_variable_body> = true;

template <>
inline constexpr const char* error_message<g::expression> = "expected an expression";
template <>
inline constexpr const char* error_message<g::binary_operand> = "expected an expression after the operator";
template <>
inline constexpr const char* error_message<g::index_value> = "expected an index expression after '['";
template <>
inline constexpr const char* error_message<g::assignment_rhs> = "expected a value after the assignment operator";
template <>
inline constexpr const char* error_message<g::piped_element> = "expected a command after '|'";
template <>
inline constexpr const char* error_message<g::chained_pipeline> = "expected a pipeline after '&&' or '||'";
template <>
inline constexpr const char* error_message<g::command_target> = "expected a command after '&' or '.'";
template <>
inline constexpr const char* error_message<g::redirection_target> =
    "expected a file name after the redirection operator";
template <>
inline constexpr const char* error_message<g::hash_equals> = "expected '=' after a hashtable key";
template <>
inline constexpr const char* error_message<g::hash_value> = "expected a value after '=' in a hashtable";
template <>
inline constexpr const char* error_message<g::condition> = "expected a condition in parentheses";
template <>
inline constexpr const char* error_message<g::condition_pipeline> = "expected a condition";
template <>
inline constexpr const char* error_message<g::if_body> = "expected a script block after if (...)";
template <>
inline constexpr const char* error_message<g::else_body> = "expected a script block after else";
template <>
inline constexpr const char* error_message<g::loop_body> = "expected a script block as the loop body";
template <>
inline constexpr const char* error_message<g::do_condition> = "expected while (...) or until (...) after do {...}";
template <>
inline constexpr const char* error_message<g::foreach_header> = "expected ($variable in ...) after foreach";
template <>
inline constexpr const char* error_message<g::loop_variable> = "expected a variable in foreach (...)";
template <>
inline constexpr const char* error_message<g::in_keyword> = "expected 'in' in foreach (...)";
template <>
inline constexpr const char* error_message<g::for_header> = "expected (init; condition; step) after for";
template <>
inline constexpr const char* error_message<g::switch_subject> = "expected (...) after switch";
template <>
inline constexpr const char* error_message<g::switch_body> = "expected '{' after switch (...)";
template <>
inline constexpr const char* error_message<g::clause_body> = "expected a script block after the switch clause";
template <>
inline constexpr const char* error_message<g::try_body> = "expected a script block after try, catch, finally or trap";
template <>
inline constexpr const char* error_message<g::try_handlers> = "expected catch or finally after try {...}";
template <>
inline constexpr const char* error_message<g::function_name> = "expected a function name";
template <>
inline constexpr const char* error_message<g::function_body> = "expected a script block after the function name";
template <>
inline constexpr const char* error_message<g::parameter_list> = "expected '(' after param";
template <>
inline constexpr const char* error_message<g::parameter_default> = "expected a default value after '='";

std::size_t offset_of(const char* p, const tree& t) {
   return static_cast<std::size_t>(p - t.base);
}

/// "unexpected 'x'" for the byte at `at` (after blanks).
std::string unexpected(std::string_view body, std::size_t at) {
   if (at >= body.size()) {
      return "unexpected end of input";
   }
   const char c = body[at];
   if (c == '\n') {
      return "unexpected newline";
   }
   if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      return "unexpected character";
   }
   return std::string("unexpected '") + c + "'";
}

template <typename Rule>
struct control : pegtl::normal<Rule> {
   template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput>
   [[nodiscard]] static bool match(ParseInput& in, tree& t) {
      if constexpr (counts_nesting<Rule>) {
         if (++t.nesting > pwsh_max_nesting) {
            t.error = "nesting too deep (more than " + std::to_string(pwsh_max_nesting) + " levels)";
            t.error_offset = t.fail_position = offset_of(in.current(), t);
            throw pegtl::parse_error(t.error, in);
         }
      }
      bool ok = false;
      if constexpr (node_kind<Rule> != kind::none && A == pegtl::apply_mode::action) {
         const std::size_t index = t.nodes.size();
         t.nodes.push_back(node{node_kind<Rule>, true, offset_of(in.current(), t), 0, 0});
         t.open.push_back(index);
         ok = pegtl::normal<Rule>::template match<A, M, Action, Control>(in, t);
         t.open.pop_back();
         if (ok) {
            node& n = t.nodes[index];
            n.open = false;
            n.end = offset_of(in.current(), t);
            n.next = t.nodes.size();
         } else {
            t.nodes.resize(index);
         }
      } else {
         ok = pegtl::normal<Rule>::template match<A, M, Action, Control>(in, t);
      }
      if constexpr (counts_nesting<Rule>) {
         --t.nesting;
      }
      return ok;
   }

   template <typename ParseInput>
   [[noreturn]] static void raise(const ParseInput& in, tree& t) {
      std::size_t at = offset_of(in.current(), t);
      t.fail_position = at;
      if constexpr (std::is_same_v<Rule, g::statement_end> || std::is_same_v<Rule, g::end_of_script>) {
         while (at < t.body.size() && (t.body[at] == ' ' || t.body[at] == '\t' || t.body[at] == '\r')) {
            ++at;
         }
         t.error = unexpected(t.body, at);
      } else if constexpr (error_message<Rule> != nullptr) {
         t.error = error_message<Rule>;
         if constexpr (error_at_opener<Rule>) {
            if (!t.open.empty()) {
               at = t.nodes[t.open.back()].begin;
            }
         }
      } else {
         t.error = "syntax error";
      }
      t.error_offset = at;
      throw pegtl::parse_error(t.error, in);
   }
};

// ---- Reading the tree ----------------------------------------------------------

/// Rendered values longer than this fall back to the text (format strings can multiply).
constexpr std::size_t max_rendered = 16384;

std::string lower(std::string_view s) {
   std::string r(s);
   for (char& c : r) {
      if (c >= 'A' && c <= 'Z') {
         c = static_cast<char>(c - 'A' + 'a');
      }
   }
   return r;
}

bool iequals(std::string_view a, std::string_view b) {
   return lower(a) == lower(b);
}

char escaped_char(char c) {
   switch (c) {
      case '0':
         return '\0';
      case 'a':
         return '\a';
      case 'b':
         return '\b';
      case 'e':
         return '\x1b';
      case 'f':
         return '\f';
      case 'n':
         return '\n';
      case 'r':
         return '\r';
      case 't':
         return '\t';
      case 'v':
         return '\v';
      default:
         return c;
   }
}

/// A variable's name as the model writes it: `$env:X` -> `env:X`, `${a b}` -> `a b`, `@p` -> `p`.
std::string variable_name(std::string_view text) {
   if (text.size() >= 2 && text[0] == '$' && text[1] == '{') {
      text.remove_prefix(2);
      if (!text.empty() && text.back() == '}') {
         text.remove_suffix(1);
      }
      return std::string(text);
   }
   if (!text.empty()) {
      text.remove_prefix(1);
   }
   return std::string(text);
}

bool is_constant_variable(std::string_view name) {
   const std::string n = lower(name);
   return n == "true" || n == "false" || n == "null";
}

bool is_noise_variable(std::string_view name) {
   const std::string n = lower(name);
   return n == "_" || n == "psitem" || n == "?" || n == "$" || n == "^" || is_constant_variable(n);
}

struct rendered {
   std::string value;
   bool literal = true;
   bool stringy = false;  ///< a string for `+` (quoted, formatted, `$env:` or a bareword)
};

class reader {
public:
   reader(const tree& t, ast::shell_script& out) : t_(t), out_(out) {}

   void run() {
      if (!t_.nodes.empty()) {
         (void)walk(0, 0);
      }
      finish();
   }

private:
   const tree& t_;
   ast::shell_script& out_;
   std::vector<ast::shell_command> commands_;  ///< in the order they were found (id = index)
   std::vector<std::pair<std::size_t, std::size_t>> pipes_;

   const node& at(std::size_t i) const { return t_.nodes[i]; }
   kind kind_of(std::size_t i) const { return t_.nodes[i].k; }

   std::string_view slice(std::size_t b, std::size_t e) const {
      b = std::min(b, t_.body.size());
      e = std::min(std::max(e, b), t_.body.size());
      return t_.body.substr(b, e - b);
   }
   std::string_view text(std::size_t i) const { return slice(at(i).begin, at(i).end); }

   std::vector<std::size_t> children(std::size_t i) const {
      std::vector<std::size_t> r;
      for (std::size_t j = i + 1; j < at(i).next && j < t_.nodes.size(); j = std::max(at(j).next, j + 1)) {
         if (kind_of(j) != kind::comment) {
            r.push_back(j);
         }
      }
      return r;
   }

   ast::shell_word word_of(std::size_t i) const {
      ast::shell_word w;
      w.begin = at(i).begin;
      w.end = std::max(at(i).end, w.begin);
      w.text = std::string(text(i));
      rendered r = render(i);
      w.value = std::move(r.value);
      w.literal = r.literal;
      return w;
   }

   // -- rendering --------------------------------------------------------------

   rendered fallback(std::size_t i) const { return {"$(" + std::string(text(i)) + ")", false, false}; }

   /// The only expression of a bracket or right-hand side holding a single pipeline
   /// of a single unassigned expression; nullopt otherwise.
   std::optional<std::size_t> sole_expression(std::size_t i) const {
      const auto kids = children(i);
      if (kids.size() != 1 || kind_of(kids[0]) != kind::pipeline) {
         return std::nullopt;
      }
      const auto elements = children(kids[0]);
      if (elements.size() != 1 || kind_of(elements[0]) != kind::expression_element) {
         return std::nullopt;
      }
      const auto parts = children(elements[0]);
      if (parts.size() != 1 || kind_of(parts[0]) != kind::expression) {
         return std::nullopt;
      }
      return parts[0];
   }

   bool has_dynamic(std::size_t i) const {
      for (std::size_t j = i + 1; j < at(i).next && j < t_.nodes.size(); ++j) {
         switch (kind_of(j)) {
            case kind::variable:
               if (!is_constant_variable(variable_name(text(j)))) {
                  return true;
               }
               break;
            case kind::splat:
            case kind::command:
            case kind::invocation:
            case kind::subexpression:
               return true;
            default:
               break;
         }
      }
      return false;
   }

   /// Content of a string node with escapes processed and expansions kept as written.
   rendered render_string(std::size_t i) const {
      const node& n = at(i);
      const std::string_view s = text(i);
      std::size_t b = n.begin;
      std::size_t e = std::max(n.end, n.begin);
      const bool here = n.k == kind::here_sq || n.k == kind::here_dq;
      const bool expandable = n.k == kind::dq_string || n.k == kind::here_dq;
      if (here) {
         const std::size_t nl = s.find('\n');
         b = nl == std::string_view::npos ? e : n.begin + nl + 1;
         if (!n.open && e >= b + 2) {
            e -= 2;  // the closing `'@` / `"@`
            if (e > b && t_.body[e - 1] == '\n') {
               --e;
            }
            if (e > b && t_.body[e - 1] == '\r') {
               --e;
            }
         }
      } else {
         b = n.begin + 1;
         if (!n.open && e > b) {
            --e;  // the closing quote
         }
      }
      e = std::max(e, b);
      rendered r{"", true, true};
      const auto kids = expandable ? children(i) : std::vector<std::size_t>{};
      std::size_t k = 0;
      for (std::size_t p = b; p < e && p < t_.body.size();) {
         while (k < kids.size() && at(kids[k]).begin < p) {
            ++k;
         }
         if (k < kids.size() && at(kids[k]).begin == p) {
            const std::string_view piece = text(kids[k]);
            r.value += piece;
            if (kind_of(kids[k]) != kind::variable || !is_constant_variable(variable_name(piece))) {
               r.literal = false;
            }
            p = std::max(at(kids[k]).end, p + 1);
            continue;
         }
         const char c = t_.body[p];
         if (!expandable) {
            if (!here && c == '\'' && p + 1 < e && t_.body[p + 1] == '\'') {
               r.value += '\'';
               p += 2;
               continue;
            }
         } else if (c == '`' && p + 1 < e) {
            r.value += escaped_char(t_.body[p + 1]);
            p += 2;
            continue;
         } else if (!here && c == '"' && p + 1 < e && t_.body[p + 1] == '"') {
            r.value += '"';
            p += 2;
            continue;
         }
         r.value += c;
         ++p;
      }
      return r;
   }

   /// An argument-mode word: barewords with escapes, quoted parts and expansions concatenated.
   rendered render_word(std::size_t i) const {
      const auto kids = children(i);
      if (kids.size() == 1 && at(kids[0]).begin == at(i).begin && at(kids[0]).end == at(i).end) {
         return render(kids[0]);
      }
      rendered r{"", true, true};
      std::size_t p = at(i).begin;
      const std::size_t e = std::max(at(i).end, p);
      for (std::size_t k = 0; p < e && p < t_.body.size();) {
         if (k < kids.size() && at(kids[k]).begin <= p) {
            const rendered piece = render(kids[k]);
            r.value += piece.value;
            r.literal = r.literal && piece.literal;
            p = std::max(at(kids[k]).end, p + 1);
            ++k;
            continue;
         }
         const char c = t_.body[p];
         if (c == '`' && p + 1 < e) {
            r.value += escaped_char(t_.body[p + 1]);
            p += 2;
            continue;
         }
         r.value += c;
         ++p;
      }
      return r;
   }

   /// `'fmt' -f a, b` with `fmt` constant; nullopt when it cannot be rendered.
   std::optional<rendered> format(const rendered& fmt, const std::vector<std::size_t>& args) const {
      std::vector<rendered> values;
      values.reserve(args.size());
      for (const std::size_t a : args) {
         values.push_back(render(a));
      }
      rendered r{"", true, true};
      const std::string& f = fmt.value;
      for (std::size_t p = 0; p < f.size();) {
         const char c = f[p];
         if (c == '{') {
            if (p + 1 < f.size() && f[p + 1] == '{') {
               r.value += '{';
               p += 2;
               continue;
            }
            std::size_t q = p + 1;
            std::size_t n = 0;
            bool digits = false;
            while (q < f.size() && f[q] >= '0' && f[q] <= '9' && n < 1000000) {
               n = n * 10 + static_cast<std::size_t>(f[q] - '0');
               digits = true;
               ++q;
            }
            while (q < f.size() && f[q] == ' ') {
               ++q;
            }
            if (!digits || q >= f.size() || f[q] != '}' || n >= values.size()) {
               return std::nullopt;  // alignment, format strings and bad indices are not rendered
            }
            r.value += values[n].value;
            r.literal = r.literal && values[n].literal;
            p = q + 1;
         } else if (c == '}') {
            if (p + 1 < f.size() && f[p + 1] == '}') {
               r.value += '}';
               p += 2;
               continue;
            }
            return std::nullopt;
         } else {
            r.value += c;
            ++p;
         }
         if (r.value.size() > max_rendered) {
            return std::nullopt;
         }
      }
      return r;
   }

   /// Operands [a, b] joined by `,` and at most one `-f`.
   std::optional<rendered> render_format_chunk(const std::vector<std::size_t>& operands,
                                               const std::vector<std::string>& ops, std::size_t a,
                                               std::size_t b) const {
      std::size_t f = b;
      for (std::size_t j = a; j < b; ++j) {
         if (ops[j] == "-f") {
            f = j;
            break;
         }
      }
      if (f == b) {
         if (a != b) {
            return std::nullopt;  // an array
         }
         return render(operands[a]);
      }
      if (f != a) {
         return std::nullopt;
      }
      for (std::size_t j = f + 1; j < b; ++j) {
         if (ops[j] != ",") {
            return std::nullopt;
         }
      }
      const rendered fmt = render(operands[a]);
      if (!fmt.literal) {
         return std::nullopt;
      }
      std::vector<std::size_t> args(operands.begin() + static_cast<std::ptrdiff_t>(f + 1),
                                    operands.begin() + static_cast<std::ptrdiff_t>(b + 1));
      return format(fmt, args);
   }

   rendered render_expression(std::size_t i) const {
      const auto kids = children(i);
      std::vector<std::size_t> operands;
      std::vector<std::string> ops;
      for (const std::size_t k : kids) {
         if (kind_of(k) == kind::binary_operator) {
            ops.push_back(lower(text(k)));
         } else {
            operands.push_back(k);
         }
      }
      if (operands.empty() || ops.size() + 1 != operands.size() || at(i).open) {
         return fallback(i);
      }
      if (operands.size() == 1) {
         return render(operands[0]);
      }
      for (const auto& op : ops) {
         if (op != "," && op != "-f" && op != "+") {
            return fallback(i);
         }
      }
      std::vector<rendered> parts;
      std::size_t start = 0;
      for (std::size_t j = 0; j <= ops.size(); ++j) {
         if (j == ops.size() || ops[j] == "+") {
            auto part = render_format_chunk(operands, ops, start, j);
            if (!part) {
               return fallback(i);
            }
            parts.push_back(std::move(*part));
            start = j + 1;
         }
      }
      if (parts.size() == 1) {
         return parts[0];
      }
      rendered r{"", true, true};
      bool any_string = false;
      for (const auto& p : parts) {
         any_string = any_string || p.stringy;
         r.value += p.value;
         r.literal = r.literal && p.literal;
      }
      if (!any_string || r.value.size() > max_rendered) {
         return fallback(i);
      }
      return r;
   }

   rendered render(std::size_t i) const {
      const node& n = at(i);
      switch (n.k) {
         case kind::sq_string:
         case kind::dq_string:
         case kind::here_sq:
         case kind::here_dq:
            return render_string(i);
         case kind::number:
         case kind::type_literal:
            return {std::string(text(i)), true, false};
         case kind::variable: {
            const std::string_view s = text(i);
            const std::string name = variable_name(s);
            if (is_constant_variable(name)) {
               return {std::string(s), true, false};
            }
            return {std::string(s), false, lower(name).rfind("env:", 0) == 0};
         }
         case kind::splat:
            return {std::string(text(i)), false, false};
         case kind::member_name: {
            const auto kids = children(i);
            if (kids.size() == 1) {
               return render(kids[0]);
            }
            return {std::string(text(i)), true, true};
         }
         case kind::subexpression: {
            if (const auto inner = sole_expression(i)) {
               return render(*inner);
            }
            return {std::string(text(i)), false, false};
         }
         case kind::paren: {
            if (const auto inner = sole_expression(i)) {
               return render(*inner);
            }
            return {"$" + std::string(text(i)), false, false};
         }
         case kind::assignment_rhs: {
            if (const auto inner = sole_expression(i)) {
               return render(*inner);
            }
            return fallback(i);
         }
         case kind::expression:
            return render_expression(i);
         case kind::unary: {
            const auto kids = children(i);
            if (kids.size() == 1 && at(kids[0]).begin == n.begin && at(kids[0]).end == n.end) {
               return render(kids[0]);
            }
            return fallback(i);
         }
         case kind::postfix: {
            const auto kids = children(i);
            if (kids.size() == 1 && at(kids[0]).end == n.end) {
               return render(kids[0]);
            }
            return fallback(i);
         }
         case kind::argument_word:
            return render_word(i);
         case kind::script_block:
         case kind::hashtable:
         case kind::array_expression:
            return {std::string(text(i)), !has_dynamic(i), false};
         case kind::redirection_fd:
            return {std::string(text(i)), true, false};
         default:
            return fallback(i);
      }
   }

   // -- walking ------------------------------------------------------------------

   static bool adds_depth(kind k) {
      switch (k) {
         case kind::paren:
         case kind::subexpression:
         case kind::array_expression:
         case kind::hashtable:
         case kind::script_block:
         case kind::condition:
         case kind::invocation:
         case kind::index:
         case kind::parameter_list:
            return true;
         default:
            return false;
      }
   }

   void reference(std::size_t i) {
      const std::string name = variable_name(text(i));
      if (name.empty() || is_noise_variable(name)) {
         return;
      }
      out_.references.push_back({name, at(i).begin, at(i).end});
   }

   void assign(std::string name, ast::shell_word value, std::size_t begin, std::size_t end) {
      if (name.empty()) {
         return;
      }
      ast::shell_assignment a;
      a.name = std::move(name);
      a.value = std::move(value);
      a.begin = begin;
      a.end = std::max(end, begin);
      out_.assignments.push_back(std::move(a));
   }

   void walk_children(std::size_t i, int depth) {
      for (const std::size_t c : children(i)) {
         (void)walk(c, depth);
      }
   }

   /// Walks node i; returns the id of the command that stands for it in a pipeline.
   std::optional<std::size_t> walk(std::size_t i, int depth) {
      switch (kind_of(i)) {
         case kind::command:
            return walk_command(i, depth);
         case kind::pipeline:
            walk_pipeline(i, depth);
            return std::nullopt;
         case kind::expression_element:
            return walk_expression_element(i, depth);
         case kind::expression: {
            const auto kids = children(i);
            std::optional<std::size_t> r;
            for (const std::size_t c : kids) {
               r = walk(c, depth);
            }
            return kids.size() == 1 ? r : std::nullopt;
         }
         case kind::unary: {
            const auto kids = children(i);
            std::optional<std::size_t> r;
            for (const std::size_t c : kids) {
               r = walk(c, depth);
            }
            return kids.size() == 1 && at(kids[0]).begin == at(i).begin ? r : std::nullopt;
         }
         case kind::postfix:
            return walk_postfix(i, depth);
         case kind::variable:
         case kind::splat:
            reference(i);
            return std::nullopt;
         case kind::loop_variable:
         case kind::parameter_variable:
            return std::nullopt;
         case kind::condition:
            walk_condition(i, depth + 1);
            return std::nullopt;
         case kind::parameter_list:
            walk_parameter_list(i, depth + 1);
            return std::nullopt;
         case kind::comment:
            return std::nullopt;
         default:
            walk_children(i, adds_depth(kind_of(i)) ? depth + 1 : depth);
            return std::nullopt;
      }
   }

   void walk_pipeline(std::size_t i, int depth) {
      std::vector<std::optional<std::size_t>> ids;
      for (const std::size_t c : children(i)) {
         ids.push_back(walk(c, depth));
      }
      for (std::size_t j = 0; j + 1 < ids.size(); ++j) {
         if (ids[j] && ids[j + 1]) {
            pipes_.emplace_back(*ids[j], *ids[j + 1]);
         }
      }
   }

   /// The variable assigned by an assignment's left operand (`$x`, `[int]$x`), if any.
   std::optional<std::size_t> assigned_variable(std::size_t operand) const {
      std::size_t i = operand;
      for (int guard = 0; guard < 1000; ++guard) {
         const auto kids = children(i);
         if (kind_of(i) == kind::variable) {
            return i;
         }
         if (kind_of(i) == kind::unary) {
            if (kids.size() != 1 || at(kids[0]).begin != at(i).begin) {
               return std::nullopt;
            }
            i = kids[0];
         } else if (kind_of(i) == kind::postfix) {
            if (kids.size() == 1 && kind_of(kids[0]) == kind::variable) {
               i = kids[0];
            } else if (kids.size() == 2 && kind_of(kids[0]) == kind::type_literal && kind_of(kids[1]) == kind::unary) {
               i = kids[1];  // a cast
            } else {
               return std::nullopt;
            }
         } else {
            return std::nullopt;
         }
      }
      return std::nullopt;
   }

   std::optional<std::size_t> walk_expression_element(std::size_t i, int depth) {
      const auto kids = children(i);
      std::optional<std::size_t> op;
      for (std::size_t k = 0; k < kids.size(); ++k) {
         if (kind_of(kids[k]) == kind::assignment_operator) {
            op = k;
         }
      }
      if (!op) {
         std::optional<std::size_t> r;
         for (std::size_t k = 0; k < kids.size(); ++k) {
            const auto id = walk(kids[k], depth);
            if (k == 0) {
               r = id;
            }
         }
         return r;
      }
      const std::string op_text(text(kids[*op]));
      const bool has_rhs = *op + 1 < kids.size() && kind_of(kids[*op + 1]) == kind::assignment_rhs;
      const std::size_t rhs = has_rhs ? kids[*op + 1] : 0;
      const bool complete = has_rhs && !at(rhs).open && !at(i).open;
      for (std::size_t k = 0; k < *op; ++k) {
         if (kind_of(kids[k]) != kind::expression) {
            (void)walk(kids[k], depth);
            continue;
         }
         for (const std::size_t operand : children(kids[k])) {
            const auto var = kind_of(operand) == kind::binary_operator ? std::nullopt : assigned_variable(operand);
            if (!var) {
               (void)walk(operand, depth);
               continue;
            }
            if (op_text != "=") {
               reference(*var);
            }
            if (complete && !is_constant_variable(variable_name(text(*var)))) {  // `$null = ...` discards
               assign(variable_name(text(*var)), word_of(rhs), at(operand).begin, at(rhs).end);
            }
         }
      }
      for (std::size_t k = *op + 1; k < kids.size(); ++k) {
         (void)walk(kids[k], depth);
      }
      return std::nullopt;
   }

   std::optional<std::size_t> walk_postfix(std::size_t i, int depth) {
      const auto kids = children(i);
      std::optional<std::size_t> last;
      for (std::size_t k = 0; k < kids.size(); ++k) {
         const std::size_t c = kids[k];
         last = std::nullopt;
         if (kind_of(c) != kind::member_access) {
            (void)walk(c, depth);
            continue;
         }
         const auto parts = children(c);
         std::optional<std::size_t> name;
         std::optional<std::size_t> call;
         for (const std::size_t p : parts) {
            if (kind_of(p) == kind::member_name) {
               name = p;
            } else if (kind_of(p) == kind::invocation) {
               call = p;
            }
         }
         if (name) {
            (void)walk(*name, depth);
         }
         if (!call) {
            continue;
         }
         const std::size_t id = commands_.size();
         const bool emit = name && !at(c).open && !at(*call).open;
         if (emit) {
            ast::shell_command cmd;
            cmd.kind = ast::command_kind::method;
            cmd.begin = at(i).begin;
            cmd.end = at(c).end;
            cmd.depth = depth;
            cmd.target = std::string(slice(at(i).begin, at(c).begin));
            cmd.words.push_back(word_of(*name));
            for (const std::size_t a : children(*call)) {
               if (kind_of(a) == kind::expression) {
                  cmd.words.push_back(word_of(a));
               }
            }
            method_assignment(cmd);
            commands_.push_back(std::move(cmd));
            last = id;
         }
         walk_children(*call, depth + 1);
      }
      return last;
   }

   void walk_condition(std::size_t i, int depth) {
      const auto kids = children(i);
      for (std::size_t k = 0; k < kids.size(); ++k) {
         if (kind_of(kids[k]) == kind::loop_variable) {
            const auto vars = children(kids[k]);
            if (!vars.empty() && k + 1 < kids.size() && !at(kids[k + 1]).open) {
               assign(variable_name(text(vars[0])), word_of(kids[k + 1]), at(kids[k]).begin, at(kids[k + 1]).end);
            }
            continue;
         }
         (void)walk(kids[k], depth);
      }
   }

   void walk_parameter_list(std::size_t i, int depth) {
      const auto kids = children(i);
      for (std::size_t k = 0; k < kids.size(); ++k) {
         if (kind_of(kids[k]) == kind::parameter_variable) {
            const auto vars = children(kids[k]);
            if (!vars.empty() && k + 1 < kids.size() && kind_of(kids[k + 1]) == kind::expression &&
                !at(kids[k + 1]).open) {
               assign(variable_name(text(vars[0])), word_of(kids[k + 1]), at(kids[k]).begin, at(kids[k + 1]).end);
            }
            continue;
         }
         (void)walk(kids[k], depth);
      }
   }

   std::optional<std::size_t> walk_command(std::size_t i, int depth) {
      ast::shell_command cmd;
      cmd.begin = at(i).begin;
      cmd.end = at(i).end;
      cmd.depth = depth;
      std::vector<bool> is_parameter;
      for (const std::size_t c : children(i)) {
         switch (kind_of(c)) {
            case kind::argument_word:
            case kind::script_block:
               cmd.words.push_back(word_of(c));
               is_parameter.push_back(false);
               break;
            case kind::parameter: {
               ast::shell_word w = word_of_parameter(c);
               cmd.words.push_back(std::move(w));
               is_parameter.push_back(true);
               break;
            }
            case kind::redirection: {
               const auto target = children(c);
               if (!target.empty()) {
                  ast::shell_redirect r;
                  std::string_view op = slice(at(c).begin, at(target[0]).begin);
                  while (!op.empty() &&
                         (op.back() == ' ' || op.back() == '\t' || op.back() == '\r' || op.back() == '`')) {
                     op.remove_suffix(1);
                  }
                  r.op = std::string(op);
                  r.target = word_of(target[0]);
                  cmd.redirections.push_back(std::move(r));
               }
               break;
            }
            case kind::verbatim: {
               const std::string_view v = text(c);
               std::size_t p = std::min<std::size_t>(3, v.size());
               while (p < v.size()) {
                  while (p < v.size() && (v[p] == ' ' || v[p] == '\t' || v[p] == '\r')) {
                     ++p;
                  }
                  const std::size_t s = p;
                  while (p < v.size() && v[p] != ' ' && v[p] != '\t' && v[p] != '\r') {
                     ++p;
                  }
                  if (p > s) {
                     ast::shell_word w;
                     w.begin = at(c).begin + s;
                     w.end = at(c).begin + p;
                     w.text = std::string(v.substr(s, p - s));
                     w.value = w.text;
                     cmd.words.push_back(std::move(w));
                     is_parameter.push_back(false);
                  }
               }
               break;
            }
            default:
               break;
         }
      }
      std::optional<std::size_t> id;
      if (!at(i).open && !cmd.words.empty()) {
         id = commands_.size();
         command_assignment(cmd, is_parameter);
         commands_.push_back(std::move(cmd));
      }
      walk_children(i, depth);
      return id;
   }

   ast::shell_word word_of_parameter(std::size_t i) const {
      ast::shell_word w;
      w.begin = at(i).begin;
      w.end = std::max(at(i).end, w.begin);
      w.text = std::string(text(i));
      const auto kids = children(i);
      if (kids.empty()) {
         w.value = w.text;
         return w;
      }
      const rendered r = render(kids[0]);
      w.value = std::string(slice(at(i).begin, at(kids[0]).begin)) + r.value;
      w.literal = r.literal;
      return w;
   }

   // -- assignments by call ------------------------------------------------------

   void method_assignment(const ast::shell_command& cmd) {
      std::string target;
      for (const char c : lower(cmd.target)) {
         if (c != ' ' && c != '\t') {
            target += c;
         }
      }
      if (!iequals(cmd.words[0].value, "SetEnvironmentVariable") ||
          (target != "[environment]" && target != "[system.environment]") || cmd.words.size() < 2 ||
          !cmd.words[1].literal) {
         return;
      }
      ast::shell_word value;
      if (cmd.words.size() >= 3) {
         value = cmd.words[2];
      } else {
         value.begin = value.end = cmd.end;
      }
      assign("env:" + cmd.words[1].value, std::move(value), cmd.begin, cmd.end);
   }

   /// Named (`-Name value`, `-Name:value`, unambiguous prefixes) and positional
   /// arguments of a cmdlet; `takes_value` lists its parameters that take a value.
   struct bound_arguments {
      std::vector<std::pair<std::string, ast::shell_word>> named;
      std::vector<ast::shell_word> positional;
      const ast::shell_word* find(std::string_view name) const {
         for (const auto& [n, w] : named) {
            if (n == name) {
               return &w;
            }
         }
         return nullptr;
      }
   };

   static bound_arguments bind(const ast::shell_command& cmd, const std::vector<bool>& is_parameter,
                               const std::vector<std::string_view>& takes_value) {
      bound_arguments b;
      for (std::size_t j = 1; j < cmd.words.size(); ++j) {
         const ast::shell_word& w = cmd.words[j];
         if (j >= is_parameter.size() || !is_parameter[j]) {
            b.positional.push_back(w);
            continue;
         }
         std::string name = lower(w.text.substr(1));
         const std::size_t colon = name.find(':');
         if (colon != std::string::npos) {
            name.resize(colon);
         }
         std::string full;
         for (const auto candidate : takes_value) {
            if (!name.empty() && candidate.substr(0, name.size()) == name) {
               full = std::string(candidate);
               break;
            }
         }
         if (full.empty()) {
            continue;  // a switch
         }
         if (colon != std::string::npos) {
            ast::shell_word v = w;
            const std::size_t vcolon = v.value.find(':');
            v.value = vcolon == std::string::npos ? std::string() : v.value.substr(vcolon + 1);
            b.named.emplace_back(full, std::move(v));
         } else if (j + 1 < cmd.words.size()) {
            b.named.emplace_back(full, cmd.words[j + 1]);
            ++j;
         }
      }
      return b;
   }

   void command_assignment(const ast::shell_command& cmd, const std::vector<bool>& is_parameter) {
      const std::string name = lower(cmd.words[0].value);
      if (name == "set-variable" || name == "new-variable" || name == "sv" || name == "nv") {
         const auto b = bind(cmd, is_parameter,
                             {"name", "value", "scope", "option", "description", "visibility", "include", "exclude"});
         const ast::shell_word* var = b.find("name");
         const ast::shell_word* value = b.find("value");
         std::size_t next_positional = 0;
         if (!var && next_positional < b.positional.size()) {
            var = &b.positional[next_positional++];
         }
         if (!value && next_positional < b.positional.size()) {
            value = &b.positional[next_positional];
         }
         if (var && var->literal) {
            ast::shell_word v;
            v.begin = v.end = cmd.end;
            assign(var->value, value ? *value : v, cmd.begin, cmd.end);
         }
      } else if (name == "set-item" || name == "new-item" || name == "si" || name == "ni") {
         const auto b = bind(cmd, is_parameter,
                             {"path", "literalpath", "name", "value", "itemtype", "type", "filter", "include",
                              "exclude", "credential"});
         const ast::shell_word* path = b.find("path");
         if (!path) {
            path = b.find("literalpath");
         }
         const ast::shell_word* value = b.find("value");
         std::size_t next_positional = 0;
         if (!path && next_positional < b.positional.size()) {
            path = &b.positional[next_positional++];
         }
         if (!value && (name == "set-item" || name == "si") && next_positional < b.positional.size()) {
            value = &b.positional[next_positional];
         }
         if (!path || !path->literal || lower(path->value).rfind("env:", 0) != 0) {
            return;
         }
         std::string var = path->value.substr(4);
         while (!var.empty() && (var[0] == '\\' || var[0] == '/')) {
            var.erase(0, 1);
         }
         if (const ast::shell_word* item = b.find("name"); item && item->literal && var.empty()) {
            var = item->value;
         }
         if (var.empty()) {
            return;
         }
         ast::shell_word v;
         v.begin = v.end = cmd.end;
         assign("env:" + var, value ? *value : v, cmd.begin, cmd.end);
      }
   }

   // -- result -------------------------------------------------------------------

   void finish() {
      std::vector<std::size_t> order(commands_.size());
      for (std::size_t j = 0; j < order.size(); ++j) {
         order[j] = j;
      }
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return commands_[a].begin < commands_[b].begin; });
      std::vector<std::size_t> position(commands_.size());
      for (std::size_t j = 0; j < order.size(); ++j) {
         position[order[j]] = j;
      }
      for (const auto& [from, to] : pipes_) {
         commands_[from].piped_to = static_cast<int>(position[to]);
      }
      out_.commands.reserve(order.size());
      for (const std::size_t j : order) {
         out_.commands.push_back(std::move(commands_[j]));
      }
      std::stable_sort(out_.assignments.begin(), out_.assignments.end(),
                       [](const auto& a, const auto& b) { return a.begin < b.begin; });
      std::stable_sort(out_.references.begin(), out_.references.end(),
                       [](const auto& a, const auto& b) { return a.begin < b.begin; });
   }
};

}  // namespace

ast::shell_script parse_pwsh(std::string_view body) {
   ast::shell_script out;
   static constexpr char empty[] = "";
   const char* data = body.empty() ? empty : body.data();
   tree t;
   t.body = std::string_view(data, body.size());
   t.base = data;
   pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(data, data + body.size(), "");
   try {
      (void)pegtl::parse<g::script, pegtl::nothing, control>(in, t);
   } catch (const pegtl::parse_error&) {
      if (t.error.empty()) {
         t.error = "syntax error";
         t.error_offset = t.fail_position;
      }
      out.parsed = false;
      out.error = t.error;
      out.error_offset = std::min(t.error_offset, body.size());
      for (const std::size_t i : t.open) {
         node& n = t.nodes[i];
         n.end = std::max(n.begin, std::min(t.fail_position, body.size()));
         n.next = t.nodes.size();
      }
   }
   reader(t, out).run();
   if (!out.parsed) read_tolerantly(body, out.error_offset, shell_dialect::pwsh, out);
   return out;
}

}  // namespace strata::parse
