// ST3008 shell-metadata-mismatch (formats.md C10): a platform's `SHELL` metadata
// is not the last SHELL of its history, which the builder records in Go's %v
// bracket form: "SHELL [" + elements joined by single spaces + "]".
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      if (!s.shell) continue;
      const ast::history_entry* last = nullptr;
      for (const auto& e : s.history) {
         if (e.instruction.keyword == "SHELL") last = &e;
      }
      if (last == nullptr) continue;
      const auto j = nlohmann::json::parse(s.shell->text, nullptr, false);
      if (j.is_discarded() || !j.is_array()) continue;
      std::string expected = "[";
      for (std::size_t i = 0; i < j.size(); ++i) {
         if (!j[i].is_string()) return;
         if (i > 0) expected += ' ';
         expected += j[i].get<std::string>();
      }
      expected += ']';
      std::string written = last->instruction.arguments;
      while (!written.empty() && written.back() == ' ') written.pop_back();
      if (written == expected) continue;
      cx.report(s.shell->where,
                fmt::format("SHELL metadata {} would be recorded as `SHELL {}`, but the last SHELL of the history "
                            "(line {}) is `SHELL {}`",
                            s.shell->text, expected, last->text_span.start.line, written),
                &s);
   }
}
constexpr std::string_view tags[] = {"correctness", "published-metadata"};
}  // namespace

extern const engine::rule st3008{
    .id = "ST3008",
    .name = "shell-metadata-mismatch",
    .default_severity = engine::severity::error,
    .summary = "A platform's SHELL metadata is not the last SHELL of its history",
    .help = "The metadata and the history come from one image config: a difference means the page mixes images.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
