#include "facts/run_facts.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fnmatch.h>
#include <limits>
#include <map>
#include <optional>

#include <re2/re2.h>

#include "ast/shell_script.hpp"
#include "ast/text.hpp"
#include "parse/pwsh_parser.hpp"
#include "parse/sh_parser.hpp"

namespace strata::facts {

namespace {

using ast::lower;

std::string basename(std::string_view s) {
   const auto slash = s.find_last_of("/\\");
   return std::string(slash == std::string_view::npos ? s : s.substr(slash + 1));
}

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
   return std::find(set.begin(), set.end(), s) != set.end();
}

bool is_flag(const shell_word& w) { return w.value.size() > 1 && w.value[0] == '-'; }

// A hash as a check names it: 32 to 128 hex digits (MD5 to SHA-512).
bool is_hex_digest(std::string_view s) {
   static const RE2 hex("[0-9a-fA-F]{32,128}");
   return RE2::FullMatch(s, hex);
}

// The file name a URL or path names: its last path segment without a query or fragment.
std::string file_name(std::string_view s) {
   s = s.substr(0, std::min(s.find_first_of("?#"), s.size()));
   while (s.ends_with('/')) s.remove_suffix(1);
   return basename(s);
}

// True when a verification subject names file `name` (or a checksum/signature file of it).
bool names_file(std::string_view subject, std::string_view name) {
   if (name.empty()) return false;
   const std::string s = file_name(subject);
   return s == name || (s.size() > name.size() && s.starts_with(name) && s[name.size()] == '.');
}

// Commands that run the command in their arguments: `sudo apt-get ...`, `env A=b curl ...`.
constexpr std::array<std::string_view, 10> wrappers = {"sudo", "env", "time", "exec", "nohup", "command", "builtin",
                                                       "eatmydata", "nice", "timeout"};

class builder {
public:
   builder(std::string_view body, const ast::offset_map& map, const ast::source_file& source, shell_kind shell,
           const ast::environment* env)
       : body_(body), map_(map), source_(source), shell_(shell), env_(env) {}

   run_facts build() {
      run_facts f;
      f.shell = shell_;
      if (shell_ != shell_kind::sh && shell_ != shell_kind::pwsh) return f;
      pwsh_ = shell_ == shell_kind::pwsh;
      script_ = pwsh_ ? parse::parse_pwsh(body_) : parse::parse_sh(body_);
      f.parsed = script_.parsed;
      if (!script_.parsed) {
         f.error = script_.error;
         const std::size_t at = std::min(script_.error_offset, body_.size());
         f.error_where = span(at, std::min(at + 1, body_.size()));
      }
      for (const auto& c : script_.commands) f.commands.push_back(convert(c));
      for (const auto& a : script_.assignments) f.variables_set.push_back({a.name, a.value.value, span(a.begin, a.end)});
      for (const auto& r : script_.references) f.variables_referenced.push_back({r.name, span(r.begin, r.end)});
      for (std::size_t i = 0; i < f.commands.size(); ++i) {
         const std::size_t first = effective_start(f.commands[i]);
         find_download(f, i, first);
         find_verification(f, i, first);
         find_installs(f, i, first);
         find_cleanups(f, i, first);
      }
      for (std::size_t k = 0; k < f.downloads.size(); ++k) {
         auto& d = f.downloads[k];
         d.expanded_url = expand(d.url, download_offsets_[k]);
         if (!d.output.empty()) d.output = expand(d.output, download_offsets_[k]);
      }
      associate(f);
      return f;
   }

private:
   std::string_view body_;
   const ast::offset_map& map_;
   const ast::source_file& source_;
   shell_kind shell_;
   const ast::environment* env_;
   bool pwsh_ = false;
   ast::shell_script script_;
   std::vector<std::size_t> download_offsets_;  // body offset of each download's command
   static constexpr std::size_t max_lookups = 10000;
   static constexpr std::size_t max_expanded = 65536;
   mutable std::size_t lookups_ = 0;
   mutable std::map<const ast::shell_assignment*, std::string> expanded_;

   ast::span span(std::size_t b, std::size_t e) const { return source_.make_span(map_, b, e); }

   shell_word word(const ast::shell_word& w) const { return {w.text, w.value, span(w.begin, w.end), w.literal}; }

   command convert(const ast::shell_command& c) const {
      command out;
      for (const auto& w : c.words) out.words.push_back(word(w));
      out.method = c.kind == ast::command_kind::method;
      out.name = pwsh_ ? out.words[0].value : basename(out.words[0].value);
      out.where = span(c.begin, c.end);
      out.depth = c.depth;
      out.piped_to = c.piped_to;
      return out;
   }

   // Index of the word that names the command run, past wrappers and their options
   // (`sudo -u app`, `env -u X A=b`, `nice -n 10`, `timeout -s KILL 5`).
   std::size_t effective_start(const command& c) const {
      std::size_t i = 0;
      while (!pwsh_ && i < c.words.size() && one_of(basename(c.words[i].value), wrappers)) {
         const std::string w = basename(c.words[i].value);
         ++i;
         while (i < c.words.size()) {
            const std::string& v = c.words[i].value;
            const bool takes_value = (w == "sudo" && (v == "-u" || v == "-g" || v == "-C" || v == "-D" || v == "-h" || v == "-p" ||
                                                     v == "-r" || v == "-t" || v == "-U")) ||
                                     (w == "env" && (v == "-u" || v == "-C" || v == "-S")) || (w == "nice" && v == "-n") ||
                                     (w == "timeout" && (v == "-s" || v == "-k"));
            if (takes_value) {
               i += 2;
            } else if (is_flag(c.words[i]) || (w == "env" && v.find('=') != std::string::npos) ||
                       (w == "timeout" && !v.empty() && std::isdigit(static_cast<unsigned char>(v[0])) != 0)) {
               ++i;
            } else {
               break;
            }
         }
      }
      return i;
   }

   // The value of a variable as it stands at body offset `before`: the latest assignment
   // before it in the body (expanded as it was then; unknown for a loop variable), else the
   // environment; unknown when two earlier constants differ (the branches of a `case`: which
   // one ran is not known). Bounded: memoised per assignment, at most `max_lookups` per body, values
   // cut at `max_expanded` bytes (a chain of `b=$a$a`, `c=$b$b`, ... stays cheap).
   std::optional<std::string> lookup(std::string_view name, std::size_t before, int level) const {
      if (lookups_ >= max_lookups) return std::nullopt;
      ++lookups_;
      const ast::shell_assignment* found = nullptr;
      bool branches = false;  // two different constants: `case` / `if` branches (`dockerArch='x86_64'` … `'s390x'`)
      for (const auto& a : script_.assignments) {
         if (a.begin >= before || !(pwsh_ ? lower(a.name) == lower(name) : a.name == name)) continue;
         if (found != nullptr && found->value.literal && a.value.literal && found->value.value != a.value.value) branches = true;
         if (found == nullptr || a.begin > found->begin) found = &a;
      }
      if (found != nullptr && branches && found->value.literal) return std::nullopt;  // which one ran is not known here
      if (found != nullptr) {
         if (found->value.end == found->value.begin && !found->value.literal) return std::nullopt;  // `for NAME in ...`
         if (const auto m = expanded_.find(found); m != expanded_.end()) return m->second;
         std::string v = level < 8 ? expand(found->value.value, found->begin, level + 1) : found->value.value;
         if (v.size() > max_expanded) v.resize(max_expanded);
         return expanded_.emplace(found, std::move(v)).first->second;
      }
      std::string_view key = name;
      if (pwsh_) {
         if (!lower(key).starts_with("env:")) return std::nullopt;  // PowerShell variables come from the body only
         key.remove_prefix(4);
      }
      if (env_ == nullptr) return std::nullopt;
      if (auto it = env_->find(key); it != env_->end()) return it->second;
      if (pwsh_) {  // Windows: environment names are case-insensitive
         for (const auto& [k, v] : *env_) {
            if (lower(k) == lower(key)) return v;
         }
      }
      return std::nullopt;
   }

   // `value` with the variables known at body offset `before` substituted (see lookup).
   std::string expand(const std::string& value, std::size_t before, int level = 0) const {
      if (value.find('$') == std::string::npos || level > 8 || value.size() > max_expanded) return value;
      if (!pwsh_) return expand_sh(value, before, level);
      std::string out;
      for (std::size_t i = 0; i < value.size();) {
         if (out.size() > max_expanded) return value;
         if (value[i] != '$') {
            out += value[i++];
            continue;
         }
         if (value.compare(i, 2, "$(") == 0) {  // a sub-expression: `$(($env:V -replace 'p', 'r'))`
            const std::size_t close = matching_paren(value, i + 1);
            const std::string inner = value.substr(i + 2, close - i - 2);
            if (auto r = replace_expression(expand(inner, before, level + 1))) {
               out += *r;
            } else {
               out += value.substr(i, close + 1 - i);
            }
            i = close + 1;
            continue;
         }
         std::size_t b = i + 1;
         std::size_t e = b;
         bool braced = false;
         if (b < value.size() && value[b] == '{') {
            braced = true;
            e = value.find('}', b);
            if (e == std::string::npos) {
               out += value.substr(i);
               break;
            }
            ++b;
         } else {
            while (e < value.size() && (std::isalnum(static_cast<unsigned char>(value[e])) != 0 || value[e] == '_' ||
                                        (value[e] == ':' && lower(value.substr(b, e - b)) == "env"))) {
               ++e;
            }
         }
         const std::string name = value.substr(b, e - b);
         const std::size_t stop = braced ? e + 1 : e;
         if (auto v = name.empty() ? std::nullopt : lookup(name, before, level)) {
            out += *v;
         } else {
            out += value.substr(i, std::max<std::size_t>(stop - i, 1));
         }
         i = std::max(stop, i + 1);
      }
      return out;
   }

   // The index of the `)` closing the `(` at `open` (quotes respected), or the last index.
   static std::size_t matching_paren(const std::string& v, std::size_t open) {
      int depth = 0;
      for (std::size_t j = open; j < v.size(); ++j) {
         if (v[j] == '\'') {
            j = std::min(v.find('\'', j + 1), v.size() - 1);
         } else if (v[j] == '(') {
            ++depth;
         } else if (v[j] == ')' && --depth == 0) {
            return j;
         }
      }
      return v.size() - 1;
   }

   // PowerShell `(constant -replace 'pattern', 'replacement')` (also -ireplace / -creplace):
   // .NET regular expressions, case-insensitive unless -creplace; evaluated with RE2 when the
   // operand is a constant and the pattern is one RE2 accepts.
   static std::optional<std::string> replace_expression(std::string text) {
      static const RE2 shape(R"(^\s*\(?\s*([^$()'"]*?)\s+-([ci]?)replace\s+'((?:[^']|'')*)'\s*,\s*'((?:[^']|'')*)'\s*\)?\s*$)",
                             RE2::Quiet);
      std::string operand, kind, pattern, replacement;
      if (!RE2::FullMatch(text, shape, &operand, &kind, &pattern, &replacement)) return std::nullopt;
      auto unquote = [](std::string q) {
         for (auto p = q.find("''"); p != std::string::npos; p = q.find("''", p + 1)) q.erase(p, 1);
         return q;
      };
      pattern = unquote(pattern);
      std::string rewrite;  // .NET `$1` -> RE2 `\1`
      const std::string r = unquote(replacement);
      for (std::size_t k = 0; k < r.size(); ++k) {
         if (r[k] == '$' && k + 1 < r.size() && std::isdigit(static_cast<unsigned char>(r[k + 1])) != 0) {
            rewrite += '\\';
            continue;
         }
         if (r[k] == '\\') rewrite += '\\';
         rewrite += r[k];
      }
      RE2::Options o(RE2::Quiet);
      o.set_case_sensitive(kind == "c");
      const RE2 re(pattern, o);
      if (!re.ok()) return std::nullopt;
      RE2::GlobalReplace(&operand, re, rewrite);
      return operand;
   }

   // sh: `$V`, `${V}`, `${V:-w}` / `${V-w}`, and the pattern removals `${V%p}` `${V%%p}`
   // `${V#p}` `${V##p}` (patterns are fnmatch(3) globs, bracket expressions included).
   // Anything else, and unknown variables, stay as written.
   std::string expand_sh(const std::string& value, std::size_t before, int level) const {
      std::string out;
      for (std::size_t i = 0; i < value.size();) {
         if (out.size() > max_expanded) return value;
         if (value[i] != '$' || i + 1 >= value.size()) {
            out += value[i++];
            continue;
         }
         if (value[i + 1] != '{') {
            std::size_t e = i + 1;
            while (e < value.size() && (std::isalnum(static_cast<unsigned char>(value[e])) != 0 || value[e] == '_')) ++e;
            const auto v = e > i + 1 && std::isdigit(static_cast<unsigned char>(value[i + 1])) == 0
                               ? lookup(value.substr(i + 1, e - i - 1), before, level)
                               : std::nullopt;
            out += v ? *v : value.substr(i, std::max<std::size_t>(e - i, 1));
            i = std::max(e, i + 1);
            continue;
         }
         const std::size_t close = value.find('}', i + 2);
         if (close == std::string::npos) {
            out += value.substr(i);
            break;
         }
         const std::string inner = value.substr(i + 2, close - i - 2);
         std::size_t n = 0;
         while (n < inner.size() && (std::isalnum(static_cast<unsigned char>(inner[n])) != 0 || inner[n] == '_')) ++n;
         const std::string name = inner.substr(0, n);
         const std::string op = inner.substr(n);
         const auto v = name.empty() ? std::nullopt : lookup(name, before, level);
         std::optional<std::string> r;
         if (op.empty()) {
            r = v;
         } else if (op.starts_with(":-") || op.starts_with("-")) {
            const std::string word = op.substr(op[0] == ':' ? 2 : 1);
            r = v && !(op[0] == ':' && v->empty()) ? *v : word;
         } else if (v && (op[0] == '%' || op[0] == '#')) {
            const bool longest = op.size() > 1 && op[1] == op[0];
            const std::string pattern = op.substr(longest ? 2 : 1);
            r = remove_pattern(*v, pattern, op[0] == '%', longest);
         }
         out += r ? *r : value.substr(i, close + 1 - i);
         i = close + 1;
      }
      return out;
   }

   // nullopt when the pattern is not tried: real versions and URLs are short, and glibc's
   // fnmatch backtracks once per `*`.
   static std::optional<std::string> remove_pattern(const std::string& v, const std::string& pattern, bool suffix, bool longest) {
      const std::size_t n = v.size();
      if (n > 1024 || pattern.size() > 256 || std::count(pattern.begin(), pattern.end(), '*') > 3) return std::nullopt;
      for (std::size_t k = 0; k <= n; ++k) {
         const std::size_t len = longest ? n - k : k;  // candidate length of the removed part
         const std::string part = suffix ? v.substr(n - len) : v.substr(0, len);
         if (fnmatch(pattern.c_str(), part.c_str(), 0) == 0) return suffix ? v.substr(0, n - len) : v.substr(len);
      }
      return v;
   }

   void find_download(run_facts& f, std::size_t index, std::size_t first) {
      const command& c = f.commands[index];
      if (first >= c.words.size()) return;
      const std::string name = lower(basename(c.words[first].value));
      download d;
      d.where = c.where;
      d.command = static_cast<int>(index);
      std::optional<shell_word> url;
      std::vector<shell_word> urls;  // sh curl and wget take several
      auto take_url = [&](const shell_word& w) {
         if (!url || (url->value.find("://") == std::string::npos && w.value.find("://") != std::string::npos)) url = w;
      };
      if (c.method) {
         if (name != "downloadfile" && name != "downloadstring" && name != "downloaddata" && name != "openread") return;
         d.tool = c.words[0].value;
         if (c.words.size() > 1) url = c.words[1];
         if (c.words.size() > 2) d.output = c.words[2].value;
      } else if ((!pwsh_ && (name == "wget" || name == "curl")) || (pwsh_ && (name == "curl.exe" || name == "wget.exe"))) {
         // the programs themselves (in PowerShell, `curl`/`wget` are Invoke-WebRequest; `curl.exe` is curl)
         const std::string prog = name.starts_with("curl") ? "curl" : "wget";
         d.tool = name;
         // short options that take a value
         static constexpr std::string_view wget_values = "OoPeUaBtTwlQiDIXRA";
         static constexpr std::string_view curl_values = "AbcCdDeEFHKmoPQrTuUwxXyYz";
         const std::string_view value_letters = prog == "wget" ? wget_values : curl_values;
         bool remote_name = false;
         for (std::size_t i = first + 1; i < c.words.size(); ++i) {
            const std::string& v = c.words[i].value;
            if (v.starts_with("--")) {
               const auto eq = v.find('=');
               const std::string opt = v.substr(0, eq);
               const bool output = opt == "--output" || opt == "--output-document";
               if (opt == "--remote-name") remote_name = true;
               if ((prog == "curl" && opt == "--insecure") || (prog == "wget" && opt == "--no-check-certificate")) d.insecure = v;
               if (eq != std::string::npos) {
                  if (output) d.output = v.substr(eq + 1);
                  continue;
               }
               static constexpr std::array<std::string_view, 40> with_value = {
                   "--output", "--output-document", "--header", "--user-agent", "--retry", "--connect-timeout", "--max-time",
                   "--directory-prefix", "--data", "--user", "--proxy", "--cacert", "--retry-delay", "--retry-max-time",
                   "--tries", "--timeout", "--request", "--referer", "--cert", "--ciphers", "--proto", "--proto-redir",
                   "--output-dir", "--write-out", "--max-redirs", "--limit-rate", "--data-binary", "--data-raw",
                   "--data-urlencode", "--cookie", "--cookie-jar", "--range", "--continue-at", "--form", "--key",
                   "--resolve", "--connect-to", "--config", "--append-output", "--output-file"};
               if (one_of(opt, with_value) && i + 1 < c.words.size()) {
                  if (output) d.output = c.words[i + 1].value;
                  ++i;
               }
               continue;
            }
            if (v.size() > 1 && v[0] == '-') {
               for (std::size_t k = 1; k < v.size(); ++k) {
                  if (prog == "curl" && v[k] == 'O') remote_name = true;
                  if (prog == "curl" && v[k] == 'k') d.insecure = v;  // `-k`, `-fsSLk`
                  if (value_letters.find(v[k]) == std::string_view::npos) continue;
                  // the rest of the word, or the next word, is the letter's value: `-o file`, `-ofile`
                  std::string value = v.substr(k + 1);
                  if (value.empty() && i + 1 < c.words.size()) value = c.words[++i].value;
                  if ((prog == "curl" && v[k] == 'o') || (prog == "wget" && v[k] == 'O')) d.output = value;
                  break;
               }
               continue;
            }
            // positional words: URLs (not `=https` of an unknown option taking a value)
            if (v.find("://") != std::string::npos || v.starts_with('$') ||
                (!v.starts_with('=') && v.find_first_of("./") != std::string::npos)) {
               if (v.starts_with('$') && v.find("://") == std::string::npos && !names_url(v, script_.commands[index].begin)) continue;
               urls.push_back(c.words[i]);
            }
         }
         if (d.output.empty()) {  // `curl URL > file`
            for (const auto& r : script_.commands[index].redirections) {
               if (r.op == ">" || r.op == ">|" || r.op == "1>") d.output = r.target.value;
            }
         }
         // one download per URL; an explicit output names the first one's file
         for (std::size_t k = 0; k < urls.size(); ++k) {
            download each = d;
            if (k > 0 || each.output.empty()) each.output = prog == "wget" || remote_name ? file_name(urls[k].value) : "";
            if (k == 0 && !d.output.empty()) each.output = d.output;
            each.url = urls[k].value;
            each.url_where = urls[k].where;
            if (each.url.empty()) continue;
            f.downloads.push_back(std::move(each));
            download_offsets_.push_back(script_.commands[index].begin);
         }
         return;
      } else if (pwsh_ && (name == "invoke-webrequest" || name == "iwr" || name == "invoke-restmethod" || name == "irm" ||
                           name == "start-bitstransfer" || name == "wget" || name == "curl")) {
         d.tool = c.words[first].value;
         for (std::size_t i = first + 1; i < c.words.size(); ++i) {
            const std::string v = lower(c.words[i].value);
            if (v.starts_with("-")) {
               const auto colon = v.find(':');
               const std::string param = v.substr(0, colon);
               const bool is_url = param == "-uri" || param == "-source" || param == "-url";
               const bool is_out = param == "-outfile" || param == "-destination";
               if (param == "-skipcertificatecheck") d.insecure = c.words[i].value;
               std::optional<shell_word> value;
               if (colon != std::string::npos) {
                  value = c.words[i];
                  value->value = c.words[i].value.substr(colon + 1);
               } else if ((is_url || is_out || param == "-headers" || param == "-method" || param == "-useragent" ||
                           param == "-timeoutsec" || param == "-proxy") &&
                          i + 1 < c.words.size()) {
                  value = c.words[++i];
               }
               if (is_url && value) url = value;
               if (is_out && value) d.output = value->value;
               continue;
            }
            take_url(c.words[i]);
         }
      } else {
         return;
      }
      if (!url || url->value.empty()) return;  // `curl --version` and the like
      d.url = url->value;
      d.url_where = url->where;
      f.downloads.push_back(std::move(d));
      download_offsets_.push_back(script_.commands[index].begin);
   }

   // Whether a word made of variables can be a URL: not `$DOWNLOAD_OPTIONS` (options by its
   // name, or expanding to `-…`), and not a variable known to be empty (`wget "$ASC_URL"`
   // guarded by `if [ "$ASC_URL" ]`: nothing is downloaded).
   bool names_url(const std::string& value, std::size_t before) const {
      static const RE2 options(R"(\$\{?[A-Za-z_]*(?i:OPTIONS|OPTS|FLAGS|ARGS)\}?)");
      if (RE2::FullMatch(value, options)) return false;
      const std::string e = expand(value, before);
      return !(e.empty() || e.starts_with('-'));
   }

   // The words piped into command `index` (the producer's arguments), for `... | sha256sum -c -`.
   static std::vector<std::string> piped_words(const run_facts& f, std::size_t index) {
      std::vector<std::string> out;
      for (const auto& p : f.commands) {
         if (p.piped_to == static_cast<int>(index)) {
            for (std::size_t i = 1; i < p.words.size(); ++i) {
               std::string_view v = p.words[i].value;
               std::size_t pos = 0;
               while (pos < v.size()) {  // `echo "$SHA *file"`: split on blanks, drop the binary-mode `*`
                  const auto b = v.find_first_not_of(" \t", pos);
                  if (b == std::string_view::npos) break;
                  const auto e = std::min(v.find_first_of(" \t", b), v.size());
                  std::string_view token = v.substr(b, e - b);
                  if (token.starts_with('*')) token.remove_prefix(1);
                  out.emplace_back(token);
                  pos = e;
               }
            }
         }
      }
      return out;
   }

   void find_verification(run_facts& f, std::size_t index, std::size_t first) {
      const command& c = f.commands[index];
      if (first >= c.words.size() || c.method) return;
      const std::string n = lower(basename(c.words[first].value));
      std::vector<std::string> files;
      bool check = false;
      bool verify = false;
      for (std::size_t i = first + 1; i < c.words.size(); ++i) {
         const std::string& v = c.words[i].value;
         if (v == "--check" || v == "-c" || (v.size() > 1 && v[0] == '-' && v[1] != '-' && v.find('c') != std::string::npos)) {
            check = true;
         }
         if (v == "--verify" || v == "--verify-files" || v == "verify" || v.starts_with("verify-") || v == "-V") verify = true;
         if (v == "--keyring" || v == "--homedir" || v == "-Algorithm" || v == "--key" || v == "-p") {
            ++i;
            continue;
         }
         if (!is_flag(c.words[i])) files.push_back(v);
      }
      std::string method;
      static constexpr std::array<std::string_view, 8> sums = {"sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum",
                                                               "md5sum", "b2sum", "shasum"};
      bool checksum = false;  // the method checks a hash (else a signature)
      std::string digest;     // the expected hash, `<algorithm>:<hex>`, when known
      std::optional<std::string_view> comparison;  // hash_compared(index), found once
      auto compared = [&] {
         if (!comparison) comparison = hash_compared(index);
         return !comparison->empty();
      };
      auto compared_with = [&](std::string_view algorithm) {
         const std::string d = compared_digest(*comparison, script_.commands[index].begin);
         if (!d.empty() && !algorithm.empty()) digest = lower(algorithm) + ":" + d;
      };
      if (one_of(n, sums) && check) {
         method = n + " -c";
         checksum = true;
         if (files.empty() || std::find(files.begin(), files.end(), "-") != files.end()) {
            auto piped = piped_words(f, index);
            files.insert(files.end(), piped.begin(), piped.end());
         }
      } else if ((n == "gpg" || n == "gpg2") && verify) {
         method = n + " --verify";
      } else if ((n == "gpg" || n == "gpg2") && std::any_of(c.words.begin(), c.words.end(), [](const shell_word& w) {
                    return w.value == "--decrypt" || w.value == "-d";
                 })) {
         method = n + " --decrypt";  // a signed message: gpg checks the signature and fails on a bad one
      } else if (!pwsh_ && (one_of(n, sums) || (n == "openssl" && first + 1 < c.words.size() &&
                                                (c.words[first + 1].value == "dgst" || c.words[first + 1].value.starts_with("sha") ||
                                                 c.words[first + 1].value == "md5"))) &&
                 compared()) {
         // `[ "$(openssl sha512 -r f)" = "$SUM" ]`, `test "$(sha256sum f | cut -d' ' -f1)" = "$SHA"`
         method = n == "openssl" ? "openssl " + c.words[first + 1].value + " (compared)" : n + " (compared)";
         checksum = true;
         if (n == "openssl") {
            files.erase(files.begin());
            std::string_view algorithm = c.words[first + 1].value;  // `openssl sha512`, `openssl dgst -sha256`
            if (algorithm == "dgst") {
               algorithm = "sha256";  // openssl's default digest
               for (const auto& w : c.words) {
                  if (w.value.starts_with("-sha") || w.value == "-md5") algorithm = std::string_view(w.value).substr(1);
               }
            }
            compared_with(algorithm);
         } else if (n != "b2sum" && n != "shasum") {
            compared_with(std::string_view(n).substr(0, n.size() - 3));
         }
      } else if (n == "gpgv" || n == "gpgv2") {
         method = n;
      } else if (n == "cosign" && verify) {
         method = "cosign verify";
      } else if ((n == "minisign" || n == "signify") && verify) {
         method = n + " -V";
      } else if (pwsh_ && n == "get-filehash" && compared()) {
         method = "Get-FileHash";
         checksum = true;
         std::string_view algorithm = "sha256";  // Get-FileHash's default
         for (std::size_t i = first + 1; i + 1 < c.words.size(); ++i) {
            if (lower(c.words[i].value) == "-algorithm") algorithm = c.words[i + 1].value;
         }
         compared_with(algorithm);
      }
      if (method.empty()) return;
      const std::size_t n_files = files.size();
      for (std::size_t k = 0; k < n_files; ++k) {  // `sha256sum -c "$FILE.sha256"`: also as expanded here
         std::string e = expand(files[k], script_.commands[index].begin);
         if (e != files[k]) files.push_back(std::move(e));
      }
      if (check && one_of(n, sums) && n != "b2sum" && n != "shasum") {  // `sha256sum -c`: the algorithm is in the name
         // the words as written come before their expansions: a hash written in the body wins
         const auto it = std::find_if(files.begin(), files.end(), [](const std::string& w) { return is_hex_digest(w); });
         if (it != files.end()) digest = n.substr(0, n.size() - 3) + ":" + lower(*it);
      }
      f.verifications.push_back({method, c.where, std::move(files), checksum, std::move(digest)});
   }

   // The hash a command computes is compared with an expected value in the same statement
   // (PowerShell `if ((Get-FileHash f).Hash -ne $env:SHA)`; sh, inside `$(...)`:
   // `[ "$(openssl sha512 -r f)" = "$SUM" ]`), or through a variable set from it. Returns the
   // text of the comparison, or "" when the hash is not compared.
   std::string_view hash_compared(std::size_t index) const {
      static constexpr std::array<std::string_view, 10> pwsh_ops = {"-eq", "-ne", "-ceq", "-cne", "-ieq", "-ine", "-match",
                                                                    "-notmatch", "-like", "-notlike"};
      static constexpr std::array<std::string_view, 4> sh_ops = {" = ", " != ", " == ", " -eq "};
      const std::string_view separators = pwsh_ ? ";\n{" : ";\n&|";
      auto has_op = [&](std::string_view text) {
         const std::string t = lower(text);
         if (!pwsh_) return std::any_of(sh_ops.begin(), sh_ops.end(), [&](std::string_view op) { return t.find(op) != std::string::npos; });
         return std::any_of(pwsh_ops.begin(), pwsh_ops.end(), [&](std::string_view op) {
            for (auto p = t.find(op); p != std::string::npos; p = t.find(op, p + 1)) {
               const std::size_t e = p + op.size();
               if (e >= t.size() || std::isalpha(static_cast<unsigned char>(t[e])) == 0) return true;
            }
            return false;
         });
      };
      // sh: the innermost command around this one (`[ "$(sha256sum f | cut -c1-64)" = "$SHA" ]`);
      // PowerShell: the statement (`if ((Get-FileHash f).Hash -ne $env:SHA)`).
      auto compared_at = [&](std::size_t begin, std::size_t end, int depth) -> std::string_view {
         if (pwsh_) {
            const auto start = body_.find_last_of(separators, begin == 0 ? 0 : begin - 1);
            const std::size_t b = start == std::string_view::npos ? 0 : start + 1;
            const std::size_t e = std::min(body_.find_first_of(separators, end), body_.size());
            return has_op(body_.substr(b, e - b)) ? body_.substr(b, e - b) : std::string_view();
         }
         const ast::shell_command* around = nullptr;
         for (const auto& o : script_.commands) {
            if (o.depth < depth && o.begin <= begin && end <= o.end && (around == nullptr || o.depth > around->depth)) around = &o;
         }
         if (around == nullptr) return {};
         const std::string_view text = body_.substr(around->begin, around->end - around->begin);
         return has_op(text) ? text : std::string_view();
      };
      const auto& sc = script_.commands[index];
      if (!pwsh_ && sc.depth == 0) return {};  // sh: only a captured output can be compared
      if (const auto text = compared_at(sc.begin, sc.end, sc.depth); !text.empty()) return text;
      // through a variable: `sum=$(sha256sum f | cut -c1-64); [ "$sum" = "$SHA" ]`
      for (const auto& a : script_.assignments) {
         if (!(a.begin <= sc.begin && sc.end <= a.end)) continue;
         for (const auto& r : script_.references) {
            if (r.begin < a.end || (pwsh_ ? lower(r.name) != lower(a.name) : r.name != a.name)) continue;
            if (const auto text = compared_at(r.begin, r.end, std::numeric_limits<int>::max()); !text.empty()) return text;
         }
      }
      return {};
   }

   // The expected hash in a comparison's text: a hex literal, or a variable whose value
   // (expanded before `offset`) is one. "" when none is.
   std::string compared_digest(std::string_view text, std::size_t offset) const {
      static const RE2 token(R"((\$\{?(?:env:)?[A-Za-z_][A-Za-z0-9_]*\}?|[0-9a-fA-F]{32,128}))");
      re2::StringPiece rest(text.data(), text.size());
      std::string t;
      while (RE2::FindAndConsume(&rest, token, &t)) {
         const std::string v = t[0] == '$' ? expand(t, offset) : t;
         if (is_hex_digest(v)) return lower(v);
      }
      return {};
   }

   void add_install(run_facts& f, std::string manager, const shell_word& w, std::string_view separator) {
      install in;
      in.manager = std::move(manager);
      in.where = w.where;
      const std::string& v = w.value;
      std::size_t at = std::string::npos;
      if (separator == "@") {
         at = v.find('@', v.starts_with('@') ? 1 : 0);  // npm scoped packages `@scope/name@1.0`
      } else {
         for (char s : separator) at = std::min(at, v.find(s, separator == "==" ? 0 : 1));
         if (separator == "==") at = v.find_first_of("=<>~!");
      }
      in.package = v.substr(0, at);
      if (at != std::string::npos) in.version = v.substr(at);
      in.pinned = !in.version.empty();
      if (separator == "@" && in.pinned) {
         // npm / go: an exact version (`@1.2.3`, `@v1.2.3`) or a commit; not `@latest`, `@^1`, `@master`
         std::string_view ver = std::string_view(in.version).substr(1);
         if (ver.starts_with('v')) ver.remove_prefix(1);
         const bool commit = in.version.size() >= 8 && std::all_of(in.version.begin() + 1, in.version.end(), [](char ch) {
                                return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
                             });
         in.pinned = commit || (!ver.empty() && std::isdigit(static_cast<unsigned char>(ver[0])) != 0);
      }
      f.installs.push_back(std::move(in));
   }

   void find_installs(run_facts& f, std::size_t index, std::size_t first) {
      const command& c = f.commands[index];
      if (c.method || first >= c.words.size()) return;
      const auto& w = c.words;
      std::string m = lower(basename(w[first].value));
      std::size_t i = first + 1;
      if ((m == "python" || m.starts_with("python3") || m == "python2" || m == "py") && i + 1 < w.size() && w[i].value == "-m") {
         m = w[i + 1].value;  // python -m pip install
         i += 2;
      }
      if (m == "pip3" || m.starts_with("pip3.") || m == "pip2") m = "pip";
      // the subcommand
      static constexpr std::array<std::string_view, 9> managers = {"apt-get", "apt", "apk", "yum", "dnf", "microdnf",
                                                                   "zypper", "pip", "gem"};
      const bool known = one_of(m, managers) || m == "npm" || m == "yarn" || m == "go" || m == "pnpm";
      if (!known) return;
      // options that take a value, per manager
      auto takes_value = [&](std::string_view o) {
         if (o.find('=') != std::string_view::npos) return false;
         if (m == "apt-get" || m == "apt") return o == "-o" || o == "-t" || o == "--target-release" || o == "-c";
         if (m == "apk") return o == "-t" || o == "--virtual" || o == "-X" || o == "--repository" || o == "--repositories-file" || o == "-p" || o == "--root" || o == "--arch";
         if (m == "yum" || m == "dnf" || m == "microdnf") return o == "--enablerepo" || o == "--disablerepo" || o == "--setopt" || o == "--releasever" || o == "--installroot" || o == "-c";
         if (m == "pip") return o == "-r" || o == "--requirement" || o == "-i" || o == "--index-url" || o == "--extra-index-url" || o == "-c" || o == "--constraint" || o == "-t" || o == "--target" || o == "--prefix" || o == "-f" || o == "--find-links" || o == "--root" || o == "--trusted-host" || o == "--platform" || o == "--python-version" || o == "--progress-bar" || o == "--cache-dir" || o == "-e" || o == "--editable";
         if (m == "gem") return o == "-v" || o == "--version" || o == "-i" || o == "--install-dir" || o == "--source" || o == "-s" || o == "-n" || o == "--bindir";
         if (m == "npm" || m == "yarn" || m == "pnpm") {
            return o == "--prefix" || o == "--registry" || o == "--cache" || o == "--tag" || o == "--loglevel" || o == "--userconfig" ||
                   o == "--network-timeout" || o == "--modules-folder" || o == "--cwd";
         }
         if (m == "zypper") return o == "-r" || o == "--repo" || o == "--from";
         if (m == "go") return o == "-ldflags" || o == "-tags" || o == "-gcflags" || o == "-o";
         return false;
      };
      // global options before the subcommand (`apk --no-cache add`, `pip --no-cache-dir install`)
      while (i < w.size() && is_flag(w[i])) {
         if (m == "apk" && w[i].value == "--no-cache") f.cleanups.push_back({"apk-cache", w[i].where});
         if (m == "pip" && w[i].value == "--no-cache-dir") f.cleanups.push_back({"pip-cache", w[i].where});
         i += takes_value(w[i].value) ? 2 : 1;
      }
      if (i >= w.size()) return;
      const std::string sub = lower(w[i].value);
      bool installs_packages = false;
      if (m == "apt-get" || m == "apt" || m == "yum" || m == "dnf" || m == "microdnf" || m == "pip" || m == "gem") {
         installs_packages = sub == "install";
      } else if (m == "apk") {
         installs_packages = sub == "add";
      } else if (m == "zypper") {
         installs_packages = sub == "install" || sub == "in";
      } else if (m == "npm" || m == "pnpm") {
         installs_packages = sub == "install" || sub == "i" || sub == "add";
      } else if (m == "yarn") {
         if (sub == "global" && i + 1 < w.size()) ++i;
         installs_packages = lower(w[i].value) == "add";
      } else if (m == "go") {
         installs_packages = sub == "install" || sub == "get";
      }
      if (!installs_packages) return;
      std::string gem_version;
      std::vector<std::size_t> packages;
      for (++i; i < w.size(); ++i) {
         const std::string& v = w[i].value;
         if (is_flag(w[i])) {
            if (m == "gem" && (v == "-v" || v == "--version") && i + 1 < w.size()) gem_version = w[i + 1].value;
            if (m == "apk" && v == "--no-cache") f.cleanups.push_back({"apk-cache", w[i].where});
            if (m == "pip" && v == "--no-cache-dir") f.cleanups.push_back({"pip-cache", w[i].where});
            if (takes_value(v)) ++i;
            continue;
         }
         if (v.empty() || v == "." || v.starts_with("./") || v.starts_with("/") || v.find("://") != std::string::npos) continue;
         packages.push_back(i);
      }
      for (std::size_t p : packages) {
         if (m == "apt-get" || m == "apt" || m == "zypper") {
            add_install(f, m, w[p], "=");
         } else if (m == "apk") {
            add_install(f, m, w[p], "=~<>");
         } else if (m == "pip") {
            add_install(f, m, w[p], "==");
         } else if (m == "npm" || m == "yarn" || m == "pnpm" || m == "go") {
            add_install(f, m, w[p], "@");
         } else if (m == "gem") {
            add_install(f, m, w[p], ":");
            if (!gem_version.empty() && f.installs.back().version.empty()) {
               f.installs.back().version = gem_version;
               f.installs.back().pinned = true;
            }
         } else {  // yum, dnf, microdnf: name-version
            install in;
            in.manager = m;
            in.where = w[p].where;
            in.package = w[p].value;
            // NAME-VERSION or NAME-VERSION-RELEASE: the last one or two dash-separated parts start
            // with a digit (`httpd-2.4.6-90.el7`; not `java-11-openjdk-devel`)
            const auto last = in.package.rfind('-');
            auto digit_after = [&](std::size_t k) {
               return k != std::string::npos && k + 1 < in.package.size() && std::isdigit(static_cast<unsigned char>(in.package[k + 1])) != 0;
            };
            if (digit_after(last) && last > 0) {
               const auto before_last = in.package.rfind('-', last - 1);
               const std::size_t cut = digit_after(before_last) && before_last > 0 ? before_last : last;
               in.version = in.package.substr(cut);
               in.package.resize(cut);
            }
            in.pinned = !in.version.empty();
            f.installs.push_back(std::move(in));
         }
      }
   }

   void find_cleanups(run_facts& f, std::size_t index, std::size_t first) {
      const command& c = f.commands[index];
      if (c.method || first >= c.words.size()) return;
      const std::string n = lower(basename(c.words[first].value));
      auto arg = [&](std::size_t k) { return first + k < c.words.size() ? lower(c.words[first + k].value) : std::string(); };
      if ((n == "apt-get" || n == "apt") && (arg(1) == "clean" || arg(1) == "distclean")) f.cleanups.push_back({"apt-cache", c.where});
      if ((n == "yum" || n == "dnf" || n == "microdnf") && arg(1) == "clean") f.cleanups.push_back({n + "-cache", c.where});
      if (n == "zypper" && (arg(1) == "clean" || arg(1) == "cc")) f.cleanups.push_back({"zypper-cache", c.where});
      if (n == "npm" && arg(1) == "cache" && arg(2) == "clean") f.cleanups.push_back({"npm-cache", c.where});
      if ((n == "pip" || n == "pip3") && arg(1) == "cache" && (arg(2) == "purge" || arg(2) == "remove")) f.cleanups.push_back({"pip-cache", c.where});
      if (n == "gem" && arg(1) == "cleanup") f.cleanups.push_back({"gem-cache", c.where});
      if (n == "rm" || n == "remove-item" || n == "ri" || n == "del") {
         for (std::size_t k = first + 1; k < c.words.size(); ++k) {
            const std::string& v = c.words[k].value;
            if (v.starts_with("/var/lib/apt/lists")) f.cleanups.push_back({"apt-lists", c.words[k].where});
            else if (v.starts_with("/var/cache/apt")) f.cleanups.push_back({"apt-cache", c.words[k].where});
            else if (v.starts_with("/var/cache/apk")) f.cleanups.push_back({"apk-cache", c.words[k].where});
            else if (v.starts_with("/var/cache/yum")) f.cleanups.push_back({"yum-cache", c.words[k].where});
            else if (v.starts_with("/var/cache/dnf")) f.cleanups.push_back({"dnf-cache", c.words[k].where});
            else if (v.find(".cache/pip") != std::string::npos) f.cleanups.push_back({"pip-cache", c.words[k].where});
            else if (v.find("/.npm/") != std::string::npos || v.ends_with("/.npm") || v.find("/_cacache") != std::string::npos) {
               f.cleanups.push_back({"npm-cache", c.words[k].where});
            }
         }
      }
   }

   // Which verification checks each download: the first one after it that names its file
   // (output, or the URL's file name); failing that, the first one after it that names no
   // downloaded file at all (`sha256sum -c SHA256SUMS`). A download streamed to standard
   // output (`curl URL | sh`, `wget -O- URL`, `iwr URL` without -OutFile) has no file: no
   // later check can verify it.
   static void associate(run_facts& f) {
      auto streamed = [](const download& d) { return d.output.empty() || d.output == "-" || d.output == "/dev/stdout"; };
      std::vector<std::string> names;
      for (const auto& d : f.downloads) names.push_back(streamed(d) ? std::string() : file_name(d.output));
      // for each verification, the downloads it names
      std::vector<std::vector<std::size_t>> named(f.verifications.size());
      for (std::size_t v = 0; v < f.verifications.size(); ++v) {
         for (std::size_t d = 0; d < f.downloads.size(); ++d) {
            const auto& subjects = f.verifications[v].subjects;
            if (!names[d].empty() &&
                std::any_of(subjects.begin(), subjects.end(), [&](const std::string& s) { return names_file(s, names[d]); })) {
               named[v].push_back(d);
            }
         }
      }
      for (std::size_t d = 0; d < f.downloads.size(); ++d) {
         if (names[d].empty()) continue;
         std::optional<std::size_t> by_name, fallback;
         for (std::size_t v = 0; v < f.verifications.size() && !by_name; ++v) {
            if (f.verifications[v].where.begin < f.downloads[d].where.begin) continue;
            if (std::find(named[v].begin(), named[v].end(), d) != named[v].end()) by_name = v;
            else if (named[v].empty() && !fallback) fallback = v;
         }
         if (by_name) f.downloads[d].verified_by = f.verifications[*by_name];
         else if (fallback) f.downloads[d].verified_by = f.verifications[*fallback];
      }
   }

};

}  // namespace

std::string_view to_string(shell_kind k) noexcept {
   switch (k) {
      case shell_kind::sh: return "sh";
      case shell_kind::pwsh: return "pwsh";
      case shell_kind::cmd: return "cmd";
      case shell_kind::unknown: break;
   }
   return "unknown";
}

shell_kind shell_from_executable(std::string_view executable) {
   std::string name = lower(basename(executable));
   if (name.ends_with(".exe")) {
      name.resize(name.size() - 4);
   }
   if (name == "powershell" || name == "pwsh") return shell_kind::pwsh;
   if (name == "cmd") return shell_kind::cmd;
   if (name == "sh" || name == "bash" || name == "ash" || name == "dash" || name == "zsh" || name == "ksh" || name == "busybox") {
      return shell_kind::sh;
   }
   return shell_kind::unknown;
}

run_facts add_facts(const std::vector<shell_word>& sources, const std::optional<ast::span>& checksum,
                    std::string_view checksum_value) {
   run_facts f;
   for (const auto& w : sources) {
      if (w.value.find("://") == std::string::npos) continue;
      download d;
      d.tool = "ADD";
      d.url = w.value;
      d.expanded_url = d.url;
      d.where = w.where;
      d.url_where = w.where;
      if (checksum) d.verified_by = verification{"ADD --checksum", *checksum, {}, true, lower(checksum_value)};
      f.downloads.push_back(std::move(d));
   }
   return f;
}

run_facts analyze_run(std::string_view body, const ast::offset_map& map, const ast::source_file& source, shell_kind shell,
                      const ast::environment* env) {
   return builder(body, map, source, shell, env).build();
}

}  // namespace strata::facts
