#include "parse/dockerignore.hpp"

#include <re2/re2.h>

#include <fnmatch.h>

#include <algorithm>

#include <fmt/format.h>

#include "ast/unicode.hpp"

namespace strata::parse {

namespace {

// The glob as an RE2 expression, anchored (patternmatcher's compile).
std::string glob_regex(std::string_view glob) {
   std::string out = "^";
   for (std::size_t i = 0; i < glob.size(); ++i) {
      const char c = glob[i];
      if (c == '*') {
         if (i + 1 < glob.size() && glob[i + 1] == '*') {
            ++i;
            if (i + 1 < glob.size() && glob[i + 1] == '/') ++i;  // `**/` reads as `**`
            out += i + 1 == glob.size() ? ".*" : "(.*/)?";
         } else {
            out += "[^/]*";
         }
      } else if (c == '?') {
         out += "[^/]";
      } else if (c == '\\') {
         if (i + 1 < glob.size()) {
            out += RE2::QuoteMeta(std::string(1, glob[++i]));
         } else {
            out += "\\\\";
         }
      } else if (c == '[' || c == ']') {
         out += c;  // character classes pass through
      } else {
         out += RE2::QuoteMeta(std::string(1, c));
      }
   }
   return out + "$";
}

std::vector<std::string> components(std::string_view path) {
   std::vector<std::string> out;
   std::size_t at = 0;
   while (at <= path.size()) {
      auto slash = path.find('/', at);
      if (slash == std::string_view::npos) slash = path.size();
      if (slash > at) out.emplace_back(path.substr(at, slash - at));
      at = slash + 1;
   }
   return out;
}

// Whether two path components can name the same file: either, read as a glob, matches the other.
bool components_meet(const std::string& pattern, const std::string& source) {
   if (pattern == "**" || source == "**") return true;
   return fnmatch(pattern.c_str(), source.c_str(), FNM_PERIOD) == 0 ||
          fnmatch(source.c_str(), pattern.c_str(), FNM_PERIOD | FNM_NOESCAPE) == 0;
}

}  // namespace

std::string clean_path(std::string_view path) {
   if (path.empty()) return ".";
   const bool rooted = path.front() == '/';
   std::vector<std::string_view> parts;
   std::size_t i = 0;
   while (i < path.size()) {
      std::size_t j = path.find('/', i);
      if (j == std::string_view::npos) j = path.size();
      const auto part = path.substr(i, j - i);
      if (part.empty() || part == ".") {
         // skipped
      } else if (part == "..") {
         if (!parts.empty() && parts.back() != "..") {
            parts.pop_back();
         } else if (!rooted) {
            parts.push_back(part);
         }
      } else {
         parts.push_back(part);
      }
      i = j + 1;
   }
   std::string out = rooted ? "/" : "";
   for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) out += '/';
      out += parts[k];
   }
   return out.empty() ? "." : out;
}

ignore_patterns::ignore_patterns(std::string_view text) {
   std::uint32_t line_no = 0;
   std::size_t at = 0;
   if (text.starts_with("\xEF\xBB\xBF")) at = 3;
   while (at <= text.size()) {
      std::size_t end = text.find('\n', at);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view raw = text.substr(at, end - at);
      ++line_no;
      at = end + 1;
      if (!raw.empty() && raw.front() == '#') continue;
      std::string_view p = ast::go_trim_space(raw);
      if (p.empty()) continue;
      ignore_pattern pat;
      pat.line = line_no;
      if (p.front() == '!') {
         pat.exclusion = true;
         p = ast::go_trim_space(p.substr(1));
         if (p.empty()) {
            errors_.push_back(fmt::format("{}: illegal exclusion pattern: \"!\"", line_no));
            continue;
         }
      }
      std::string cleaned = clean_path(p);
      if (cleaned.size() > 1 && cleaned.front() == '/') cleaned.erase(0, 1);
      pat.text = cleaned;
      RE2::Options options;
      options.set_log_errors(false);
      options.set_dot_nl(true);
      auto re = std::make_shared<RE2>(glob_regex(pat.text), options);
      if (re->ok()) {
         pat.regex = std::move(re);
      } else {
         errors_.push_back(fmt::format("{}: syntax error in pattern {}", line_no, pat.text));
      }
      patterns_.push_back(std::move(pat));
   }
}

bool ignore_patterns::excludes(std::string_view path) const {
   // as MatchesOrParentMatches: the path as given, its parent directory cleaned (filepath.Dir)
   const std::string file(path);
   const auto slash = file.rfind('/');
   const std::string parent =
       slash == std::string::npos ? std::string(1, '.') : clean_path(slash == 0 ? "/" : file.substr(0, slash));
   bool excluded = false;
   for (const auto& p : patterns_) {
      if (p.exclusion != excluded || p.regex == nullptr) continue;  // only a `!` can re-include
      bool match = RE2::FullMatch(file, *p.regex);
      if (!match && parent != ".") {
         for (std::size_t k = parent.find('/'); !match; k = parent.find('/', k + 1)) {
            match = RE2::FullMatch(k == std::string::npos ? parent : parent.substr(0, k), *p.regex);
            if (k == std::string::npos) break;
         }
      }
      if (match) excluded = !p.exclusion;
   }
   return excluded;
}

bool ignore_patterns::excludes_source(std::string_view source) const {
   const std::string path = clean_path(source);
   if (path == ".") {                 // every `!` pattern re-includes something below the root
      return excludes("\x01\x02") &&  // a name that only `*`-like patterns match
             std::none_of(patterns_.begin(), patterns_.end(), [](const ignore_pattern& p) { return p.exclusion; });
   }
   if (!excludes(path)) return false;
   const auto mine = components(path);
   for (const auto& p : patterns_) {
      if (!p.exclusion) continue;
      const auto theirs = components(p.text);
      if (theirs.size() < mine.size() && std::find(theirs.begin(), theirs.end(), "**") == theirs.end()) continue;
      bool meet = true;
      for (std::size_t k = 0; k < mine.size() && k < theirs.size() && meet; ++k) {
         if (theirs[k] == "**") break;
         meet = components_meet(theirs[k], mine[k]);
      }
      if (meet) return false;
   }
   return true;
}

}  // namespace strata::parse
