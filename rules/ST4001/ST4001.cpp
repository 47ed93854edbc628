// ST4001 version-mismatch-across-platforms (formats.md C11): an `ENV *_VERSION`
// has different values in the platforms of one tag. Reported at the outlier
// (the value fewer platforms hold), or at every platform when no value has a
// majority. Only platforms that set the variable take part; sections are keyed
// by index. Packaging-tool pins (`PYTHON_PIP_VERSION`) are ST4002's.
#include <re2/re2.h>

#include "ast/tag_page.hpp"
#include "engine/platform_env.hpp"

namespace strata::rules {
namespace {

bool version_key(std::string_view key) {
   static const RE2 shape("[A-Z][A-Z0-9_]*_VERSION");
   return RE2::FullMatch(key, shape) && !engine::is_tool_pin_key(key);
}

void check(const ast::tag_page& page, engine::context& cx) {
   engine::compare_env_across_platforms(page, cx, version_key, engine::platform_groups::all);
}
constexpr std::string_view tags[] = {"correctness", "consistency"};
}  // namespace

extern const engine::rule st4001{
    .id = "ST4001",
    .name = "version-mismatch-across-platforms",
    .default_severity = engine::severity::error,
    .summary = "An ENV *_VERSION differs between the platforms of one tag",
    .help =
        "Rebuild the stale platforms from the same source commit so that every platform of the tag carries one "
        "version.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
