// Finding the inputs of a run: files named on the command line and files under
// directories (walked recursively, in sorted order, hidden directories skipped).
#pragma once

#include <cstdint>
#include <functional>
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

/// The default limit on the size of one input: 64 MiB (`--max-input-size`).
inline constexpr std::uint64_t default_max_input_bytes = std::uint64_t{64} << 20U;

/// The limit, in bytes, that every reader below applies; the CLI sets it once, before
/// any input is read (`--max-input-size`). Not meant to change while inputs are read.
void set_max_input_bytes(std::uint64_t bytes) noexcept;
[[nodiscard]] std::uint64_t max_input_bytes() noexcept;

/// Reads a whole regular file (every input, config and ignore file goes through here).
/// Returns false with `error` set to the reason, in lower case and without the path:
/// the system's reason (`no such file or directory`, `not a directory`, `too many levels of
/// symbolic links`, `file name too long`, `input/output error`, ...), `is a directory`,
/// `not a regular file (a FIFO)` (FIFOs, sockets and devices are never read, so they cannot
/// block or be endless), or `larger than the input size limit (N bytes; --max-input-size)`:
/// the size is checked before reading, and a file that grows past the limit while it is
/// read is refused too. The file is opened non-blocking, so a FIFO never blocks the open.
[[nodiscard]] bool read_file(const std::string& path, std::string& text, std::string& error);

/// As read_file, for a file met in a walk: reads its first `prefix_bytes` bytes, and when
/// the file is longer, reads the rest (from the same descriptor) only if `worth_reading(prefix)`;
/// else returns true with `skipped` set and `text` holding only the prefix.
[[nodiscard]] bool read_file_if(const std::string& path, std::size_t prefix_bytes,
                                const std::function<bool(std::string_view prefix)>& worth_reading, std::string& text,
                                bool& skipped, std::string& error);

/// Reads an already open stream (standard input: `strata check -`) up to the limit; false
/// with `error` set on a read error or past the limit.
[[nodiscard]] bool read_descriptor(int fd, std::string& text, std::string& error);

/// The reason of a system error number, as read_file words it (`no such file or directory`).
[[nodiscard]] std::string system_reason(int error_number);

}  // namespace strata::engine
