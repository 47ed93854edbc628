// PEGTL grammar for PowerShell as RUN bodies use it (a Dockerfile `SHELL
// ["powershell", "-Command", ...]` body, continuation lines already joined).
// Pure grammar: no actions, no state, no strata types. Top rule: `script`.
//
// The language subset: statements separated by `;` and newlines; pipelines and
// `&&`/`||` chains; commands in argument mode (cmdlets, native commands, `&` and
// `.` invocation, `-Name`, `-Name:value`, `--%`, redirections); expressions
// (variables, the four string kinds, numbers, `$(...)`, `@(...)`, `@{...}`,
// `(...)`, script blocks, `[Type]`, casts, member access, method calls, index,
// unary and binary operators, `,` arrays); assignments; `if`, `while`, `do`,
// `for`, `foreach`, `switch`, `try`/`catch`/`finally`, `trap`, `function`,
// `filter`, `param`, `throw`, `return`, `exit`, `break`, `continue`; `#` and
// `<# #>` comments and backtick line continuations.
//
// Not covered: classes and enums, labels (`:outer while`), `data` sections,
// `begin`/`process`/`end` blocks (they parse as commands taking a script
// block), typographic quotes and dashes.
//
// Commit points: every bracket and string, once opened, must close (must<>), and
// a keyword statement, once its keyword is seen, must be complete. Each
// alternative that can fail after an opener is therefore never re-parsed, which
// keeps the parse linear on nested input.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::powershell {

using namespace tao::pegtl;

// ---- Blanks, comments, continuation ------------------------------------------
struct newline : one< '\n' > {};
struct blank : one< ' ', '\t', '\r', '\f', '\v' > {};
/// A backtick at the end of a line (or of the body) joins the next line.
struct line_continuation : seq< one< '`' >, opt< one< '\r' > >, sor< newline, eof > > {};
struct block_comment_body : until< string< '#', '>' > > {};
struct block_comment : seq< string< '<', '#' >, must< block_comment_body > > {};
struct line_comment : seq< one< '#' >, star< not_one< '\n' > > > {};
/// Whitespace inside a line (comments included; a `#` comment stops before the newline).
struct space : sor< blank, line_continuation, block_comment, line_comment > {};
struct ws : star< space > {};
/// Whitespace including newlines.
struct nl_ws : star< sor< space, newline > > {};

struct name_char : sor< alnum, one< '_' >, range< '\x80', '\xff' > > {};
/// What may not follow a keyword (`foreach` in `ForEach-Object`, `if` in `iffy.exe`).
struct keyword_end : not_at< sor< name_char, one< '-', '.', '\\', '/', ':' > > > {};
template< typename Word > struct keyword : seq< Word, keyword_end > {};

struct kw_if : istring< 'i', 'f' > {};
struct kw_elseif : istring< 'e', 'l', 's', 'e', 'i', 'f' > {};
struct kw_else : istring< 'e', 'l', 's', 'e' > {};
struct kw_foreach : istring< 'f', 'o', 'r', 'e', 'a', 'c', 'h' > {};
struct kw_for : istring< 'f', 'o', 'r' > {};
struct kw_in : istring< 'i', 'n' > {};
struct kw_while : istring< 'w', 'h', 'i', 'l', 'e' > {};
struct kw_until : istring< 'u', 'n', 't', 'i', 'l' > {};
struct kw_do : istring< 'd', 'o' > {};
struct kw_switch : istring< 's', 'w', 'i', 't', 'c', 'h' > {};
struct kw_try : istring< 't', 'r', 'y' > {};
struct kw_catch : istring< 'c', 'a', 't', 'c', 'h' > {};
struct kw_finally : istring< 'f', 'i', 'n', 'a', 'l', 'l', 'y' > {};
struct kw_trap : istring< 't', 'r', 'a', 'p' > {};
struct kw_function : istring< 'f', 'u', 'n', 'c', 't', 'i', 'o', 'n' > {};
struct kw_filter : istring< 'f', 'i', 'l', 't', 'e', 'r' > {};
struct kw_param : istring< 'p', 'a', 'r', 'a', 'm' > {};
struct kw_throw : istring< 't', 'h', 'r', 'o', 'w' > {};
struct kw_return : istring< 'r', 'e', 't', 'u', 'r', 'n' > {};
struct kw_exit : istring< 'e', 'x', 'i', 't' > {};
struct kw_break : istring< 'b', 'r', 'e', 'a', 'k' > {};
struct kw_continue : istring< 'c', 'o', 'n', 't', 'i', 'n', 'u', 'e' > {};

struct close_paren : one< ')' > {};
struct close_brace : one< '}' > {};
struct close_bracket : one< ']' > {};

// ---- Variables -----------------------------------------------------------------
struct variable_name : plus< name_char > {};
struct braced_variable_body : seq< star< sor< seq< one< '`' >, any >, not_one< '}' > > >, one< '}' > > {};
/// `$name`, `$scope:name` (`$env:PATH`), `${any name}`, `$?`, `$^`, `$$`.
struct variable : sor< seq< string< '$', '{' >, must< braced_variable_body > >,
                       seq< one< '$' >, variable_name, opt< one< ':' >, variable_name > >,
                       seq< one< '$' >, one< '?', '^', '$' > > > {};
/// What starts a variable or a sub-expression after `$`.
struct dollar_start : seq< one< '$' >, sor< name_char, one< '{', '(', '?', '^', '$' > > > {};
/// `@name` (splatting), in argument mode.
struct splat : seq< one< '@' >, variable_name > {};

// ---- Strings -------------------------------------------------------------------
struct sq_body : seq< star< sor< string< '\'', '\'' >, not_one< '\'' > > >, one< '\'' > > {};
/// '...' with '' for a quote.
struct sq_string : seq< one< '\'' >, must< sq_body > > {};
struct escape : seq< one< '`' >, any > {};
struct subexpression;
struct dq_body : seq< star< sor< escape, string< '"', '"' >, subexpression, variable, not_one< '"' > > >, one< '"' > > {};
/// "..." with backtick escapes, "" for a quote, and `$var` / `$(...)` expansions.
struct dq_string : seq< one< '"' >, must< dq_body > > {};
struct here_sq_open : seq< string< '@', '\'' >, star< blank >, newline > {};
struct here_sq_body : sor< string< '\'', '@' >, until< seq< newline, string< '\'', '@' > > > > {};
/// @'<newline>...<newline>'@
struct here_sq_string : seq< here_sq_open, must< here_sq_body > > {};
struct here_dq_open : seq< string< '@', '"' >, star< blank >, newline > {};
struct here_dq_body : sor< string< '"', '@' >, until< seq< newline, string< '"', '@' > >, sor< escape, subexpression, variable, any > > > {};
/// @"<newline>...<newline>"@ with expansions.
struct here_dq_string : seq< here_dq_open, must< here_dq_body > > {};

// ---- Numbers -------------------------------------------------------------------
struct decimal_number : seq< plus< digit >, opt< one< '.' >, plus< digit > >, opt< one< 'e', 'E' >, opt< one< '+', '-' > >, plus< digit > > > {};
struct hex_number : seq< one< '0' >, one< 'x', 'X' >, plus< xdigit > > {};
struct number_multiplier : sor< istring< 'k', 'b' >, istring< 'm', 'b' >, istring< 'g', 'b' >, istring< 't', 'b' >, istring< 'p', 'b' > > {};
struct number : seq< sor< hex_number, decimal_number >, opt< one< 'l', 'L', 'd', 'D' > >, opt< number_multiplier >, not_at< name_char > > {};

// ---- Operators -----------------------------------------------------------------
struct operator_end : not_at< name_char > {};
/// Comparison operators, which take a `c` (case-sensitive) or `i` prefix.
struct comparison_name : sor< istring< 'e', 'q' >, istring< 'n', 'e' >, istring< 'g', 't' >, istring< 'g', 'e' >, istring< 'l', 't' >,
                              istring< 'l', 'e' >, istring< 'l', 'i', 'k', 'e' >, istring< 'n', 'o', 't', 'l', 'i', 'k', 'e' >,
                              istring< 'm', 'a', 't', 'c', 'h' >, istring< 'n', 'o', 't', 'm', 'a', 't', 'c', 'h' >,
                              istring< 'c', 'o', 'n', 't', 'a', 'i', 'n', 's' >, istring< 'n', 'o', 't', 'c', 'o', 'n', 't', 'a', 'i', 'n', 's' >,
                              istring< 'i', 'n' >, istring< 'n', 'o', 't', 'i', 'n' >, istring< 'r', 'e', 'p', 'l', 'a', 'c', 'e' >,
                              istring< 's', 'p', 'l', 'i', 't' > > {};
struct word_operator_name : sor< istring< 'i', 's', 'n', 'o', 't' >, istring< 'i', 's' >, istring< 'a', 's' >, istring< 'f' >,
                                 istring< 'j', 'o', 'i', 'n' >, istring< 'a', 'n', 'd' >, istring< 'o', 'r' >, istring< 'x', 'o', 'r' >,
                                 istring< 'b', 'a', 'n', 'd' >, istring< 'b', 'o', 'r' >, istring< 'b', 'x', 'o', 'r' >,
                                 istring< 's', 'h', 'l' >, istring< 's', 'h', 'r' > > {};
struct dash_operator : seq< one< '-' >, sor< seq< comparison_name, operator_end >,
                                            seq< one< 'c', 'i', 'C', 'I' >, comparison_name, operator_end >,
                                            seq< word_operator_name, operator_end > > > {};
struct arithmetic_operator : seq< one< '+', '-', '*', '/', '%' >, not_at< one< '=' > > > {};
/// Binary operators of an argument expression (no `,`).
struct argument_operator : sor< dash_operator, string< '.', '.' >, arithmetic_operator > {};
/// Binary operators of an expression (`,` builds arrays).
struct binary_operator : sor< dash_operator, string< '.', '.' >, arithmetic_operator, one< ',' > > {};
struct unary_word_operator : seq< one< '-' >, sor< istring< 'n', 'o', 't' >, istring< 'b', 'n', 'o', 't' >, istring< 's', 'p', 'l', 'i', 't' >,
                                                   istring< 'j', 'o', 'i', 'n' > >, operator_end > {};
struct prefix_operator : sor< one< '!' >, unary_word_operator, string< '+', '+' >, string< '-', '-' >, one< '-', '+', ',' > > {};
struct assignment_operator : sor< seq< one< '=' >, not_at< one< '=' > > >, string< '+', '=' >, string< '-', '=' >, string< '*', '=' >,
                                  string< '/', '=' >, string< '%', '=' >, string< '?', '?', '=' > > {};

// ---- Types ---------------------------------------------------------------------
struct type_name_char : sor< name_char, one< '.', '`', '+', '#' > > {};
/// `[...]` inside a type name: generic arguments, array ranks (`[string[]]`, `[List[int]]`).
struct type_bracket : seq< one< '[' >, star< sor< type_bracket, type_name_char, one< ',', ' ', '\t' > > >, must< close_bracket > > {};
struct argument_expression;
struct attribute_argument : sor< seq< variable_name, ws, one< '=' >, not_at< one< '=' > >, nl_ws, argument_expression >, argument_expression, variable_name > {};
/// `(...)` of an attribute: `[Parameter(Mandatory = $true)]`.
struct attribute_arguments : seq< one< '(' >, nl_ws, opt< list< attribute_argument, seq< nl_ws, one< ',' >, nl_ws > > >, nl_ws, must< close_paren > > {};
/// `[Type]`, `[System.Collections.Generic.List[string]]`, `[Parameter(...)]`.
struct type_literal : seq< one< '[' >, ws, plus< type_name_char >, star< type_bracket >, ws, opt< attribute_arguments >, ws, must< close_bracket > > {};

// ---- Expressions -----------------------------------------------------------------
struct statement;
struct statement_list;
/// `( statement )`
struct paren_expression : seq< one< '(' >, nl_ws, opt< statement >, nl_ws, must< close_paren > > {};
/// `$( statements )`
struct subexpression : seq< string< '$', '(' >, statement_list, must< close_paren > > {};
/// `@( statements )`
struct array_expression : seq< string< '@', '(' >, statement_list, must< close_paren > > {};
/// `{ statements }`
struct script_block : seq< one< '{' >, statement_list, must< close_brace > > {};
struct hash_key : sor< sq_string, dq_string, variable, paren_expression,
                       plus< not_one< ' ', '\t', '\r', '\n', '=', ';', '{', '}', '(', ')', '\'', '"', '$', '#', '`' > > > {};
struct hash_equals : one< '=' > {};
struct hash_value : seq< statement > {};
struct hash_entry : seq< hash_key, ws, must< hash_equals >, nl_ws, must< hash_value > > {};
/// `@{ key = value; ... }`
struct hashtable : seq< string< '@', '{' >, star< sor< one< ';' >, newline, space, hash_entry > >, must< close_brace > > {};

struct primary : sor< subexpression, variable, sq_string, here_sq_string, here_dq_string, dq_string, number,
                      array_expression, hashtable, paren_expression, script_block > {};

struct member_name : sor< variable_name, sq_string, dq_string, variable > {};
/// `(args)` of a method call, directly after the member name.
struct invocation : seq< one< '(' >, nl_ws, opt< list< argument_expression, seq< nl_ws, one< ',' >, nl_ws > > >, nl_ws, must< close_paren > > {};
/// `.Name`, `::Name`, optionally called: `.Name(args)`.
struct member_access : seq< sor< string< ':', ':' >, one< '.' > >, member_name, opt< invocation > > {};
struct expression;
struct index_value : seq< expression > {};
/// `[expr]` directly after an expression.
struct index : seq< one< '[' >, nl_ws, must< index_value >, nl_ws, must< close_bracket > > {};
struct postfix_operator : sor< member_access, index, string< '+', '+' >, string< '-', '-' > > {};
struct unary_expression;
/// The operand of a cast: `[int]$x`.
struct cast_operand : seq< ws, unary_expression > {};
struct postfix_expression : sor< seq< type_literal, sor< seq< member_access, star< postfix_operator > >, opt< cast_operand > > >,
                                 seq< primary, star< postfix_operator > > > {};
struct unary_expression : seq< star< prefix_operator, ws >, postfix_expression > {};
struct binary_operand : seq< unary_expression > {};
/// Operands and binary operators, flat (precedence is left to the reader of the tree).
struct expression : seq< unary_expression, star< ws, binary_operator, nl_ws, must< binary_operand > > > {};
/// An expression without top-level `,`: a method or attribute argument, a default value.
struct argument_expression : seq< unary_expression, star< ws, argument_operator, nl_ws, must< binary_operand > > > {};

// ---- Commands ------------------------------------------------------------------
/// Argument words that start as an expression (then take `.Member`, `[i]`, `(...)`).
struct argument_head_start : sor< dollar_start, string< '@', '(' >, string< '@', '{' >, here_sq_open, here_dq_open, one< '(', '\'', '"' > > {};
struct argument_head : seq< at< argument_head_start >, postfix_expression > {};
struct generic_char : sor< seq< one< '$' >, not_at< sor< name_char, one< '{', '(', '?', '^', '$' > > > >,
                           not_one< ' ', '\t', '\r', '\n', '\f', '\v', ';', '|', '&', '(', ')', '{', '}', ',', '\'', '"', '`', '$', '<', '>' > > {};
struct argument_escape : seq< one< '`' >, not_at< opt< one< '\r' > >, newline >, any > {};
struct argument_part : sor< sq_string, here_sq_string, here_dq_string, dq_string, subexpression, variable, argument_escape, plus< generic_char > > {};
/// A command-mode word: a bareword with embedded quotes and variables (`C:/$env:zip`),
/// or an expression head (`$x.Name`, `(Get-Item x)`, `'a b'`) followed by more parts.
struct argument_word : seq< sor< argument_head, splat, argument_part >, star< argument_part > > {};
struct parameter_char : not_one< ' ', '\t', '\r', '\n', '\f', '\v', ':', ';', '|', '&', '(', ')', '{', '}', ',', '\'', '"', '`', '$', '<', '>', '@' > {};
/// `-Name`, `-Name:value`.
struct parameter : seq< one< '-' >, sor< alpha, one< '_', '?' > >, star< parameter_char >, opt< one< ':' >, opt< argument_word > > > {};
/// `--%`: the rest of the line is passed as is.
struct verbatim_arguments : seq< string< '-', '-', '%' >, star< not_one< '\n', '|' > > > {};
struct redirection_stream : one< '*', '1', '2', '3', '4', '5', '6' > {};
struct redirection_fd : one< '1', '2' > {};
struct redirection_target : seq< argument_word > {};
/// `2>&1`, `*>&1`, `>`, `>>`, `2>`, `*> $null`.
struct redirection : sor< seq< opt< redirection_stream >, one< '>' >, one< '&' >, redirection_fd >,
                          seq< opt< redirection_stream >, sor< string< '>', '>' >, one< '>' > >, ws, must< redirection_target > > > {};
struct argument_separator : seq< one< ',' >, nl_ws > {};
struct command_argument : sor< script_block, argument_word > {};
struct command_element : sor< redirection, verbatim_arguments, parameter, argument_separator, command_argument > {};
/// `&` (call) and `.` (dot-source) before the command.
struct call_operator : sor< seq< one< '&' >, not_at< one< '&' > > >, seq< one< '.' >, at< sor< blank, line_continuation, one< '{' > > > > > {};
struct command_target : seq< command_argument > {};
/// A command call: name (or `&`/`.` and a target) and its elements.
struct command : seq< sor< seq< call_operator, ws, must< command_target > >, argument_word >, star< ws, command_element > > {};

// ---- Pipelines and statements --------------------------------------------------
/// What starts a pipeline element in expression mode (otherwise it is a command).
struct expression_start : sor< dollar_start, string< '@', '(' >, string< '@', '{' >, here_sq_open, here_dq_open,
                               one< '\'', '"', '(', '[', '!', '{', ',' >, number,
                               seq< one< '-' >, digit >, unary_word_operator,
                               seq< sor< string< '+', '+' >, string< '-', '-' > >, one< '$' > > > {};
struct assignment_rhs : seq< statement > {};
/// An expression, possibly assigned to (`$x = statement`), and its redirections.
struct expression_element : seq< at< expression_start >, must< expression >, opt< ws, assignment_operator, nl_ws, must< assignment_rhs > >,
                                 star< ws, redirection > > {};
struct pipeline_element : sor< expression_element, command > {};
struct piped_element : seq< pipeline_element > {};
struct pipe : seq< one< '|' >, not_at< one< '|' > > > {};
struct pipeline : seq< pipeline_element, star< ws, pipe, nl_ws, must< piped_element > > > {};
struct chain_operator : sor< string< '&', '&' >, string< '|', '|' > > {};
struct chained_pipeline : seq< pipeline > {};
struct pipeline_chain : seq< pipeline, star< ws, chain_operator, nl_ws, must< chained_pipeline > > > {};

struct condition_pipeline : seq< pipeline_chain > {};
/// `( pipeline )` after if, elseif, while, switch, do-while/until.
struct condition : seq< one< '(' >, nl_ws, must< condition_pipeline >, nl_ws, must< close_paren > > {};
struct if_body : seq< script_block > {};
struct else_body : seq< script_block > {};
struct if_statement : seq< keyword< kw_if >, ws, must< condition >, nl_ws, must< if_body >,
                           star< nl_ws, keyword< kw_elseif >, ws, must< condition >, nl_ws, must< if_body > >,
                           opt< nl_ws, keyword< kw_else >, nl_ws, must< else_body > > > {};
struct loop_body : seq< script_block > {};
struct while_statement : seq< keyword< kw_while >, ws, must< condition >, nl_ws, must< loop_body > > {};
struct do_condition : seq< sor< keyword< kw_while >, keyword< kw_until > >, ws, must< condition > > {};
struct do_statement : seq< keyword< kw_do >, nl_ws, must< loop_body >, nl_ws, must< do_condition > > {};
struct loop_variable : seq< variable > {};
struct in_keyword : keyword< kw_in > {};
/// `($item in pipeline)`
struct foreach_header : seq< one< '(' >, nl_ws, must< loop_variable >, nl_ws, must< in_keyword >, nl_ws, must< condition_pipeline >, nl_ws, must< close_paren > > {};
struct foreach_statement : seq< keyword< kw_foreach >, ws, star< one< '-' >, plus< alpha >, ws >, must< foreach_header >, nl_ws, must< loop_body > > {};
/// `(init; condition; step)`, each part optional.
struct for_header : seq< one< '(' >, nl_ws, opt< pipeline_chain >, nl_ws, opt< one< ';' > >, nl_ws, opt< pipeline_chain >, nl_ws,
                         opt< one< ';' > >, nl_ws, opt< pipeline_chain >, nl_ws, must< close_paren > > {};
struct for_statement : seq< keyword< kw_for >, ws, must< for_header >, nl_ws, must< loop_body > > {};
struct switch_option : seq< one< '-' >, plus< alpha > > {};
struct switch_subject : sor< condition, command_argument > {};
struct clause_body : seq< script_block > {};
struct switch_clause : seq< command_argument, ws, must< clause_body > > {};
struct switch_body : seq< one< '{' >, star< sor< one< ';' >, newline, space, switch_clause > >, must< close_brace > > {};
struct switch_statement : seq< keyword< kw_switch >, ws, star< switch_option, ws >, must< switch_subject >, nl_ws, must< switch_body > > {};
struct try_body : seq< script_block > {};
struct catch_types : list< type_literal, seq< nl_ws, one< ',' >, nl_ws > > {};
struct catch_clause : seq< keyword< kw_catch >, ws, opt< catch_types >, nl_ws, must< try_body > > {};
struct finally_clause : seq< keyword< kw_finally >, nl_ws, must< try_body > > {};
struct try_handlers : sor< seq< plus< nl_ws, catch_clause >, opt< nl_ws, finally_clause > >, seq< nl_ws, finally_clause > > {};
struct try_statement : seq< keyword< kw_try >, nl_ws, must< try_body >, must< try_handlers > > {};
struct trap_statement : seq< keyword< kw_trap >, ws, opt< type_literal >, nl_ws, must< try_body > > {};
struct function_name : plus< not_one< ' ', '\t', '\r', '\n', '(', ')', '{', '}', ';' > > {};
struct parameter_variable : seq< variable > {};
struct parameter_default : seq< argument_expression > {};
struct parameter_declaration : seq< star< type_literal, nl_ws >, parameter_variable, opt< ws, one< '=' >, nl_ws, must< parameter_default > > > {};
/// `( [type]$name = default, ... )` of `param` and `function Name(...)`.
struct parameter_list : seq< one< '(' >, nl_ws, opt< list< parameter_declaration, seq< nl_ws, one< ',' >, nl_ws > > >, nl_ws, must< close_paren > > {};
struct function_body : seq< script_block > {};
struct function_statement : seq< sor< keyword< kw_function >, keyword< kw_filter > >, ws, must< function_name >, ws, opt< parameter_list >, nl_ws,
                                 must< function_body > > {};
struct param_block : seq< keyword< kw_param >, ws, must< parameter_list > > {};
struct loop_label : plus< name_char > {};
struct flow_statement : sor< seq< sor< keyword< kw_throw >, keyword< kw_return >, keyword< kw_exit > >, opt< ws, pipeline_chain > >,
                             seq< sor< keyword< kw_break >, keyword< kw_continue > >, opt< ws, loop_label > > > {};

/// Keyword statements: they end with a block (or `)`), and the next statement may follow on the same line.
struct keyword_statement : sor< if_statement, foreach_statement, for_statement, while_statement, do_statement, switch_statement, try_statement,
                                trap_statement, function_statement, param_block > {};
struct statement : sor< keyword_statement, flow_statement, pipeline_chain > {};
/// After a pipeline: only a separator or a closing bracket.
struct statement_end : seq< ws, at< sor< one< ';', '\n', ')', '}' >, eof > > > {};
struct statement_list : star< sor< one< ';' >, newline, space, keyword_statement, seq< sor< flow_statement, pipeline_chain >, must< statement_end > > > > {};
struct end_of_script : eof {};
/// A whole RUN body.
struct script : seq< statement_list, must< end_of_script > > {};

}  // namespace strata::grammar::powershell
// clang-format on
