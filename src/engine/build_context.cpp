#include "engine/build_context.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "ast/dockerfile.hpp"
#include "engine/inputs.hpp"

namespace strata::engine {

namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t max_ignore_file = 1 << 20;

// A .dockerignore that cannot be read (missing, a FIFO, over 1 MiB) is taken as absent.
std::optional<std::string> read_small_file(const fs::path& p) {
   std::error_code ec;
   const auto size = fs::file_size(p, ec);
   if (ec || size > max_ignore_file) return std::nullopt;
   std::string text, error;
   if (!read_file(p.string(), text, error)) return std::nullopt;
   return text;
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
