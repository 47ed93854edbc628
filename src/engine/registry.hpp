// The rule registry, generated at build time from rules/<ID>/ folders
// (rules/generate_registry.cmake): every rule with its documentation.
#pragma once

#include <span>
#include <string_view>

#include "engine/rule.hpp"

namespace strata::engine {

struct registered_rule {
   const rule* definition;
   std::string_view doc_markdown;  ///< rules/<ID>/<ID>.md, embedded
   std::string_view doc_path;      ///< `rules/<ID>/<ID>.md`
};

/// All rules, sorted by id.
[[nodiscard]] std::span<const registered_rule> registry() noexcept;

/// The rule whose id, name or alias equals `key` (case-insensitive), or null.
[[nodiscard]] const registered_rule* find_rule(std::string_view key) noexcept;

/// The text of a `## heading` section of a rule's markdown ("" when absent),
/// trimmed of surrounding blank lines.
[[nodiscard]] std::string_view doc_section(std::string_view markdown, std::string_view heading) noexcept;

}  // namespace strata::engine
