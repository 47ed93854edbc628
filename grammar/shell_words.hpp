// PEGTL token grammars for RUN bodies: POSIX sh (with the usual bash-isms) and
// PowerShell, at the level of words and operators. Pure grammar: no actions.
//
// This is the first cut the command model is built on: a body is a sequence of
// blanks, comments, operators (which separate commands) and words (quotes,
// expansions and command substitutions kept inside the word). Full sh and
// PowerShell grammars replace it later without changing the command model.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::sh {

using namespace tao::pegtl;

struct blank : plus< one< ' ', '\t', '\r' > > {};
struct comment : seq< one< '#' >, star< not_one< '\n' > > > {};
struct escaped : seq< one< '\\' >, opt< any > > {};
struct single_quoted : seq< one< '\'' >, star< not_one< '\'' > >, opt< one< '\'' > > > {};
struct double_quoted;
struct paren_group;
struct backquoted : seq< one< '`' >, star< sor< escaped, not_one< '`' > > >, opt< one< '`' > > > {};
struct brace_group : seq< one< '{' >, star< sor< escaped, single_quoted, double_quoted, brace_group, not_one< '}' > > >, opt< one< '}' > > > {};
struct parameter_expansion : seq< one< '$' >, brace_group > {};
struct command_substitution : seq< one< '$' >, paren_group > {};
struct paren_group : seq< one< '(' >, star< sor< escaped, single_quoted, double_quoted, backquoted, paren_group, not_one< ')' > > >, opt< one< ')' > > > {};
struct double_quoted : seq< one< '"' >, star< sor< escaped, command_substitution, parameter_expansion, backquoted, not_one< '"' > > >, opt< one< '"' > > > {};

/// Operators that end a simple command (`&&`, `||`, `;;`, `;`, `|`, `&`, `(`, `)`, newline).
struct control_operator : sor< TAO_PEGTL_STRING( "&&" ), TAO_PEGTL_STRING( "||" ), TAO_PEGTL_STRING( ";;" ), one< ';', '|', '&', '(', ')', '\n' > > {};
/// Redirections (`>`, `>>`, `2>&1`, `<`, `<<`, `>|`); the next word is their target.
struct redirection : seq< star< digit >, sor< TAO_PEGTL_STRING( ">>" ), TAO_PEGTL_STRING( ">&" ), TAO_PEGTL_STRING( ">|" ),
                                           TAO_PEGTL_STRING( "<<" ), TAO_PEGTL_STRING( "<&" ), TAO_PEGTL_STRING( "<>" ), one< '>', '<' > > > {};
struct word_char : sor< single_quoted, double_quoted, backquoted, parameter_expansion, command_substitution, escaped,
                        not_one< ' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>' > > {};
struct word : plus< word_char > {};
struct token : sor< blank, comment, redirection, control_operator, word > {};
struct script : seq< star< token >, eof > {};

}  // namespace strata::grammar::sh

namespace strata::grammar::pwsh {

using namespace tao::pegtl;

struct blank : plus< one< ' ', '\t', '\r' > > {};
struct block_comment : seq< TAO_PEGTL_STRING( "<#" ), until< TAO_PEGTL_STRING( "#>" ) > > {};
struct line_comment : seq< one< '#' >, star< not_one< '\n' > > > {};
struct comment : sor< block_comment, line_comment > {};
struct escaped : seq< one< '`' >, opt< any > > {};
struct single_quoted : seq< one< '\'' >, star< sor< TAO_PEGTL_STRING( "''" ), not_one< '\'' > > >, opt< one< '\'' > > > {};
struct double_quoted;
struct subexpression : seq< TAO_PEGTL_STRING( "$(" ), star< sor< escaped, single_quoted, double_quoted, subexpression, not_one< ')' > > >, opt< one< ')' > > > {};
struct double_quoted : seq< one< '"' >, star< sor< escaped, TAO_PEGTL_STRING( "\"\"" ), subexpression, not_one< '"' > > >, opt< one< '"' > > > {};

/// Statement and pipeline separators, and the brackets that open or close a nested
/// statement (`(`, `$(`, `@(`, `{`, `@{`, `)`, `}`).
struct control_operator : sor< TAO_PEGTL_STRING( "&&" ), TAO_PEGTL_STRING( "||" ), TAO_PEGTL_STRING( "$(" ), TAO_PEGTL_STRING( "@(" ),
                               TAO_PEGTL_STRING( "@{" ), one< ';', '|', '(', ')', '{', '}', '\n' > > {};
struct word_char : sor< single_quoted, double_quoted, escaped, not_one< ' ', '\t', '\r', '\n', ';', '|', '(', ')', '{', '}' > > {};
struct word : plus< word_char > {};
struct token : sor< blank, comment, control_operator, word > {};
struct script : seq< star< token >, eof > {};

}  // namespace strata::grammar::pwsh
// clang-format on
