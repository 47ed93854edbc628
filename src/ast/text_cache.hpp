// A bounded cache of values derived from a text (a RUN body, a history line) by a pure
// function: history documents repeat the same texts in every platform section of a tag
// page and on the pages of the same image, which a walk of a repo-info tree reads one after
// another. One cache per thread (`thread_local`): no lock, and no reference count or cache
// line shared between the threads of `strata check -j`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace strata::ast {

/// The longest text (bytes) that the caches keep a value for: longer ones are rare, and their
/// keys would cost as much as the value.
inline constexpr std::size_t max_cached_text_bytes = 16 * 1024;

/// The key of `text` read in `context` (a shell, a SHELL prefix: what else the value depends
/// on): context, a NUL byte, text.
[[nodiscard]] inline std::string text_key(std::string_view context, std::string_view text) {
   std::string key;
   key.reserve(context.size() + 1 + text.size());
   key += context;
   key += '\0';
   key += text;
   return key;
}

/// Values by text key, about `max_bytes` in all (the costs given to insert()). When an insert
/// would pass the limit the cache is emptied first: the texts that repeat are those of the
/// inputs just read, so a new generation is what the next inputs need.
template <typename Value>
class text_cache {
public:
   explicit text_cache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

   /// The value kept under `key`, or null. Valid until the next insert().
   [[nodiscard]] Value* find(const std::string& key) {
      const auto it = values_.find(key);
      return it == values_.end() ? nullptr : &it->second;
   }

   /// Keeps `value` under `key` (replacing any), counting `cost` bytes; a value costing more
   /// than the whole limit is not kept. Returns the kept value, or null.
   Value* insert(std::string key, Value value, std::size_t cost) {
      if (cost > max_bytes_) return nullptr;
      if (bytes_ + cost > max_bytes_) {
         values_.clear();
         bytes_ = 0;
      }
      bytes_ += cost;
      return &values_.insert_or_assign(std::move(key), std::move(value)).first->second;
   }

private:
   std::size_t max_bytes_;
   std::size_t bytes_ = 0;
   std::unordered_map<std::string, Value> values_;
};

}  // namespace strata::ast
