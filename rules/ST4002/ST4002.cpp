// ST4002 pin-mismatch-across-platforms (formats.md C12, C15): a pin (checksum, key,
// URL, packaging-tool version) set by ENV differs between platforms of one tag that
// share an OS family. Linux and Windows are compared apart: a Linux tarball and a
// Windows installer of one release have different checksums by design. A section
// whose version differs (ST4001) is not reported here: ST4001's finding names its pins.
#include "ast/tag_page.hpp"
#include "engine/platform_env.hpp"

namespace strata::rules {
namespace {

void check(const ast::tag_page& page, engine::context& cx) {
   engine::report_pin_differences(page, cx);
}
constexpr std::string_view tags[] = {"security", "consistency"};
}  // namespace

extern const engine::rule st4002{
    .id = "ST4002",
    .name = "pin-mismatch-across-platforms",
    .default_severity = engine::severity::error,
    .summary = "A checksum, key, URL or tool version set by ENV differs between platforms of one OS family",
    .help =
        "Rebuild every platform of the tag from one source commit, so that they download and verify the same "
        "artifacts.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
    .security_severity = "4.0",
    .precision = "medium",
};
}  // namespace strata::rules
