// Verifications: checksum tools (`sha256sum -c`, a hash computed and compared, PowerShell
// `Get-FileHash` compared), signature tools (`gpg --verify`, `gpgv`, `cosign verify`,
// `minisign -V`, `signify -V`), and which download each one checks (associate).
#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <optional>

#include <re2/re2.h>

#include "ast/text.hpp"
#include "facts/extract.hpp"

namespace strata::facts {

namespace {

using ast::lower;

constexpr std::array<std::string_view, 8> sums = {"sha1sum",   "sha224sum", "sha256sum", "sha384sum",
                                                  "sha512sum", "md5sum",    "b2sum",     "shasum"};

bool is_sum(std::string_view n) {
   return std::find(sums.begin(), sums.end(), n) != sums.end();
}

// `sha256sum` -> `sha256`; "" for tools whose name does not give the algorithm.
std::string sum_algorithm(std::string_view n) {
   return n == "b2sum" || n == "shasum" ? std::string() : std::string(n.substr(0, n.size() - 3));
}

bool is_hex(char c) {
   return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// A hash as a check names it: 32 to 128 hex digits (MD5 to SHA-512).
bool is_hex_digest(std::string_view s) {
   return s.size() >= 32 && s.size() <= 128 && std::all_of(s.begin(), s.end(), is_hex);
}

// The number of hex digits at the start of `s`.
std::size_t hex_run(std::string_view s) {
   return static_cast<std::size_t>(std::find_if_not(s.begin(), s.end(), is_hex) - s.begin());
}

// Whether `s` holds a run of at least `n` hex digits.
bool holds_hex_run(std::string_view s, std::size_t n) {
   for (std::size_t p = 0; p < s.size();) {
      const std::size_t run = hex_run(s.substr(p));
      if (run >= n) return true;
      p += run + 1;
   }
   return false;
}

bool is_php(std::string_view n) {
   return n == "php" || (n.starts_with("php") && n.size() <= 6 && std::isdigit(static_cast<unsigned char>(n[3])) != 0);
}

bool handles(const command_query& q, const body_context& /*cx*/) {
   return !q.cmd().method && (is_sum(q.program()) || is_php(q.program()) ||
                              q.is_any({"gpg", "gpg2", "gpgv", "gpgv2", "cosign", "minisign", "signify", "openssl",
                                        "get-filehash", "rpm", "rpmkeys"}));
}

// A key's fingerprint as gpg names it: 40 hex digits (a `0x` prefix allowed).
bool is_fingerprint(std::string_view s) {
   if (s.starts_with("0x") || s.starts_with("0X")) s.remove_prefix(2);
   return s.size() == 40 && hex_run(s) == 40;
}

// Whether word `w` of command `index` names fingerprints only (`'E588…'`, `"$key"` of
// `for key in 'DCFD…' 'A9C5…'`, `$GPG_KEY` set to one).
bool names_fingerprint(const shell_word& w, std::size_t index, const body_context& cx) {
   const auto values = cx.vars.candidates(w.value, cx.script.commands[index].begin);
   return !values.empty() &&
          std::all_of(values.begin(), values.end(), [](const std::string& v) { return is_fingerprint(v); });
}

}  // namespace

std::vector<std::pair<const shell_word*, std::string>> piped_tokens(const run_facts& f, std::size_t index) {
   std::vector<std::pair<const shell_word*, std::string>> out;
   for (const auto& p : f.commands) {
      if (p.piped_to != static_cast<int>(index)) continue;
      const command_query q(p, f.shell == shell_kind::pwsh);
      const bool grep = q.is_any({"grep", "egrep", "fgrep"});
      std::vector<std::size_t> words;
      if (grep) {  // the pattern names the file; the other operands are the sums files it reads
         const auto operands = q.operands();
         if (!operands.empty()) words.push_back(operands.front()->index);
      } else {
         for (std::size_t i = q.program_index() + 1; i < p.words.size(); ++i) words.push_back(i);
      }
      for (const std::size_t i : words) {
         const std::string_view v = p.words[i].value;
         for (std::size_t pos = 0; pos < v.size();) {
            const auto b = v.find_first_not_of(" \t", pos);
            if (b == std::string_view::npos) break;
            const auto e = std::min(v.find_first_of(" \t", b), v.size());
            std::string token(v.substr(b, e - b));
            pos = e;
            if (token.starts_with('*')) token.erase(0, 1);
            if (grep) {  // ` node-v$V-linux-x64.tar.xz\$`: the regular expression's anchors and escapes go
               if (token.starts_with('^')) token.erase(0, 1);
               if (token.ends_with('$')) token.pop_back();
               std::erase(token, '\\');
            }
            if (!token.empty()) out.emplace_back(&p.words[i], std::move(token));
         }
      }
   }
   return out;
}

namespace {

// Whether `text` compares values (sh `=`, `!=`, `==`, `-eq`; PowerShell `-eq`, `-ne`, `-match`, ...).
bool has_comparison(std::string_view text, bool pwsh) {
   static constexpr std::array<std::string_view, 10> pwsh_ops = {"-eq",  "-ne",    "-ceq",      "-cne",  "-ieq",
                                                                 "-ine", "-match", "-notmatch", "-like", "-notlike"};
   static constexpr std::array<std::string_view, 4> sh_ops = {" = ", " != ", " == ", " -eq "};
   const std::string t = lower(text);
   if (!pwsh)
      return std::any_of(sh_ops.begin(), sh_ops.end(),
                         [&](std::string_view op) { return t.find(op) != std::string::npos; });
   return std::any_of(pwsh_ops.begin(), pwsh_ops.end(), [&](std::string_view op) {
      for (auto p = t.find(op); p != std::string::npos; p = t.find(op, p + 1)) {
         const std::size_t e = p + op.size();
         if (e >= t.size() || std::isalpha(static_cast<unsigned char>(t[e])) == 0) return true;
      }
      return false;
   });
}

// The comparison around body range [begin, end): sh, the innermost command around it
// shallower than `depth` (`[ "$(sha256sum f | cut -c1-64)" = "$SHA" ]`); PowerShell, the
// statement (`if ((Get-FileHash f).Hash -ne $env:SHA)`). "" when it compares nothing.
std::string_view comparison_at(std::size_t begin, std::size_t end, int depth, const body_context& cx) {
   if (cx.pwsh) {
      const std::string_view separators = ";\n{";
      const auto start = cx.body.find_last_of(separators, begin == 0 ? 0 : begin - 1);
      const std::size_t b = start == std::string_view::npos ? 0 : start + 1;
      const std::size_t e = std::min(cx.body.find_first_of(separators, end), cx.body.size());
      return has_comparison(cx.body.substr(b, e - b), true) ? cx.body.substr(b, e - b) : std::string_view();
   }
   const ast::shell_command* around = nullptr;
   for (const auto& o : cx.script.commands) {
      if (o.depth < depth && o.begin <= begin && end <= o.end && (around == nullptr || o.depth > around->depth))
         around = &o;
   }
   if (around == nullptr) return {};
   const std::string_view text = cx.body.substr(around->begin, around->end - around->begin);
   return has_comparison(text, false) ? text : std::string_view();
}

// The hash command `index` computes is compared with an expected value in the same statement,
// or through a variable set from it (`sum=$(sha256sum f | cut -c1-64); [ "$sum" = "$SHA" ]`).
// Returns the text of the comparison, or "" when the hash is not compared.
std::string_view hash_compared(std::size_t index, const body_context& cx) {
   const auto& sc = cx.script.commands[index];
   if (!cx.pwsh && sc.depth == 0) return {};  // sh: only a captured output can be compared
   if (const auto text = comparison_at(sc.begin, sc.end, sc.depth, cx); !text.empty()) return text;
   for (const auto& a : cx.script.assignments) {
      if (!(a.begin <= sc.begin && sc.end <= a.end)) continue;
      for (const auto& r : cx.script.references) {
         if (r.begin < a.end || (cx.pwsh ? lower(r.name) != lower(a.name) : r.name != a.name)) continue;
         if (const auto text = comparison_at(r.begin, r.end, std::numeric_limits<int>::max(), cx); !text.empty())
            return text;
      }
   }
   return {};
}

// The expected hash in a comparison's text: a hex literal, or a variable whose value
// (expanded before `offset`) is one. "" when none is.
//
// The text is read as a sequence of tokens, leftmost first: a variable reference (`$V`, `${V}`,
// `$env:V`) or a run of 32 to 128 hex digits (a longer run gives its first 128 digits, then
// the rest, as a regular expression `[0-9a-fA-F]{32,128}` searched again and again would).
std::string compared_digest(std::string_view text, std::size_t offset, const body_context& cx) {
   const auto name_start = [](char c) { return c == '_' || std::isalpha(static_cast<unsigned char>(c)) != 0; };
   const auto name_char = [](char c) { return c == '_' || std::isalnum(static_cast<unsigned char>(c)) != 0; };
   for (std::size_t p = 0; p < text.size();) {
      std::size_t length = 0;
      std::size_t skip = 1;
      if (text[p] == '$') {
         std::size_t q = p + 1;
         if (q < text.size() && text[q] == '{') ++q;
         if (text.substr(q, 4) == "env:" && q + 4 < text.size() && name_start(text[q + 4])) q += 4;
         if (q < text.size() && name_start(text[q])) {
            while (q < text.size() && name_char(text[q])) ++q;
            if (q < text.size() && text[q] == '}') ++q;
            length = q - p;
         }
      } else if (const std::size_t run = hex_run(text.substr(p, 128)); run >= 32) {
         length = run;
      } else {
         skip = std::max<std::size_t>(run, 1);  // no run starting inside this one is longer
      }
      if (length == 0) {
         p += skip;
         continue;
      }
      const std::string t(text.substr(p, length));
      const std::string v = t[0] == '$' ? cx.vars.expand(t, offset) : t;
      if (is_hex_digest(v)) return lower(v);
      p += length;
   }
   return {};
}

// What one command checks, while it is being classified.
struct check {
   std::string method;
   std::vector<std::string> files;
   bool pins_content = false;
   std::string digest;
   bool pins_key = false;
};

// `<algorithm>:<hex>` of the hash a computed hash is compared with, when the comparison names one.
std::string digest_compared(std::string_view algorithm, std::string_view comparison, std::size_t index,
                            const body_context& cx) {
   if (algorithm.empty()) return {};
   const std::string d = compared_digest(comparison, cx.script.commands[index].begin, cx);
   return d.empty() ? std::string() : lower(algorithm) + ":" + d;
}

// `openssl sha512 -r f`, `openssl dgst -sha256 f`: the digest it computes.
std::string openssl_algorithm(const command_query& q) {
   std::string algorithm = q.word(1)->value;
   if (algorithm != "dgst") return algorithm;
   algorithm = "sha256";  // openssl's default digest
   for (const auto& a : q.arguments()) {
      if (a.option && (a.name.starts_with("-sha") || a.name == "-md5")) algorithm = a.name.substr(1);
   }
   return algorithm;
}

bool is_openssl_hash(const command_query& q) {
   const shell_word* sub = q.word(1);
   return q.program() == "openssl" && sub != nullptr &&
          (sub->value == "dgst" || sub->value.starts_with("sha") || sub->value == "md5");
}

// A hash computed in sh and compared: `[ "$(openssl sha512 -r f)" = "$SUM" ]`,
// `test "$(sha256sum f | cut -d' ' -f1)" = "$SHA"`.
void compared_hash(check& k, std::string_view comparison, std::size_t index, const command_query& q,
                   const body_context& cx) {
   const std::string& n = q.program();
   k.pins_content = true;
   if (n == "openssl") {
      k.method = "openssl " + q.word(1)->value + " (compared)";
      k.digest = digest_compared(openssl_algorithm(q), comparison, index, cx);
   } else {
      k.method = n + " (compared)";
      k.digest = digest_compared(sum_algorithm(n), comparison, index, cx);
   }
}

// PowerShell `Get-FileHash f -Algorithm SHA512` compared with an expected hash.
void compared_file_hash(check& k, std::string_view comparison, std::size_t index, const command_query& q,
                        const body_context& cx) {
   k.method = "Get-FileHash";
   k.pins_content = true;
   std::string algorithm = "sha256";  // Get-FileHash's default
   for (std::size_t i = 1; q.word(i + 1) != nullptr; ++i) {
      if (lower(q.word(i)->value) == "-algorithm") algorithm = q.word(i + 1)->value;
   }
   k.digest = digest_compared(algorithm, comparison, index, cx);
}

bool verifies(const command_query& q) {
   const auto& args = q.arguments();
   return q.has_option("--verify") || q.has_option("--verify-files") || q.has_option("-V") ||
          std::any_of(args.begin(), args.end(), [](const argument& a) {
             return !a.option && (a.name == "verify" || a.name.starts_with("verify-"));
          });
}

// The method of a signature check, or "".
std::string signature_method(const command_query& q) {
   const std::string& n = q.program();
   if (q.is_any({"gpg", "gpg2"})) {
      if (verifies(q)) return n + " --verify";
      // a signed message: gpg checks the signature and fails on a bad one
      if (q.has_option("--decrypt") || q.has_option("-d")) return n + " --decrypt";
      return {};
   }
   if (q.is_any({"gpgv", "gpgv2"})) return n;
   if (n == "cosign" && verifies(q)) return "cosign verify";
   if (q.is_any({"minisign", "signify"}) && verifies(q)) return n + " -V";
   return {};
}

// Whether gpg's `--import-options`/`--export-options` values name `option` (`show-only`).
bool gpg_options_name(const command_query& q, std::string_view option) {
   for (const auto& v : q.option_values({"--import-options", "--export-options"})) {
      if (v.find(option) != std::string::npos) return true;
   }
   return false;
}

// gpg pinning a key by fingerprint: `gpg --export FPR` (what leaves the keyring is the key the
// fingerprint names: the file it was imported from may hold anything), or `gpg --import-options
// show-only --import F` (or `--show-keys F`) piped into, or compared with, a fingerprint.
bool key_pinned(check& k, const run_facts& f, std::size_t index, const command_query& q, const body_context& cx) {
   const auto& words = q.cmd().words;
   if (q.has_option("--export") || q.has_option("--armor-export")) {
      for (const argument* a : q.operands()) {
         if (!names_fingerprint(words[a->index], index, cx)) return false;
      }
      if (q.operands().empty()) return false;  // `gpg --export` alone exports every key imported
      k.method = q.program() + " --export <fingerprint>";
      k.files.clear();
      k.pins_key = true;
      return true;
   }
   const bool show = (q.has_option("--import") && gpg_options_name(q, "show-only")) || q.has_option("--show-keys");
   if (!show) return false;
   bool compared = false;
   for (int next = f.commands[index].piped_to, hops = 0; next >= 0 && hops < 8 && !compared; ++hops) {
      const auto& c = f.commands[static_cast<std::size_t>(next)];
      for (std::size_t i = 1; i < c.words.size() && !compared; ++i) {
         compared = names_fingerprint(c.words[i], static_cast<std::size_t>(next), cx);
      }
      next = c.piped_to;
   }
   if (!compared) {
      const auto comparison = hash_compared(index, cx);
      const std::string digest = compared_digest(comparison, cx.script.commands[index].begin, cx);
      compared = is_fingerprint(digest) || holds_hex_run(comparison, 40);
   }
   if (!compared) return false;
   k.method = q.program() + " --import-options show-only (fingerprint compared)";
   k.pins_key = true;
   return true;
}

// PHP `hash_file('sha384', 'f')` or `hash('sha384', file_get_contents('f'))` compared
// (`hash_equals`, `===`, `!==`, `==`, `!=`) with an expected hash: `php -r "…"`.
void php_hash(check& k, const command_query& q, std::size_t index, const body_context& cx) {
   const auto& words = q.cmd().words;
   std::string code;
   for (const auto& a : q.arguments()) {
      if (a.option && a.name == "-r" && a.index + 1 < words.size()) code = words[a.index + 1].value;
   }
   static const RE2 hash_file(R"(hash_file\s*\(\s*['"](\w+)['"]\s*,\s*['"]([^'"]+)['"])");
   static const RE2 hash_contents(R"(hash\s*\(\s*['"](\w+)['"]\s*,\s*file_get_contents\s*\(\s*['"]([^'"]+)['"])");
   static const RE2 compares(R"(hash_equals\s*\(|[!=]==?)");
   std::string algorithm, file;
   const bool hashed = RE2::PartialMatch(code, hash_file, &algorithm, &file) ||
                       RE2::PartialMatch(code, hash_contents, &algorithm, &file);
   if (!hashed || !RE2::PartialMatch(code, compares)) return;
   k.method = "php " + std::string(code.find("hash_file") != std::string::npos ? "hash_file" : "hash") + " (compared)";
   k.files = {file};
   k.pins_content = true;
   // the expected hash: a literal, a shell variable expanded into the code, or getenv('NAME')
   static const RE2 getenv(R"(getenv\s*\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"])");
   std::string variable;
   std::string expected = code;
   if (RE2::PartialMatch(code, getenv, &variable)) expected += " $" + variable;
   const std::string d = compared_digest(expected, cx.script.commands[index].begin, cx);
   if (!d.empty()) k.digest = lower(algorithm) + ":" + d;
}

// Classifies command `index`: its method ("" when it verifies nothing) and what it names.
check classify(const run_facts& f, std::size_t index, const command_query& q, const body_context& cx) {
   check k;
   for (const argument* a : q.operands()) k.files.push_back(a->name);
   const std::string& n = q.program();
   const bool sum = is_sum(n);
   if (sum && (q.has_option("-c") || q.has_option("--check"))) {
      k.method = n + " -c";
      k.pins_content = true;
      if (k.files.empty() || std::find(k.files.begin(), k.files.end(), "-") != k.files.end()) {
         for (auto& [word, token] : piped_tokens(f, index)) k.files.push_back(std::move(token));
      }
   } else if (q.is_any({"gpg", "gpg2"}) && !verifies(q) && key_pinned(k, f, index, q, cx)) {
      // a key file used through its fingerprint (key_pinned filled `k`)
   } else if (q.is_any({"rpm", "rpmkeys"}) && (q.has_option("-K") || q.has_option("--checksig"))) {
      k.method = q.program() + " --checksig";
   } else if (is_php(n)) {
      php_hash(k, q, index, cx);
   } else if (!signature_method(q).empty()) {
      k.method = signature_method(q);
   } else if (!cx.pwsh && (sum || is_openssl_hash(q))) {
      if (const auto comparison = hash_compared(index, cx); !comparison.empty())
         compared_hash(k, comparison, index, q, cx);
   } else if (cx.pwsh && n == "get-filehash") {
      if (const auto comparison = hash_compared(index, cx); !comparison.empty())
         compared_file_hash(k, comparison, index, q, cx);
   }
   return k;
}

// `gpg --import F`, `curl URL | gpg --import`, `gpg --import < F`, `rpm --import F`, `rpmkeys --import F`.
void record_key_import(run_facts& f, std::size_t index, const command_query& q, const body_context& cx) {
   const bool gpg = q.is_any({"gpg", "gpg2"});
   if (!(gpg || q.is_any({"rpm", "rpmkeys"})) || !q.has_option("--import")) return;
   if (gpg && gpg_options_name(q, "show-only")) return;  // lists the keys, imports none
   key_import k{q.program() + " --import", {}, q.cmd().where, static_cast<int>(index)};
   const std::size_t before = cx.script.commands[index].begin;
   for (const argument* a : q.operands()) k.files.push_back(a->name);
   for (const auto& r : cx.script.commands[index].redirections) {
      if (r.op == "<") k.files.push_back(r.target.value);
   }
   for (std::size_t i = 0, n = k.files.size(); i < n; ++i) {
      std::string e = cx.vars.expand(k.files[i], before);
      if (e != k.files[i]) k.files.push_back(std::move(e));
   }
   f.key_imports.push_back(std::move(k));
}

void extract(run_facts& f, std::size_t index, const command_query& q, body_context& cx) {
   record_key_import(f, index, q, cx);
   check k = classify(f, index, q, cx);
   if (k.method.empty()) return;
   const std::size_t before = cx.script.commands[index].begin;
   const std::size_t n_files = k.files.size();
   for (std::size_t i = 0; i < n_files; ++i) {  // `sha256sum -c "$FILE.sha256"`: also as expanded here
      std::string e = cx.vars.expand(k.files[i], before);
      if (e != k.files[i]) k.files.push_back(std::move(e));
   }
   const std::string algorithm = sum_algorithm(q.program());
   if (k.method == q.program() + " -c" && !algorithm.empty()) {  // `sha256sum -c`: the algorithm is in the name
      // the words as written come before their expansions: a hash written in the body wins
      const auto it =
          std::find_if(k.files.begin(), k.files.end(), [](const std::string& w) { return is_hex_digest(w); });
      if (it != k.files.end()) k.digest = algorithm + ":" + lower(*it);
   }
   f.verifications.push_back({k.method, q.cmd().where, std::move(k.files), k.pins_content, std::move(k.digest),
                              static_cast<int>(index), k.pins_key});
}

// True when a verification subject names file `name` (or a checksum/signature file of it).
bool names_file(std::string_view subject, std::string_view name) {
   if (name.empty()) return false;
   const std::string s = file_name(subject);
   return s == name || (s.size() > name.size() && s.starts_with(name) && s[name.size()] == '.');
}

// For each verification, the downloads (indexes) whose file it names.
std::vector<std::vector<std::size_t>> named_downloads(const run_facts& f, const std::vector<std::string>& names) {
   std::vector<std::vector<std::size_t>> named(f.verifications.size());
   for (std::size_t v = 0; v < f.verifications.size(); ++v) {
      const auto& subjects = f.verifications[v].subjects;
      for (std::size_t d = 0; d < f.downloads.size(); ++d) {
         const auto names_it = [&](const std::string& s) { return names_file(s, names[d]); };
         if (!names[d].empty() && std::any_of(subjects.begin(), subjects.end(), names_it)) named[v].push_back(d);
      }
   }
   return named;
}

}  // namespace

const extractor verification_extractor{handles, extract};

// Which verification checks each download:
// - the first one after it that names its file (output, or the URL's file name), one that
//   pins the content preferred (`sha256sum -c f` over `gpg --verify f.asc f`);
// - failing that, for a key file (imported by a key_import that names it or that it is piped
//   into), the first key pin after the import (`gpg --export FPR`); an unpinned key is not
//   verified by checks of other files;
// - failing that, the first check after it that names no downloaded file at all
//   (`sha256sum -c SHA256SUMS`), key pins excepted.
// A download streamed to standard output (`curl URL | sh`, `wget -O- URL`) has no file: no later
// check of a file can verify it (a key piped into `gpg --import` can still be pinned).
void associate(run_facts& f) {
   auto streamed = [](const download& d) { return d.output.empty() || d.output == "-" || d.output == "/dev/stdout"; };
   std::vector<std::string> names;
   for (const auto& d : f.downloads) names.push_back(streamed(d) ? std::string() : file_name(d.output));
   // the key imports of each download: the first import after it
   std::vector<std::optional<std::size_t>> imported(f.downloads.size());
   for (std::size_t d = 0; d < f.downloads.size(); ++d) {
      const int by = f.downloads[d].command;
      const int into = by >= 0 ? f.commands[static_cast<std::size_t>(by)].piped_to : -1;
      for (std::size_t k = 0; k < f.key_imports.size() && !imported[d]; ++k) {
         const auto& ki = f.key_imports[k];
         if (ki.where.begin < f.downloads[d].where.begin) continue;
         const bool named = !names[d].empty() && std::any_of(ki.files.begin(), ki.files.end(),
                                                             [&](const auto& x) { return file_name(x) == names[d]; });
         if ((into >= 0 && ki.command == into && streamed(f.downloads[d])) || named) imported[d] = k;
      }
      f.downloads[d].imported_as_key = imported[d].has_value();
   }
   const auto named = named_downloads(f, names);
   for (std::size_t d = 0; d < f.downloads.size(); ++d) {
      if (names[d].empty() && !imported[d]) continue;
      std::optional<std::size_t> by_name, fallback, pin;
      for (std::size_t v = 0; v < f.verifications.size(); ++v) {
         const auto& ver = f.verifications[v];
         if (ver.where.begin < f.downloads[d].where.begin) continue;
         if (std::find(named[v].begin(), named[v].end(), d) != named[v].end()) {
            if (!by_name || (ver.pins_content && !f.verifications[*by_name].pins_content)) by_name = v;
         } else if (ver.pins_key) {
            if (imported[d] && !pin && f.key_imports[*imported[d]].where.begin <= ver.where.begin) pin = v;
         } else if (named[v].empty() && !fallback) {
            fallback = v;
         }
      }
      std::optional<std::size_t> chosen = by_name            ? by_name
                                          : imported[d]      ? pin
                                          : names[d].empty() ? std::nullopt
                                                             : fallback;
      if (chosen) f.downloads[d].verified_by = f.verifications[*chosen];
   }
}

}  // namespace strata::facts
