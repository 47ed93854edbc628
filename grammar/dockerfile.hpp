// PEGTL grammar of the Dockerfile language as BuildKit's parser reads it
// (moby/buildkit frontend/dockerfile/parser at 73ed6825; reference notes in
// shared/docs/buildkit-grammar.md). Pure grammar: no actions, no state, no
// strata types. The escape character is a template parameter (`\` or `` ` ``,
// chosen by the `# escape=` parser directive).
//
// BuildKit reads a Dockerfile one physical line at a time, so the grammar has
// one entry rule per question the reader asks of a line or of a joined
// instruction line:
//  * physical lines (input: one line without its line ending): `comment_line`,
//    `blank_line`, `directive_line`, `continued_line<E>`;
//  * the instruction line (input: the joined, trimmed text): `instruction_name`,
//    `flag_word<E>`, then per-instruction argument forms: `shell_words`,
//    `json_array`, `heredoc_word`.
// White space differs by place, exactly as in BuildKit: `go_space` is Go's
// unicode.IsSpace on UTF-8 code points, `ascii_space` is BuildKit's reWhitespace,
// `byte_space` is unicode.IsSpace applied to single bytes (0x85 and 0xA0 count),
// `directive_space` is Go regexp's `\s`.
// clang-format off
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace strata::grammar::dockerfile {

using namespace tao::pegtl;

// ---- characters ----------------------------------------------------------
struct go_space : sor< one< ' ', '\t', '\n', '\v', '\f', '\r' >,
                       utf8::one< 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 >,
                       utf8::range< 0x2000, 0x200A > > {};
struct ascii_space : one< ' ', '\t', '\v', '\f', '\r' > {};
struct byte_space : one< ' ', '\t', '\n', '\v', '\f', '\r', '\x85', '\xA0' > {};
struct directive_space : one< ' ', '\t', '\n', '\f', '\r' > {};
struct bom : TAO_PEGTL_STRING( "\xEF\xBB\xBF" ) {};

// ---- physical lines ------------------------------------------------------
/// A comment: `#` after optional white space (a prefix test; the rest of the line is not read).
struct comment_line : seq< star< go_space >, one< '#' > > {};
/// A line of white space only.
struct blank_line : seq< star< go_space >, eof > {};

/// A parser directive, on a left-trimmed line: `#` key `=` value, Go regexp
/// `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`. The value is right-trimmed; when only
/// blanks follow the `=`, the regexp's backtracking makes the last blank the value.
struct directive_key : seq< alpha, star< alnum > > {};
struct directive_value : seq< not_at< directive_space >, any, star< not_at< star< directive_space >, eof >, any > > {};
struct directive_blank_value : directive_space {};
struct directive_line : seq< one< '#' >, star< directive_space >, directive_key, star< directive_space >, one< '=' >,
                             sor< seq< star< directive_space >, directive_value, star< directive_space >, eof >,
                                  seq< star< directive_space, at< directive_space > >, directive_blank_value, eof > > > {};

/// Continuation: the line's last non-blank character is a single escape character (not
/// preceded by another one): BuildKit's `([^E])E[ \t]*$|^E[ \t]*$`. A run of two or more
/// escape characters at the end never continues the line.
struct continuation_blank : one< ' ', '\t' > {};
template< char E > struct escape_run : seq< one< E >, plus< one< E > > > {};
template< char E > struct line_char : sor< escape_run< E >,
                                           seq< one< E >, not_at< star< continuation_blank >, eof > >,
                                           not_one< E > > {};
/// The text kept from a continued line: everything before the escape character.
template< char E > struct continued_text : star< line_char< E > > {};
template< char E > struct continued_line : seq< continued_text< E >, one< E >, star< continuation_blank >, eof > {};

// ---- the instruction line ------------------------------------------------
/// The instruction name: up to the first reWhitespace character.
struct instruction_name : plus< not_one< ' ', '\t', '\v', '\f', '\r' > > {};
struct name_separator : plus< ascii_space > {};

/// A `--flag` word (BuildKit extractBuilderFlags): ends at a byte-wise space outside
/// quotes; quotes open with `'` or `"` and may stay open at the end; the escape
/// character takes the next byte literally, inside quotes too. BuildKit always uses a
/// backslash here, whatever the escape directive says (the parser instantiates `'\'`).
template< char E > struct flag_escape : seq< one< E >, opt< any > > {};
template< char Q, char E > struct flag_quoted : seq< one< Q >, star< sor< flag_escape< E >, not_one< Q > > >, opt< one< Q > > > {};
template< char E > struct flag_char : sor< flag_escape< E >, flag_quoted< '"', E >, flag_quoted< '\'', E >,
                                           seq< not_at< byte_space >, any > > {};
template< char E > struct flag_word : seq< two< '-' >, star< flag_char< E > > > {};
struct flag_spaces : star< byte_space > {};

// ---- argument forms --------------------------------------------------------
/// reWhitespace-separated words (FROM, EXPOSE; ADD/COPY/VOLUME outside JSON form).
struct shell_word : plus< not_one< ' ', '\t', '\v', '\f', '\r' > > {};
struct shell_words : seq< star< ascii_space >, star< shell_word, star< ascii_space > >, eof > {};

/// JSON as Go's encoding/json accepts it (bytes: invalid UTF-8 inside strings is
/// accepted and decoded later). The exec form is an array at top level; its elements
/// are strings (`json_element`) or any other JSON value (`json_other`, an error).
struct json_ws : star< one< ' ', '\t', '\r', '\n' > > {};
struct json_escape : seq< one< '\\' >, sor< one< '"', '\\', '/', 'b', 'f', 'n', 'r', 't' >, seq< one< 'u' >, rep< 4, xdigit > > > > {};
struct json_char : sor< json_escape, seq< not_at< one< '"', '\\' > >, not_range< '\0', '\x1f' > > > {};
struct json_string : seq< one< '"' >, star< json_char >, one< '"' > > {};
struct json_element : json_string {};

/// Any JSON value other than a string, validated iteratively (nesting up to Go's limit
/// of 10000 levels without recursion).
struct json_other {
   using rule_t = json_other;
   using subs_t = type_list<>;
   static constexpr int max_depth = 10000;

   template< typename Input > static bool literal( Input& in, const char* word ) {
      std::size_t n = 0;
      while( word[ n ] != 0 ) ++n;
      if( in.size( n ) < n ) return false;
      for( std::size_t i = 0; i < n; ++i ) if( in.peek_char( i ) != word[ i ] ) return false;
      in.bump_in_this_line( n );
      return true;
   }
   template< typename Input > static void ws( Input& in ) {
      while( !in.empty() ) {
         const char c = in.peek_char();
         if( c != ' ' && c != '\t' && c != '\r' && c != '\n' ) return;
         in.bump( 1 );
      }
   }
   template< typename Input > static bool digits( Input& in ) {
      std::size_t n = 0;
      while( !in.empty() && in.peek_char() >= '0' && in.peek_char() <= '9' ) { in.bump_in_this_line( 1 ); ++n; }
      return n > 0;
   }
   template< typename Input > static bool number( Input& in ) {
      if( !in.empty() && in.peek_char() == '-' ) in.bump_in_this_line( 1 );
      if( in.empty() ) return false;
      if( in.peek_char() == '0' ) in.bump_in_this_line( 1 );
      else if( !digits( in ) ) return false;
      if( !in.empty() && in.peek_char() == '.' ) { in.bump_in_this_line( 1 ); if( !digits( in ) ) return false; }
      if( !in.empty() && ( in.peek_char() == 'e' || in.peek_char() == 'E' ) ) {
         in.bump_in_this_line( 1 );
         if( !in.empty() && ( in.peek_char() == '+' || in.peek_char() == '-' ) ) in.bump_in_this_line( 1 );
         if( !digits( in ) ) return false;
      }
      return true;
   }
   template< typename Input > static bool scalar( Input& in ) {
      if( in.empty() ) return false;
      switch( in.peek_char() ) {
         case '"': return tao::pegtl::parse< json_string >( in );
         case 't': return literal( in, "true" );
         case 'f': return literal( in, "false" );
         case 'n': return literal( in, "null" );
         default: return number( in );
      }
   }
   // One value; containers are walked with an explicit stack of open brackets.
   template< typename Input > static bool value( Input& in ) {
      std::string open;  // '[' or '{' per level
      bool need_value = true;
      for( ;; ) {
         ws( in );
         if( need_value ) {
            if( in.empty() ) return false;
            const char c = in.peek_char();
            if( c == '[' || c == '{' ) {
               if( static_cast< int >( open.size() ) >= max_depth ) return false;
               in.bump_in_this_line( 1 );
               open += c;
               ws( in );
               if( !in.empty() && in.peek_char() == ( c == '[' ? ']' : '}' ) ) {
                  in.bump_in_this_line( 1 );
                  open.pop_back();
                  need_value = false;
                  if( open.empty() ) return true;
                  continue;
               }
               if( c == '{' ) {
                  if( !tao::pegtl::parse< json_string >( in ) ) return false;
                  ws( in );
                  if( in.empty() || in.peek_char() != ':' ) return false;
                  in.bump_in_this_line( 1 );
               }
               continue;
            }
            if( !scalar( in ) ) return false;
            need_value = false;
            if( open.empty() ) return true;
            continue;
         }
         if( in.empty() ) return false;
         const char c = in.peek_char();
         const char close = open.back() == '[' ? ']' : '}';
         if( c == close ) {
            in.bump_in_this_line( 1 );
            open.pop_back();
            if( open.empty() ) return true;
            continue;
         }
         if( c != ',' ) return false;
         in.bump_in_this_line( 1 );
         if( open.back() == '{' ) {
            ws( in );
            if( !tao::pegtl::parse< json_string >( in ) ) return false;
            ws( in );
            if( in.empty() || in.peek_char() != ':' ) return false;
            in.bump_in_this_line( 1 );
         }
         need_value = true;
      }
   }
   template< apply_mode, rewind_mode, template< typename... > class, template< typename... > class, typename Input, typename... States >
   static bool match( Input& in, States&&... /*unused*/ ) {
      auto m = in.template mark< rewind_mode::required >();
      return m( value( in ) );
   }
};

struct json_value : sor< json_element, json_other > {};
struct json_separator : seq< json_ws, one< ',' >, json_ws > {};
struct json_array : seq< json_ws, one< '[' >, json_ws, opt< list< json_value, json_separator > >, json_ws, one< ']' >, json_ws, eof > {};

/// A heredoc word (after BuildKit's shell lexing): `^(\d*)<<(-?)\s*([^<]*)$`.
struct heredoc_fd : star< digit > {};
struct heredoc_chomp : one< '-' > {};
struct heredoc_rest : star< not_one< '<' > > {};
struct heredoc_word : seq< heredoc_fd, two< '<' >, opt< heredoc_chomp >, star< directive_space >, heredoc_rest, eof > {};

}  // namespace strata::grammar::dockerfile
// clang-format on

namespace tao::pegtl {
/// For pegtl::analyze: json_other consumes input whenever it succeeds.
template <typename Name>
struct analyze_traits<Name, strata::grammar::dockerfile::json_other> : analyze_any_traits<> {};
}  // namespace tao::pegtl
