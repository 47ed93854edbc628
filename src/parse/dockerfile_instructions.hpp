// The stages after BuildKit's parser: instructions.Parse (flags, argument counts,
// stage names, ONBUILD triggers), the base-image check of the conversion, build
// stages, and the ARG/ENV values in scope for each instruction (moby/buildkit
// frontend/dockerfile/instructions and dockerfile2llb; notes in
// shared/docs/buildkit-grammar.md §1.10 and §2).
#pragma once

#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "parse/shell_lexer.hpp"

namespace strata::parse {

/// Runs after parsing: appends instructions-layer errors (ast::error_layer::instructions,
/// with BuildKit's messages) to df.errors, fills df.stages (with `final` and `reused`),
/// and sets every instruction's `variables`, `declared_args`, `stage` and (RUN) `mounts`.
/// Never throws.
void finish_dockerfile(ast::dockerfile& df);

/// Reads a RUN `--mount` value (`type=cache,target=/root/.cache`) as BuildKit's
/// parseMount does (see ast::mount); `where` is the flag's span. Never throws: problems
/// set `error`.
[[nodiscard]] ast::mount parse_mount(std::string_view value, const ast::span& where);

/// Expands `word` as BuildKit's shell lexer does, with the ARG/ENV values in scope at
/// `inst` and the file's escape character. With `keep_unknown`, variables whose value
/// is not known from the file stay as written (`$VERSION`); otherwise they expand to "".
[[nodiscard]] lex_result expand(const ast::dockerfile& df, const ast::instruction& inst, std::string_view word,
                                bool keep_unknown = true);

/// Levenshtein distance of two byte strings (unit costs for insert, delete, substitute).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// Validates an image reference as reference.ParseNormalizedNamed does; returns the
/// error message (e.g. "invalid reference format") or "" when the reference is valid.
[[nodiscard]] std::string check_image_reference(std::string_view reference);

}  // namespace strata::parse
