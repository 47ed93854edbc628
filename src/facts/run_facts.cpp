#include "facts/run_facts.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "parse/shell_words.hpp"
#include "ast/text.hpp"

namespace strata::facts {

namespace {

using ast::lower;

std::string basename(std::string_view s) {
   const auto slash = s.find_last_of("/\\");
   return std::string(slash == std::string_view::npos ? s : s.substr(slash + 1));
}

std::string unquote_sh(std::string_view w) {
   std::string out;
   char quote = 0;
   for (std::size_t i = 0; i < w.size(); ++i) {
      const char c = w[i];
      if (quote == '\'') {
         if (c == '\'') quote = 0; else out += c;
      } else if (quote == '"') {
         if (c == '"') {
            quote = 0;
         } else if (c == '\\' && i + 1 < w.size() && (w[i + 1] == '"' || w[i + 1] == '\\' || w[i + 1] == '$' || w[i + 1] == '`')) {
            out += w[++i];
         } else {
            out += c;
         }
      } else if (c == '\'' || c == '"') {
         quote = c;
      } else if (c == '\\' && i + 1 < w.size()) {
         out += w[++i];
      } else {
         out += c;
      }
   }
   return out;
}

std::string unquote_pwsh(std::string_view w) {
   std::string out;
   char quote = 0;
   for (std::size_t i = 0; i < w.size(); ++i) {
      const char c = w[i];
      if (quote == '\'') {
         if (c == '\'' && i + 1 < w.size() && w[i + 1] == '\'') {
            out += '\'';
            ++i;
         } else if (c == '\'') {
            quote = 0;
         } else {
            out += c;
         }
      } else if (quote == '"') {
         if (c == '`' && i + 1 < w.size()) {
            out += w[++i];
         } else if (c == '"') {
            quote = 0;
         } else {
            out += c;
         }
      } else if (c == '\'' || c == '"') {
         quote = c;
      } else if (c == '`' && i + 1 < w.size()) {
         out += w[++i];
      } else {
         out += c;
      }
   }
   return out;
}

bool is_assignment(std::string_view w) {
   if (w.empty() || !(std::isalpha(static_cast<unsigned char>(w[0])) != 0 || w[0] == '_')) {
      return false;
   }
   for (char c : w) {
      if (c == '=') return true;
      if (!(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_')) return false;
   }
   return false;
}

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
   return std::find(set.begin(), set.end(), s) != set.end();
}

constexpr std::array<std::string_view, 13> sh_prefixes = {"if", "then", "else", "elif", "do", "while", "until", "!", "{", "}",
                                                         "time", "exec", "sudo"};
constexpr std::array<std::string_view, 11> pwsh_prefixes = {"if", "elseif", "else", "foreach", "while", "for", "switch", "try",
                                                           "catch", "finally", "&"};

class builder {
public:
   builder(std::string_view body, const ast::offset_map& map, const ast::source_file& source, shell_kind shell)
       : body_(body), map_(map), source_(source), shell_(shell) {}

   run_facts build() {
      run_facts f;
      f.shell = shell_;
      if (shell_ == shell_kind::sh) {
         split(parse::tokenize_sh(body_), f);
      } else if (shell_ == shell_kind::pwsh) {
         split(parse::tokenize_pwsh(body_), f);
      }
      for (std::size_t i = 0; i < f.commands.size(); ++i) {
         find_download(f, i);
         find_verification(f, i);
      }
      if (shell_ == shell_kind::pwsh) {
         pwsh_hash_check(f);
      }
      for (auto& d : f.downloads) {
         for (const auto& v : f.verifications) {
            if (!d.verified_by || (d.verified_by->where.begin < d.where.begin && v.where.begin >= d.where.begin)) {
               d.verified_by = v;
            }
         }
         d.expanded_url = d.url;
      }
      return f;
   }

private:
   std::string_view body_;
   const ast::offset_map& map_;
   const ast::source_file& source_;
   shell_kind shell_;

   ast::span span_of(std::size_t b, std::size_t e) const { return source_.make_span(map_, b, e); }

   void split(const std::vector<parse::shell_token>& tokens, run_facts& f) {
      const bool pwsh = shell_ == shell_kind::pwsh;
      std::vector<shell_word> words;
      auto flush = [&]() {
         std::size_t first = 0;
         while (first < words.size()) {
            const std::string& v = words[first].value;
            if (pwsh ? one_of(lower(v), pwsh_prefixes) : (one_of(v, sh_prefixes) || is_assignment(words[first].text))) {
               ++first;
               continue;
            }
            break;
         }
         if (first < words.size()) {
            command c;
            c.words.assign(std::make_move_iterator(words.begin() + static_cast<std::ptrdiff_t>(first)),
                           std::make_move_iterator(words.end()));
            c.name = pwsh ? c.words[0].value : basename(c.words[0].value);
            c.where = source_.make_span(c.words.front().where.begin, c.words.back().where.end);
            f.commands.push_back(std::move(c));
         }
         words.clear();
      };
      bool skip_next_word = false;
      for (const auto& t : tokens) {
         const std::string_view text = body_.substr(t.begin, t.end - t.begin);
         if (t.kind == parse::shell_token_kind::separator || (pwsh && (text == "=" || text == "+=" || text == "-="))) {
            flush();
            skip_next_word = false;
            continue;
         }
         if (t.kind == parse::shell_token_kind::redirection) {
            skip_next_word = true;  // the redirection's target
            continue;
         }
         if (skip_next_word) {
            skip_next_word = false;
            continue;
         }
         words.push_back({std::string(text), pwsh ? unquote_pwsh(text) : unquote_sh(text), span_of(t.begin, t.end)});
      }
      flush();
   }

   void find_download(run_facts& f, std::size_t index) {
      const command& c = f.commands[index];
      const std::string name = lower(c.name);
      download d;
      d.where = c.where;
      if (shell_ == shell_kind::sh && (name == "wget" || name == "curl")) {
         d.tool = name;
         static constexpr std::string_view wget_values = "OoPeUaB";
         static constexpr std::string_view curl_values = "oHAudXewmbcTxErKFY";
         const std::string_view value_letters = name == "wget" ? wget_values : curl_values;
         for (std::size_t i = 1; i < c.words.size(); ++i) {
            const std::string& v = c.words[i].value;
            if (v.starts_with("--")) {
               const bool output = v == "--output" || v == "--output-document";
               const bool takes_value = output || v == "--header" || v == "--user-agent" || v == "--retry" ||
                                        v == "--connect-timeout" || v == "--max-time" || v == "--directory-prefix" ||
                                        v == "--data" || v == "--user" || v == "--proxy" || v == "--cacert";
               if (v.starts_with("--output-document=") || v.starts_with("--output=")) {
                  d.output = v.substr(v.find('=') + 1);
               }
               if (takes_value && i + 1 < c.words.size()) {
                  if (output) d.output = c.words[i + 1].value;
                  ++i;
               }
               continue;
            }
            if (v.size() > 1 && v[0] == '-') {
               const char last = v.back();
               if (value_letters.find(last) != std::string_view::npos && i + 1 < c.words.size()) {
                  if (last == 'O' || last == 'o') d.output = c.words[i + 1].value;
                  ++i;
               } else if (v.size() > 2 && (v[1] == 'O' || v[1] == 'o') && name == "wget") {
                  d.output = v.substr(2);
               }
               continue;
            }
            if (d.url.empty()) d.url = v;
         }
      } else if (shell_ == shell_kind::pwsh &&
                 (name == "invoke-webrequest" || name == "iwr" || name == "invoke-restmethod" || name == "irm" ||
                  name == "start-bitstransfer" || name == "wget" || name == "curl")) {
         d.tool = c.name;
         for (std::size_t i = 1; i < c.words.size(); ++i) {
            const std::string v = lower(c.words[i].value);
            if (v.starts_with("-")) {
               const auto colon = v.find(':');
               const std::string param = v.substr(0, colon);
               const bool is_url = param == "-uri" || param == "-source" || param == "-url";
               const bool is_out = param == "-outfile" || param == "-destination";
               std::string value;
               if (colon != std::string::npos) {
                  value = c.words[i].value.substr(colon + 1);
               } else if ((is_url || is_out || param == "-headers" || param == "-method") && i + 1 < c.words.size()) {
                  value = c.words[++i].value;
               }
               if (is_url) d.url = value;
               if (is_out) d.output = value;
               continue;
            }
            // a positional URL wins over other positional words (`curl -o file https://...`)
            if (d.url.empty() || (d.url.find("://") == std::string::npos && c.words[i].value.find("://") != std::string::npos)) {
               d.url = c.words[i].value;
            }
         }
      } else if (shell_ == shell_kind::pwsh && (name.ends_with(".downloadfile") || name.ends_with(".downloadstring"))) {
         d.tool = c.name;
         if (index + 1 < f.commands.size()) {
            const auto& args = f.commands[index + 1].words;
            if (!args.empty()) {
               d.url = args[0].value;
               if (!d.url.empty() && d.url.back() == ',') d.url.pop_back();
               d.where = source_.make_span(c.where.begin, f.commands[index + 1].where.end);
            }
            if (args.size() > 1) d.output = args[1].value;
         }
      } else {
         return;
      }
      if (d.url.empty()) {
         return;  // `curl --version` and the like
      }
      f.downloads.push_back(std::move(d));
   }

   void find_verification(run_facts& f, std::size_t index) {
      const command& c = f.commands[index];
      const std::string n = lower(basename(c.name));
      auto has = [&](auto pred) {
         return std::any_of(c.words.begin() + 1, c.words.end(), [&](const shell_word& w) { return pred(w.value); });
      };
      std::string method;
      if (n == "sha1sum" || n == "sha224sum" || n == "sha256sum" || n == "sha384sum" || n == "sha512sum" || n == "md5sum" ||
          n == "b2sum" || n == "shasum") {
         if (has([](const std::string& v) {
                return v == "--check" || (v.size() > 1 && v[0] == '-' && v[1] != '-' && v.find('c') != std::string::npos);
             })) {
            method = n + " -c";
         }
      } else if (n == "gpg" || n == "gpg2") {
         if (has([](const std::string& v) { return v == "--verify" || v == "--verify-files"; })) method = n + " --verify";
      } else if (n == "gpgv" || n == "gpgv2") {
         method = n;
      } else if (n == "cosign") {
         if (has([](const std::string& v) { return v.starts_with("verify"); })) method = "cosign verify";
      } else if (n == "minisign" || n == "signify") {
         if (has([](const std::string& v) { return v == "-V"; })) method = n + " -V";
      }
      if (!method.empty()) {
         f.verifications.push_back({method, c.where});
      }
   }

   // PowerShell: `Get-FileHash` whose result is compared with an expected value.
   void pwsh_hash_check(run_facts& f) {
      bool compared = false;
      for (const auto& c : f.commands) {
         for (const auto& w : c.words) {
            const std::string v = lower(w.text);
            if (v == "-ne" || v == "-eq" || v == "-cne" || v == "-ceq" || v == "-ine" || v == "-ieq" || v == "-notmatch" ||
                v == "-match" || v == "-like" || v == "-notlike") {
               compared = true;
            }
         }
      }
      if (!compared) {
         return;
      }
      for (const auto& c : f.commands) {
         if (lower(c.name) == "get-filehash") {
            f.verifications.push_back({"Get-FileHash", c.where});
         }
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

run_facts add_facts(const std::vector<shell_word>& sources, const std::optional<ast::span>& checksum) {
   run_facts f;
   for (const auto& w : sources) {
      if (w.value.find("://") == std::string::npos) continue;
      download d;
      d.tool = "ADD";
      d.url = w.value;
      d.expanded_url = d.url;
      d.where = w.where;
      if (checksum) d.verified_by = verification{"ADD --checksum", *checksum};
      f.downloads.push_back(std::move(d));
   }
   return f;
}

run_facts analyze_run(std::string_view body, const ast::offset_map& map, const ast::source_file& source, shell_kind shell) {
   return builder(body, map, source, shell).build();
}

}  // namespace strata::facts
