// The model of an image configuration JSON, independent of PEGTL and of the JSON
// library: an OCI image config / Docker image JSON (the config blob a manifest
// points to; OCI image-spec config.md, Docker image spec v1.2), or `docker inspect`
// output (a JSON array of objects holding `Config`, `Architecture`, `Os`, `RootFS`,
// and no history).
//
// `history[]` is in config order: OLDEST FIRST (the same order as repo-info's
// ```dockerfile block; the reverse of `docker history`). Entries with
// `empty_layer: true` produced no layer; the others map, in order, to
// `rootfs.diff_ids`.
// Positions: spans are file positions (ast/source.hpp); an instruction's byte ranges
// are relative to the decoded `created_by` string: map them with `created_by_map`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ast/history_line.hpp"
#include "ast/source.hpp"

namespace strata::ast {

/// One `history[]` element.
struct image_history_item {
   std::size_t index = 0;             ///< position in history[] (0 = oldest)
   span where;                        ///< the element's JSON object
   std::optional<timestamp> created;  ///< `created` (RFC 3339, usually with nanoseconds)
   span created_span;
   std::optional<std::string> created_by;  ///< the raw `created_by` string, decoded
   span created_by_span;                   ///< the JSON string literal, quotes included
   offset_map created_by_map;              ///< decoded created_by offsets -> file offsets
   /// created_by parsed (see parse/image_config_parser.hpp for the SHELL used).
   std::optional<history_instruction> instruction;
   bool empty_layer = false;
   std::string comment;  ///< `comment` (BuildKit: `buildkit.dockerfile.v0`)
   std::string author;
   std::optional<std::size_t> layer;  ///< index into rootfs.diff_ids of the layer it made (non-empty entries)
};

/// `config` (Docker: `container_config` is not read): the runtime defaults.
struct container_config {
   bool present = false;                                     ///< the `config` object exists (and is an object)
   std::vector<std::string> env;                             ///< `Env`, `KEY=value` strings as stored
   std::optional<std::vector<std::string>> cmd;              ///< `Cmd` (null/absent -> nullopt)
   std::optional<std::vector<std::string>> entrypoint;       ///< `Entrypoint`
   std::optional<std::vector<std::string>> shell;            ///< `Shell` (Windows images: powershell …)
   std::vector<std::pair<std::string, std::string>> labels;  ///< `Labels`, sorted by key
   std::string working_dir;                                  ///< `WorkingDir`
   std::string user;                                         ///< `User`
   std::string stop_signal;                                  ///< `StopSignal`
   std::vector<std::string> exposed_ports;                   ///< keys of `ExposedPorts` (`80/tcp`), sorted
   std::vector<std::string> volumes;                         ///< keys of `Volumes`, sorted
   std::vector<std::string> on_build;                        ///< `OnBuild` triggers as written in the Dockerfile
   bool args_escaped = false;                                ///< `ArgsEscaped` (Windows shell-form CMD/ENTRYPOINT)
};

/// One image: the config blob, or one `docker inspect` array item.
struct image_config {
   span where;                             ///< the image's JSON object
   std::string id;                         ///< `docker inspect` `Id` (`sha256:…`); empty for a config blob
   std::vector<std::string> repo_tags;     ///< `docker inspect` `RepoTags`
   std::vector<std::string> repo_digests;  ///< `docker inspect` `RepoDigests`
   std::string architecture;               ///< `amd64`, `arm64`, …
   std::string os;                         ///< `linux`, `windows`
   std::string variant;                    ///< `v7`, `v8` (ARM)
   std::string os_version;                 ///< `os.version` (Windows: `10.0.17763.1`)
   std::vector<std::string> os_features;   ///< `os.features`
   std::optional<timestamp> created;
   std::string author;
   std::string docker_version;  ///< `docker_version` (classic builder only)
   container_config config;
   std::string rootfs_type;                  ///< `rootfs.type` (`layers`)
   std::vector<std::string> diff_ids;        ///< `rootfs.diff_ids` (inspect: `RootFS.Layers`)
   std::vector<image_history_item> history;  ///< oldest first
};

enum class image_config_kind {
   unknown,  ///< not JSON, or JSON of another shape
   config,   ///< an image config blob (one image)
   inspect,  ///< a `docker inspect` array (one image per item)
};

/// Invalid JSON (one error, at the byte where parsing stopped) or a field of the
/// wrong type (at the field's value).
struct image_config_error {
   std::string message;
   span where;
};

struct image_config_file {
   source_file source;
   image_config_kind kind = image_config_kind::unknown;
   std::vector<image_config> images;
   std::vector<image_config_error> errors;
};

}  // namespace strata::ast
