// JSON as docker-library's repo-info generator writes it (Perl Mojo::JSON):
// compact (no spaces), object keys sorted, non-ASCII left as UTF-8, and these
// escapes in strings: `\"` `\\` `\/` `\b` `\f` `\n` `\r` `\t`, `\u2028`,
// `\u2029`, and `\u00XX` (upper-case hex) for the other control characters.
// Source: shared/docs/formats.md §1.3 (Entrypoint, Default Command, SHELL values).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace strata::render {

/// The Mojo::JSON encoding of a JSON value.
[[nodiscard]] std::string mojo_json(const nlohmann::json& value);

/// Parses JSON text (any standard JSON; `\/` included) and re-encodes it as
/// Mojo::JSON does; nullopt when the text is not JSON.
[[nodiscard]] std::optional<std::string> mojo_json_canonical(std::string_view text);

}  // namespace strata::render
