// Report files written in full or not at all (issue 19): `-o FILE` and `--emit-docs` write to
// a temporary file in the target's directory and rename it over the target once every byte is
// flushed, so a full disk or a killed run never leaves a truncated SARIF log behind.
#pragma once

#include <fstream>
#include <optional>
#include <ostream>
#include <string>

namespace strata::report {

/// One output file. A target that exists and is not a regular file (`/dev/stdout`, a FIFO,
/// `/dev/full`) is written in place, since renaming over a device is wrong; errors are still
/// reported.
class output_file {
public:
   /// Creates the temporary file (`<dir>/.<name>.strata-XXXXXX`, mode 0666 less the umask) or
   /// opens the special file. On failure returns nullopt and sets `error` to
   /// `FILE: reason` (strerror's wording: `No such file or directory`, `Permission denied`).
   [[nodiscard]] static std::optional<output_file> open(const std::string& path, std::string& error);

   output_file(output_file&& other) noexcept;
   output_file& operator=(output_file&&) = delete;
   output_file(const output_file&) = delete;
   ~output_file();  ///< removes the temporary file when commit() did not succeed

   [[nodiscard]] std::ostream& stream() noexcept { return out_; }
   /// Flushes and closes the stream, then renames the temporary file over the target. On a
   /// write, flush or rename error returns false and sets `error` (`FILE: reason`); the target
   /// is then left as it was.
   [[nodiscard]] bool commit(std::string& error);

private:
   output_file(std::string target, std::string temp);
   std::string target_;
   std::string temp_;  ///< empty: written in place
   std::ofstream out_;
   bool committed_ = false;
};

/// Flushes standard output (both std::cout and C's stdout); on an error (`> /dev/full`)
/// prints `strata: error: standard output: reason` and returns 2, else returns `status`.
[[nodiscard]] int finish_standard_output(int status);

}  // namespace strata::report
