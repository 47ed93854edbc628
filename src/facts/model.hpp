// The facts model: the plain types that facts/run_facts.hpp derives from a RUN
// body (commands and their words, downloads, verifications, installs, cleanups,
// variables). No behaviour here; run_facts.hpp declares the functions that build
// them and facts/command_query.hpp queries the commands.
//
// Positions: every span is into the document's source file (ast/source.hpp:
// 1-based lines, columns in code points). The facts are derived with body-relative spans
// and relocated (run_facts.cpp, each_span): a new span field must be listed there. Command indexes (`command` fields,
// `piped_to`) index run_facts::commands; -1 means none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast/source.hpp"

namespace strata::facts {

enum class shell_kind { sh, pwsh, cmd, unknown };

/// One word of a command: as written, and with quotes removed.
struct shell_word {
   std::string text;   ///< as written
   std::string value;  ///< quotes and escapes removed, expansions kept as written (ast::shell_word)
   ast::span where;
   bool literal = true;  ///< no expansion in `value`
};

/// One simple command (sh) or cmdlet / native command / .NET method call (PowerShell).
struct command {
   std::string name;  ///< words[0]'s value; sh: its basename (`/usr/bin/curl` -> `curl`)
   /// The program run past the wrappers, as command_query::program() gives it (`sudo -E apt-get`
   /// -> `apt-get`; see facts/command_query.hpp): set by analyze_run, so that commands_named
   /// finds the commands of a program without viewing every command.
   std::string program;
   std::vector<shell_word> words;  ///< words[0] is the name (method calls: the method's name)
   ast::span where;
   bool method = false;  ///< a PowerShell .NET method call (`(New-Object Net.WebClient).DownloadFile(...)`)
   int depth = 0;        ///< nesting (0 = top level; see ast::shell_command::depth)
   int piped_to = -1;    ///< index of the command this one pipes into, or -1
   /// Parsed from the script string of a shell run by this body (`sh -c '...'`, `bash -c "..."`,
   /// `su -c '...'`): only the download and verification facts read it (hadolint's rules, the
   /// DL catalog, do not look into strings, and neither do strata's install and cleanup facts).
   bool in_string = false;
};

struct verification {
   std::string method;  ///< `sha256sum -c`, `gpg --verify`, `gpgv`, `Get-FileHash`, `ADD --checksum`, ...
   ast::span where;
   /// What it names: the file arguments (and for `sha256sum -c -`, the words piped in).
   std::vector<std::string> subjects;
   /// A checksum fixes the file's content (`sha256sum -c`, a compared hash, `Get-FileHash`,
   /// `ADD --checksum`); a signature check does not (a newer signed release passes too).
   bool pins_content = false;
   /// The expected hash when the check names it (after expansion), as `<algorithm>:<hex>`
   /// in lower case: `echo "$SHA256 *f" | sha256sum -c -` -> `sha256:3b48…`,
   /// `ADD --checksum=sha256:…`. Empty for signatures, sums files and hashes compared
   /// with a value the facts cannot see.
   std::string digest;
   /// Index into run_facts::commands of the command that verifies (-1 for ADD --checksum).
   int command = -1;
   /// A key file used only through the fingerprints the body names: imported into a keyring and
   /// then exported or listed by a 40-hex fingerprint (`gpg --import KEYS; gpg --export FPR`,
   /// `gpg --import-options show-only --import KEYS | grep FPR`). What the build trusts is fixed
   /// by the fingerprint whatever the URL serves; `pins_content` stays false.
   bool pins_key = false;
};

/// A key file imported into a keyring (`gpg --import f`, `curl URL | gpg --import`,
/// `rpmkeys --import f`, `rpm --import f`).
struct key_import {
   std::string tool;                ///< `gpg --import`, `rpm --import`, ...
   std::vector<std::string> files;  ///< the files named (as written and as expanded); empty when piped in
   ast::span where;
   int command = -1;  ///< index into run_facts::commands
};

struct download {
   std::string tool;  ///< `wget`, `curl`, `Invoke-WebRequest`, `DownloadFile`, `ADD`
   std::string url;   ///< after quote removal; variables as written (`$URL`, `$env:V`, `$url`)
   /// `url` with the values known here substituted: variables set earlier in the same
   /// body, and the ARG/ENV values in scope (Dockerfiles) or ENV history entries (pages).
   std::string expanded_url;
   std::string output;   ///< the output file when named, else ""
   ast::span where;      ///< the command (or the ADD source)
   ast::span url_where;  ///< the word holding the URL
   std::optional<verification> verified_by;
   /// Index into run_facts::commands of the command that downloads (-1 for ADD).
   int command = -1;
   /// The option that turns TLS certificate checks off, as written (`-k`, `-fsSLk`, `--insecure`,
   /// `--no-check-certificate`, `-SkipCertificateCheck`), or "".
   std::string insecure;
   /// Index into run_facts::commands of the interpreter that runs what is downloaded without
   /// keeping it (`curl URL | sh`, `sh -c "$(curl URL)"`, `bash <(curl URL)`, `iwr URL | iex`), or -1.
   /// Such a download is ST2004's alone: no check of a file can verify or pin it.
   int executed_by = -1;
   /// Imported as a key (a key_import names its file, or it is piped into one).
   bool imported_as_key = false;
};

/// One package named by a package manager's install command.
struct install {
   std::string
       manager;  ///< `apt-get`, `apt`, `apk`, `yum`, `dnf`, `microdnf`, `zypper`, `pip`, `npm`, `yarn`, `gem`, `go`
   std::string package;  ///< the name as written, version suffix removed
   std::string version;  ///< `=1.2-3`, `==2.0`, `@1.4`, `-v 1.0`: the version part, or ""
   bool pinned = false;  ///< a version is given (npm/go: other than `latest`)
   ast::span where;      ///< the package's word
   int command = -1;     ///< index into run_facts::commands of the install command
};

/// A cache or package list removed in the same body.
struct cleanup {
   std::string kind;  ///< `apt-lists`, `apt-cache`, `apk-cache`, `yum-cache`, `dnf-cache`, `zypper-cache`, `pip-cache`,
                      ///< `npm-cache`, `gem-cache`, `yarn-cache`
   ast::span where;   ///< the command (or the `--no-cache`-style flag) that does it
   int command = -1;  ///< index into run_facts::commands of that command
};

struct variable_set {
   std::string name;   ///< sh `NAME`; PowerShell `url`, `env:PATH`
   std::string value;  ///< the value, expansions kept as written
   ast::span where;
};

struct variable_reference {
   std::string name;
   ast::span where;
};

struct run_facts {
   shell_kind shell = shell_kind::sh;
   /// False when the body did not parse: `error` says why, `error_where` where;
   /// the facts found before the failure are still listed. Always true for cmd
   /// and unknown shells (their bodies are not parsed: no commands).
   bool parsed = true;
   std::string error;
   ast::span error_where;
   std::vector<command> commands;
   std::vector<download> downloads;
   std::vector<verification> verifications;
   std::vector<key_import> key_imports;
   std::vector<install> installs;
   std::vector<cleanup> cleanups;
   std::vector<variable_set> variables_set;
   std::vector<variable_reference> variables_referenced;
};

}  // namespace strata::facts
