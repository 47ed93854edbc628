// Installs: the packages a package manager's install command names, table-driven per
// manager (install subcommands, version separator, pin rule), and the cache flags of
// those commands (`apk --no-cache`, `pip --no-cache-dir`) as cleanups.
#include <algorithm>
#include <array>
#include <cctype>

#include "ast/text.hpp"
#include "facts/extract.hpp"

namespace strata::facts {

namespace {

using ast::lower;

/// How a manager writes a package's version, and when that pins it.
enum class version_rule {
   separator,  ///< NAME<sep>VERSION (`curl=7.88`, `pip==2.0`, `musl=~1.2`): any version pins
   at,         ///< npm / go: NAME@VERSION, pinned by an exact version or a commit (not `@latest`)
   rpm,        ///< yum / dnf: NAME-VERSION[-RELEASE]; modules (`module install`) NAME:STREAM
   gem,        ///< NAME:VERSION, or `-v VERSION`
};

struct manager {
   std::string_view names;     ///< blank-separated programs (pip2/pip3 are pip)
   std::string_view installs;  ///< blank-separated subcommands that install
   version_rule rule;
   std::string_view separator;   ///< version_rule::separator: the characters that start the version
   std::string_view cache_flag;  ///< the option that keeps no cache (a cleanup), or ""
   std::string_view cache_kind;  ///< its cleanup kind
};

constexpr std::array<manager, 9> managers = {{
    {"apt-get apt", "install", version_rule::separator, "=", "", ""},
    {"apk", "add", version_rule::separator, "=~<>", "--no-cache", "apk-cache"},
    {"yum dnf dnf5 microdnf", "install", version_rule::rpm, "", "", ""},
    {"zypper", "install in", version_rule::separator, "=<>", "", ""},  // `tomcat>=9.0`
    {"pip", "install", version_rule::separator, "==", "--no-cache-dir", "pip-cache"},
    {"npm pnpm", "install i add", version_rule::at, "", "", ""},
    {"yarn", "add", version_rule::at, "", "", ""},  // also `yarn global add`
    {"gem", "install i", version_rule::gem, ":", "", ""},
    {"go", "install get run", version_rule::at, "", "", ""},  // `go run`: its first operand only
}};

// The manager's name as facts give it (`pip3`, `pip3.11`, `pip2` -> `pip`).
std::string manager_name(const std::string& program) {
   if (program == "pip3" || program.starts_with("pip3.") || program == "pip2") return "pip";
   return program;
}

const manager* manager_of(const command_query& q) {
   const std::string name = manager_name(q.program());
   const auto it =
       std::find_if(managers.begin(), managers.end(), [&](const manager& m) { return listed(m.names, name); });
   return it == managers.end() ? nullptr : &*it;
}

bool handles(const command_query& q, const body_context& /*cx*/) {
   return !q.cmd().method && manager_of(q) != nullptr;
}

bool is_digit(char c) {
   return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Where the version starts in `v` (npos: none).
std::size_t version_start(const std::string& v, version_rule rule, std::string_view separator) {
   if (rule == version_rule::at)
      return v.find('@', v.starts_with('@') ? 1 : 0);  // npm scoped packages `@scope/name@1.0`
   if (separator == "==") return v.find_first_of("=<>~!");
   std::size_t at = std::string::npos;
   for (char s : separator) at = std::min(at, v.find(s, 1));
   return at;
}

// npm / go: an exact version (`@1.2.3`, `@v1.2.3`), a commit, or a variable (`@$VERSION`: the value is set
// elsewhere, as an ARG is); not `@latest`, `@^1`, `@master`.
bool pins_at(const std::string& version) {
   if (version.find('$') != std::string::npos) return true;
   std::string_view ver = std::string_view(version).substr(1);
   if (ver.starts_with('v')) ver.remove_prefix(1);
   const bool commit = version.size() >= 8 && std::all_of(version.begin() + 1, version.end(), [](char ch) {
                          return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
                       });
   return commit || (!ver.empty() && is_digit(ver[0]));
}

// NAME-VERSION or NAME-VERSION-RELEASE: the last one or two dash-separated parts start
// with a digit or a variable (`httpd-2.4.6-90.el7`, `git-core-${GIT_VER}`; not
// `java-11-openjdk-devel`).
void split_rpm(install& in) {
   const std::string& p = in.package;
   auto digit_after = [&](std::size_t k) {
      return k != std::string::npos && k + 1 < p.size() && (is_digit(p[k + 1]) || p[k + 1] == '$');
   };
   const auto last = p.rfind('-');
   if (!digit_after(last) || last == 0) return;
   const auto before_last = p.rfind('-', last - 1);
   const std::size_t cut = digit_after(before_last) && before_last > 0 ? before_last : last;
   in.version = p.substr(cut);
   in.package.resize(cut);
}

// `module` is true for the modules of `yum/dnf module install` (NAME:STREAM[/PROFILE]).
install package_of(const manager& m, const std::string& name, const shell_word& w, std::string_view gem_version,
                   bool module) {
   install in;
   in.manager = name;
   in.where = w.where;
   in.package = w.value;
   if (module) {
      if (const auto colon = w.value.find(':', 1); colon != std::string::npos) {
         in.package = w.value.substr(0, colon);
         in.version = w.value.substr(colon);
      }
   } else if (m.rule == version_rule::rpm) {
      split_rpm(in);
   } else if (const std::size_t at = version_start(w.value, m.rule, m.separator); at != std::string::npos) {
      in.package = w.value.substr(0, at);
      in.version = w.value.substr(at);
   }
   in.pinned = !in.version.empty();
   if (m.rule == version_rule::at && in.pinned) in.pinned = pins_at(in.version);
   if (m.rule == version_rule::gem && !gem_version.empty() && in.version.empty()) {
      in.version = gem_version;
      in.pinned = true;
   }
   return in;
}

// The cache flag among the options `args` (global options, or those after the subcommand).
void cache_flags(run_facts& f, std::size_t index, const command_query& q, const manager& m,
                 const std::vector<const argument*>& args) {
   for (const argument* a : args) {
      if (a->option && !m.cache_flag.empty() && q.cmd().words[a->index].value == m.cache_flag) {
         f.cleanups.push_back({std::string(m.cache_kind), q.cmd().words[a->index].where, static_cast<int>(index)});
      }
   }
}

// Subcommands whose next word installs: `yarn global add`, `yum/dnf module install`.
struct two_word_install {
   std::string_view manager;  ///< the manager's row (manager::names)
   std::string_view first;
   std::string_view second;
};
constexpr std::array<two_word_install, 2> two_word_installs = {{
    {"yarn", "global", "add"},
    {"yum dnf dnf5 microdnf", "module", "install"},
}};

// Index of the word after which the packages come (the install subcommand, `yarn global add`'s
// `add`), or nullopt when the command installs nothing. `module`: set for `module install`.
std::optional<std::size_t> install_word(const command_query& q, const manager& m, const argument& sub, bool& module) {
   const std::string s = lower(sub.name);
   module = false;
   const auto two = std::find_if(two_word_installs.begin(), two_word_installs.end(),
                                 [&](const two_word_install& t) { return t.manager == m.names && t.first == s; });
   if (two == two_word_installs.end()) return listed(m.installs, s) ? std::optional(sub.index) : std::nullopt;
   const auto& w = q.cmd().words;
   if (sub.index + 1 >= w.size() || lower(w[sub.index + 1].value) != two->second) return std::nullopt;
   module = two->first == "module";
   return sub.index + 1;
}

// A package file rather than a package name: `rpm` managers (yum, dnf, zypper) install
// `tomcat-9.0.39-1.rpm` from the file (its name carries the exact build).
bool is_package_file(const manager& m, const std::string& v) {
   return (m.rule == version_rule::rpm || m.names == "zypper") && lower(v).ends_with(".rpm");
}

bool is_local_path(const std::string& v) {
   return v.empty() || v == "." || v == ".." || v.starts_with("./") || v.starts_with("../") || v.starts_with("~/") ||
          v.starts_with("/") || v.find("://") != std::string::npos;
}

bool ends_with_any(std::string_view v, std::initializer_list<std::string_view> suffixes) {
   return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view s) { return v.ends_with(s); });
}

bool starts_with_any(std::string_view v, std::initializer_list<std::string_view> prefixes) {
   return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return v.starts_with(p); });
}

// A package named by where its source is rather than by name and version: pip and npm
// version-control URLs (`git+https://host/repo.git@v1.0#egg=x`, `git://host/repo.git#v1.0`).
bool is_vcs_url(const std::string& manager, std::string_view v) {
   if (manager == "pip") return starts_with_any(v, {"git+", "hg+", "svn+", "bzr+", "git://", "svn://"});
   if (manager == "npm") return starts_with_any(v, {"git://", "git+ssh://", "git+http://", "git+https://"});
   return false;
}

// Operands that install no named package: local files and folders, archives, and go's
// package patterns (`go install tool`, `go get all`, `go run main.go`).
bool names_no_package(const std::string& manager, const std::string& v) {
   if (is_local_path(v)) return true;
   if (manager == "pip") return v.find('/') != std::string::npos || ends_with_any(v, {".whl", ".tar.gz", ".zip"});
   if (manager == "npm" || manager == "pnpm") return ends_with_any(v, {".tar", ".tar.gz", ".tgz"});
   if (manager == "go") return listed("all std cmd tool", v) || v.ends_with(".go");
   return false;
}

// A version-control URL as a package: pinned by a ref (pip: `@ref` after the host,
// before any `#egg=`; npm: `#ref`).
install vcs_package(const std::string& manager, const shell_word& w) {
   install in;
   in.manager = manager;
   in.where = w.where;
   const std::string& v = w.value;
   std::size_t at = std::string::npos;
   if (manager == "pip") {
      const auto scheme = v.find("://");
      const auto path = v.find('/', scheme == std::string::npos ? 0 : scheme + 3);
      const auto end = std::min(v.find('#'), v.size());
      if (path != std::string::npos && path < end) {
         const auto ref = v.rfind('@', end - 1);
         if (ref != std::string::npos && ref > path) at = ref;
      }
      in.package = v.substr(0, std::min(at, end));
      if (at != std::string::npos) in.version = v.substr(at, end - at);
   } else {
      at = v.find('#');
      in.package = v.substr(0, at);
      if (at != std::string::npos && at + 1 < v.size()) in.version = v.substr(at);
   }
   in.pinned = !in.version.empty();
   return in;
}

// `apt-get install -s` (--simulate, --dry-run, ...) only prints what it would do.
bool simulated(const command_query& q) {
   return q.is_any({"apt-get", "apt"}) &&
          (q.has_option("-s") || q.has_option("--simulate") || q.has_option("--dry-run") ||
           q.has_option("--just-print") || q.has_option("--recon") || q.has_option("--no-act"));
}

// Whether `w` is one unquoted variable, `$deps` or `${DEPS}`.
bool one_variable(const shell_word& w) {
   const std::string& v = w.value;
   if (w.text != v || v.size() < 2 || v[0] != '$') return false;
   const bool braced = v[1] == '{';
   if (braced && (v.size() < 4 || v.back() != '}')) return false;
   const std::string_view name = std::string_view(v).substr(braced ? 2 : 1, v.size() - (braced ? 3 : 1));
   const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
   return !is_digit(name[0]) && std::all_of(name.begin(), name.end(), word_char);
}

// apt-get / apt / apk: a package word that is one unquoted variable whose value is known here
// (set earlier in the body, or by ARG/ENV) stands for the packages of its value, split at blanks,
// each at the variable's word. Other words stand for themselves.
std::vector<shell_word> package_words(const manager& m, const shell_word& w, std::size_t before,
                                      const body_context& cx) {
   if ((m.names != "apt-get apt" && m.names != "apk") || !one_variable(w)) return {w};
   const std::string e = cx.vars.expand(w.value, before);
   if (e == w.value) return {w};  // not known here
   std::vector<shell_word> out;
   for (std::size_t i = 0; (i = e.find_first_not_of(" \t\n", i)) != std::string::npos;) {
      const std::size_t end = std::min(e.find_first_of(" \t\n", i), e.size());
      shell_word part = w;
      part.value = e.substr(i, end - i);
      part.literal = part.value.find('$') == std::string::npos;
      if (!is_local_path(part.value)) out.push_back(std::move(part));
      i = end;
   }
   return out;
}

void extract(run_facts& f, std::size_t index, const command_query& q, body_context& cx) {
   const manager& m = *manager_of(q);
   const argument* sub = q.subcommand();
   if (simulated(q)) return;
   std::vector<const argument*> global, after;
   for (const auto& a : q.arguments()) (sub == nullptr || a.index < sub->index ? global : after).push_back(&a);
   cache_flags(f, index, q, m, global);  // `apk --no-cache add`, `pip --no-cache-dir install`
   if (sub == nullptr) return;
   bool module = false;
   const auto start = install_word(q, m, *sub, module);
   if (!start) return;
   after.erase(std::remove_if(after.begin(), after.end(), [&](const argument* a) { return a->index <= *start; }),
               after.end());
   cache_flags(f, index, q, m, after);
   const std::string name = manager_name(q.program());
   const bool go_run = name == "go" && lower(sub->name) == "run";
   std::string gem_version;
   std::vector<const argument*> packages;
   for (const argument* a : after) {
      if (a->option && a->name == "--" && m.rule == version_rule::gem) break;  // the extension's build options
      const bool version_option = a->name == "-v" || a->name == "--version";
      if (a->option && version_option && a->value && !a->value->empty()) gem_version = *a->value;
      if (a->option) continue;
      if (is_vcs_url(name, a->name) || (!names_no_package(name, a->name) && !is_package_file(m, a->name)))
         packages.push_back(a);
      if (go_run) break;  // the rest are the program's arguments
   }
   for (const argument* a : packages) {
      const shell_word& w = q.cmd().words[a->index];
      if (is_vcs_url(name, a->name)) {
         f.installs.push_back(vcs_package(name, w));
         f.installs.back().command = static_cast<int>(index);
         continue;
      }
      for (const shell_word& part : package_words(m, w, cx.script.commands[index].begin, cx)) {
         f.installs.push_back(package_of(m, name, part, gem_version, module));
         f.installs.back().command = static_cast<int>(index);
      }
   }
}

}  // namespace

const extractor install_extractor{handles, extract};

}  // namespace strata::facts
