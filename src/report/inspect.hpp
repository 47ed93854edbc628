// `strata inspect`: the facts of every RUN body and ADD-from-URL of a document
// (engine/runs.hpp), as JSON (the contract the checks read) or as text for people.
//
// JSON, one object per file:
//   {"file", "kind", "instructions": [{
//      "line", "column", "instruction": "RUN"|"ADD", "shell": "sh"|"pwsh"|"cmd"|"unknown",
//      "parsed": bool, "error"?: {"message", "line", "column"},
//      "section"?, "platform"?                              (tag pages: 1-based section, platform)
//      "commands": [{"name", "argv": [values], "line", "column", "depth", "method"?,
//                    "piped_to"?, "words": [{"text", "value", "line", "column", "end_line", "end_column"}]}],
//      "downloads": [{"tool", "url", "expanded_url", "output", "line", "column", "url_line", "url_column",
//                     "verified_by": null | {"method", "line", "column", "digest"?}}],
//      "verifications": [{"method", "line", "column", "subjects", "digest"?}],   (digest: `sha256:<hex>`)
//      "installs": [{"manager", "package", "version", "pinned", "line", "column"}],
//      "cleanups": [{"kind", "line", "column"}],
//      "variables": {"set": [{"name", "value", "line", "column"}], "referenced": [{"name", "line", "column"}]}}]}
// Lines are 1-based; columns are 1-based code points of the source file.
#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "engine/document.hpp"

namespace strata::report {

/// The facts of every RUN / ADD-from-URL of `doc` (see above).
[[nodiscard]] nlohmann::ordered_json inspect_json(const engine::document& doc);

/// The same facts, one block per instruction, for people:
///   path:line: RUN (sh, parsed)
///     command  apt-get install -y curl          (line:col)
///     download https://example.com/x.tgz -> x.tgz, verified by sha256sum -c (line 4)
///     install  apt-get curl (not pinned)
void write_inspect_text(const engine::document& doc, std::ostream& out);

}  // namespace strata::report
