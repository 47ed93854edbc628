// PEGTL grammar of one image-history instruction text, in both forms the checker
// reads (shared/docs/formats.md §1.4 and §2.1):
//  * raw `created_by` strings as the builders record them (`docker history
//    --no-trunc`, an image config's `history[]`): `/bin/sh -c #(nop)  ENV K=V`,
//    `|1 K=V /bin/sh -c …`, `RUN /bin/sh -c … # buildkit`, `cmd /S /C #(nop) …`;
//  * repo-info's text after `.remote.pl` `cmd_to_dockerfile` stripped those
//    prefixes: `RUN x`, `ENV K=V`, `CMD ["a" "b"]`, `SHELL [a b]`, `ADD file:<h> in / `.
// Plus the comment lines repo-info writes before an entry: `# ARGS: K=V …`,
// E0's `# ARG: "K" => "V"` and `# unable to parse image command string further:`.
//
// Pure grammar: no actions, no state, no strata types. The prefix rules are
// prefix tests (they match at the start of the text and leave the rest); the
// argument-form rules (`go_string_array`, `bracket_list`, `port_map`,
// `source_reference`, `pairs<>`) read a whole argument text up to `eof`.
// The image's SHELL is data, not grammar: the parser matches it as a string.
// JSON arrays (E0 `RUN [...]`) and space-separated words (EXPOSE, BuildKit
// ADD/COPY) reuse grammar/dockerfile.hpp's `json_array` and `shell_words`.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>

namespace strata::grammar::history_line {

using namespace tao::pegtl;

// ---- prefixes (matched at the start of the text, in this order) -------------
/// The `RUN ` BuildKit writes before its raw RUN text (and repo-info before a
/// prefix it could not strip, `RUN cmd /S /C …`).
struct leading_run : TAO_PEGTL_STRING( "RUN " ) {};
/// `|N ` with N the number of build arguments that follow (classic and BuildKit).
struct build_arg_count : plus< digit > {};
struct build_args_head : seq< one< '|' >, build_arg_count, one< ' ' > > {};
/// The classic builder's Linux shell prefix and the Windows default shell.
struct posix_shell : TAO_PEGTL_STRING( "/bin/sh -c " ) {};
struct windows_cmd : TAO_PEGTL_STRING( "cmd /S /C " ) {};
/// `#(nop)` and the one or more spaces after it: a metadata instruction follows.
struct nop_marker : seq< TAO_PEGTL_STRING( "#(nop)" ), plus< one< ' ' > > > {};
/// An instruction keyword as repo-info recognises one (`[A-Z]+` then a space or the end).
struct keyword : plus< upper > {};
struct instruction_head : seq< keyword, at< sor< one< ' ' >, eof > > > {};
/// BuildKit's suffix on RUN/ADD/COPY texts; matched at the end of the text.
struct buildkit_suffix : seq< TAO_PEGTL_STRING( " # buildkit" ), eof > {};

// ---- Go string literals (strconv.Quote output, fmt %q) ------------------------
struct go_simple_escape : one< 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"' > {};
struct go_octal_escape : seq< range< '0', '7' >, range< '0', '7' >, range< '0', '7' > > {};
struct go_hex_escape : sor< seq< one< 'x' >, rep< 2, xdigit > >, seq< one< 'u' >, rep< 4, xdigit > >,
                            seq< one< 'U' >, rep< 8, xdigit > > > {};
struct go_escape : seq< one< '\\' >, sor< go_simple_escape, go_octal_escape, go_hex_escape > > {};
struct go_char : sor< go_escape, not_one< '"', '\\', '\n' > > {};
/// A double-quoted Go literal; the escapes are checked again when it is decoded
/// (an octal value above 0377 or a surrogate in `\u` is a syntax error in Go).
struct go_string : seq< one< '"' >, star< go_char >, one< '"' > > {};

// ---- argument forms (each reads the whole argument text) --------------------
/// `fmt.Sprintf("%q", []string)`: `["a" "b c"]`, `[]` for an empty slice (CMD, ENTRYPOINT).
struct go_string_array : seq< one< '[' >, opt< list< go_string, one< ' ' > > >, one< ']' >, eof > {};

/// `fmt.Sprintf("%v", []string)`: `[a b c]`, elements unquoted and joined by single
/// spaces (SHELL, VOLUME, old USER/STOPSIGNAL). Lossy: an element holding a space
/// reads as several elements. The closing `]` is the last byte, so an element may
/// hold `]`. `[]` is the empty list.
struct bracket_element : star< not_at< one< ']' >, eof >, not_one< ' ' > > {};
struct bracket_empty : seq< one< '[' >, one< ']' >, eof > {};
struct bracket_list : sor< bracket_empty, seq< one< '[' >, list< bracket_element, one< ' ' > >, one< ']' >, eof > > {};

/// `fmt.Sprintf("%v", map[nat.Port]struct{})` of BuildKit's EXPOSE: `map[80/tcp:{} 443/tcp:{}]`.
struct port_key : plus< not_one< ':', ' ', ']' > > {};
struct port_entry : seq< port_key, TAO_PEGTL_STRING( ":{}" ) > {};
struct port_map : seq< TAO_PEGTL_STRING( "map[" ), opt< list< port_entry, one< ' ' > > >, one< ']' >, eof > {};

/// Classic ADD/COPY: `file:<sha256> in <dst> ` (the trailing space since Docker 17),
/// `dir:<h> in <dst> `, `multi:<h> in <dst> `. The destination is the rest of the text.
struct source_kind : sor< TAO_PEGTL_STRING( "file" ), TAO_PEGTL_STRING( "dir" ), TAO_PEGTL_STRING( "multi" ) > {};
struct source_hash : plus< xdigit > {};
struct source_destination : star< any > {};
struct source_reference : seq< source_kind, one< ':' >, source_hash, TAO_PEGTL_STRING( " in " ), source_destination, eof > {};

/// KEY=VALUE pairs of ENV, LABEL, ARG and `# ARGS:` as the builders record them:
/// values unquoted, may hold spaces and `=`. A new pair starts only at ` NAME=`
/// (a space, a name of the `Name` class, `=`); everything else belongs to the value.
/// `env_name` is a shell variable name; `label_name` also allows `.`, `-` and `/`
/// (`org.opencontainers.image.title`); `loose_name` is any run without space or `=`.
struct env_name : identifier {};
struct label_name : seq< sor< alnum, one< '_' > >, star< sor< alnum, one< '_', '.', '-', '/' > > > > {};
struct loose_name : plus< not_one< ' ', '=' > > {};
template< typename Name > struct pair_key : Name {};
/// Where a pair starts: NAME and `=`.
template< typename Name > struct pair_start : seq< Name, one< '=' > > {};
template< typename Name > struct pair_value : star< not_at< one< ' ' >, pair_start< Name > >, any > {};
template< typename Name > struct pair : seq< pair_key< Name >, one< '=' >, pair_value< Name > > {};
/// ARG may also declare a name without a default (`ARG TARGETARCH`).
template< typename Name > struct bare_key : seq< Name, at< sor< one< ' ' >, eof > > > {};
template< typename Name > struct arg_item : sor< pair< Name >, bare_key< Name > > {};
template< typename Name > struct pairs : seq< list< pair< Name >, one< ' ' > >, eof > {};
template< typename Name > struct arg_items : seq< list< arg_item< Name >, one< ' ' > >, eof > {};
/// The legacy `ENV KEY value` / `LABEL KEY value` form (E0 history, ONBUILD triggers).
struct legacy_key : plus< not_one< ' ', '=' > > {};
struct legacy_value : star< any > {};
struct legacy_pair : seq< legacy_key, one< ' ' >, legacy_value, eof > {};

// ---- repo-info comment lines before an entry ----------------------------------
/// `# ARGS: K=V K2=V2` (`|N` build arguments split off by repo-info; may be empty):
/// this head, then nothing or one space and `pairs< env_name >` (else `pairs< loose_name >`).
struct args_line_head : TAO_PEGTL_STRING( "# ARGS:" ) {};
/// E0 `# ARG: "K" => "V"` (array commands with build args). The strings are read
/// with a backslash taking the next byte literally (Perl-style double quotes).
struct perl_string_body : star< sor< seq< one< '\\' >, any >, not_one< '"', '\\' > > > {};
struct perl_string : seq< one< '"' >, perl_string_body, one< '"' > > {};
struct arg_line_key : perl_string {};
struct arg_line_value : perl_string {};
struct arg_line : seq< TAO_PEGTL_STRING( "# ARG: " ), arg_line_key, TAO_PEGTL_STRING( " => " ), arg_line_value, eof > {};
/// repo-info's marker before a raw string it could not convert (the next line).
struct unable_line : seq< TAO_PEGTL_STRING( "# unable to parse image command string further:" ), eof > {};

}  // namespace strata::grammar::history_line
// clang-format on
