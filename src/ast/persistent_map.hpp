// A persistent (immutable, structurally shared) sorted map from strings to values, for the
// ARG/ENV scopes of a Dockerfile: every instruction keeps the scope it sees, and an ENV or ARG
// makes a new version that shares all but O(log n) nodes with the one before. So 16,000 ENV
// lines cost 16,000 small versions, not 16,000 copies of a growing map.
//
// A treap with path copying: nodes are never changed after they are built, and each key's
// priority is a hash of the key, so the shape depends only on the set of keys (expected
// depth O(log n)). Iteration is in key order (std::less<> on the bytes), as std::map's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strata::ast {

template <typename Value>
class persistent_map {
public:
   using value_type = std::pair<const std::string, Value>;

private:
   struct node {
      value_type entry;
      std::uint64_t priority;
      std::shared_ptr<const node> left, right;
   };
   using link = std::shared_ptr<const node>;

public:
   /// Iterates the entries in key order; invalidated by nothing (the map is immutable).
   class const_iterator {
   public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = persistent_map::value_type;
      using difference_type = std::ptrdiff_t;
      using pointer = const value_type*;
      using reference = const value_type&;

      const_iterator() = default;
      reference operator*() const { return path_.back()->entry; }
      pointer operator->() const { return &path_.back()->entry; }
      const_iterator& operator++() {
         const node* n = path_.back();
         path_.pop_back();
         descend_left(n->right.get());
         return *this;
      }
      const_iterator operator++(int) {
         auto old = *this;
         ++*this;
         return old;
      }
      friend bool operator==(const const_iterator& a, const const_iterator& b) {
         if (a.path_.empty() || b.path_.empty()) return a.path_.empty() == b.path_.empty();
         return a.path_.back() == b.path_.back();
      }

   private:
      friend class persistent_map;
      void descend_left(const node* n) {
         for (; n != nullptr; n = n->left.get()) path_.push_back(n);
      }
      std::vector<const node*> path_;  ///< ancestors whose entry is still to come; back() is the current
   };

   persistent_map() = default;
   /// A map of the given entries (a later duplicate key wins).
   [[nodiscard]] static persistent_map of(std::initializer_list<std::pair<std::string_view, Value>> entries) {
      persistent_map out;
      for (const auto& [k, v] : entries) out = out.set(k, v);
      return out;
   }

   [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
   [[nodiscard]] std::size_t size() const noexcept { return size_; }

   /// The entry of `key`, or nullptr.
   [[nodiscard]] const value_type* find(std::string_view key) const noexcept {
      for (const node* n = root_.get(); n != nullptr;) {
         const int c = key.compare(n->entry.first);
         if (c == 0) return &n->entry;
         n = c < 0 ? n->left.get() : n->right.get();
      }
      return nullptr;
   }
   [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
   [[nodiscard]] std::size_t count(std::string_view key) const noexcept { return contains(key) ? 1 : 0; }
   /// The value of `key`; throws std::out_of_range when it is absent.
   [[nodiscard]] const Value& at(std::string_view key) const {
      if (const auto* e = find(key)) return e->second;
      throw std::out_of_range("persistent_map::at: no such key");
   }

   /// A new version with `key` set to `value` (added, or replaced); this one is unchanged.
   [[nodiscard]] persistent_map set(std::string_view key, Value value) const {
      persistent_map out;
      const bool had = contains(key);
      out.root_ = had ? replace(root_, key, std::move(value))
                      : insert(root_, std::make_shared<const node>(node{
                                          value_type(std::string(key), std::move(value)), priority_of(key), {}, {}}));
      out.size_ = size_ + (had ? 0 : 1);
      return out;
   }

   /// A new version without `key`; this one is unchanged.
   [[nodiscard]] persistent_map erase(std::string_view key) const {
      if (!contains(key)) return *this;
      persistent_map out;
      out.root_ = remove(root_, key);
      out.size_ = size_ - 1;
      return out;
   }

   /// The keys, in order.
   [[nodiscard]] std::vector<std::string> keys() const {
      std::vector<std::string> out;
      out.reserve(size_);
      for (const auto& e : *this) out.push_back(e.first);
      return out;
   }

   [[nodiscard]] const_iterator begin() const {
      const_iterator it;
      it.descend_left(root_.get());
      return it;
   }
   [[nodiscard]] const_iterator end() const { return {}; }

private:
   static std::uint64_t priority_of(std::string_view key) noexcept {
      std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a final mix
      for (const unsigned char c : key) h = (h ^ c) * 1099511628211ULL;
      h ^= h >> 33U;
      h *= 0xff51afd7ed558ccdULL;
      h ^= h >> 33U;
      return h;
   }
   static link make(const node& n, link left, link right) {
      return std::make_shared<const node>(node{n.entry, n.priority, std::move(left), std::move(right)});
   }
   // (keys < key, keys >= key)
   static std::pair<link, link> split(const link& t, std::string_view key) {
      if (!t) return {};
      if (std::string_view(t->entry.first) < key) {
         auto [l, r] = split(t->right, key);
         return {make(*t, t->left, std::move(l)), std::move(r)};
      }
      auto [l, r] = split(t->left, key);
      return {std::move(l), make(*t, std::move(r), t->right)};
   }
   static link insert(const link& t, const link& n) {
      if (!t) return n;
      if (n->priority > t->priority) {
         auto [l, r] = split(t, n->entry.first);
         return make(*n, std::move(l), std::move(r));
      }
      if (n->entry.first < t->entry.first) return make(*t, insert(t->left, n), t->right);
      return make(*t, t->left, insert(t->right, n));
   }
   static link replace(const link& t, std::string_view key, Value value) {
      const int c = key.compare(t->entry.first);
      if (c == 0) {
         return std::make_shared<const node>(
             node{value_type(t->entry.first, std::move(value)), t->priority, t->left, t->right});
      }
      if (c < 0) return make(*t, replace(t->left, key, std::move(value)), t->right);
      return make(*t, t->left, replace(t->right, key, std::move(value)));
   }
   static link merge(const link& a, const link& b) {
      if (!a) return b;
      if (!b) return a;
      if (a->priority > b->priority) return make(*a, a->left, merge(a->right, b));
      return make(*b, merge(a, b->left), b->right);
   }
   static link remove(const link& t, std::string_view key) {
      const int c = key.compare(t->entry.first);
      if (c == 0) return merge(t->left, t->right);
      if (c < 0) return make(*t, remove(t->left, key), t->right);
      return make(*t, t->left, remove(t->right, key));
   }

   link root_;
   std::size_t size_ = 0;
};

}  // namespace strata::ast
