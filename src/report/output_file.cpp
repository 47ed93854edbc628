#include "report/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace strata::report {

namespace fs = std::filesystem;

namespace {

std::string reason(int err) {
   return err != 0 ? std::strerror(err) : "write error";
}

}  // namespace

output_file::output_file(std::string target, std::string temp) : target_(std::move(target)), temp_(std::move(temp)) {
   out_.open(temp_.empty() ? target_ : temp_, std::ios::binary | std::ios::trunc);
}

output_file::output_file(output_file&& other) noexcept
    : target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      out_(std::move(other.out_)),
      committed_(other.committed_) {
   other.temp_.clear();
   other.committed_ = true;
}

output_file::~output_file() {
   if (!committed_ && !temp_.empty()) {
      out_.close();
      ::unlink(temp_.c_str());
   }
}

std::optional<output_file> output_file::open(const std::string& path, std::string& error) {
   struct stat st {};
   if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      if (S_ISDIR(st.st_mode)) {
         error = path + ": " + reason(EISDIR);
         return std::nullopt;
      }
      output_file f(path, "");
      if (!f.out_) {
         error = path + ": " + reason(errno);
         return std::nullopt;
      }
      return f;
   }
   const fs::path target(path);
   const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
   std::string pattern = (dir / ("." + target.filename().string() + ".strata-XXXXXX")).string();
   std::vector<char> name(pattern.begin(), pattern.end());
   name.push_back('\0');
   const int fd = ::mkstemp(name.data());
   if (fd < 0) {
      error = path + ": " + reason(errno);
      return std::nullopt;
   }
   // mkstemp creates 0600; a report gets the mode a new file would get (0666 less the umask)
   const mode_t mask = ::umask(0);
   ::umask(mask);
   ::fchmod(fd, 0666 & ~mask);
   ::close(fd);
   output_file f(path, name.data());
   if (!f.out_) {
      error = path + ": " + reason(errno);
      return std::nullopt;
   }
   return f;
}

bool output_file::commit(std::string& error) {
   errno = 0;
   out_.flush();
   const int flush_errno = errno;
   const bool written = static_cast<bool>(out_);
   out_.close();
   if (!written || out_.fail()) {
      error = target_ + ": " + reason(flush_errno != 0 ? flush_errno : errno);
      return false;
   }
   if (!temp_.empty() && ::rename(temp_.c_str(), target_.c_str()) != 0) {
      error = target_ + ": " + reason(errno);
      return false;
   }
   committed_ = true;
   return true;
}

int finish_standard_output(int status) {
   errno = 0;
   std::cout.flush();
   const bool cout_ok = static_cast<bool>(std::cout);
   const int cout_errno = errno;
   errno = 0;
   const bool stdout_ok = std::fflush(stdout) == 0 && std::ferror(stdout) == 0;
   const int stdout_errno = errno;
   if (cout_ok && stdout_ok) return status;
   int err = cout_errno != 0 ? cout_errno : stdout_errno;
   if (err == 0) {
      // the failed write was earlier and its errno is gone: one more byte says why (the output
      // is incomplete already)
      if (::write(STDOUT_FILENO, "\n", 1) < 0) err = errno;
   }
   std::fprintf(stderr, "strata: error: standard output: %s\n", reason(err).c_str());
   return 2;
}

}  // namespace strata::report
