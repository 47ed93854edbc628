// Finding the inputs of a run: files named on the command line and files under
// directories (walked recursively, in sorted order, hidden directories skipped).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/document.hpp"

namespace strata::engine {

struct input_file {
   std::string path;  ///< as given, or the directory as given joined with the relative path
   origin how = origin::named;
   std::string relative;  ///< the file name (named) or the path below the directory given (walked)
   /// The text when it was read already (standard input: `strata check -`); else the file is read.
   std::optional<std::string> content = {};
};

/// An input that could not be read: missing, unreadable, not a regular file.
struct input_error {
   std::string path;
   std::string message;
};

/// Expands paths into files; problems are appended to `errors` and the rest go on.
[[nodiscard]] std::vector<input_file> expand_inputs(const std::vector<std::string>& paths,
                                                    std::vector<input_error>& errors);

/// Reads a whole file; false (with `error` set) when it cannot be read.
[[nodiscard]] bool read_file(const std::string& path, std::string& text, std::string& error);

}  // namespace strata::engine
