// Model -> JSON: the `--format json` models of `strata normalize` and `strata parse`, one
// layer for every kind of document (the parsers in parse/ only parse). The shapes below are
// a contract: tests and --emit-docs read them. Lines and columns are 1-based (columns in
// code points); "errors" lists are {"message", "line", "column", "end_line", "end_column"}.
// (The tag page, tag-details and local page models are in render/tag_page.hpp,
// render/tag_details.hpp and render/local_page.hpp.)
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "ast/docker_history.hpp"
#include "ast/dockerfile.hpp"
#include "ast/docs_readme.hpp"
#include "ast/history_line.hpp"
#include "ast/image_config.hpp"
#include "ast/library_file.hpp"
#include "ast/source.hpp"

namespace strata::render {

/// `{"line", "column", "end_line", "end_column"}` of a span, as the --format json models write it.
[[nodiscard]] nlohmann::json span_json(const ast::span& s);

/// The `errors` array of a --format json model: each error's span_json with its `message`
/// (`Error`: a parser's error struct, `{message, where}`).
template <typename Error>
[[nodiscard]] nlohmann::json errors_json(const std::vector<Error>& errors) {
   auto out = nlohmann::json::array();
   for (const auto& e : errors) {
      auto x = span_json(e.where);
      x["message"] = e.message;
      out.push_back(std::move(x));
   }
   return out;
}

/// The texts of a list of captured values (`Value`: `{text, where}`) as a JSON array.
template <typename Value>
[[nodiscard]] nlohmann::json texts_json(const std::vector<Value>& values) {
   auto out = nlohmann::json::array();
   for (const auto& v : values) out.push_back(v.text);
   return out;
}

/// The instruction as JSON:
///   {"text", "prefix": {"kind": "none"|"shell"|"nop"|"build_args"|"buildkit_run"|"cmd_residue"|
///                                "implicit_run"|"unparsed",
///                       "leading_run"?: range, "build_arg_count"?: N, "build_args"?: [pair],
///                       "shell": "none"|"posix_sh"|"windows_cmd"|"image_shell"|"inferred",
///                       "shell_range"?: range, "nop"?: range},
///    "keyword", "keyword_range", "implicit_keyword", "known", "arguments", "arguments_range",
///    "buildkit", "form": "none"|"shell"|"quoted_array"|"bracket_list"|"json_array"|"port_map"|
///                        "words"|"source_hash"|"key_values"|"trigger",
///    "elements"?: [{"text", "range"}], "pairs"?: [pair],
///    "source"?: {"kind", "hash", "destination", "trailing_space"},
///    "trigger"?: {"keyword", "arguments"}, "body"?: {"text", "range"},
///    "problem"?: {"reason", "offset"}}
/// where range = [begin, end] (byte offsets in "text") and pair =
/// {"key", "value", "has_value", "legacy", "key_range", "value_range"}.
[[nodiscard]] nlohmann::json to_json(const ast::history_instruction& instruction);

/// {"text", "kind": "args"|"arg"|"unable"|"other", "pairs": [pair], "problem"?: {…}}.
[[nodiscard]] nlohmann::json to_json(const ast::history_arg_line& line);

/// The output as JSON:
///   {"path", "format": "table"|"json_lines"|"unknown", "order": "newest_first",
///    "columns": [{"name", "column"}],
///    "rows": [{"line", "end_line", "image", "missing",
///              "created"?: {"text", "age_seconds"?} , "created_at"?: RFC 3339 text,
///              "created_at_epoch"?, "created_by", "created_by_line", "created_by_column",
///              "truncated", "instruction": (to_json of an ast::history_instruction),
///              "size"?: {"text", "bytes"?, "approx_bytes"}, "comment"}],
///    "errors": [{"message", "line", "column", "end_line", "end_column"}]}
/// "bytes" is present only when exact (a byte count, or a whole number of B).
[[nodiscard]] nlohmann::json to_json(const ast::docker_history& history);

/// The section as JSON:
///   {"path", "architecture": null | text, "section": null | {"line", "end_line"},
///    "layout": "simple-shared"|"flat"|"none", "unsupported_architecture": null | text,
///    "no_supported_tags": bool,
///    "simple_tags": [{"line", "tags", "url", "commit", "directory", "file"}],
///    "shared_tags": [{"line", "tags", "entries": [{"line", "tag", "url", "commit", "directory", "file"}]}],
///    "tags": {tag: [{"line", "commit", "directory", "file", "shared": bool}]},
///    "errors": [{"message", "line", "column", "end_line", "end_column"}]}
/// Lines and columns are 1-based (columns in code points). A simple tag maps to its
/// bullet, a shared tag to every sub-bullet of its group.
[[nodiscard]] nlohmann::json to_json(const ast::docs_readme& readme);

/// The library as JSON:
///   {"path", "format": "rfc2822"|"line-based"|"empty", "maintainers": [text],
///    "defaults": null | {"line", "end_line", "fields": [{"key", "value", "line"}]},
///    "entries": [{"index", "line", "end_line", "tags", "shared_tags", "architectures",
///                 "constraints", "git_repo", "git_fetch", "git_commit", "directory", "file",
///                 "builder" (when set), "overrides": {arch: {"git_commit"|"directory"|…: text}}}],
///    "tags": {tag: [{"entry", "line", "commit", "directory", "file", "architectures"}]},
///    "errors": [{"message", "line", "column", "end_line", "end_column"}]}
/// Lines and columns are 1-based (columns in code points). A tag maps to every entry
/// whose Tags or SharedTags hold it, in file order; values there are the entry's
/// (per-architecture overrides are listed under the entry's "overrides").
[[nodiscard]] nlohmann::json to_json(const ast::library_file& library);

/// The file as JSON:
///   {"path", "kind": "config"|"inspect"|"unknown",
///    "images": [{"line", "id"?, "repo_tags"?, "architecture", "os", "variant", "os_version",
///                "os_features", "created"?: RFC 3339 text, "created_epoch"?, "author", "docker_version",
///                "config": {"Env", "Cmd", "Entrypoint", "Shell", "Labels", "WorkingDir", "User",
///                           "StopSignal", "ExposedPorts", "Volumes", "OnBuild", "ArgsEscaped"} | null,
///                "rootfs": {"type", "diff_ids"},
///                "history": [{"index", "line", "created"?, "created_epoch"?, "created_nanos"?,
///                             "created_by"?, "created_by_line"?, "created_by_column"?,
///                             "instruction"?: (to_json of an ast::history_instruction), "empty_layer",
///                             "comment", "author", "layer"?}]}],
///    "errors": [{"message", "line", "column", "end_line", "end_column"}]}
/// Dates are RFC 3339 strings as written (plus epoch seconds when valid); lines and
/// columns are 1-based (columns in code points).
[[nodiscard]] nlohmann::json to_json(const ast::image_config_file& file);

/// A Dockerfile instruction as `strata parse` prints it:
///   {"line", "column", "end_line", "end_column", "instruction" (lower case), "keyword" (as written),
///    "start_line", "end_line_consumed", "form": "exec"|"shell"|"none",
///    "flags": [{span, "name", "value"?}], "words": [{span, "text"}],
///    "pairs"?: [{"key", "value"?, "line", "column"}],
///    "heredocs"?: [{"name", "chomp", "expand", "body", "body_line"}],
///    "trigger"?: (an instruction, for ONBUILD), "variables"?: {name: value}: the ARG/ENV values in
///    scope of the names its arguments, flags and heredocs mention as `$NAME` or `${NAME`}
[[nodiscard]] nlohmann::json to_json(const ast::instruction& instruction);

}  // namespace strata::render
