#include "facts/command_query.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "ast/text.hpp"
#include "facts/extract.hpp"

namespace strata::facts {

namespace {

enum class scope { any, sh, pwsh };
enum class style { posix, pwsh };
/// Words a wrapper skips before the command it runs, besides its options.
enum class leading { none, assignments, durations };

bool is_option_word(std::string_view v) {
   return v.size() > 1 && v[0] == '-';
}

// Options curl and wget spell in full that take the next word as their value.
constexpr std::string_view transfer_values =
    "--output --output-document --header --user-agent --retry --connect-timeout --max-time --directory-prefix --data "
    "--user --proxy --cacert --retry-delay --retry-max-time --tries --timeout --request --referer --cert --ciphers "
    "--proto --proto-redir --output-dir --write-out --max-redirs --limit-rate --data-binary --data-raw "
    "--data-urlencode "
    "--cookie --cookie-jar --range --continue-at --form --key --resolve --connect-to --config --append-output "
    "--output-file";

// Options of the checksum and signature tools that take a value (one list for all of them).
constexpr std::string_view verifier_values = "--keyring --homedir -Algorithm --key -p";

// gpg's options that take the next word as their value (whole words: gpg's short options do not group).
constexpr std::string_view gpg_values =
    "--keyring --homedir -Algorithm --key -p --import-options --export-options --keyserver --keyserver-options "
    "--output -o --recipient -r --local-user -u --default-key --trusted-key --status-fd --logger-fd --passphrase-fd "
    "--command-fd --trust-model";

constexpr std::string_view sums = "sha1sum sha224sum sha256sum sha384sum sha512sum md5sum b2sum shasum";

}  // namespace

/// One row: the programs it describes, the shell they are looked up in, how options are
/// written, which options (as whole words) and which short letters (inside a group)
/// take a value, whether short options group, whether the program has subcommands.
struct command_query::syntax {
   std::string_view programs;  ///< blank-separated, lower case
   scope in = scope::any;
   style options = style::posix;
   std::string_view values;         ///< blank-separated options taking the next word as value
   std::string_view value_letters;  ///< short letters taking a value inside a group
   bool groups = true;              ///< `-abc` is `-a -b -c`
   bool subcommands = false;        ///< `apt-get install`, `openssl dgst`
   leading skips = leading::none;   ///< wrappers: other words skipped before the command
};

namespace {

using syntax = command_query::syntax;

// The option table. Lookup: the first row naming the program in a scope that allows the shell.
const std::array<syntax, 24> table = {{
    // wrappers (sh): their options are skipped as today's extractors skipped them: whole words
    {"sudo", scope::sh, style::posix, "-u -g -C -D -h -p -r -t -U", "", false},
    {"env", scope::sh, style::posix, "-u -C -S", "", false, false, leading::assignments},
    {"nice", scope::sh, style::posix, "-n", "", false},
    {"timeout", scope::sh, style::posix, "-s -k", "", false, false, leading::durations},
    {"time exec nohup command builtin eatmydata", scope::sh, style::posix, "", "", false},
    // package managers (value-taking short options are whole words: `-o x`, not `-yo x`)
    {"apt-get apt", scope::any, style::posix, "-o --option -t --target-release -c --config-file -a --host-architecture",
     "", true, true},
    {"apk", scope::any, style::posix, "-t --virtual -X --repository --repositories-file -p --root --arch", "", true,
     true},
    {"yum dnf dnf5 microdnf", scope::any, style::posix,
     "--enablerepo --disablerepo --setopt --releasever --installroot -c --config -d --debuglevel -e --errorlevel -R "
     "--randomwait -x --exclude --repo --repoid --downloaddir --destdir --forcearch",
     "", true, true},
    {"zypper", scope::any, style::posix,
     "-r --repo --from -t --type -R --root --installroot --reposd-dir --cache-dir --raw-cache-dir --solv-cache-dir "
     "--pkg-cache-dir --config",
     "", true, true},
    {"pip pip2 pip3", scope::any, style::posix,
     "-r --requirement -i --index-url --extra-index-url -c --constraint -t --target --prefix -f --find-links --root "
     "--trusted-host --platform --python-version --progress-bar --cache-dir -e --editable --abi -b --build "
     "--implementation --no-binary --only-binary --proxy --src --upgrade-strategy --log --timeout --retries "
     "--exists-action --cert --client-cert --python --report -C --config-settings --global-option",
     "", true, true},
    {"npm yarn pnpm", scope::any, style::posix,
     "--prefix --registry --cache --tag --loglevel --userconfig --network-timeout --modules-folder --cwd", "", true,
     true},
    // gem: `--use-system-libraries true` is nokogiri's build option written before `--`
    {"gem", scope::any, style::posix,
     "-v --version -i --install-dir --source -s -n --bindir --platform --trust-policy -P --use-system-libraries", "",
     true, true},
    {"go", scope::any, style::posix,
     "-ldflags -tags -gcflags -o -asmflags -buildmode -C -compiler -exec -gccgoflags -installsuffix -mod -modfile "
     "-overlay -p -pgo -pkgdir -toolexec -coverpkg -covermode",
     "", false, true},
    // PowerShell's web cmdlets (in PowerShell, `curl` and `wget` name Invoke-WebRequest)
    {"invoke-webrequest iwr invoke-restmethod irm start-bitstransfer wget curl", scope::pwsh, style::pwsh,
     "-uri -source -url -outfile -destination -headers -method -useragent -timeoutsec -proxy", "", false},
    {"curl curl.exe", scope::any, style::posix, transfer_values, "AbcCdDeEFHKmoPQrTuUwxXyYz", true},
    {"wget wget.exe", scope::any, style::posix, transfer_values, "OoPeUaBtTwlQiDIXRA", true},
    {"useradd", scope::any, style::posix,
     "--base-dir --comment --home-dir --expiredate --inactive --gid --groups --skel --key --password --shell --uid "
     "--root "
     "--prefix --selinux-user",
     "bcdefgGkKpsuRP", true},
    // checksum and signature tools
    {sums, scope::any, style::posix, verifier_values, "", true},
    {"gpg gpg2", scope::any, style::posix, gpg_values, "", false},
    {"gpgv gpgv2 minisign signify get-filehash", scope::any, style::posix, verifier_values, "", false},
    {"cosign", scope::any, style::posix, verifier_values, "", false},
    {"openssl", scope::any, style::posix, verifier_values, "", false, true},
    // shells, as exec-form RUN runs them (`["powershell", "-Command", ...]`)
    {"powershell pwsh powershell.exe pwsh.exe", scope::any, style::posix, "", "", false},
    {"sh bash ash dash zsh ksh busybox", scope::any, style::posix, "", "", true},
}};

const syntax unknown_program{};  // no option takes a value, short options group

/// The table by program name, one index per shell: the first row naming a program wins.
struct syntax_index {
   std::unordered_map<std::string_view, const syntax*> sh, pwsh;
   syntax_index() {
      for (const auto& row : table) {
         for (std::size_t p = 0; p < row.programs.size();) {
            const auto e = std::min(row.programs.find(' ', p), row.programs.size());
            const auto name = row.programs.substr(p, e - p);
            if (row.in != scope::pwsh) sh.try_emplace(name, &row);
            if (row.in != scope::sh) pwsh.try_emplace(name, &row);
            p = e + 1;
         }
      }
   }
};

const syntax& syntax_of(std::string_view program, bool pwsh) {
   static const syntax_index index;
   const std::string_view name = program.starts_with("pip3.") ? "pip" : program;
   const auto& by_name = pwsh ? index.pwsh : index.sh;
   const auto it = by_name.find(name);
   return it == by_name.end() ? unknown_program : *it->second;
}

bool is_wrapper(std::string_view name) {
   const syntax& s = syntax_of(name, false);
   return s.in == scope::sh && s.options == style::posix;
}

// Whether a wrapper skips `v` as one of its leading words (`env A=b`, `timeout 5`).
bool skips_leading(const syntax& s, std::string_view v) {
   if (s.skips == leading::assignments) return v.find('=') != std::string_view::npos;
   if (s.skips == leading::durations) return !v.empty() && std::isdigit(static_cast<unsigned char>(v[0])) != 0;
   return false;
}

bool is_python(std::string_view m) {
   return m == "python" || m.starts_with("python3") || m == "python2" || m == "py";
}

bool is_pip(std::string_view m) {
   return m == "pip" || m == "pip2" || m == "pip3" || m.starts_with("pip3.");
}

}  // namespace

command_query::command_query(const command& c, bool pwsh) : command_(&c) {
   if (!pwsh) skip_wrappers();
   if (program_index_ < c.words.size()) {
      program_ = ast::lower(basename(c.words[program_index_].value));
      run_module();
   }
   syntax_ = &syntax_of(program_, pwsh);
}

// Past wrappers and their options (`sudo -u app`, `env -u X A=b`, `nice -n 10`, `timeout -s KILL 5`).
void command_query::skip_wrappers() {
   const auto& w = command_->words;
   std::size_t i = 0;
   // viewed: most commands have no wrapper, and no string is made for them
   while (i < w.size() && is_wrapper(basename_view(w[i].value))) {
      wrappers_.emplace_back(basename_view(w[i].value));
      const syntax& s = syntax_of(wrappers_.back(), false);
      for (++i; i < w.size();) {
         const std::string& v = w[i].value;
         if (listed(s.values, v)) {
            i += 2;
         } else if (is_option_word(v) || skips_leading(s, v)) {
            ++i;
         } else {
            break;
         }
      }
   }
   program_index_ = std::min(i, w.size());
}

// `python -m pip ...`: the module is the program.
void command_query::run_module() {
   const auto& w = command_->words;
   const std::size_t i = program_index_;
   if (!is_python(program_) || i + 2 >= w.size() || w[i + 1].value != "-m" || !is_pip(w[i + 2].value)) return;
   program_ = w[i + 2].value;
   program_index_ = i + 2;
   through_module_ = true;
}

namespace {

// A PowerShell parameter: `-Uri value`, `-Uri:value`, `-UseBasicParsing`.
argument pwsh_parameter(const syntax& s, const std::vector<shell_word>& w, std::size_t& i) {
   argument a{true, i, ast::lower(w[i].value), std::nullopt, std::nullopt};
   if (const auto colon = a.name.find(':'); colon != std::string::npos) {
      a.name.resize(colon);
      a.value = w[i].value.substr(colon + 1);
      a.value_index = i;
   } else if (listed(s.values, a.name) && i + 1 < w.size()) {
      a.value = w[++i].value;
      a.value_index = i;
   }
   return a;
}

// `--name=value`, `--name value`, `--flag`.
argument long_option(const syntax& s, const std::vector<shell_word>& w, std::size_t& i) {
   const std::string& v = w[i].value;
   const auto eq = v.find('=');
   argument a{true, i, v.substr(0, eq), std::nullopt, std::nullopt};
   if (eq != std::string::npos) {
      a.value = v.substr(eq + 1);
      a.value_index = i;
   } else if (listed(s.values, a.name) && i + 1 < w.size()) {
      a.value = w[++i].value;
      a.value_index = i;
   }
   return a;
}

// `-o value` (a whole word the table lists), `-fsSLo value`, `-ovalue`, `-yq`.
argument short_option(const syntax& s, const std::vector<shell_word>& w, std::size_t& i) {
   const std::string& v = w[i].value;
   argument a{true, i, v, std::nullopt, std::nullopt};
   if (listed(s.values, v)) {
      if (i + 1 < w.size()) {
         a.value = w[++i].value;
         a.value_index = i;
      }
      return a;
   }
   if (!s.groups) return a;
   const auto k = v.find_first_of(s.value_letters, 1);
   if (s.value_letters.empty() || k == std::string::npos) return a;
   a.name = v.substr(0, k + 1);
   a.value = v.substr(k + 1);
   a.value_index = i;
   if (a.value->empty()) {
      a.value_index.reset();
      if (i + 1 < w.size()) {
         a.value = w[++i].value;
         a.value_index = i;
      }
   }
   return a;
}

// The option a value belongs to: the option itself, or a group's last letter (`-fsSLo file`: `-o`).
std::string value_owner(const syntax& s, const argument& a) {
   if (s.options == style::pwsh || a.name.starts_with("--") || listed(s.values, a.name) || s.value_letters.empty()) {
      return a.name;
   }
   return std::string("-") + a.name.back();
}

}  // namespace

void command_query::parse_arguments() const {
   arguments_read_ = true;
   const auto& w = command_->words;
   for (std::size_t i = program_index_ + 1; i < w.size(); ++i) {
      const std::string& v = w[i].value;
      if (syntax_->options == style::pwsh && v.starts_with('-')) {
         arguments_.push_back(pwsh_parameter(*syntax_, w, i));
      } else if (syntax_->options == style::pwsh || !is_option_word(v)) {
         arguments_.push_back({false, i, v, std::nullopt, std::nullopt});
      } else if (v.starts_with("--")) {
         arguments_.push_back(long_option(*syntax_, w, i));
      } else {
         arguments_.push_back(short_option(*syntax_, w, i));
      }
   }
}

bool command_query::is_any(std::initializer_list<std::string_view> programs) const {
   return std::find(programs.begin(), programs.end(), program_) != programs.end();
}

bool command_query::wrapper(std::string_view name) const {
   return std::find(wrappers_.begin(), wrappers_.end(), name) != wrappers_.end();
}

const shell_word* command_query::word(std::size_t k) const {
   const std::size_t i = program_index_ + k;
   return k > 0 && i < command_->words.size() ? &command_->words[i] : nullptr;
}

const argument* command_query::subcommand() const {
   const auto& args = arguments();
   const auto it = std::find_if(args.begin(), args.end(), [](const argument& a) { return !a.option; });
   return it == args.end() ? nullptr : &*it;
}

std::vector<const argument*> command_query::operands() const {
   std::vector<const argument*> out;
   const argument* sub = syntax_->subcommands ? subcommand() : nullptr;
   for (const auto& a : arguments()) {
      if (!a.option && &a != sub) out.push_back(&a);
   }
   return out;
}

bool command_query::is_option(const argument& a, std::string_view name) const {
   if (!a.option) return false;
   if (syntax_->options == style::pwsh) return a.name == ast::lower(name);
   if (a.name == name) return true;
   const bool letter = name.size() == 2 && name[0] == '-' && name[1] != '-';
   return letter && syntax_->groups && !a.name.starts_with("--") && a.name.find(name[1], 1) != std::string::npos;
}

bool command_query::has_option(std::string_view name) const {
   const auto& args = arguments();
   return std::any_of(args.begin(), args.end(), [&](const argument& a) { return is_option(a, name); });
}

std::vector<std::string> command_query::option_values(std::initializer_list<std::string_view> names) const {
   std::vector<std::string> out;
   for (const auto& a : arguments()) {
      if (!a.value) continue;
      const std::string owner = value_owner(*syntax_, a);
      const bool named = std::any_of(names.begin(), names.end(), [&](std::string_view n) {
         return syntax_->options == style::pwsh ? ast::lower(n) == owner : n == owner;
      });
      if (named) out.push_back(*a.value);
   }
   return out;
}

std::string command_query::program_of(const command& c, bool pwsh) {
   return command_query(c, pwsh).program_;
}

std::vector<command_query> commands_named(const run_facts& f, std::initializer_list<std::string_view> programs) {
   std::vector<command_query> out;
   const bool pwsh = f.shell == shell_kind::pwsh;
   for (const auto& c : f.commands) {
      if (c.in_string) continue;
      // command::program is set by analyze_run; a command made elsewhere has it empty
      const std::string program = c.program.empty() ? command_query::program_of(c, pwsh) : std::string();
      const std::string_view p = c.program.empty() ? std::string_view(program) : std::string_view(c.program);
      if (std::find(programs.begin(), programs.end(), p) == programs.end()) continue;
      out.emplace_back(c, pwsh);
   }
   return out;
}

}  // namespace strata::facts
