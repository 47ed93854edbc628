#include "engine/inputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace strata::engine {

namespace fs = std::filesystem;

std::vector<input_file> expand_inputs(const std::vector<std::string>& paths, std::vector<input_error>& errors) {
   std::vector<input_file> out;
   for (const auto& p : paths) {
      std::error_code ec;
      const auto status = fs::status(p, ec);
      if (ec || !fs::exists(status)) {
         errors.push_back({p, "no such file or directory"});
         continue;
      }
      if (fs::is_regular_file(status)) {
         out.push_back({p, origin::named, fs::path(p).filename().generic_string()});
         continue;
      }
      if (!fs::is_directory(status)) {
         errors.push_back({p, "not a regular file or directory"});
         continue;
      }
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
   std::ifstream in(path, std::ios::binary);
   if (!in) {
      error = std::strerror(errno);
      return false;
   }
   std::ostringstream buffer;
   buffer << in.rdbuf();
   if (in.bad()) {
      error = "read error";
      return false;
   }
   text = std::move(buffer).str();
   return true;
}

}  // namespace strata::engine
