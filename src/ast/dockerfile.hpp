// The Dockerfile model: plain structs, independent of PEGTL.
//
// Shapes follow BuildKit's parser (frontend/dockerfile/parser): a file is a
// list of instructions; each instruction has a name, --flags and arguments in
// exec form (a JSON array of strings) or shell form (the rest of the line).
// Positions: see ast/source.hpp (1-based lines, columns in code points).
#pragma once

#include <optional>
#include <string>
#include <vector>

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

/// A heredoc (`<<EOF` ... `EOF`) of a RUN, COPY or ADD.
struct heredoc {
   std::string name;     ///< the delimiter word, quotes removed
   bool chomp = false;   ///< `<<-`: leading tabs are stripped from the body
   bool expand = true;   ///< false when the delimiter was quoted
   std::string body;     ///< the body lines, line endings kept, terminator excluded
   span body_span;       ///< the body in the file (empty span at the first body line when empty)
};

/// One instruction, joined across continuation lines.
struct instruction {
   std::string keyword;  ///< as written (`from`, `RUN`)
   std::string name;     ///< lowercased keyword
   span where;           ///< from the keyword to the end of the last physical line's text
   span keyword_span;
   std::vector<flag> flags;
   /// Text after the flags, joined across continuations (escape + newline removed,
   /// comment lines dropped), left-trimmed.
   std::string arguments;
   offset_map arguments_map;  ///< maps offsets in `arguments` back to the file
   span arguments_span;
   argument_form form = argument_form::none;
   std::vector<word> words;   ///< exec-form elements, or whitespace-split words
   std::vector<heredoc> heredocs;

   /// Value of flag `--name`, if present.
   [[nodiscard]] const flag* find_flag(std::string_view flag_name) const;
};

/// A build stage: a FROM instruction and the instructions up to the next FROM.
struct stage {
   std::size_t from_index = 0;   ///< index of the FROM in dockerfile::instructions
   std::size_t end_index = 0;    ///< one past the stage's last instruction
   std::string image;            ///< the base image reference as written
   span image_span;
   std::string name;             ///< the `AS name`, or ""
};

/// A syntax problem: the instruction (or line) is kept out of the model, the rest is parsed.
struct syntax_error {
   std::string message;  ///< BuildKit's wording where BuildKit rejects the input
   span where;
};

struct dockerfile {
   source_file source;
   char escape = '\\';
   std::vector<directive> directives;
   std::vector<instruction> instructions;
   std::vector<stage> stages;
   std::vector<syntax_error> errors;
};

}  // namespace strata::ast
