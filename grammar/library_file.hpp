// PEGTL grammar of a docker-library/official-images library file (`library/<repo>`;
// shared/docs/formats.md §3.1). Pure grammar: no actions, no state, no strata types.
//
// Two formats, both read line by line:
// * RFC 2822-style (since 2016-06-09): `Key: value` lines grouped into paragraphs by
//   blank lines; a line starting with a space or tab continues the previous field's
//   value; a line whose first non-blank character is `#` is a comment (bashbrew strips
//   those before it reads paragraphs, so a comment never ends a paragraph).
// * line-based (up to 2016-06-09): `<tag>: <git url>@<commit> [<directory>]`, one
//   line per tag, `# maintainer: ...` comments.
// Anything else is an `unknown_line`, so the file always parses; what a line means
// (defaults paragraph or entry, which field) is decided by the actions.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::library_file {

using namespace tao::pegtl;

struct eol_ : one< '\n' > {};
struct line_end : sor< eol_, eof > {};
/// Blank characters; a CR (of a CRLF line end) counts as trailing blank.
struct ws : one< ' ', '\t', '\r' > {};
struct rest_of_line : star< not_one< '\n' > > {};

/// A line of only blanks: separates paragraphs.
struct blank_line : sor< seq< star< ws >, eol_ >, seq< plus< ws >, eof > > {};
/// `# ...`, possibly indented.
struct comment_text : rest_of_line {};
struct comment_line : seq< star< one< ' ', '\t' > >, one< '#' >, comment_text, line_end > {};

// ---- RFC 2822-style -------------------------------------------------------
/// A field name: `Tags`, `GitCommit`, `arm64v8-Directory`, `windows-amd64-GitCommit`.
struct key : plus< sor< alnum, one< '-', '_', '.' > > > {};
/// The raw value after the colon (leading and trailing blanks are trimmed by the actions).
struct value_text : rest_of_line {};
struct field_line : seq< key, one< ':' >, value_text, line_end > {};
/// A line that starts with a blank and holds more than blanks: continues a field value.
struct continuation_text : rest_of_line {};
struct continuation_line : seq< plus< one< ' ', '\t' > >, continuation_text, line_end > {};

// ---- line-based (≤ 2016) ----------------------------------------------------
struct old_tag : plus< sor< alnum, one< '.', '-', '_' > > > {};
struct old_scheme : sor< TAO_PEGTL_STRING( "git://" ), TAO_PEGTL_STRING( "https://" ), TAO_PEGTL_STRING( "http://" ) > {};
struct old_repo : seq< old_scheme, plus< not_one< '@', ' ', '\t', '\r', '\n' > > > {};
/// A commit: hex digits followed by a blank or the line end.
struct old_commit : seq< plus< xdigit >, at< sor< ws, line_end > > > {};
struct old_directory : plus< not_one< ' ', '\t', '\r', '\n' > > {};
struct old_line : seq< old_tag, one< ':' >, star< one< ' ', '\t' > >, old_repo, one< '@' >, old_commit,
                       opt< plus< one< ' ', '\t' > >, old_directory >, star< ws >, line_end > {};

struct unknown_line : seq< plus< not_one< '\n' > >, line_end > {};

struct line : sor< blank_line, comment_line, continuation_line, old_line, field_line, unknown_line > {};
struct file : seq< star< line >, eof > {};

}  // namespace strata::grammar::library_file
// clang-format on
