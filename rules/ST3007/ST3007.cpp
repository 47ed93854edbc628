// ST3007 default-command-mismatch (formats.md C9): a platform's `Default Command`
// is not the last CMD of its history. Compared as parsed arrays: the metadata is
// JSON, the history line a Go %q array (`CMD ["php" "-a"]`), a JSON array, or a
// shell form (`CMD python`, which the builder records as ["/bin/sh","-c","python"]).
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {

std::optional<std::vector<std::string>> json_array(std::string_view text) {
   const auto j = nlohmann::json::parse(text, nullptr, false);
   if (j.is_discarded() || !j.is_array()) return std::nullopt;
   std::vector<std::string> out;
   for (const auto& e : j) {
      if (!e.is_string()) return std::nullopt;
      out.push_back(e.get<std::string>());
   }
   return out;
}

std::optional<std::vector<std::string>> cmd_of(const ast::history_instruction& in) {
   if (in.form == ast::history_form::quoted_array || in.form == ast::history_form::json_array) {
      std::vector<std::string> out;
      for (const auto& e : in.elements) out.push_back(e.text);
      return out;
   }
   if (in.form == ast::history_form::shell && !in.arguments.empty()) {
      return std::vector<std::string>{"/bin/sh", "-c", in.arguments};
   }
   return std::nullopt;
}

std::string joined(const std::vector<std::string>& v) {
   return nlohmann::json(v).dump();
}

void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      if (!s.default_command) continue;
      const ast::history_entry* last = nullptr;
      for (const auto& e : s.history) {
         if (e.instruction.keyword == "CMD") last = &e;
      }
      if (last == nullptr) continue;
      const auto meta = json_array(s.default_command->text);
      // Windows shell-form CMDs run under the image's SHELL, not /bin/sh: not compared
      if (s.is_windows() && last->instruction.form == ast::history_form::shell) continue;
      const auto hist = cmd_of(last->instruction);
      if (!meta || !hist || *meta == *hist) continue;
      cx.report(s.default_command->where,
                fmt::format("Default Command is {} but the last CMD of the history (line {}) is {}", joined(*meta),
                            last->text_span.start.line, joined(*hist)),
                &s);
   }
}
constexpr std::string_view tags[] = {"correctness", "published-metadata"};
}  // namespace

extern const engine::rule st3007{
    .id = "ST3007",
    .name = "default-command-mismatch",
    .default_severity = engine::severity::error,
    .summary = "A platform's Default Command is not the last CMD of its history",
    .help = "The metadata and the history come from one image config: a difference means the page mixes images.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
