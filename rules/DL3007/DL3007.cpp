// DL3007 (hadolint's id and message): FROM uses the `latest` tag without a digest. The
// image is read after the global ARG defaults are substituted (`ARG TAG=latest` +
// `FROM debian:$TAG` is flagged).
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& st : df.stages) {
      const std::string& image = st.image_expanded;
      if (image.find('@') != std::string::npos) continue;  // pinned by digest
      const auto slash = image.rfind('/');
      const auto colon = image.rfind(':');
      if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) {
         continue;  // no tag (DL3006's case) or a registry port
      }
      if (image.substr(colon + 1) == "latest") {
         cx.report(st.image_span,
                   "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a "
                   "release tag");
      }
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
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
