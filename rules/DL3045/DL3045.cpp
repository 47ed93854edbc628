// DL3045 (hadolint's id and message): COPY to a relative destination in a stage where no
// WORKDIR was set, neither in the stage (before the COPY) nor in the earlier stages it is
// built on (`FROM <stage>`, followed back to the first one). The destination is read after
// ARG/ENV substitution; absolute paths (`/x`, `C:\x`, `C:/x`) and destinations that start
// with an unresolved variable are not flagged. ONBUILD triggers run in another build and
// are not looked at.
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
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

bool absolute(std::string_view dest) {
   return dest.starts_with('/') || (dest.size() >= 3 && dest[1] == ':' && (dest[2] == '\\' || dest[2] == '/'));
}

void check(const ast::dockerfile& df, engine::context& cx) {
   std::vector<bool> workdir(df.stages.size(), false);  // per stage: a WORKDIR so far (inherited included)
   bool before_from = false;                            // a WORKDIR before the first FROM
   for (const auto& inst : df.instructions) {
      const bool staged = inst.stage < df.stages.size();
      if (inst.name == "from" && staged) {
         const auto& st = df.stages[inst.stage];
         for (std::size_t s = 0; s < st.index; ++s) {
            if (!df.stages[s].name.empty() && ast::iequals(df.stages[s].name, st.image_expanded)) {
               workdir[st.index] = workdir[s];  // the latest earlier stage of that name, as BuildKit resolves it
            }
         }
         continue;
      }
      if (inst.name == "workdir") {
         if (staged) {
            workdir[inst.stage] = true;
         } else {
            before_from = true;
         }
         continue;
      }
      const bool workdir_set = staged ? static_cast<bool>(workdir[inst.stage]) : before_from;
      if (inst.name != "copy" || inst.words.size() < 2 || workdir_set) continue;
      const auto& destination = inst.words.back();
      const auto expanded = parse::expand(df, inst, destination.text);
      // the word as written first: `C:\dir` loses its backslash to the escape character once expanded
      const auto raw = drop_quotes(destination.text);
      const std::string_view text = expanded.error ? raw : std::string_view(expanded.result);
      if (absolute(raw) || absolute(text) || text.starts_with('$')) continue;  // `$X`: a value not known
      cx.report(destination.where, "`COPY` to a relative destination without `WORKDIR` set.");
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl3045{
    .id = "DL3045",
    .name = "copy-relative-destination-without-workdir",
    .default_severity = engine::severity::warning,
    .summary = "COPY to a relative destination with no WORKDIR set in the stage or the stages it is built on",
    .help = "Set WORKDIR before the COPY, or copy to an absolute path.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
