// ST4001 version-mismatch-across-platforms (formats.md C11): an `ENV *_VERSION`
// has different values in the platforms of one tag. Reported at the outlier
// (the value fewer platforms hold), or at every platform when no value has a
// majority. Only platforms that set the variable take part; sections are keyed
// by index. Packaging-tool pins (`PYTHON_PIP_VERSION`) are ST4002's; the pins that
// differ in a reported section are named in its finding (ST4002 leaves them out).
#include "ast/tag_page.hpp"
#include "engine/platform_env.hpp"

namespace strata::rules {
namespace {

void check(const ast::tag_page& page, engine::context& cx) {
   engine::report_version_differences(page, cx);
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
