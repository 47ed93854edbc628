#include "engine/build_context.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

#include "ast/dockerfile.hpp"

namespace strata::engine {

namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t max_ignore_file = 1 << 20;

std::optional<std::string> read_small_file(const fs::path& p) {
   std::error_code ec;
   if (!fs::is_regular_file(p, ec) || ec) return std::nullopt;
   const auto size = fs::file_size(p, ec);
   if (ec || size > max_ignore_file) return std::nullopt;
   std::ifstream in(p, std::ios::binary);
   if (!in) return std::nullopt;
   std::ostringstream text;
   text << in.rdbuf();
   return text.str();
}

}  // namespace

const parse::ignore_patterns& build_context_ignore(const ast::dockerfile& df, const config& cfg) {
   static std::mutex lock;
   static std::map<std::string, std::unique_ptr<parse::ignore_patterns>, std::less<>> cache;
   static const parse::ignore_patterns none;
   const std::string& path = df.source.path();
   const bool from_stdin = path.empty() || path == "-";
   const fs::path dir = from_stdin ? fs::path(".") : fs::path(path).parent_path();
   std::vector<fs::path> candidates;
   if (!from_stdin) candidates.push_back(fs::path(path + ".dockerignore"));
   const fs::path context = cfg.context_dir.empty() ? (dir.empty() ? fs::path(".") : dir) : fs::path(cfg.context_dir);
   candidates.push_back(context / ".dockerignore");
   for (const auto& c : candidates) {
      const std::string key = c.lexically_normal().string();
      std::lock_guard guard(lock);
      if (const auto it = cache.find(key); it != cache.end()) {
         if (it->second) return *it->second;
         continue;
      }
      auto text = read_small_file(c);
      auto& slot = cache[key];
      if (!text) continue;
      slot = std::make_unique<parse::ignore_patterns>(*text);
      return *slot;
   }
   return none;
}

}  // namespace strata::engine
