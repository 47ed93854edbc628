// Normalized documentation of the history documents strata reads: the canonical
// rendering of each document kind (markdown, as docker-library's generators
// write it) and its model as JSON. Used by `strata normalize` and by
// `strata check --emit-docs`.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/document.hpp"

namespace strata::render {

/// The canonical text of a history document; nullopt for kinds that have no
/// canonical rendering (Dockerfiles, binary input).
[[nodiscard]] std::optional<std::string> normalized(const engine::document& doc);

/// The model of a history document as JSON (`{"kind": ..., ...}`; for a tag page
/// `{"kind": "tag-page", "tag", "digest", "platforms": [...]}`); nullopt for kinds
/// without a model.
[[nodiscard]] std::optional<nlohmann::json> model_json(const engine::document& doc);

}  // namespace strata::render
