// docs README parsing: text -> ast::docs_readme, the "Supported tags and respective
// `Dockerfile` links" section (grammar/docs_readme.hpp + actions; shared/docs/formats.md §3.2).
#pragma once

#include <string>

#include "ast/docs_readme.hpp"

namespace strata::parse {

/// Parses the supported-tags section of a docs README; of the rest of the README
/// (template text) only the `name:tag` image references in code are kept
/// (ast::readme_image_reference). Never throws for bad input, whatever the bytes.
/// Errors (with positions; parsing goes on with the next line): a section line of no
/// known kind; a shared sub-bullet outside a group; a bullet under the wrong heading;
/// a group without sub-bullets; a link that is not `https://github.com/<owner>/<repo>/blob/<ref>/<path>`
/// (a ref that is not a 40-hex commit is kept in `ref`, `commit` stays empty, no error:
/// ≤ 2016 libraries could name a git tag); a README without the section, or a section
/// with neither tags nor an unsupported-architecture warning. Errors are sorted by position.
[[nodiscard]] ast::docs_readme parse_docs_readme(std::string path, std::string text);

}  // namespace strata::parse
