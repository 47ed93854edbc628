// Comparing the ENV of the platforms of one tag page (ST4001, ST4002; formats.md C11, C12, C15).
// A platform whose version differs is stale: its pins (checksums of the other version's
// tarball) differ too, and are reported with the version (ST4001), not again by ST4002.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::engine {

/// The last assignment of `key` in a section's history (the value the image carries), or null.
[[nodiscard]] const ast::env_pair* last_env(const ast::section& s, std::string_view key);

/// True for the ENV keys that pin a packaging tool rather than name the product's
/// version: `*_PIP_VERSION`, `*_SETUPTOOLS_VERSION`, `*_WHEEL_VERSION` (ST4002's, not ST4001's).
[[nodiscard]] bool is_tool_pin_key(std::string_view key) noexcept;

/// ST4001's keys: `*_VERSION` (upper case, digits, `_`) that name a product's version, not a
/// packaging tool's (`is_tool_pin_key`).
[[nodiscard]] bool is_version_key(std::string_view key);

/// ST4002's keys: a packaging-tool pin (`is_tool_pin_key`), or a key whose last `_` part is a
/// checksum, key or URL (`*_SHA256`, `*_MD5`, `GPG_KEY`, `*_KEYS`, `*_URL`, ...).
[[nodiscard]] bool is_pin_key(std::string_view key);

/// How the sections of a page are grouped before their ENV values are compared.
enum class platform_groups {
   all,        ///< every platform of the tag together
   os_family,  ///< Linux with Linux, Windows with Windows
};

/// One outlier section's value of an ENV key that differs across the platforms of a page.
struct env_difference {
   const ast::section* section;  ///< the outlier section (into the page)
   const ast::env_pair* pair;    ///< its last assignment of the key (into the page)
   std::string text;             ///< `KEY is V on P but W on Q` (engine/outliers.hpp)
};

/// For every ENV key `wanted(key)` accepts, compares the value each section's history
/// leaves (the last assignment) across the sections of a group that set the key
/// (sections keyed by index; attestations set nothing). When the values differ, returns
/// the value of each outlier section (engine/outliers.hpp), by key, then section order.
[[nodiscard]] std::vector<env_difference> env_differences(const ast::tag_page& page,
                                                          bool (*wanted)(std::string_view key), platform_groups groups);

/// ST4001: reports each `env_differences(page, is_version_key, all)` at the outlier value.
/// The first finding of a section also carries the pins that differ in that section (ST4002's
/// differences, which ST4002 leaves to it): `…; its pins differ too: KEY is V on P but W on Q`.
void report_version_differences(const ast::tag_page& page, context& cx);

/// ST4002: reports each `env_differences(page, is_pin_key, os_family)` at the outlier value,
/// except in the sections with a version difference (`report_version_differences` names
/// their pins: one stale platform, one finding).
void report_pin_differences(const ast::tag_page& page, context& cx);

}  // namespace strata::engine
