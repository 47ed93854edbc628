// The model of one image-history instruction text (a `created_by` string as a
// builder records it, or the text repo-info prints after stripping it), independent
// of PEGTL. Format: shared/docs/formats.md §1.4 (repo-info's `cmd_to_dockerfile`)
// and §2.1 (how each Dockerfile instruction is rendered in history).
//
// Positions: every `byte_range` here is a half-open range of BYTE offsets relative
// to the start of the text that was parsed (history_instruction::text), not a file
// position. A caller that found the text at file offset `base` maps a range with
// `source.make_span(base + r.begin, base + r.end)` (or through an ast::offset_map
// when the text was decoded from an escaped form, such as a JSON string).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace strata::ast {

/// A half-open byte range [begin, end) relative to the parsed text.
struct byte_range {
   std::size_t begin = 0;
   std::size_t end = 0;
   [[nodiscard]] std::size_t size() const noexcept { return end - begin; }
   friend bool operator==(const byte_range&, const byte_range&) = default;
};

/// A piece of the parsed text: its value and where it was read. For a quoted
/// element the value is decoded and the range covers the literal with its quotes.
struct history_text {
   std::string text;
   byte_range where;
};

/// A `KEY=VALUE` pair of ENV, LABEL, ARG, `|N` build arguments or `# ARGS:`.
/// Values are unquoted as recorded (spaces and `=` included); a new pair starts
/// only at ` NAME=` (formats.md §4 "Parsing ENV/LABEL history lines").
struct history_pair {
   std::string key;
   std::string value;
   bool has_value = true;  ///< false for `ARG NAME` without a default
   bool legacy = false;    ///< `ENV KEY value` (space instead of `=`; E0 and ONBUILD triggers)
   byte_range key_range;
   byte_range value_range;  ///< empty range after the key when there is no value
};

/// What stood before the instruction, as a summary of history_prefix's details.
enum class history_prefix_kind {
   none,          ///< text starts with the instruction: repo-info form, BuildKit metadata (`ENV K=V`)
   shell,         ///< shell prefix then a command: a classic raw RUN (`/bin/sh -c apt-get …`)
   nop,           ///< [shell prefix] `#(nop)` then a metadata instruction (classic raw)
   build_args,    ///< `|N K=V … ` then [shell prefix] command: a raw RUN with build arguments
   buildkit_run,  ///< `RUN ` [`|N …`] shell prefix … ` # buildkit`: BuildKit's raw RUN
   cmd_residue,   ///< repo-info text `RUN cmd /S /C …`: the Windows default shell left in place (formats.md §1.4)
   implicit_run,  ///< no `[A-Z]+` keyword: a base-image text (`Apply image …`, `# debian.sh …`) that
                  ///< repo-info renders as `RUN <text>`; read the same way here
   unparsed,      ///< not classified: see history_instruction::problem
};

/// Which shell prefix was found.
enum class history_shell {
   none,
   posix_sh,     ///< `/bin/sh -c `
   windows_cmd,  ///< `cmd /S /C ` (the classic builder's Windows default)
   image_shell,  ///< the image's SHELL given to the parser, elements joined by single spaces
   inferred,     ///< no known shell matched, but the text before ` #(nop) ` must be one (a SHELL
                 ///< the caller did not give); only ever recognised in front of `#(nop)`
};

/// The builder and repo-info prefixes in front of the instruction, in text order:
/// [`RUN `] [`|N K=V … `] [shell prefix] [`#(nop)` spaces].
struct history_prefix {
   history_prefix_kind kind = history_prefix_kind::none;
   std::optional<byte_range> leading_run;    ///< `RUN ` before `|N` or a shell prefix
   std::optional<unsigned> build_arg_count;  ///< N of `|N`
   byte_range build_args_range;              ///< the `K=V …` text between `|N ` and the shell (or command)
   std::vector<history_pair> build_args;     ///< exactly N pairs when build_arg_count is set
   history_shell shell = history_shell::none;
   byte_range shell_range;         ///< the shell prefix with its trailing space
   std::optional<byte_range> nop;  ///< `#(nop)` and the spaces after it
};

/// The shape of the arguments.
enum class history_form {
   none,          ///< no arguments (or the instruction is unparsed)
   shell,         ///< free text: RUN bodies, WORKDIR, MAINTAINER, `USER u`, `STOPSIGNAL SIG`, HEALTHCHECK, …
   quoted_array,  ///< Go `%q` of []string: `CMD ["a" "b"]`, elements decoded with go_unquote
   bracket_list,  ///< Go `%v` of []string: `SHELL [a b]`, `VOLUME [/d]`, split on single spaces (lossy)
   json_array,    ///< a JSON array of strings (E0 `RUN ["…"]`; exec forms written as JSON)
   port_map,      ///< BuildKit `EXPOSE map[80/tcp:{} …]`, elements are the port keys
   words,         ///< space-separated words: `EXPOSE 80/tcp 443/tcp`, BuildKit `ADD src / `
   source_hash,   ///< classic ADD/COPY `file:<h> in <dst> ` (see history_source)
   key_values,    ///< ENV, LABEL, ARG pairs (see history_pair)
   trigger,       ///< ONBUILD: the trigger instruction as the Dockerfile wrote it
};

/// Classic ADD/COPY source: `<kind>:<hash> in <destination>[ ]`.
struct history_source {
   std::string kind;             ///< `file`, `dir` or `multi`
   history_text hash;            ///< hex digest of the content (sha256 in practice)
   history_text destination;     ///< without the single trailing space the builder appends
   bool trailing_space = false;  ///< Docker ≥ 17 appends one; Docker 1.10 (2016) does not
};

/// Why (and where) a text or its arguments could not be read.
struct history_problem {
   std::string reason;
   std::size_t offset = 0;  ///< byte offset in the parsed text
};

/// One history instruction text, parsed.
struct history_instruction {
   std::string text;  ///< the parsed text, verbatim
   history_prefix prefix;

   /// `RUN`, `ENV`, … as written; "RUN" when the keyword is implied (prefix shell,
   /// build_args or implicit_run); empty when unparsed.
   std::string keyword;
   byte_range keyword_range;       ///< empty, at the command's start, when implied
   bool implicit_keyword = false;  ///< the keyword is not in the text
   bool known = false;             ///< one of the 18 instructions BuildKit dispatches (upper case here)

   /// After the keyword and one space; without a ` # buildkit` suffix. Trailing
   /// spaces are kept (`file:<h> in / `).
   std::string arguments;
   byte_range arguments_range;
   bool buildkit = false;  ///< the text ends in ` # buildkit`
   byte_range buildkit_range;

   history_form form = history_form::none;
   std::vector<history_text> elements;             ///< quoted_array, bracket_list, json_array, port_map, words
   std::vector<history_pair> pairs;                ///< key_values
   std::optional<history_source> source;           ///< source_hash
   std::optional<history_text> trigger_keyword;    ///< trigger: `COPY` of `ONBUILD COPY . /app`
   std::optional<history_text> trigger_arguments;  ///< trigger: `. /app`
   /// RUN: what the shell runs (the arguments; for an implied RUN the text after the prefix).
   std::optional<history_text> body;

   /// Set when unparsed, and when a known instruction's arguments do not have the
   /// expected form (the form then falls back to `shell`).
   std::optional<history_problem> problem;

   [[nodiscard]] bool unparsed() const noexcept { return prefix.kind == history_prefix_kind::unparsed; }
};

/// The repo-info comment lines that precede an entry's text (formats.md §1.4).
enum class history_arg_line_kind {
   args,    ///< `# ARGS: K=V K2=V2` (the `|N` build arguments)
   arg,     ///< E0 `# ARG: "K" => "V"`
   unable,  ///< `# unable to parse image command string further:` (the raw string follows)
   other,   ///< not one of these
};

struct history_arg_line {
   std::string text;
   history_arg_line_kind kind = history_arg_line_kind::other;
   std::vector<history_pair> pairs;  ///< ranges relative to `text`
   std::optional<history_problem> problem;
};

/// An RFC 3339 timestamp (`2024-05-01T12:34:56.123456789Z`, `…+02:00`), as Go's
/// time.Time marshals it in image configs and `docker history --format` prints it.
/// Shared by the history documents (docker_history.hpp, image_config.hpp).
struct timestamp {
   std::string text;         ///< as written
   std::int64_t epoch = 0;   ///< seconds since 1970-01-01T00:00:00Z (the offset applied)
   std::uint32_t nanos = 0;  ///< fractional second in nanoseconds (digits beyond 9 dropped)
   bool valid = false;       ///< false when `text` is not RFC 3339 (epoch and nanos are then 0)
};

}  // namespace strata::ast
