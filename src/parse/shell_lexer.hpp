// Variable substitution and word splitting as BuildKit's Dockerfile frontend does it
// (moby/buildkit frontend/dockerfile/shell/lex.go, as of commit 73ed6825; see
// ../shared/docs/buildkit-grammar.md §2). This is the "shell" that expands ENV, ARG, COPY,
// WORKDIR, ... arguments and that the parser runs over RUN/COPY/ADD lines to find heredocs;
// it is not a POSIX shell (no command substitution, arithmetic, globbing or field splitting
// on IFS).
//
// Text is UTF-8 and is read code point by code point with Go's rules: an invalid byte reads
// as U+FFFD (and is written back as the three bytes of U+FFFD), and a byte-order mark that is
// the very first code point of the word is dropped. Values taken from the environment are
// copied byte for byte.
//
// Supported forms: `$NAME`, `${NAME}`, `${NAME-w}` `${NAME:-w}`, `${NAME+w}` `${NAME:+w}`,
// `${NAME?w}` `${NAME:?w}`, `${NAME#p}` `${NAME##p}` `${NAME%p}` `${NAME%%p}`, `${NAME/p/r}`
// `${NAME//p/r}`; single and double quotes; the escape token. Patterns `p` are globs with
// `*` and `?` only; `//` replacement strings are Go regexp templates (`$0`, `${0}`, `$$`).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"

namespace strata::parse {

/// How `process_word` reads its input (the knobs of BuildKit's `shell.Lex`).
struct lex_options {
   /// The Dockerfile's escape token, `\` (default) or '`'. Outside quotes it escapes any
   /// character (and is dropped); inside double quotes only `"`, `$` and itself.
   char escape = '\\';
   /// Keep the quote characters of '...' and "..." in the output (RawQuotes).
   bool raw_quotes = false;
   /// Keep escape tokens in the output (RawEscapes).
   bool raw_escapes = false;
   /// Treat `'` and `"` as ordinary characters (SkipProcessQuotes; used for heredoc bodies).
   bool skip_process_quotes = false;
   /// Leave references to unset variables as written: `$X`, `${X}`, `${X:-w}` (with `w`
   /// processed), `${X/p/r}` ... (SkipUnsetEnv; used by the parser). As upstream, this also
   /// returns `${X:=w}` and `${X:1}` verbatim for an unset X instead of reporting the modifier,
   /// and writes `${X//p/r}` back as `${X/p/r}`.
   bool skip_unset_env = false;
   /// Compare variable names case-insensitively, as BuildKit does on Windows. An exact match
   /// is preferred; otherwise the first key (in map order) equal after Unicode lower-casing.
   bool case_insensitive_keys = false;
   /// strata's limit, not BuildKit's: an expansion longer than this many bytes is the error
   /// `expanded value longer than N bytes` (then the value is unknown), so that
   /// `ENV A2=$A1$A1` chains cannot grow without bound.
   std::size_t max_result_bytes = default_max_result_bytes;
   static constexpr std::size_t default_max_result_bytes = 65536;
};

/// The reason `process_word` gives when an expansion passes `lex_options::max_result_bytes`
/// (the tail of lex_result::error), for callers that tell it from BuildKit's errors.
[[nodiscard]] bool is_size_limit_error(std::string_view error) noexcept;

/// Variables in scope: name -> value (insertion order irrelevant). An empty value is set.
using environment = std::map<std::string, std::string, std::less<>>;

/// Everything one lexing pass produces.
struct lex_result {
   /// The expanded word (ProcessWord): quotes and escapes removed, variables substituted,
   /// white space kept as written.
   std::string result;
   /// The expanded word split into words (ProcessWords): split on unquoted, unescaped
   /// white space (Go's unicode.IsSpace), including white space that comes from a variable's
   /// value; quoted text never splits; empty words are dropped. A `<<` token swallows the
   /// spaces, tabs and CRs after it (`<<  EOF` is one word), for heredoc detection.
   std::vector<std::string> words;
   /// Variable names looked up and found (positional and special parameters included).
   std::set<std::string> matched;
   /// Variable names looked up and not found.
   std::set<std::string> unmatched;
   /// Set when the word cannot be processed; then `result` and `words` are empty. The full
   /// message is `failed to process "<word as Go's strconv.Quote>": <reason>`, the reasons
   /// being BuildKit's (`syntax error: bad substitution`, `syntax error: missing '}'`,
   /// `unsupported modifier (:=) in substitution`, `NAME: is not allowed to be unset`,
   /// `unexpected end of statement while looking for matching double-quote`, ...) plus one of
   /// our own: `${` nested more than 256 deep is `syntax error: substitutions nested too
   /// deeply (more than 256 levels)`.
   std::optional<std::string> error;
};

/// Expands `word` with the variables of `env`. Never throws (other than std::bad_alloc) and
/// never recurses more than a bounded depth, whatever the input.
[[nodiscard]] lex_result process_word(std::string_view word, const environment& env, const lex_options& options = {});
/// The same with the ARG/ENV scope of a Dockerfile instruction (ast::instruction::variables).
[[nodiscard]] lex_result process_word(std::string_view word, const ast::environment& env,
                                      const lex_options& options = {});

/// BuildKit's BuildEnvs: turns `K=V` strings into an environment, splitting at the first `=`.
/// A string without `=` sets that name to the empty value; later duplicates win.
[[nodiscard]] environment build_environment(const std::vector<std::string>& assignments);

}  // namespace strata::parse
