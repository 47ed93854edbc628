#include "engine/inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

namespace strata::engine {

namespace fs = std::filesystem;

namespace {

std::atomic<std::uint64_t> input_limit{default_max_input_bytes};

std::string too_large() {
   return fmt::format("larger than the input size limit ({} bytes; --max-input-size)", max_input_bytes());
}

std::string_view kind_of(mode_t mode) {
   if (S_ISFIFO(mode)) return "a FIFO";
   if (S_ISSOCK(mode)) return "a socket";
   if (S_ISCHR(mode)) return "a character device";
   if (S_ISBLK(mode)) return "a block device";
   return "not a file";
}

class descriptor {
public:
   explicit descriptor(int fd) noexcept : fd_(fd) {}
   descriptor(const descriptor&) = delete;
   descriptor& operator=(const descriptor&) = delete;
   ~descriptor() {
      if (fd_ >= 0) ::close(fd_);
   }
   [[nodiscard]] int get() const noexcept { return fd_; }

private:
   int fd_;
};

// Appends what `fd` holds until end of file, or until `text` holds more than `most` bytes
// (then `more` is set and `text` holds most + 1 bytes). Nothing read is dropped: each read
// asks for no more than one byte past the limit, so the same descriptor can read on.
bool read_up_to(int fd, std::uint64_t most, std::string& text, bool& more, std::string& error) {
   more = false;
   char buffer[1 << 16];
   while (text.size() <= most) {
      const auto want = std::min<std::uint64_t>(sizeof buffer, most + 1 - text.size());
      const auto n = ::read(fd, buffer, static_cast<std::size_t>(want));
      if (n < 0) {
         if (errno == EINTR) continue;
         error = system_reason(errno);
         return false;
      }
      if (n == 0) return true;
      text.append(buffer, static_cast<std::size_t>(n));
   }
   more = true;
   return true;
}

// Opens a regular file for reading; -1 with `error` set otherwise. `size` is its size on disk.
int open_regular(const std::string& path, std::uint64_t& size, std::string& error) {
   const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
   if (fd < 0) {
      error = system_reason(errno);
      return -1;
   }
   struct stat st {};
   if (::fstat(fd, &st) != 0) {
      error = system_reason(errno);
      ::close(fd);
      return -1;
   }
   if (!S_ISREG(st.st_mode)) {
      error = S_ISDIR(st.st_mode) ? std::string("is a directory")
                                  : fmt::format("not a regular file ({})", kind_of(st.st_mode));
      ::close(fd);
      return -1;
   }
   size = static_cast<std::uint64_t>(st.st_size);
   return fd;
}

}  // namespace

std::string system_reason(int error_number) {
   std::string reason = std::strerror(error_number);
   if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
   return reason;
}

void set_max_input_bytes(std::uint64_t bytes) noexcept {
   input_limit.store(bytes, std::memory_order_relaxed);
}

std::uint64_t max_input_bytes() noexcept {
   return input_limit.load(std::memory_order_relaxed);
}

std::vector<input_file> expand_inputs(const std::vector<std::string>& paths, std::vector<input_error>& errors) {
   std::vector<input_file> out;
   for (const auto& p : paths) {
      struct stat st {};
      if (::stat(p.c_str(), &st) != 0) {
         errors.push_back({p, system_reason(errno)});
         continue;
      }
      if (S_ISREG(st.st_mode)) {
         out.push_back({p, origin::named, fs::path(p).filename().generic_string()});
         continue;
      }
      if (!S_ISDIR(st.st_mode)) {
         errors.push_back({p, fmt::format("not a regular file or directory ({})", kind_of(st.st_mode))});
         continue;
      }
      std::error_code ec;
      std::vector<input_file> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
         errors.push_back({p, ec.message()});
         continue;
      }
      for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
         if (ec) {
            errors.push_back({p, ec.message()});
            break;
         }
         const auto name = it->path().filename().string();
         if (it->is_directory(ec)) {
            if (name.starts_with('.')) it.disable_recursion_pending();
            continue;
         }
         if (it->is_regular_file(ec)) {
            found.push_back(
                {it->path().generic_string(), origin::walked, it->path().lexically_relative(p).generic_string()});
         }
      }
      std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
      out.insert(out.end(), found.begin(), found.end());
   }
   return out;
}

bool read_file(const std::string& path, std::string& text, std::string& error) {
   std::uint64_t size = 0;
   const descriptor fd(open_regular(path, size, error));
   if (fd.get() < 0) return false;
   if (size > max_input_bytes()) {
      error = too_large();
      return false;
   }
   text.clear();
   text.reserve(static_cast<std::size_t>(size));
   bool more = false;
   if (!read_up_to(fd.get(), max_input_bytes(), text, more, error)) return false;
   if (more) {
      error = too_large();
      return false;
   }
   return true;
}

bool read_file_if(const std::string& path, std::size_t prefix_bytes,
                  const std::function<bool(std::string_view prefix)>& worth_reading, std::string& text, bool& skipped,
                  std::string& error) {
   skipped = false;
   text.clear();
   std::uint64_t size = 0;
   const descriptor fd(open_regular(path, size, error));
   if (fd.get() < 0) return false;
   const std::uint64_t limit = max_input_bytes();
   bool more = false;
   if (!read_up_to(fd.get(), std::min<std::uint64_t>(prefix_bytes, limit), text, more, error)) return false;
   if (!more) return true;
   if (!worth_reading(text)) {
      skipped = true;
      return true;
   }
   if (size > limit) {
      error = too_large();
      return false;
   }
   // the same descriptor reads on from the prefix (and the one byte past it): nothing is read twice
   if (!read_up_to(fd.get(), limit, text, more, error)) return false;
   if (more) {
      error = too_large();
      return false;
   }
   return true;
}

bool read_descriptor(int fd, std::string& text, std::string& error) {
   text.clear();
   bool more = false;
   if (!read_up_to(fd, max_input_bytes(), text, more, error)) return false;
   if (more) {
      error = too_large();
      return false;
   }
   return true;
}

}  // namespace strata::engine
