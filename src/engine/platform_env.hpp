// Comparing the ENV of the platforms of one tag page (ST4001, ST4002; formats.md C11, C12, C15).
#pragma once

#include <string_view>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::engine {

/// The last assignment of `key` in a section's history (the value the image carries), or null.
[[nodiscard]] const ast::env_pair* last_env(const ast::section& s, std::string_view key);

/// True for the ENV keys that pin a packaging tool rather than name the product's
/// version: `*_PIP_VERSION`, `*_SETUPTOOLS_VERSION`, `*_WHEEL_VERSION` (ST4002's, not ST4001's).
[[nodiscard]] bool is_tool_pin_key(std::string_view key) noexcept;

/// How the sections of a page are grouped before their ENV values are compared.
enum class platform_groups {
   all,        ///< every platform of the tag together
   os_family,  ///< Linux with Linux, Windows with Windows
};

/// For every ENV key `wanted(key)` accepts, compares the value each section's history
/// leaves (the last assignment) across the sections of a group that set the key
/// (sections keyed by index; attestations set nothing). When the values differ, reports
/// at the value of each outlier section (engine/outliers.hpp): `KEY is V on P but W on Q`.
void compare_env_across_platforms(const ast::tag_page& page, context& cx, bool (*wanted)(std::string_view key),
                                  platform_groups groups);

}  // namespace strata::engine
