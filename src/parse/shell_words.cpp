#include "parse/shell_words.hpp"

#include <tao/pegtl.hpp>

#include "grammar/shell_words.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;

namespace {

struct token_state {
   const char* base;
   std::vector<shell_token> tokens;
   void add(shell_token_kind k, const char* b, const char* e) {
      tokens.push_back({k, static_cast<std::size_t>(b - base), static_cast<std::size_t>(e - base)});
   }
};

template <typename Rule>
struct sh_action : pegtl::nothing<Rule> {};
template <>
struct sh_action<grammar::sh::word> {
   template <typename Input>
   static void apply(const Input& in, token_state& st) { st.add(shell_token_kind::word, in.begin(), in.end()); }
};
template <>
struct sh_action<grammar::sh::control_operator> {
   template <typename Input>
   static void apply(const Input& in, token_state& st) { st.add(shell_token_kind::separator, in.begin(), in.end()); }
};
template <>
struct sh_action<grammar::sh::redirection> {
   template <typename Input>
   static void apply(const Input& in, token_state& st) { st.add(shell_token_kind::redirection, in.begin(), in.end()); }
};

template <typename Rule>
struct pwsh_action : pegtl::nothing<Rule> {};
template <>
struct pwsh_action<grammar::pwsh::word> {
   template <typename Input>
   static void apply(const Input& in, token_state& st) { st.add(shell_token_kind::word, in.begin(), in.end()); }
};
template <>
struct pwsh_action<grammar::pwsh::control_operator> {
   template <typename Input>
   static void apply(const Input& in, token_state& st) { st.add(shell_token_kind::separator, in.begin(), in.end()); }
};

template <typename Grammar, template <typename> class Action>
std::vector<shell_token> tokenize(std::string_view body) {
   token_state st{body.data(), {}};
   pegtl::memory_input in(body.data(), body.data() + body.size(), "");
   try {
      pegtl::parse<Grammar, Action>(in, st);
   } catch (const pegtl::parse_error&) {
      // the token grammars have no must<>: nothing to recover
   }
   return std::move(st.tokens);
}

}  // namespace

std::vector<shell_token> tokenize_sh(std::string_view body) { return tokenize<grammar::sh::script, sh_action>(body); }
std::vector<shell_token> tokenize_pwsh(std::string_view body) { return tokenize<grammar::pwsh::script, pwsh_action>(body); }

}  // namespace strata::parse
