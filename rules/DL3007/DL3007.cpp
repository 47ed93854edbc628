// DL3007 (hadolint's id and message): FROM uses the `latest` tag without a digest.
#include "ast/dockerfile.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "from" || inst.words.empty()) {
      return;
   }
   const auto& image = inst.words[0];
   if (image.text.find('@') != std::string::npos) {
      return;  // pinned by digest
   }
   const auto slash = image.text.rfind('/');
   const auto colon = image.text.rfind(':');
   if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) {
      return;  // no tag (DL3006's case) or a registry port
   }
   if (image.text.substr(colon + 1) == "latest") {
      cx.report(
          image.where,
          "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag");
   }
}
constexpr std::string_view tags[] = {"maintainability", "reproducibility"};
}  // namespace

extern const engine::rule dl3007{
    .id = "DL3007",
    .name = "from-latest-tag",
    .default_severity = engine::severity::warning,
    .summary = "FROM uses the latest tag",
    .help = "Pin a release tag (FROM image:1.2.3) or a digest (FROM image@sha256:...).",
    .aliases = {},
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
