// DL3021 (hadolint's id and message): COPY with several sources whose destination does not
// end in `/` (BuildKit needs a directory destination for several sources; on Windows a
// trailing `\` says so too). The destination is read after ARG/ENV substitution.
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "parse/dockerfile_instructions.hpp"

namespace strata::rules {
namespace {
std::string_view drop_quotes(std::string_view s) {
   while (!s.empty() && (s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
   while (!s.empty() && (s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
   return s;
}

void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& inst : df.instructions) {
      if (inst.name != "copy" || inst.words.size() < 3) continue;  // fewer than two sources
      const auto& destination = inst.words.back();
      const auto expanded = parse::expand(df, inst, destination.text);
      const std::string text(expanded.error ? drop_quotes(destination.text) : std::string_view(expanded.result));
      if (!text.empty() && (text.back() == '/' || text.back() == '\\')) continue;  // `\`: a Windows directory
      cx.report(destination.where, "COPY with more than 2 arguments requires the last argument to end with /.");
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3021{
    .id = "DL3021",
    .name = "copy-sources-to-non-directory",
    .default_severity = engine::severity::error,
    .summary = "COPY with several sources to a destination not ending in /",
    .help = "End the destination with / (COPY a b /dest/) so that it names a directory.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
