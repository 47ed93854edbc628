// ST0004 base-image-name-invalid: a FROM image reference that is well formed but that
// BuildKit refuses by name (upper case in the repository name, a bare 64-hex name).
#include "ast/dockerfile.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& e : df.errors) {
      if (e.layer == ast::error_layer::image_name) cx.report(e.where, e.message);
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st0004{
    .id = "ST0004",
    .name = "base-image-name-invalid",
    .default_severity = engine::severity::error,
    .summary = "A FROM image name that BuildKit refuses (upper case, a bare image ID)",
    .help = "Write repository names in lower case; refer to a local image by a tag or by its full digest.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
