// PEGTL grammar of the Dockerfile language as BuildKit's parser reads it
// (moby/buildkit frontend/dockerfile/parser; reference notes in
// shared/docs/buildkit-grammar.md). Pure grammar: no actions, no state, no
// strata types. The escape character is a template parameter (`\` or `` ` ``,
// chosen by the `# escape=` parser directive).
//
// Two levels, as in BuildKit:
//  * the physical level (`item<E>`): blank lines, comment lines and logical
//    lines, where a logical line is a first line plus its continuation lines;
//  * the instruction level (`instruction_line<E>`), run on the joined text of a
//    logical line: the instruction name, `--flags`, then the arguments.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/json.hpp>

namespace strata::grammar::dockerfile {

using namespace tao::pegtl;

// ---- characters ----------------------------------------------------------
struct blank : one< ' ', '\t' > {};                        // what may follow an escape before a continuation
struct space : one< ' ', '\t', '\v', '\f', '\r' > {};      // BuildKit's reWhitespace
struct newline : seq< star< one< '\r' > >, one< '\n' > > {};
struct line_end : sor< newline, seq< star< one< '\r' > >, eof > > {};
struct bom : TAO_PEGTL_STRING( "\xEF\xBB\xBF" ) {};

// ---- parser directives (`# key=value` lines at the top) -------------------
struct directive_key : seq< alpha, star< alnum > > {};
struct directive_value : plus< not_at< star< space >, line_end >, not_one< '\n' > > {};
struct directive_line : seq< star< space >, one< '#' >, star< space >, directive_key, star< space >, one< '=' >,
                             star< space >, directive_value, star< space >, line_end > {};

// ---- physical lines ------------------------------------------------------
/// A run of two or more escape characters is never a continuation.
template< char E > struct escape_run : seq< one< E >, plus< one< E > > > {};
/// A single escape followed only by blanks up to the line end: the line continues.
template< char E > struct continuation_marker : seq< one< E >, star< blank >, at< line_end > > {};
template< char E > struct line_char : sor< escape_run< E >,
                                           seq< one< E >, not_at< star< blank >, line_end > >,
                                           not_one< '\n', E > > {};
/// The text of one physical line up to a continuation marker or the newline.
template< char E > struct line_text : star< line_char< E > > {};

struct comment_text : star< not_one< '\n' > > {};
struct comment_line : seq< star< space >, one< '#' >, comment_text, line_end > {};
struct blank_line : sor< seq< star< space >, one< '\n' > >, seq< plus< space >, eof > > {};

/// A comment or whitespace-only line inside a continuation: dropped from the instruction.
struct continuation_comment : seq< star< space >, one< '#' >, comment_text, newline > {};
struct empty_continuation_line : seq< star< space >, newline > {};
template< char E > struct continuation : seq< continuation_marker< E >, line_end,
                                              star< sor< continuation_comment, empty_continuation_line > >,
                                              line_text< E > > {};

/// The first line of an instruction (leading whitespace skipped), then its continuation
/// lines. The first line's text may be empty only when the line is a lone escape.
template< char E > struct first_line_text : plus< line_char< E > > {};
template< char E > struct logical_line : seq< star< space >, not_at< one< '#' > >,
                                              sor< seq< first_line_text< E >, star< continuation< E > > >,
                                                   plus< continuation< E > > >,
                                              line_end > {};

/// One step of the physical level; `file` is the whole input.
template< char E > struct item : sor< blank_line, comment_line, logical_line< E > > {};
template< char E > struct file : seq< opt< bom >, star< item< E > >, eof > {};

/// A heredoc body line (taken raw) up to and including its line end.
struct raw_line : seq< star< not_one< '\n' > >, sor< one< '\n' >, eof > > {};

// ---- the instruction level -------------------------------------------------
struct instruction_name : plus< not_one< ' ', '\t', '\v', '\f', '\r', '\n' > > {};

template< char E > struct flag_escape : seq< one< E >, opt< any > > {};
template< char E > struct flag_quoted : sor< seq< one< '"' >, star< sor< flag_escape< E >, not_one< '"' > > >, opt< one< '"' > > >,
                                             seq< one< '\'' >, star< sor< flag_escape< E >, not_one< '\'' > > >, opt< one< '\'' > > > > {};
template< char E > struct flag_char : sor< flag_escape< E >, flag_quoted< E >, not_one< ' ', '\t', '\v', '\f', '\r', '\n' > > {};
/// `--name[=value]`; quotes and escapes inside are removed by the action.
template< char E > struct flag : seq< two< '-' >, plus< flag_char< E > > > {};
/// A bare `--` ends the flags and is dropped.
struct end_of_flags : seq< two< '-' >, at< sor< space, one< '\n' >, eof > > > {};

struct arguments : star< any > {};
template< char E > struct instruction_line : seq< star< space >, instruction_name,
                                                  star< plus< space >, flag< E > >,
                                                  opt< plus< space >, end_of_flags >,
                                                  star< sor< space, one< '\n' > > >, arguments, eof > {};

// ---- argument forms ---------------------------------------------------------
/// Whitespace-separated words (FROM, EXPOSE, and ADD/COPY/VOLUME outside JSON form).
struct shell_word : plus< not_one< ' ', '\t', '\v', '\f', '\r', '\n' > > {};
struct shell_words : seq< star< sor< space, one< '\n' > > >, star< shell_word, star< sor< space, one< '\n' > > > >, eof > {};

/// Exec form: a JSON array whose elements are all strings.
struct json_ws : star< one< ' ', '\t', '\r', '\n' > > {};
struct json_element : tao::pegtl::json::string {};
struct json_string_array : seq< json_ws, one< '[' >, json_ws,
                                opt< list< json_element, seq< json_ws, one< ',' >, json_ws > > >,
                                json_ws, one< ']' >, json_ws, eof > {};

}  // namespace strata::grammar::dockerfile
// clang-format on
