// Internal to src/facts/: what the fact extractors share. run_facts.cpp parses a body,
// views each command through a command_query and hands it to every extractor whose
// programs it runs (downloads.cpp, verifications.cpp, installs.cpp, cleanups.cpp), in
// that order; then it expands the download URLs and associates verifications with
// downloads (verifications.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ast/shell_script.hpp"
#include "facts/command_query.hpp"
#include "facts/model.hpp"
#include "facts/paths.hpp"
#include "facts/variables.hpp"

namespace strata::facts {

/// The body being analysed.
struct body_context {
   std::string_view body;            ///< the RUN body's text
   const ast::shell_script& script;  ///< its parse (commands[i] is run_facts::commands[i])
   bool pwsh = false;                ///< PowerShell (else sh)
   const expander& vars;             ///< its variables
   /// Body offset of each download's command (run_facts::downloads order), for the URL
   /// expansion done once all commands are seen.
   std::vector<std::size_t>& download_offsets;
};

/// One kind of facts: which commands it reads, and what it finds in command `index` of
/// `f` (viewed by `q`); findings are appended to `f`.
struct extractor {
   bool (*handles)(const command_query& q, const body_context& cx);
   void (*extract)(run_facts& f, std::size_t index, const command_query& q, body_context& cx);
};

extern const extractor download_extractor;      // downloads.cpp
extern const extractor verification_extractor;  // verifications.cpp
extern const extractor install_extractor;       // installs.cpp
extern const extractor cleanup_extractor;       // cleanups.cpp

/// The words piped into command `index` of `f`, split on blanks (the binary-mode `*` of
/// `HASH *file` dropped), each with the word it comes from: what `... | sha256sum -c -` checks
/// and what `... | xargs curl` downloads. From a `grep PATTERN SUMS` producer only the pattern's
/// words, without the anchors `^`/`$` and backslashes (`grep " f.tar.xz\$" SHASUMS256.txt`
/// names `f.tar.xz`, not the sums file). In verifications.cpp.
[[nodiscard]] std::vector<std::pair<const shell_word*, std::string>> piped_tokens(const run_facts& f,
                                                                                  std::size_t index);

/// Which verification checks each download (verifications.cpp; see there).
void associate(run_facts& f);

/// Sets download::executed_by: the interpreter a download is piped into (through other
/// commands: `curl URL | tee f | sh`), or whose argument its output is (`sh -c "$(curl URL)"`,
/// `bash <(curl URL)`, `iex (...DownloadString(URL))`). In downloads.cpp.
void mark_executed(run_facts& f);

/// Whether the blank-separated list `list` (`"apt-get apt"`) holds `word`.
[[nodiscard]] bool listed(std::string_view list, std::string_view word);

}  // namespace strata::facts
