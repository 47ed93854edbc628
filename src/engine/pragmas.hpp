// In-file ignore pragmas: comments that turn findings off.
//
// hadolint's forms (shared/docs/hadolint.md §1, "Inline pragmas"), read as hadolint reads them:
//   # hadolint ignore=DL3008,SC2086        the instruction that starts on the very next line
//   # hadolint global ignore=DL3008        the whole file
//   # hadolint stage ignore=DL3008         the stage of the FROM that follows (or that holds the comment)
// Spaces are allowed around `=` and `,`; a trailing `# reason` is allowed. hadolint accepts
// only names made of `DLSC0-9` and voids the whole pragma on any other name; strata reads the
// valid names and reports the others (rule ST0006).
//
// strata's forms take rule ids, id prefixes, names and aliases, case-insensitively:
//   # strata ignore=ST2001,download-without-verification    the next instruction (blank lines and
//                                                           other comments between are allowed)
//   # strata global ignore=DL3008                           the whole file
//   # strata stage ignore=DL3008                            the stage, as hadolint's
//
// `# hadolint shell=powershell` is read too (engine/runs.hpp: the shell of the RUN bodies).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ast/source.hpp"
#include "engine/finding.hpp"

namespace strata::ast {
struct dockerfile;
}

namespace strata::engine {

enum class pragma_scope { next_instruction, stage, global };

/// One `# hadolint ...` / `# strata ...` ignore pragma.
struct pragma {
   pragma_scope scope = pragma_scope::next_instruction;
   bool hadolint = true;  ///< `# hadolint`; false for `# strata`
   struct name {
      std::string text;  ///< as written
      ast::span where;
      bool known = true;   ///< names a rule (or is a ShellCheck code `SCnnnn`)
      bool voids = false;  ///< a hadolint name not made of `DLSC0-9`: the pragma is void
   };
   std::vector<name> names;
   /// hadolint voids a whole pragma when one name is not made of `DLSC0-9` (`ignore=crazy,DL3002`
   /// ignores nothing); strata's pragmas are never void (the unknown names are skipped).
   bool voided = false;
   ast::span where;  ///< the comment
   /// The lines the pragma covers, inclusive (1-based); {0, 0} when it covers nothing
   /// (a next-line pragma with no instruction on the next line).
   std::uint32_t first_line = 0;
   std::uint32_t last_line = 0;
};

/// The ignore pragmas of a Dockerfile's comments, in file order, with the lines they cover.
[[nodiscard]] std::vector<pragma> ignore_pragmas(const ast::dockerfile& df);

/// `# hadolint shell=NAME` pragmas: the shell they name (lowercased) and the index of the
/// instruction that follows them (dockerfile::instructions; size() when none follows).
struct shell_pragma {
   std::string shell;
   std::size_t next_instruction = 0;
};
[[nodiscard]] std::vector<shell_pragma> shell_pragmas(const ast::dockerfile& df);

/// Whether a pragma name covers a finding: hadolint names equal the finding's id (or an
/// alias of its rule); strata names may also be an id prefix or the rule's name.
[[nodiscard]] bool pragma_covers(const pragma& p, const finding& f);

/// Removes from `findings` those of `df`'s file that a pragma covers.
void apply_pragmas(const ast::dockerfile& df, std::span<const pragma> pragmas, std::vector<finding>& findings,
                   std::size_t first = 0);

}  // namespace strata::engine
