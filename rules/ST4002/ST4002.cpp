// ST4002 pin-mismatch-across-platforms (formats.md C12, C15): a pin (checksum, key,
// URL, packaging-tool version) set by ENV differs between platforms of one tag that
// share an OS family. Linux and Windows are compared apart: a Linux tarball and a
// Windows installer of one release have different checksums by design.
#include <array>

#include "ast/tag_page.hpp"
#include "engine/platform_env.hpp"

namespace strata::rules {
namespace {

bool pin_key(std::string_view key) {
   static constexpr std::array<std::string_view, 12> suffixes = {
       "SHA", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "MD5", "HASH", "CHECKSUM", "KEY", "KEYS", "URL"};
   if (engine::is_tool_pin_key(key)) return true;
   const auto underscore = key.rfind('_');
   const std::string_view last = underscore == std::string_view::npos ? key : key.substr(underscore + 1);
   for (const auto s : suffixes) {
      if (last == s) return true;
   }
   return false;
}

void check(const ast::tag_page& page, engine::context& cx) {
   engine::compare_env_across_platforms(page, cx, pin_key, engine::platform_groups::os_family);
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
};
}  // namespace strata::rules
