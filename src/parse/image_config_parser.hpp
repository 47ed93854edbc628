// Image config JSON parsing: text -> ast::image_config_file (nlohmann-json for the
// values, a small position scanner for the spans; created_by texts through
// parse/history_line.hpp).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "ast/image_config.hpp"

namespace strata::parse {

/// Parses an OCI/Docker image config (a JSON object) or `docker inspect` output (a
/// JSON array of image objects with `Config`/`Architecture`/`Os`/`RootFS`).
/// Read: `architecture`, `os`, `variant`, `os.version`, `os.features`, `created`,
/// `author`, `docker_version`, `config.{Env,Cmd,Entrypoint,Shell,Labels,WorkingDir,User,
/// StopSignal,ExposedPorts,Volumes,OnBuild,ArgsEscaped}`, `rootfs.{type,diff_ids}` and
/// `history[].{created,created_by,empty_layer,comment,author}`; other keys are ignored.
///
/// Each created_by is parsed with the SHELL in effect when the entry was recorded: the
/// elements of the latest earlier `SHELL [...]` entry, else `config.Shell`.
/// Non-empty entries get `layer` = their index in `rootfs.diff_ids` (unset past its end).
///
/// Never throws. Invalid JSON gives one error at the line:column where parsing
/// stopped and no image; a value of the wrong type gives an error at that value and
/// is skipped; a JSON document of another shape gives kind `unknown` and an error.
[[nodiscard]] ast::image_config_file parse_image_config(std::string path, std::string text);

/// Content sniff, conservative: true for a top-level JSON object with a `rootfs`
/// object or a `history` array, or a top-level array whose first item is an object
/// holding `Config` and `RootFS` or `Architecture` (docker inspect). Texts above
/// 64 MiB and anything that is not valid JSON give false.
[[nodiscard]] bool looks_like_image_config(std::string_view text);

/// True when `text` starts (after white space and a BOM) with `{` or `[`, is not valid JSON,
/// and names a key of an image config (`"rootfs"`, `"history"`, `"created_by"`): a damaged
/// image config, parsed as one so that the JSON error is reported where it is.
[[nodiscard]] bool looks_like_damaged_image_config(std::string_view text);

// ---- JSON positions (shared with the docker history parser; decoding with
// parse/go_string.hpp decode_json_string) -------------------------------------------

/// Byte ranges [begin, end) of the values of a VALID JSON text, keyed by JSON pointer
/// (RFC 6901: `""` is the root, `/history/0/created_by`; `~` and `/` in keys escaped as
/// `~0`/`~1`), for values at most `max_depth` levels below the root. A UTF-8 BOM is
/// skipped. Deeper values are skipped without recursion, so nesting depth is not a
/// risk. On a duplicate key the last value wins (as nlohmann-json keeps it).
[[nodiscard]] std::map<std::string, ast::byte_range, std::less<>> json_value_ranges(std::string_view json,
                                                                                    unsigned max_depth);

}  // namespace strata::parse
