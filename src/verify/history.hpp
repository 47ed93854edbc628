// Published history against its source Dockerfile (formats.md §2): the history entries a
// Dockerfile's final stage (or a --target stage) makes, and their alignment with the
// entries a history document records (repo-info tag page section, `docker history`
// output, image config `history`).
//
// Prediction (formats.md §2.1-§2.2): one entry per instruction of the stage except FROM,
// from the instruction as the Dockerfile parser joined it (continuations joined, comment
// lines dropped). ENV/LABEL/ARG values, WORKDIR/USER/STOPSIGNAL/EXPOSE/VOLUME and COPY/ADD
// destinations are expanded with the ARG/ENV values in scope and the build arguments given;
// a variable the Dockerfile does not set (the base image's `$PATH`) matches any text. RUN
// bodies are not expanded. Shell-form CMD/ENTRYPOINT run through the SHELL in effect
// (`/bin/sh -c`, Windows `cmd /S /C`). Classic and BuildKit renderings compare alike: the
// comparison reads the parsed history instruction (ast/history_line.hpp), not its text.
// Classic COPY/ADD record a content hash: only the destination is compared. ARG entries
// are optional (builders record them or not).
//
// Alignment: the Dockerfile's entries match the last entries of the history one to one
// (a semi-global alignment: the entries before the first match are the base image's,
// free); a pair of one keyword with other arguments is a drift, an entry of the Dockerfile
// that the history lacks is missing, an entry after the base that the Dockerfile does not
// make is extra.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ast/dockerfile.hpp"
#include "ast/history_line.hpp"
#include "ast/source.hpp"

namespace strata::verify {

/// One history entry a Dockerfile instruction makes.
struct predicted_entry {
   std::size_t instruction = 0;  ///< index in dockerfile::instructions
   std::string keyword;          ///< upper case: `RUN`, `ENV`, ...
   /// The entry as repo-info prints it (classic rendering), for messages and diffs:
   /// `ENV PYTHON_VERSION=3.6.4`, `RUN set -ex; ...`, `CMD ["python3"]`.
   std::string text;
   /// What is compared, one string per part (RUN: the body; ENV: `K=V` per pair; CMD: the
   /// elements; COPY: the destination, ...). A part may hold wildcards (see `wildcard`).
   std::vector<std::string> parts;
   bool optional = false;  ///< ARG: recorded by some builders only
   ast::span where;        ///< the instruction in the Dockerfile (1-based lines, code point columns)
};

/// Marks, inside predicted_entry::parts, the place of a variable the Dockerfile does not
/// set: it matches any text (including none).
inline constexpr char wildcard = '\x1d';

struct prediction_options {
   std::optional<std::string> target;              ///< a stage name (or index); the final stage when absent
   std::map<std::string, std::string> build_args;  ///< `--build-arg K=V`: values of declared ARGs
   bool windows = false;                           ///< the image runs Windows (default shell `cmd /S /C`)
};

/// The entries of the stage, in order; `error` says why there are none (no such target,
/// no FROM).
[[nodiscard]] std::vector<predicted_entry> predict(const ast::dockerfile& df, const prediction_options& options,
                                                   std::string& error);

/// One recorded entry, oldest first, as the caller read it from its document.
struct observed_entry {
   const ast::history_instruction* instruction = nullptr;  ///< null when the text could not be read
   std::string text;                                       ///< as printed (for diffs)
};

/// The parts of a recorded instruction in predicted_entry::parts' shape (keyword first).
[[nodiscard]] std::vector<std::string> observed_parts(const ast::history_instruction& h);

/// Whether a recorded entry is what `p` predicts; `difference` says how it differs
/// (`PYTHON_VERSION=3.6.5` where the Dockerfile has `PYTHON_VERSION=3.6.4`).
[[nodiscard]] bool matches(const predicted_entry& p, const observed_entry& o, std::string& difference);

struct entry_difference {
   enum class kind { drift, missing, extra } what = kind::drift;
   std::optional<std::size_t> predicted;  ///< index into the prediction (drift, missing)
   std::optional<std::size_t> observed;   ///< index into the observed entries (drift, extra)
   std::string detail;                    ///< drift: the word-level difference
};

struct alignment {
   std::size_t base = 0;     ///< observed entries before the Dockerfile's: the base image's
   std::size_t own = 0;      ///< observed entries after them
   std::size_t matched = 0;  ///< pairs that match exactly
   std::vector<std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> pairs;  ///< predicted, observed
   std::vector<entry_difference> differences;
   [[nodiscard]] bool exact() const noexcept { return differences.empty(); }
};

/// Aligns `predicted` with `observed` (see the top of this file). O(|p| × |o|).
[[nodiscard]] alignment align(const std::vector<predicted_entry>& predicted,
                              const std::vector<observed_entry>& observed);

/// A word-level difference of two texts: the words of `b` that replace words of `a`, with
/// one word of context (`… PYTHON_VERSION=3.6.4 → PYTHON_VERSION=3.6.5 …`); "" when equal.
[[nodiscard]] std::string word_diff(const std::string& a, const std::string& b);

}  // namespace strata::verify
