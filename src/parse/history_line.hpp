// Image-history instruction texts: text -> ast::history_instruction
// (grammar/history_line.hpp + actions; shared/docs/formats.md §1.4, §2.1).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ast/history_line.hpp"
#include "ast/source.hpp"
#include "parse/go_string.hpp"  // go_unquote, decode_json_string (moved there; included for their users)

namespace strata::parse {

/// Parses one history instruction text, raw (`/bin/sh -c #(nop)  ENV K=V`,
/// `|1 K=V /bin/sh -c …`, `RUN /bin/sh -c … # buildkit`, `cmd /S /C #(nop) …`,
/// `<SHELL…> #(nop) …`) or repo-info-stripped (`ENV K=V`, `RUN x # buildkit`,
/// `RUN cmd /S /C #(nop) COPY …`, `RUN Apply image …`). Raw and stripped texts of the
/// same instruction give the same keyword, arguments and form; only `prefix` differs.
///
/// `shell` is the image's SHELL (config.Shell, or the elements of the last `SHELL [...]`
/// entry before this one); its elements joined by single spaces plus a space are
/// stripped as a shell prefix, like `/bin/sh -c ` and `cmd /S /C `. An entry may hold
/// several lines (E0 RUN bodies re-split with `\`⏎): they belong to the arguments.
///
/// Reading order: [`RUN `] [`|N` K=V…] [shell] [`#(nop)`+spaces] then `[A-Z]+` keyword
/// and one space; a text without a keyword after its prefixes is a RUN whose body is
/// the rest (what `.remote.pl` prints as `RUN <text>`). Known ambiguities, resolved
/// towards the raw reading: a stripped `RUN /bin/sh -c x # buildkit` reads as BuildKit's
/// raw RUN of `x`; `|N` values holding ` /bin/sh -c ` split at the first shell prefix
/// after which exactly N pairs remain.
///
/// Never throws. Texts it cannot classify (empty, starting with white space, a bad
/// `|N` prefix, `#(nop)` without a keyword, a `# ARGS:`/`# ARG:`/`# unable…` line) give
/// prefix.kind == unparsed, no keyword, and `problem` with a reason and byte offset.
/// All ranges are byte offsets relative to `text` (see ast/history_line.hpp).
[[nodiscard]] ast::history_instruction parse_history_instruction(std::string_view text,
                                                                 std::span<const std::string> shell = {});

/// Parses a repo-info comment line before an entry: `# ARGS: K=V …` (pairs split at
/// ` NAME=`), `# ARG: "K" => "V"` (one pair, backslash escapes removed) or
/// `# unable to parse image command string further:`. Anything else is kind `other`
/// with a problem. Never throws.
[[nodiscard]] ast::history_arg_line parse_history_arg_line(std::string_view line);

/// True when a line of a ```dockerfile block is one of the comment lines above
/// (a prefix test: `# ARGS:`, `# ARG:`, `# unable to parse`).
[[nodiscard]] bool is_history_arg_line(std::string_view line) noexcept;

/// RFC 3339 with optional fractional seconds (`2024-05-01T12:34:56.5Z`,
/// `2024-05-01T14:34:56+02:00`; `t`/`z` and a space separator accepted as Go does not,
/// for lenience). Never throws; `valid` false when the text is not one.
[[nodiscard]] ast::timestamp parse_rfc3339(std::string_view text);

}  // namespace strata::parse
