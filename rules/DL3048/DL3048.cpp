// DL3048 (hadolint's id and message): a LABEL key outside Docker's recommended key format.
#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "facts/labels.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "label" || !cx.doc().dockerfile) return;
   for (const auto& l : cx.labels(inst)) {
      if (!facts::valid_label_key(l.key)) cx.report(l.key_where, "Invalid label key.");
   }
}
constexpr std::string_view tags[] = {"metadata", "style"};
}  // namespace

extern const engine::rule dl3048{
    .id = "DL3048",
    .name = "invalid-label-key",
    .default_severity = engine::severity::style,
    .summary = "A LABEL key is not in Docker's recommended format (lowercase, dots and dashes, no docker namespace)",
    .help = "Use lowercase reverse-DNS keys: letters, digits, dots and dashes (org.example.build-date).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
