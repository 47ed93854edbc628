#include "verify/history.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "ast/text.hpp"
#include "parse/shell_lexer.hpp"

namespace strata::verify {

namespace {

std::string upper(std::string s) {
   for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
   return s;
}

std::string trim(std::string_view s) {
   const auto b = s.find_first_not_of(" \t\r\n");
   if (b == std::string_view::npos) return {};
   const auto e = s.find_last_not_of(" \t\r\n");
   return std::string(s.substr(b, e - b + 1));
}

std::string join(const std::vector<std::string>& parts, std::string_view sep = " ") {
   std::string out;
   for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out += sep;
      out += parts[i];
   }
   return out;
}

// Go's %q of one string, as the classic builder prints exec-form arrays (ASCII escapes only).
std::string go_quote(std::string_view s) {
   std::string out = "\"";
   for (const char c : s) {
      if (c == '"' || c == '\\') {
         out += '\\';
         out += c;
      } else if (c == '\n') {
         out += "\\n";
      } else if (c == '\t') {
         out += "\\t";
      } else {
         out += c;
      }
   }
   return out + "\"";
}

// The ports of EXPOSE as the builder records them: `80` -> `80/tcp`, sorted.
std::vector<std::string> ports(std::vector<std::string> in) {
   for (auto& p : in) {
      if (p.find('/') == std::string::npos) p += "/tcp";
   }
   std::sort(in.begin(), in.end());
   return in;
}

class expander {
public:
   expander(const ast::dockerfile& df, const ast::environment& env) : df_(df), env_(env) {}

   // `word` with the values in scope substituted; a variable they do not hold becomes a wildcard.
   [[nodiscard]] std::string operator()(std::string_view word) const {
      parse::lex_options o;
      o.escape = df_.escape;
      o.skip_unset_env = true;
      const auto r = parse::process_word(word, env_, o);
      if (r.error) return std::string(word);
      return wildcards(r.result);
   }

private:
   const ast::dockerfile& df_;
   const ast::environment& env_;

   static std::string wildcards(const std::string& s) {
      std::string out;
      for (std::size_t i = 0; i < s.size();) {
         if (s[i] != '$' || i + 1 >= s.size()) {
            out += s[i++];
            continue;
         }
         std::size_t e = i + 1;
         if (s[e] == '{') {
            int depth = 0;
            for (; e < s.size(); ++e) {
               if (s[e] == '{') ++depth;
               if (s[e] == '}' && --depth == 0) break;
            }
            e = std::min(e + 1, s.size());
         } else if (std::isalpha(static_cast<unsigned char>(s[e])) != 0 || s[e] == '_') {
            while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) != 0 || s[e] == '_')) ++e;
         } else {
            out += s[i++];
            continue;
         }
         out += wildcard;
         i = e;
      }
      return out;
   }
};

// The stage to predict: `target` by name (case-insensitive) or index, else the last one.
const ast::stage* stage_of(const ast::dockerfile& df, const std::optional<std::string>& target, std::string& error) {
   if (df.stages.empty()) {
      error = "the Dockerfile has no FROM";
      return nullptr;
   }
   if (!target) return &df.stages.back();
   for (const auto& s : df.stages) {
      if (ast::lower(s.name) == ast::lower(*target) || std::to_string(s.index) == *target) return &s;
   }
   error = "no build stage named `" + *target + "`";
   return nullptr;
}

std::vector<std::string> word_texts(const ast::instruction& inst) {
   std::vector<std::string> out;
   for (const auto& w : inst.words) out.push_back(w.text);
   return out;
}

// The classic rendering of an exec-form array: `["a" "b"]`.
std::string quoted_array(const std::vector<std::string>& elements) {
   std::string out = "[";
   for (std::size_t i = 0; i < elements.size(); ++i) out += (i > 0 ? " " : "") + go_quote(elements[i]);
   return out + "]";
}

struct stage_state {
   std::vector<std::string> shell;
   std::vector<std::string> declared_args;
};

predicted_entry predict_one(const ast::dockerfile& df, std::size_t index, const prediction_options& options,
                            stage_state& st) {
   const ast::instruction& inst = df.instructions[index];
   predicted_entry p;
   p.instruction = index;
   p.keyword = upper(inst.name);
   p.where = inst.where;
   ast::environment env = inst.variables ? *inst.variables : ast::environment{};
   for (const auto& name : st.declared_args) {
      if (const auto it = options.build_args.find(name); it != options.build_args.end())
         env = env.set(name, it->second);
   }
   const expander expand(df, env);
   const std::string& n = inst.name;
   if (n == "run") {
      p.parts = {trim(inst.form == ast::argument_form::exec ? join(word_texts(inst)) : inst.arguments)};
      p.text = "RUN " + p.parts.front();
   } else if (n == "cmd" || n == "entrypoint") {
      if (inst.form == ast::argument_form::exec) {
         p.parts = word_texts(inst);
      } else {
         p.parts = st.shell;
         p.parts.push_back(inst.arguments);
      }
      p.text = p.keyword + " " + quoted_array(p.parts);
   } else if (n == "shell") {
      st.shell = word_texts(inst);
      p.parts = {join(st.shell)};  // recorded as Go's %v of the array: elements joined by spaces (lossy)
      p.text = "SHELL [" + p.parts.front() + "]";
   } else if (n == "env" || n == "label" || n == "arg") {
      for (const auto& kv : inst.pairs) {
         std::string key = n == "arg" ? kv.key : expand(kv.key);
         if (n == "arg") {
            st.declared_args.push_back(key);
            const auto given = options.build_args.find(key);
            if (given != options.build_args.end()) {
               p.parts.push_back(key + "=" + given->second);
            } else {
               p.parts.push_back(kv.has_value ? key + "=" + expand(kv.value) : key);
            }
         } else {
            p.parts.push_back(key + "=" + expand(kv.value));
         }
      }
      p.optional = n == "arg";
      p.text = p.keyword + " " + join(p.parts);
   } else if (n == "expose") {
      for (const auto& w : inst.words) p.parts.push_back(expand(w.text));
      p.parts = ports(std::move(p.parts));
      p.text = "EXPOSE " + join(p.parts);
   } else if (n == "volume") {
      std::vector<std::string> dirs;
      for (const auto& w : inst.words) dirs.push_back(expand(w.text));
      p.parts = {join(dirs)};  // %v of the array, as SHELL
      p.text = "VOLUME [" + p.parts.front() + "]";
   } else if (n == "user" || n == "workdir" || n == "stopsignal") {
      p.parts = {expand(trim(inst.arguments))};
      p.text = p.keyword + " " + p.parts.front();
   } else if (n == "copy" || n == "add") {
      if (!inst.words.empty()) p.parts = {expand(inst.words.back().text)};
      p.text = p.keyword + " … in " + (p.parts.empty() ? std::string() : p.parts.front());
   } else if (n == "onbuild") {
      if (!inst.trigger.empty()) {
         const auto& t = inst.trigger.front();
         p.parts = {upper(t.name) + " " + trim(t.arguments)};
      }
      p.text = "ONBUILD " + (p.parts.empty() ? std::string() : p.parts.front());
   } else if (n == "healthcheck") {
      p.text = "HEALTHCHECK …";
   } else {
      p.parts = {trim(inst.arguments)};
      p.text = p.keyword + " " + p.parts.front();
   }
   return p;
}

// Whether `text` matches `pattern`, whose wildcard characters match any text.
bool glob(std::string_view pattern, std::string_view text) {
   std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
   while (t < text.size()) {
      if (p < pattern.size() && pattern[p] != wildcard && pattern[p] == text[t]) {
         ++p;
         ++t;
      } else if (p < pattern.size() && pattern[p] == wildcard) {
         star = p++;
         mark = t;
      } else if (star != std::string_view::npos) {
         p = star + 1;
         t = ++mark;
      } else {
         return false;
      }
   }
   while (p < pattern.size() && pattern[p] == wildcard) ++p;
   return p == pattern.size();
}

std::vector<std::string> element_texts(const ast::history_instruction& h) {
   std::vector<std::string> out;
   for (const auto& e : h.elements) out.push_back(e.text);
   return out;
}

std::string shown(std::string s) {
   std::replace(s.begin(), s.end(), wildcard, '*');
   return s;
}

}  // namespace

std::vector<predicted_entry> predict(const ast::dockerfile& df, const prediction_options& options, std::string& error) {
   std::vector<predicted_entry> out;
   const ast::stage* s = stage_of(df, options.target, error);
   if (s == nullptr) return out;
   stage_state st;
   st.shell = options.windows ? std::vector<std::string>{"cmd", "/S", "/C"} : std::vector<std::string>{"/bin/sh", "-c"};
   for (std::size_t i = s->from_index + 1; i < s->end_index && i < df.instructions.size(); ++i) {
      if (df.instructions[i].name == "from" || !df.instructions[i].known) continue;
      out.push_back(predict_one(df, i, options, st));
   }
   return out;
}

std::vector<std::string> observed_parts(const ast::history_instruction& h) {
   const std::string k = upper(h.keyword);
   std::vector<std::string> parts;
   if (k == "RUN") {
      if (h.form == ast::history_form::json_array) return {trim(join(element_texts(h)))};
      return {trim(h.body ? h.body->text : h.arguments)};
   }
   if (k == "SHELL" || k == "VOLUME") {
      if (!h.elements.empty()) return {join(element_texts(h))};
      std::string a = trim(h.arguments);
      if (a.starts_with('[') && a.ends_with(']')) a = a.substr(1, a.size() - 2);
      return {a};
   }
   if (k == "CMD" || k == "ENTRYPOINT") {
      if (h.form == ast::history_form::quoted_array || h.form == ast::history_form::bracket_list ||
          h.form == ast::history_form::json_array)
         return element_texts(h);
      return {trim(h.arguments)};
   }
   if (k == "ENV" || k == "LABEL" || k == "ARG") {
      for (const auto& p : h.pairs) parts.push_back(p.has_value ? p.key + "=" + p.value : p.key);
      return parts;
   }
   if (k == "EXPOSE") {
      if (!h.elements.empty()) return ports(element_texts(h));
      return ports({trim(h.arguments)});
   }
   if (k == "USER" || k == "WORKDIR" || k == "STOPSIGNAL") {
      if (h.form == ast::history_form::bracket_list) return {join(element_texts(h))};
      return {trim(h.arguments)};
   }
   if (k == "COPY" || k == "ADD") {
      if (h.source) return {h.source->destination.text};
      if (!h.elements.empty()) return {h.elements.back().text};
      return {};
   }
   if (k == "ONBUILD") {
      if (h.trigger_keyword)
         return {upper(h.trigger_keyword->text) + " " +
                 trim(h.trigger_arguments ? h.trigger_arguments->text : std::string())};
      return {trim(h.arguments)};
   }
   if (k == "HEALTHCHECK") return {};
   return {trim(h.arguments)};
}

bool matches(const predicted_entry& p, const observed_entry& o, std::string& difference) {
   if (o.instruction == nullptr || o.instruction->unparsed()) {
      difference = "the recorded entry could not be read";
      return false;
   }
   const std::string k = upper(o.instruction->keyword);
   if (k != p.keyword) {
      difference = k + " where the Dockerfile has " + p.keyword;
      return false;
   }
   const auto got = observed_parts(*o.instruction);
   bool same = got.size() == p.parts.size();
   for (std::size_t i = 0; same && i < got.size(); ++i) same = glob(p.parts[i], got[i]);
   if (same) return true;
   difference = word_diff(shown(join(p.parts)), join(got));
   if (difference.empty()) difference = "the arguments differ";
   return false;
}

alignment align(const std::vector<predicted_entry>& predicted, const std::vector<observed_entry>& observed) {
   constexpr int missing_cost = 2, extra_cost = 2, drift_cost = 1, impossible = 1000000;
   const std::size_t n = predicted.size(), m = observed.size();
   std::vector<std::vector<int>> dp(n + 1, std::vector<int>(m + 1, 0));
   std::vector<std::vector<char>> same(n, std::vector<char>(m, 0));
   std::vector<std::vector<char>> keyword(n, std::vector<char>(m, 0));
   for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < m; ++j) {
         std::string d;
         same[i][j] = matches(predicted[i], observed[j], d) ? 1 : 0;
         keyword[i][j] =
             observed[j].instruction != nullptr && upper(observed[j].instruction->keyword) == predicted[i].keyword ? 1
                                                                                                                   : 0;
      }
   }
   auto gap = [&](std::size_t i) { return predicted[i].optional ? 0 : missing_cost; };
   for (std::size_t i = 1; i <= n; ++i) dp[i][0] = dp[i - 1][0] + gap(i - 1);
   // dp[0][j] == 0: the entries before the Dockerfile's first are the base image's
   for (std::size_t i = 1; i <= n; ++i) {
      for (std::size_t j = 1; j <= m; ++j) {
         const int pair = same[i - 1][j - 1] ? 0 : keyword[i - 1][j - 1] ? drift_cost : impossible;
         dp[i][j] = std::min({dp[i - 1][j - 1] + pair, dp[i - 1][j] + gap(i - 1), dp[i][j - 1] + extra_cost});
      }
   }
   alignment a;
   std::size_t i = n, j = m;
   std::vector<std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> rev;
   while (i > 0) {
      const int pair = j > 0 ? (same[i - 1][j - 1] ? 0 : keyword[i - 1][j - 1] ? drift_cost : impossible) : impossible;
      if (j > 0 && dp[i][j] == dp[i - 1][j - 1] + pair) {
         rev.emplace_back(i - 1, j - 1);
         --i;
         --j;
      } else if (dp[i][j] == dp[i - 1][j] + gap(i - 1)) {
         rev.emplace_back(i - 1, std::nullopt);
         --i;
      } else {
         rev.emplace_back(std::nullopt, j - 1);
         --j;
      }
   }
   a.base = j;
   a.own = m - j;
   std::reverse(rev.begin(), rev.end());
   a.pairs = std::move(rev);
   for (const auto& [p, o] : a.pairs) {
      if (p && o) {
         if (same[*p][*o]) {
            ++a.matched;
            continue;
         }
         entry_difference d{entry_difference::kind::drift, p, o, {}};
         (void)matches(predicted[*p], observed[*o], d.detail);
         a.differences.push_back(std::move(d));
      } else if (p) {
         if (!predicted[*p].optional) a.differences.push_back({entry_difference::kind::missing, p, std::nullopt, {}});
      } else {
         a.differences.push_back({entry_difference::kind::extra, std::nullopt, o, {}});
      }
   }
   return a;
}

std::string word_diff(const std::string& a, const std::string& b) {
   auto split = [](const std::string& s) {
      std::vector<std::string> out;
      for (std::size_t p = 0; p < s.size();) {
         const auto x = s.find_first_not_of(" \t\n", p);
         if (x == std::string::npos) break;
         const auto e = std::min(s.find_first_of(" \t\n", x), s.size());
         out.push_back(s.substr(x, e - x));
         p = e;
      }
      return out;
   };
   const auto wa = split(a), wb = split(b);
   std::size_t pre = 0;
   while (pre < wa.size() && pre < wb.size() && wa[pre] == wb[pre]) ++pre;
   std::size_t post = 0;
   while (post < wa.size() - pre && post < wb.size() - pre && wa[wa.size() - 1 - post] == wb[wb.size() - 1 - post])
      ++post;
   if (pre == wa.size() && pre == wb.size()) return {};
   auto middle = [&](const std::vector<std::string>& w) {
      std::vector<std::string> mid(w.begin() + static_cast<std::ptrdiff_t>(pre),
                                   w.end() - static_cast<std::ptrdiff_t>(post));
      std::string s = mid.empty() ? std::string("(nothing)") : join(mid);
      if (s.size() > 160) s = s.substr(0, 157) + "...";
      return s;
   };
   std::string out;
   if (pre > 0) out += "… " + wa[pre - 1] + " ";
   out += "`" + middle(wa) + "` → `" + middle(wb) + "`";
   if (post > 0) out += " " + wa[wa.size() - post] + " …";
   return out;
}

}  // namespace strata::verify
