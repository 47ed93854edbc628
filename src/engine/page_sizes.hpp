// The human-readable sizes of a tag page that are not the generator's rendering of their
// byte count (formats.md C5, §1.6). ST3004 reports them; ST0005 leaves the difference
// they make to the canonical page to ST3004 (one cause, one finding).
#pragma once

#include <string>
#include <vector>

#include "ast/tag_page.hpp"

namespace strata::engine {

/// True when `v.text` (`30.8 MB (30751999 bytes)`) is not `parse::format_size(v.bytes)`.
[[nodiscard]] bool size_text_wrong(const ast::size_value& v);

/// One wrong size and its section.
struct wrong_size {
   const ast::section* section;  ///< into the page
   const ast::size_value* size;  ///< a Total Size or a layer size (into the page)
   std::string expected;         ///< the generator's rendering of `size->bytes`
};

/// Every size of the page for which `size_text_wrong` holds: each section's Total Size,
/// then its layer sizes, in page order.
[[nodiscard]] std::vector<wrong_size> wrong_sizes(const ast::tag_page& page);

}  // namespace strata::engine
