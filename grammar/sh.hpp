// PEGTL grammar for the POSIX sh of RUN bodies, with the bash-isms real
// Dockerfiles use. Pure grammar: no actions, no state (parse/sh_parser.cpp
// holds the actions; it also skips heredoc bodies after a newline, which needs
// state, by overriding the match of `newline`).
//
// Structure (POSIX.1-2017 XCU 2.10, simplified where it does not change what a
// command is): a script is a list of and-or lists separated by `;`, `&` or
// newlines; an and-or list is pipelines joined by `&&` / `||`; a pipeline is
// commands joined by `|` / `|&`, optionally negated with `!`; a command is a
// function definition, a compound command (`{ }`, `( )`, `(( ))`, `[[ ]]`,
// if, for, while, until, case, bash's select) with redirections, bash's
// `coproc` before a command, or a simple command
// (assignments, words and redirections). Words hold quotes ('...', "...",
// $'...'), escapes, parameter expansion ($N, ${...}), command substitution
// ($(...) parsed as a nested script, `...` parsed by the parser), arithmetic
// ($((...))) and process substitution (<(...), >(...)).
//
// Deliberately permissive where sh is strict and it does not matter for
// facts: empty lists (`if then fi`), stray `;`, commands following a compound
// command without a separator, and bash arrays `a=(x y)` (read as an
// assignment followed by a subshell) are accepted.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::sh {

using namespace tao::pegtl;

// ---- lexical ----------------------------------------------------------------

/// A newline: separates commands; pending heredoc bodies start after it.
struct newline : one< '\n' > {};
struct continuation : seq< one< '\\' >, opt< one< '\r' > >, one< '\n' > > {};
struct blank : sor< one< ' ', '\t', '\r', '\v', '\f' >, continuation > {};
struct comment : seq< one< '#' >, star< not_one< '\n' > > > {};
/// Blanks and a comment within a command.
struct sp : star< sor< blank, comment > > {};
/// Blanks, comments and newlines.
struct linebreak : star< sor< blank, comment, newline > > {};

/// What ends a word or a reserved word.
struct delimiter : sor< one< ' ', '\t', '\r', '\n', '\v', '\f', ';', '&', '|', '(', ')', '<', '>' >, eof > {};
struct name : seq< ranges< 'a', 'z', 'A', 'Z', '_' >, star< ranges< 'a', 'z', 'A', 'Z', '0', '9', '_' > > > {};

template< char... Cs > struct kw : seq< string< Cs... >, at< delimiter > > {};
struct kw_if : kw< 'i', 'f' > {};
struct kw_then : kw< 't', 'h', 'e', 'n' > {};
struct kw_elif : kw< 'e', 'l', 'i', 'f' > {};
struct kw_else : kw< 'e', 'l', 's', 'e' > {};
struct kw_fi : kw< 'f', 'i' > {};
struct kw_do : kw< 'd', 'o' > {};
struct kw_done : kw< 'd', 'o', 'n', 'e' > {};
struct kw_case : kw< 'c', 'a', 's', 'e' > {};
struct kw_esac : kw< 'e', 's', 'a', 'c' > {};
struct kw_in : kw< 'i', 'n' > {};
struct kw_for : kw< 'f', 'o', 'r' > {};
struct kw_while : kw< 'w', 'h', 'i', 'l', 'e' > {};
struct kw_until : kw< 'u', 'n', 't', 'i', 'l' > {};
struct kw_function : kw< 'f', 'u', 'n', 'c', 't', 'i', 'o', 'n' > {};
struct kw_select : kw< 's', 'e', 'l', 'e', 'c', 't' > {};
struct kw_coproc : kw< 'c', 'o', 'p', 'r', 'o', 'c' > {};
struct kw_lbrace : kw< '{' > {};
struct kw_rbrace : kw< '}' > {};
struct kw_bang : kw< '!' > {};
struct kw_dbl_lbracket : kw< '[', '[' > {};
struct kw_dbl_rbracket : kw< ']', ']' > {};
/// Words that cannot start a simple command.
struct reserved : sor< kw_if, kw_then, kw_elif, kw_else, kw_fi, kw_do, kw_done, kw_case, kw_esac, kw_for, kw_while,
                       kw_until, kw_select, kw_coproc, kw_function, kw_lbrace, kw_rbrace, kw_bang, kw_dbl_lbracket > {};

// ---- words ------------------------------------------------------------------

struct compound_list;
struct dollar_expansion;

struct escape : seq< one< '\\' >, opt< any > > {};
struct single_quoted_rest : until< one< '\'' > > {};
struct single_quoted : if_must< one< '\'' >, single_quoted_rest > {};
struct ansi_c_quoted_rest : until< one< '\'' >, sor< seq< one< '\\' >, any >, any > > {};
struct ansi_c_quoted : if_must< string< '$', '\'' >, ansi_c_quoted_rest > {};
/// Backquoted command substitution; the parser parses its (unescaped) text as a nested script.
struct backquoted_rest : until< one< '`' >, sor< seq< one< '\\' >, any >, any > > {};
struct backquoted : if_must< one< '`' >, backquoted_rest > {};
struct double_quoted;
struct double_quoted_rest : until< one< '"' >, sor< seq< one< '\\' >, any >, dollar_expansion, backquoted, any > > {};
struct double_quoted : if_must< one< '"' >, double_quoted_rest > {};

struct special_parameter : one< '@', '*', '#', '?', '-', '$', '!', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' > {};
/// `$NAME`, `$1`, `$?`.
struct parameter : seq< one< '$' >, sor< name, special_parameter > > {};
struct braced_parameter_rest : until< one< '}' >, sor< seq< one< '\\' >, any >, double_quoted, dollar_expansion, backquoted, any > > {};
/// `${NAME}`, `${NAME%%[a-z]*}`, `${#NAME}`, `${!NAME}`, ...
struct braced_parameter : if_must< string< '$', '{' >, braced_parameter_rest > {};
struct arithmetic_parens : seq< one< '(' >, star< sor< arithmetic_parens, not_one< '(', ')' > > >, one< ')' > > {};
/// `$(( expression ))`; `$( (subshell) )` when the parentheses do not close as `))`.
struct arithmetic_expansion : seq< string< '$', '(', '(' >, star< sor< arithmetic_parens, not_one< '(', ')' > > >, string< ')', ')' > > {};
struct substitution_close : one< ')' > {};
/// `$( script )`.
struct command_substitution : if_must< string< '$', '(' >, compound_list, substitution_close > {};
struct dollar_expansion : sor< arithmetic_expansion, command_substitution, braced_parameter, parameter > {};

struct plain : plus< not_one< ' ', '\t', '\r', '\n', '\v', '\f', ';', '&', '|', '(', ')', '<', '>', '\'', '"', '`', '\\', '$' > > {};
struct word_part : sor< plain, single_quoted, double_quoted, ansi_c_quoted, dollar_expansion, backquoted, escape, one< '$' > > {};
struct word : plus< word_part > {};

/// `<( script )` and `>( script )` (bash).
struct process_substitution : if_must< seq< one< '<', '>' >, one< '(' > >, compound_list, substitution_close > {};

// ---- redirections -----------------------------------------------------------

struct io_number : seq< plus< digit >, at< one< '<', '>' > > > {};
struct heredoc_operator : sor< string< '<', '<', '-' >, seq< string< '<', '<' >, not_at< one< '<' > > > > {};
/// The delimiter word of a heredoc; its body follows the next newline.
struct heredoc_delimiter : word {};
struct heredoc_redirection : seq< opt< io_number >, heredoc_operator, star< blank >, must< heredoc_delimiter > > {};
struct redirection_operator : sor< string< '<', '<', '<' >, string< '>', '>' >, string< '<', '&' >, string< '>', '&' >,
                                   string< '<', '>' >, string< '>', '|' >, string< '&', '>', '>' >, string< '&', '>' >,
                                   one< '<', '>' > > {};
/// A file, fd, or (bash) a process substitution: `done < <(find .)`.
struct redirection_target : sor< process_substitution, word > {};
struct file_redirection : seq< opt< io_number >, redirection_operator, star< blank >, must< redirection_target > > {};
struct redirection : sor< heredoc_redirection, file_redirection > {};

// ---- commands ---------------------------------------------------------------

/// A word of a simple command (assignments included; the parser tells them apart).
struct command_word : word {};
struct process_substitution_word : process_substitution {};
/// `NAME=( word... )` and `NAME+=( ... )` (bash arrays): one word of the simple command.
/// Committed once `NAME=(` is read (no re-parse of the elements as a subshell).
struct array_close : one< ')' > {};
struct array_assignment_word : if_must< seq< name, opt< one< '+' > >, string< '=', '(' > >,
                                        star< sor< blank, comment, newline, word > >, array_close > {};
struct simple_command : seq< not_at< reserved >, plus< sor< process_substitution_word, redirection, array_assignment_word, command_word >, sp > > {};

struct brace_group : if_must< kw_lbrace, compound_list, kw_rbrace > {};
struct subshell_close : one< ')' > {};
struct subshell : if_must< one< '(' >, compound_list, subshell_close > {};
/// `(( expression ))` (bash).
struct arithmetic_command : seq< string< '(', '(' >, star< sor< arithmetic_parens, not_one< '(', ')' > > >, string< ')', ')' > > {};
/// `[[ expression ]]` (bash): its words are read as plain text.
struct test_expression_rest : until< kw_dbl_rbracket, sor< single_quoted, double_quoted, dollar_expansion, backquoted, escape, any > > {};
struct test_command : if_must< kw_dbl_lbracket, test_expression_rest > {};

struct if_clause : if_must< kw_if, compound_list, kw_then, compound_list,
                            star< kw_elif, must< compound_list, kw_then, compound_list > >,
                            opt< kw_else, compound_list >, kw_fi > {};
struct loop_body : seq< kw_do, compound_list, must< kw_done > > {};
struct while_clause : if_must< sor< kw_while, kw_until >, compound_list, loop_body > {};
/// The loop variable of `for NAME in ...`.
struct for_name : name {};
struct for_word : word {};
/// `for NAME [in WORDS]; do ...; done`, `for ((...)); do ...; done` and bash's
/// `select NAME [in WORDS]; do ...; done` (the same shape; the loop sets NAME from WORDS).
struct for_clause : if_must< sor< kw_for, kw_select >, star< blank >,
                             sor< arithmetic_command,
                                  seq< for_name, linebreak, opt< kw_in, star< star< blank >, for_word > > > >,
                             sp, opt< one< ';' > >, linebreak, loop_body > {};
struct case_pattern : word {};
struct case_item_end : sor< string< ';', ';', '&' >, string< ';', ';' >, string< ';', '&' > > {};
struct case_pattern_close : one< ')' > {};
struct case_item : seq< opt< one< '(' > >, sp, not_at< kw_esac >, case_pattern, star< sp, one< '|' >, sp, must< case_pattern > >, sp,
                        must< case_pattern_close >, compound_list, opt< case_item_end >, linebreak > {};
struct case_clause : if_must< kw_case, star< blank >, word, linebreak, kw_in, linebreak, star< case_item >, kw_esac > {};

struct compound_command : sor< brace_group, arithmetic_command, subshell, test_command, if_clause, for_clause, while_clause, case_clause > {};
struct function_name : plus< not_one< ' ', '\t', '\r', '\n', '\v', '\f', ';', '&', '|', '(', ')', '<', '>', '\'', '"', '`', '\\', '$', '=' > > {};
/// `name() compound-command` and `function name [()] compound-command`.
struct function_definition : sor< seq< kw_function, star< blank >, must< function_name >, star< blank >,
                                       opt< one< '(' >, star< blank >, one< ')' > >, linebreak, must< compound_command > >,
                                  seq< function_name, star< blank >, one< '(' >, star< blank >, one< ')' >, linebreak,
                                       must< compound_command > > > {};

struct redirected_compound : seq< compound_command, sp, star< redirection, sp > > {};
/// bash's `coproc [NAME] compound-command` and `coproc simple-command`: the command runs
/// as it would without `coproc` (a NAME is only read before a compound command).
struct coproc_name : name {};
struct coproc_body : sor< seq< coproc_name, plus< blank >, at< compound_command >, redirected_compound >,
                          redirected_compound, simple_command > {};
struct coproc_command : if_must< kw_coproc, star< blank >, coproc_body > {};
struct command : sor< function_definition, coproc_command, redirected_compound, simple_command > {};
struct pipe_operator : sor< string< '|', '&' >, seq< one< '|' >, not_at< one< '|' > > > > {};
struct pipeline : seq< opt< kw_bang, sp >, command, sp, star< pipe_operator, linebreak, must< command >, sp > > {};
struct and_or_operator : sor< string< '&', '&' >, string< '|', '|' > > {};
struct and_or : seq< pipeline, star< and_or_operator, linebreak, must< pipeline > > > {};
struct list_separator : sor< seq< one< ';' >, not_at< one< ';', '&' > > >, seq< one< '&' >, not_at< one< '&', '>' > > > > {};
/// Any number of and-or lists with their separators (possibly none).
struct compound_list : star< sor< blank, comment, newline, list_separator, and_or > > {};
struct end_of_script : eof {};
struct script : seq< compound_list, must< end_of_script > > {};

}  // namespace strata::grammar::sh
// clang-format on
