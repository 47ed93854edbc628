// Cleanups: package-manager cache commands (`apt-get clean`, `yum clean all`, `npm cache
// clean`, ...; `apt-get distclean` also removes the package lists) and removals of cache and
// package-list folders (`rm -rf /var/lib/apt/lists/*`).
#include <algorithm>
#include <array>

#include "ast/text.hpp"
#include "facts/extract.hpp"

namespace strata::facts {

namespace {

using ast::lower;

bool is_removal(const command_query& q) {
   return q.is_any({"rm", "remove-item", "ri", "del"});
}

bool handles(const command_query& q, const body_context& /*cx*/) {
   return !q.cmd().method && (is_removal(q) || q.is_any({"apt-get", "apt", "yum", "dnf", "dnf5", "microdnf", "zypper",
                                                         "npm", "pip", "pip3", "gem", "yarn"}));
}

// The k-th word after the program, lower-cased ("" past the end).
std::string arg(const command_query& q, std::size_t k) {
   const shell_word* w = q.word(k);
   return w == nullptr ? std::string() : lower(w->value);
}

// apt's `distclean` (also spelled `dist-clean`): `clean`, and the package lists removed too.
bool distclean(const std::string& subcommand) {
   return subcommand == "distclean" || subcommand == "dist-clean";
}

// The subcommand of `q`, lower-cased ("" when none): global options may come first
// (`zypper -n clean`, `yum -q clean all`).
std::string subcommand(const command_query& q) {
   const argument* sub = q.subcommand();
   return sub == nullptr ? std::string() : lower(sub->name);
}

// The cache a package manager's command cleans (`apt-get clean`, `dnf clean all`), or "".
// Words are taken by position (`apt-get -y clean` is not matched), except for the rpm
// managers, read by subcommand.
std::string cleaned_cache(const command_query& q) {
   const std::string& n = q.program();
   const std::string a1 = arg(q, 1);
   if (q.is_any({"apt-get", "apt"}) && (a1 == "clean" || distclean(a1))) return "apt-cache";
   if (q.is_any({"yum", "dnf", "dnf5", "microdnf"}) && subcommand(q) == "clean") return n + "-cache";
   if (n == "zypper" && (subcommand(q) == "clean" || subcommand(q) == "cc")) return "zypper-cache";
   if (n == "npm" && a1 == "cache" && arg(q, 2) == "clean") return "npm-cache";
   const bool pip = q.is_any({"pip", "pip3"}) && !q.through_module();  // `python -m pip cache purge`: not matched
   if (pip && a1 == "cache" && (arg(q, 2) == "purge" || arg(q, 2) == "remove")) return "pip-cache";
   if (n == "gem" && a1 == "cleanup") return "gem-cache";
   if (n == "yarn" && a1 == "cache" && arg(q, 2) == "clean") return "yarn-cache";
   return {};
}

// The cache or package list a removed path is, or "".
std::string removed_cache(const std::string& v) {
   struct folder {
      std::string_view prefix;
      std::string_view kind;
   };
   static constexpr std::array<folder, 7> folders = {{{"/var/lib/apt/lists", "apt-lists"},
                                                      {"/var/cache/apt", "apt-cache"},
                                                      {"/var/cache/apk", "apk-cache"},
                                                      {"/var/cache/yum", "yum-cache"},
                                                      {"/var/cache/dnf", "dnf-cache"},
                                                      {"/var/cache/libdnf5", "dnf-cache"},  // dnf5
                                                      {"/var/cache/zypp", "zypper-cache"}}};
   for (const auto& f : folders) {
      if (v.starts_with(f.prefix)) return std::string(f.kind);
   }
   if (v.find(".cache/pip") != std::string::npos) return "pip-cache";
   if (v.find(".cache/yarn") != std::string::npos) return "yarn-cache";
   if (v.find("/.npm/") != std::string::npos || v.ends_with("/.npm") || v.find("/_cacache") != std::string::npos) {
      return "npm-cache";
   }
   return {};
}

void extract(run_facts& f, std::size_t index, const command_query& q, body_context& /*cx*/) {
   const command& c = q.cmd();
   const int at = static_cast<int>(index);
   if (auto kind = cleaned_cache(q); !kind.empty()) f.cleanups.push_back({std::move(kind), c.where, at});
   if (q.is_any({"apt-get", "apt"}) && distclean(arg(q, 1))) f.cleanups.push_back({"apt-lists", c.where, at});
   if (!is_removal(q)) return;
   for (std::size_t k = q.program_index() + 1; k < c.words.size(); ++k) {
      if (auto kind = removed_cache(c.words[k].value); !kind.empty())
         f.cleanups.push_back({std::move(kind), c.words[k].where, at});
   }
}

}  // namespace

const extractor cleanup_extractor{handles, extract};

}  // namespace strata::facts
