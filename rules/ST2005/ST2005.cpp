// ST2005 duplicate-path-entry (formats.md C31): an ENV PATH lists one directory
// twice (`ENV PATH /usr/local/bin:$PATH` over a base image whose PATH already
// holds /usr/local/bin). Dockerfiles (the value after ARG/ENV substitution) and
// the ENV history entries of tag pages.
#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "ast/dockerfile.hpp"
#include "ast/tag_page.hpp"
#include "engine/context.hpp"
#include "parse/dockerfile_instructions.hpp"

namespace strata::rules {
namespace {

// The first directory listed twice, or "". Windows lists (`;`) compare without case;
// a trailing separator does not make a different directory; an entry holding a
// variable that was not substituted is skipped.
std::string first_duplicate(std::string_view value) {
   const bool windows = value.find(';') != std::string_view::npos;
   const char sep = windows ? ';' : ':';
   std::vector<std::string> seen;
   for (std::size_t p = 0; p <= value.size();) {
      const auto e = std::min(value.find(sep, p), value.size());
      std::string dir(value.substr(p, e - p));
      p = e + 1;
      while (dir.size() > 1 && (dir.back() == '/' || dir.back() == '\\')) dir.pop_back();
      if (dir.empty() || dir.find('$') != std::string::npos || dir.find('%') != std::string::npos) continue;
      std::string key = dir;
      if (windows) {
         for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) return dir;
      seen.push_back(std::move(key));
   }
   return {};
}

void check_dockerfile(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& inst : df.instructions) {
      if (inst.name != "env") continue;
      for (const auto& kv : inst.pairs) {
         if (kv.key != "PATH" && kv.key != "Path") continue;
         const auto r = parse::expand(df, inst, kv.value);
         if (r.error) continue;
         if (const auto dup = first_duplicate(r.result); !dup.empty()) {
            cx.report(kv.value_span, fmt::format("PATH lists {} twice (PATH is {})", dup, r.result));
         }
      }
   }
}

void check_page(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      for (const auto& e : s.history) {
         for (const auto& kv : e.env) {
            if (kv.key != "PATH" && kv.key != "Path") continue;
            if (const auto dup = first_duplicate(kv.value); !dup.empty()) {
               cx.report(kv.value_span, fmt::format("PATH lists {} twice", dup), &s);
            }
         }
      }
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule st2005{
    .id = "ST2005",
    .name = "duplicate-path-entry",
    .default_severity = engine::severity::info,
    .summary = "ENV PATH lists the same directory twice",
    .help = "Drop the repeated directory (the base image's PATH often has it already).",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check_dockerfile, .tag_page = check_page},
};
}  // namespace strata::rules
