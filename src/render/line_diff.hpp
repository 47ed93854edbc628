// A line diff (Myers' O((N+M)D) algorithm) between a document as written and
// its canonical rendering, used to report where a document deviates.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace strata::render {

/// One difference: the lines [old_begin, old_end) of the old text are replaced by
/// the lines [new_begin, new_end) of the new text. Indices are 0-based line
/// numbers; an empty range is an insertion or a deletion point.
struct hunk {
   std::size_t old_begin, old_end, new_begin, new_end;
};

/// Splits a text into lines (without their LF; a final LF does not start a line).
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view text);

/// The hunks that turn `old_lines` into `new_lines`, in order; empty when equal.
/// When the edit distance exceeds `max_edits`, the middle part that differs
/// (after the common prefix and suffix) is returned as one hunk. Memory is
/// O(max_edits²) words at most.
[[nodiscard]] std::vector<hunk> diff_lines(const std::vector<std::string_view>& old_lines,
                                           const std::vector<std::string_view>& new_lines, std::size_t max_edits = 500);

}  // namespace strata::render
