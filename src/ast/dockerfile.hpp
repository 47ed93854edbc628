// The Dockerfile model: plain structs, independent of PEGTL.
//
// Shapes follow BuildKit's parser (frontend/dockerfile/parser): a file is a
// list of instructions; each instruction has a name, --flags and arguments in
// exec form (a JSON array of strings) or shell form (the rest of the line).
// Positions: see ast/source.hpp (1-based lines, columns in code points).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "ast/persistent_map.hpp"
#include "ast/source.hpp"

namespace strata::ast {

/// A parser directive (`# syntax=...`, `# escape=...`, `# check=...`) at the top of the file.
struct directive {
   std::string key;    ///< lowercased key
   std::string value;  ///< verbatim value, right-trimmed
   span where;
};

/// A `--name[=value]` flag before an instruction's arguments.
struct flag {
   std::string text;   ///< the word as BuildKit extracts it: `--name=value`, quotes and escapes removed
   std::string name;   ///< without the leading `--`
   std::string value;  ///< unquoted value ("" when absent)
   bool has_value = false;
   span where;
};

/// One argument word: a JSON array element (exec form) or a whitespace-separated word.
struct word {
   std::string text;  ///< the element's value (exec form) or the word as written
   span where;
};

enum class argument_form { none, shell, exec };

/// A `key=value` pair of ENV, LABEL or ARG, or the legacy `ENV key value` form.
struct key_value {
   std::string key;        ///< as written (quotes kept; BuildKit expands it later)
   std::string value;      ///< as written: quotes and escapes kept (legacy form: rest of the line)
   bool has_value = true;  ///< false for `ARG name` without a default
   bool legacy = false;    ///< `ENV key value` / `LABEL key value`
   span key_span;
   span value_span;
};

/// ARG and ENV values in scope: name -> value after BuildKit's substitution, in name order.
/// Only values known from the file are present (an ARG without a default is absent).
/// Persistent: the scope of each instruction shares its structure with the one before.
using environment = persistent_map<std::string>;

/// ARG names declared in scope whose value the file does not give: `ARG X` without a
/// default (and no value from a global `ARG X=...`), or a default that does not expand.
/// At build time they are empty unless `--build-arg` passes them; a name in neither
/// this set nor `environment` was never declared (a later ENV/ARG with a known value
/// takes the name out of this set).
using name_set = persistent_map<std::monostate>;

/// A comment line (`#` after optional white space) that is not a parser directive,
/// at the top level or inside an instruction's continuation lines (BuildKit drops both).
struct comment {
   std::string raw;               ///< the line from `#` to its end (line ending and trailing CRs excluded)
   std::string text;              ///< `raw` without the `#` (`" hadolint ignore=DL3008"`: leading space kept)
   span where;                    ///< `raw` in the file
   bool in_continuation = false;  ///< between the continuation lines of an instruction
   /// The index in dockerfile::instructions of the instruction that follows the comment
   /// (for a comment inside a continuation: the instruction it sits in); equal to
   /// instructions.size() when no instruction follows. A following line that BuildKit
   /// rejects is skipped: the index is the next instruction kept.
   std::size_t next_instruction = 0;
};

/// One `--mount=...` of a RUN, read as BuildKit's parseMount does: the value is CSV
/// (Go encoding/csv: `"` quoted fields, `""` inside them), fields `key=value` with keys
/// case-insensitive. Values are as written (not expanded). A field BuildKit rejects sets
/// `error` (BuildKit's message) and ends the reading; the fields before it are kept.
struct mount {
   std::string type = "bind";              ///< lowercased: bind, cache, tmpfs, secret, ssh
   std::string target;                     ///< target= / dst= / destination=
   std::string source;                     ///< source= / src=
   std::string from;                       ///< from=: a stage name or index, or an image
   std::string id;                         ///< id= (cache id, secret or ssh id)
   std::string sharing;                    ///< sharing=, lowercased: shared, private, locked ("" when absent)
   std::string mode, uid, gid, size, env;  ///< as written ("" when absent)
   /// Explicit `ro`/`readonly`[=bool] or `rw`/`readwrite`[=bool]; otherwise BuildKit's
   /// default: read-only for bind, secret and ssh, writable for cache and tmpfs.
   bool readonly = true;
   bool required = false;                                    ///< secret/ssh `required`[=true]
   std::vector<std::pair<std::string, std::string>> fields;  ///< every CSV field read: lowercased key, value
   std::optional<std::string> error;
   span where;  ///< the `--mount=...` flag
};

/// A heredoc (`<<EOF` ... `EOF`) of a RUN, COPY or ADD.
struct heredoc {
   std::string name;              ///< the delimiter word, quotes removed
   unsigned file_descriptor = 0;  ///< the digits before `<<` (`3<<EOF`), 0 when absent
   bool chomp = false;            ///< `<<-`: leading tabs are stripped from the body
   bool expand = true;            ///< false when the delimiter was quoted
   std::string body;              ///< the body lines, line endings kept, terminator excluded
   span body_span;                ///< the body in the file (empty span at the first body line when empty)
};

/// One instruction, joined across continuation lines.
struct instruction {
   std::string keyword;  ///< as written (`from`, `RUN`)
   std::string name;     ///< lowercased keyword
   bool known = true;    ///< one of the 18 instructions BuildKit dispatches (else its arguments are ignored)
   span where;           ///< from the keyword to the end of the last physical line's text
   span keyword_span;
   std::uint32_t start_line = 0;     ///< first physical line (1-based)
   std::uint32_t end_line = 0;       ///< last physical line consumed: continuations, skipped lines, heredocs
   bool empty_continuation = false;  ///< a blank line inside the continuation (BuildKit warns)
   std::vector<flag> flags;
   /// Text after the flags, joined across continuations (escape + newline removed,
   /// comment lines dropped), left-trimmed.
   std::string arguments;
   offset_map arguments_map;  ///< maps offsets in `arguments` back to the file
   span arguments_span;
   argument_form form = argument_form::none;
   /// BuildKit's argument nodes: exec-form elements; reWhitespace-split words (FROM,
   /// EXPOSE, ADD/COPY/VOLUME); the whole text (RUN/CMD/ENTRYPOINT/SHELL shell form,
   /// MAINTAINER, USER, WORKDIR, STOPSIGNAL); parseWords words (ARG); the type then
   /// the command (HEALTHCHECK). Empty for ENV/LABEL (see `pairs`) and ONBUILD.
   std::vector<word> words;
   std::vector<key_value> pairs;  ///< ENV/LABEL pairs; ARG `name[=default]` words
   std::vector<heredoc> heredocs;
   std::vector<instruction> trigger;  ///< ONBUILD: the trigger instruction (0 or 1)
   /// ARG/ENV values in scope before this instruction (for FROM: the global ARGs).
   std::shared_ptr<const environment> variables;
   /// ARG names declared in scope before this instruction whose value is not known
   /// (see `name_set`); never null after parsing. For FROM: the global ARGs.
   std::shared_ptr<const name_set> declared_args;
   /// RUN: its `--mount` flags, in order (empty for other instructions).
   std::vector<mount> mounts;
   /// Index in dockerfile::stages of the stage this instruction belongs to (a FROM
   /// starts its stage); `no_stage` for the global ARGs (and parser directives) before
   /// the first FROM, and for ONBUILD triggers.
   std::size_t stage = no_stage;
   static constexpr std::size_t no_stage = static_cast<std::size_t>(-1);

   /// Value of flag `--name`, if present.
   [[nodiscard]] const flag* find_flag(std::string_view flag_name) const;
};

/// A build stage: a FROM instruction and the instructions up to the next FROM.
struct stage {
   std::size_t from_index = 0;  ///< index of the FROM in dockerfile::instructions
   std::size_t end_index = 0;   ///< one past the stage's last instruction
   std::string image;           ///< the base image reference as written
   std::string image_expanded;  ///< with the global ARG defaults substituted (unknown variables kept as written)
   span image_span;
   std::string name;       ///< the `AS name`, or ""
   std::size_t index = 0;  ///< in dockerfile::stages
   bool final = false;     ///< the last stage of the file (what a build without --target produces)
   /// A later instruction names this stage: `FROM <name>`, `COPY --from=<name|index>`,
   /// `RUN --mount=from=<name|index>` (names compared case-insensitively, as BuildKit does).
   bool reused = false;
   std::vector<std::size_t> reused_by;  ///< the indices of those instructions, in order
};

/// Which BuildKit stage rejects the input: `parser.Parse` (the AST; `strata parse
/// --dump` fails), `instructions.Parse` and the conversion's grammar checks (flags,
/// argument counts, stage names, a base image that is not a reference), or the
/// conversion's naming checks on a well-formed base image reference (upper case in
/// the repository name, a bare 64-hex name): rule ST0004 rather than ST0001.
/// parser, instructions: BuildKit rejects the file (ST0001); image_name: a base image name
/// BuildKit refuses (ST0004); limits: past one of strata's own limits, not an error for
/// BuildKit (an ARG or ENV value that expands past 64 KiB; ST0007).
enum class error_layer { parser, instructions, image_name, limits };

/// A syntax problem. Parser-layer errors keep the instruction out of the model; the
/// rest of the file is still parsed.
struct syntax_error {
   std::string message;  ///< BuildKit's wording
   span where;
   error_layer layer = error_layer::parser;
};

struct dockerfile {
   source_file source;
   char escape = '\\';
   bool bom = false;
   std::vector<directive> directives;
   std::vector<instruction> instructions;
   std::vector<stage> stages;
   std::vector<syntax_error> errors;
   std::vector<comment> comments;  ///< in file order

   /// The stage of instruction `index` (of `instructions`), or null before the first FROM.
   [[nodiscard]] const stage* stage_of(std::size_t index) const noexcept {
      if (index >= instructions.size() || instructions[index].stage >= stages.size()) return nullptr;
      return &stages[instructions[index].stage];
   }
};

}  // namespace strata::ast
