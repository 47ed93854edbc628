#include "facts/variables.hpp"

#include <fnmatch.h>
#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "ast/text.hpp"

namespace strata::facts {

namespace {

using ast::lower;

bool is_name_char(char c) {
   return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool is_digit(char c) {
   return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// The index of the `)` closing the `(` at `open` (quotes respected), or the last index.
std::size_t matching_paren(const std::string& v, std::size_t open) {
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

// A PowerShell single-quoted string's content without its doubled quotes.
std::string unquote(std::string q) {
   for (auto p = q.find("''"); p != std::string::npos; p = q.find("''", p + 1)) q.erase(p, 1);
   return q;
}

// A .NET replacement (`$1`) as an RE2 rewrite (`\1`).
std::string re2_rewrite(const std::string& r) {
   std::string rewrite;
   for (std::size_t k = 0; k < r.size(); ++k) {
      if (r[k] == '$' && k + 1 < r.size() && is_digit(r[k + 1])) {
         rewrite += '\\';
         continue;
      }
      if (r[k] == '\\') rewrite += '\\';
      rewrite += r[k];
   }
   return rewrite;
}

// `${V<op>}` with V's value `v` (nullopt: unknown): `:-w`, `-w`, `%p`, `%%p`, `#p`, `##p`.
std::optional<std::string> apply_operator(const std::optional<std::string>& v, const std::string& op) {
   if (op.empty()) return v;
   if (op.starts_with(":-") || op.starts_with("-")) {
      const std::string word = op.substr(op[0] == ':' ? 2 : 1);
      return v && !(op[0] == ':' && v->empty()) ? *v : word;
   }
   if (v && (op[0] == '%' || op[0] == '#')) {
      const bool longest = op.size() > 1 && op[1] == op[0];
      return remove_pattern(*v, op.substr(longest ? 2 : 1), op[0] == '%', longest);
   }
   return std::nullopt;
}

}  // namespace

bool expander::same_name(std::string_view a, std::string_view b) const {
   return pwsh_ ? lower(a) == lower(b) : a == b;
}

std::optional<std::string> expander::lookup(std::string_view name, std::size_t before, int level) const {
   if (lookups_ >= max_lookups) return std::nullopt;
   ++lookups_;
   const ast::shell_assignment* found = nullptr;
   bool branches = false;  // two different constants: `case` / `if` branches (`dockerArch='x86_64'` … `'s390x'`)
   for (const auto& a : script_.assignments) {
      if (a.begin >= before || !same_name(a.name, name)) continue;
      if (found != nullptr && found->value.literal && a.value.literal && found->value.value != a.value.value)
         branches = true;
      if (found == nullptr || a.begin > found->begin) found = &a;
   }
   if (found != nullptr && branches && found->value.literal) return std::nullopt;  // which one ran is not known here
   if (found != nullptr) return from_assignment(*found, level);
   return from_environment(name);
}

std::vector<std::string> expander::candidates(const std::string& value, std::size_t before) const {
   static const RE2 reference(R"(\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?)");
   std::string name;
   if (!pwsh_ && RE2::FullMatch(value, reference, &name)) {
      const ast::shell_assignment* found = nullptr;
      for (const auto& a : script_.assignments) {
         if (a.begin < before && a.name == name && (found == nullptr || a.begin > found->begin)) found = &a;
      }
      if (found != nullptr && !found->loop_values.empty()) {
         std::vector<std::string> out;
         for (const auto& w : found->loop_values) out.push_back(expand(w.value, found->begin));
         return out;
      }
   }
   return {expand(value, before)};
}

std::optional<std::string> expander::from_assignment(const ast::shell_assignment& a, int level) const {
   if (a.value.end == a.value.begin && !a.value.literal) return std::nullopt;  // `for NAME in ...`
   if (const auto m = expanded_.find(&a); m != expanded_.end()) return m->second;
   std::string v = level < 8 ? expand(a.value.value, a.begin, level + 1) : a.value.value;
   if (v.size() > max_expanded) v.resize(max_expanded);
   return expanded_.emplace(&a, std::move(v)).first->second;
}

std::optional<std::string> expander::from_environment(std::string_view name) const {
   std::string_view key = name;
   if (pwsh_) {
      if (!lower(key).starts_with("env:")) return std::nullopt;  // PowerShell variables come from the body only
      key.remove_prefix(4);
   }
   auto value = environment_value(env_, key, pwsh_);
   if (reads_ != nullptr &&
       std::none_of(reads_->begin(), reads_->end(), [&](const environment_read& r) { return r.name == key; })) {
      reads_->push_back({std::string(key), value});
   }
   return value;
}

std::optional<std::string> expander::environment_value(const ast::environment* env, std::string_view name, bool pwsh) {
   if (env == nullptr) return std::nullopt;
   if (const auto* it = env->find(name)) return it->second;
   if (!pwsh) return std::nullopt;
   for (const auto& [k, v] : *env) {  // Windows: environment names are case-insensitive
      if (lower(k) == lower(name)) return v;
   }
   return std::nullopt;
}

std::string expander::expand(const std::string& value, std::size_t before, int level) const {
   if (value.find('$') == std::string::npos || level > 8 || value.size() > max_expanded) return value;
   return pwsh_ ? expand_pwsh(value, before, level) : expand_sh(value, before, level);
}

std::string expander::expand_pwsh(const std::string& value, std::size_t before, int level) const {
   std::string out;
   for (std::size_t i = 0; i < value.size();) {
      if (out.size() > max_expanded) return value;
      if (value[i] != '$') {
         out += value[i++];
      } else if (value.compare(i, 2, "$(") == 0) {
         i = pwsh_subexpression(value, i, before, level, out);
      } else {
         i = pwsh_variable(value, i, before, level, out);
      }
   }
   return out;
}

// A sub-expression at `i`: `$(($env:V -replace 'p', 'r'))`. Returns the index past it.
std::size_t expander::pwsh_subexpression(const std::string& value, std::size_t i, std::size_t before, int level,
                                         std::string& out) const {
   const std::size_t close = matching_paren(value, i + 1);
   const std::string inner = value.substr(i + 2, close - i - 2);
   if (auto r = replace_expression(expand(inner, before, level + 1))) {
      out += *r;
   } else {
      out += value.substr(i, close + 1 - i);
   }
   return close + 1;
}

// A variable at `i`: `$name`, `$env:NAME`, `${name}`. Returns the index past it (the end
// of `value` when a `${` is not closed).
std::size_t expander::pwsh_variable(const std::string& value, std::size_t i, std::size_t before, int level,
                                    std::string& out) const {
   std::size_t b = i + 1;
   std::size_t e = b;
   const bool braced = b < value.size() && value[b] == '{';
   if (braced) {
      e = value.find('}', b);
      if (e == std::string::npos) {
         out += value.substr(i);
         return value.size();
      }
      ++b;
   } else {
      while (e < value.size() &&
             (is_name_char(value[e]) || (value[e] == ':' && lower(value.substr(b, e - b)) == "env")))
         ++e;
   }
   const std::string name = value.substr(b, e - b);
   const std::size_t stop = braced ? e + 1 : e;
   if (auto v = name.empty() ? std::nullopt : lookup(name, before, level)) {
      out += *v;
   } else {
      out += value.substr(i, std::max<std::size_t>(stop - i, 1));
   }
   return std::max(stop, i + 1);
}

// sh: `$V`, `${V}`, `${V:-w}` / `${V-w}`, and the pattern removals `${V%p}` `${V%%p}`
// `${V#p}` `${V##p}` (patterns are fnmatch(3) globs, bracket expressions included).
std::string expander::expand_sh(const std::string& value, std::size_t before, int level) const {
   std::string out;
   for (std::size_t i = 0; i < value.size();) {
      if (out.size() > max_expanded) return value;
      if (value[i] != '$' || i + 1 >= value.size()) {
         out += value[i++];
      } else if (value[i + 1] != '{') {
         i = sh_variable(value, i, before, level, out);
      } else {
         i = sh_braced(value, i, before, level, out);
      }
   }
   return out;
}

std::size_t expander::sh_variable(const std::string& value, std::size_t i, std::size_t before, int level,
                                  std::string& out) const {
   std::size_t e = i + 1;
   while (e < value.size() && is_name_char(value[e])) ++e;
   const auto v =
       e > i + 1 && !is_digit(value[i + 1]) ? lookup(value.substr(i + 1, e - i - 1), before, level) : std::nullopt;
   out += v ? *v : value.substr(i, std::max<std::size_t>(e - i, 1));
   return std::max(e, i + 1);
}

// `${...}` at `i`; returns the index past it (the end of `value` when it is not closed).
std::size_t expander::sh_braced(const std::string& value, std::size_t i, std::size_t before, int level,
                                std::string& out) const {
   const std::size_t close = value.find('}', i + 2);
   if (close == std::string::npos) {
      out += value.substr(i);
      return value.size();
   }
   const std::string inner = value.substr(i + 2, close - i - 2);
   std::size_t n = 0;
   while (n < inner.size() && is_name_char(inner[n])) ++n;
   const std::string name = inner.substr(0, n);
   const auto v = name.empty() ? std::nullopt : lookup(name, before, level);
   const auto r = apply_operator(v, inner.substr(n));
   out += r ? *r : value.substr(i, close + 1 - i);
   return close + 1;
}

std::optional<std::string> remove_pattern(const std::string& v, const std::string& pattern, bool suffix, bool longest) {
   const std::size_t n = v.size();
   if (n > 1024 || pattern.size() > 256 || std::count(pattern.begin(), pattern.end(), '*') > 3) return std::nullopt;
   for (std::size_t k = 0; k <= n; ++k) {
      const std::size_t len = longest ? n - k : k;  // candidate length of the removed part
      const std::string part = suffix ? v.substr(n - len) : v.substr(0, len);
      if (fnmatch(pattern.c_str(), part.c_str(), 0) == 0) return suffix ? v.substr(0, n - len) : v.substr(len);
   }
   return v;
}

std::optional<std::string> replace_expression(std::string text) {
   static const RE2 shape(
       R"(^\s*\(?\s*([^$()'"]*?)\s+-([ci]?)replace\s+'((?:[^']|'')*)'\s*,\s*'((?:[^']|'')*)'\s*\)?\s*$)", RE2::Quiet);
   std::string operand, kind, pattern, replacement;
   if (!RE2::FullMatch(text, shape, &operand, &kind, &pattern, &replacement)) return std::nullopt;
   RE2::Options o(RE2::Quiet);
   o.set_case_sensitive(kind == "c");
   const RE2 re(unquote(pattern), o);
   if (!re.ok()) return std::nullopt;
   RE2::GlobalReplace(&operand, re, re2_rewrite(unquote(replacement)));
   return operand;
}

}  // namespace strata::facts
