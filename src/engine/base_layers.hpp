// The base image of a tag page section as its history shows it: whether the first
// history entry creates the root filesystem, which layers belong to the base entries,
// and which history entry created each layer where the page allows telling
// (formats.md §2.3, §2.4). Shared by ST4006, ST4007 and ST4008.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "ast/tag_page.hpp"

namespace strata::engine {

/// True when a history entry creates a root filesystem (the first entry of a base image
/// built FROM scratch with its rootfs): `ADD file:… in /`, `ADD <rootfs tarball> /` (also
/// `COPY`), `RUN # debian.sh …` (debuerreotype), Windows `RUN Apply image …`. False for
/// `COPY file:… in /gnatsd` and every other entry.
[[nodiscard]] bool creates_root(const ast::history_entry& e);

/// True when the section's history starts with a root filesystem entry (`creates_root` of
/// the first entry): a page whose image is built `FROM scratch` without a base (nats' static
/// binary) has none, and neither has an empty history (attestations, E1 Windows bases).
[[nodiscard]] bool has_base_root(const ast::section& s);

/// How many leading layers of `s` are the base entries' (0 without a base root): the first
/// layer for a Linux rootfs; for Windows the `Apply image` layer and one per following
/// `RUN Install update …` entry. Layer `i` (i < the count) was created by history entry `i`.
[[nodiscard]] std::size_t base_layer_count(const ast::section& s);

/// For each layer of `s` (same index), the history entry that created it, or null when the
/// page cannot tell. When there are as many entries as layers, every entry created one
/// (Windows' classic builder; Linux images of 2016 whose metadata entries have 32-byte empty
/// layers). Otherwise, on Linux only `RUN`, `ADD` and `COPY` entries can create layers, and a
/// no-op RUN creates none, so the mapping is 1:1 over those entries when their count equals
/// the layer count; failing both, only the base layers are known.
[[nodiscard]] std::vector<const ast::history_entry*> layer_origins(const ast::section& s);

/// The CPU architecture of a platform string without OS, OS version and variant:
/// `linux; arm variant v7` -> `arm`, `windows version 10.0.14393.2007; amd64` -> `amd64`,
/// `linux; arm64 variant v8` -> `arm64`. The text after the last `; ` up to ` variant`.
[[nodiscard]] std::string_view architecture(std::string_view platform) noexcept;

}  // namespace strata::engine
