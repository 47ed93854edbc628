// DL3006 (hadolint's id and message): a FROM image with neither a tag nor a digest.
// The image is read after the global ARG defaults are substituted; `scratch`, an image
// that still holds an unresolved variable and the name of an earlier stage are not flagged.
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
// Whether `image` names a tag (a `:` after the last `/`: `localhost:5000/app` has none)
// or a digest (`@sha256:...`).
bool tagged(std::string_view image) {
   if (image.find('@') != std::string_view::npos) return true;
   const auto slash = image.rfind('/');
   const auto colon = image.rfind(':');
   return colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash);
}

void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& st : df.stages) {
      const std::string& image = st.image_expanded;
      if (image.empty() || image.find('$') != std::string::npos) continue;  // unresolved: not known
      if (ast::iequals(image, "scratch") || tagged(image)) continue;
      bool earlier_stage = false;
      for (std::size_t s = 0; s < st.index && !earlier_stage; ++s) {
         earlier_stage = !df.stages[s].name.empty() && ast::iequals(df.stages[s].name, image);
      }
      if (earlier_stage) continue;
      cx.report(st.image_span, "Always tag the version of an image explicitly");
   }
}
constexpr std::string_view tags[] = {"maintainability", "reproducibility"};
}  // namespace

extern const engine::rule dl3006{
    .id = "DL3006",
    .name = "from-untagged-image",
    .default_severity = engine::severity::warning,
    .summary = "FROM names an image without a tag or digest",
    .help = "Pin a release tag (FROM image:1.2.3) or a digest (FROM image@sha256:...).",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
