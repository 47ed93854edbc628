#include "render/line_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace strata::render {

std::vector<std::string_view> split_lines(std::string_view text) {
   std::vector<std::string_view> out;
   std::size_t begin = 0;
   while (begin < text.size()) {
      const auto nl = text.find('\n', begin);
      const auto end = nl == std::string_view::npos ? text.size() : nl;
      out.push_back(text.substr(begin, end - begin));
      begin = end + 1;
   }
   return out;
}

std::vector<hunk> diff_lines(const std::vector<std::string_view>& a_all, const std::vector<std::string_view>& b_all,
                             std::size_t max_edits) {
   // common prefix and suffix
   std::size_t pre = 0;
   while (pre < a_all.size() && pre < b_all.size() && a_all[pre] == b_all[pre]) ++pre;
   std::size_t suf = 0;
   while (suf < a_all.size() - pre && suf < b_all.size() - pre &&
          a_all[a_all.size() - 1 - suf] == b_all[b_all.size() - 1 - suf]) {
      ++suf;
   }
   const auto n = static_cast<std::int64_t>(a_all.size() - pre - suf);
   const auto m = static_cast<std::int64_t>(b_all.size() - pre - suf);
   if (n == 0 && m == 0) return {};
   const auto a = [&](std::int64_t i) { return a_all[pre + static_cast<std::size_t>(i)]; };
   const auto b = [&](std::int64_t j) { return b_all[pre + static_cast<std::size_t>(j)]; };

   // Myers: v[k] = furthest x on diagonal k; one copy of v per edit count for the backtrack
   const std::int64_t limit = std::min<std::int64_t>(n + m, static_cast<std::int64_t>(max_edits));
   const std::int64_t offset = limit + 1;
   std::vector<std::int64_t> v(static_cast<std::size_t>(2 * offset + 1), 0);
   std::vector<std::vector<std::int64_t>> trace;
   std::int64_t found = -1;
   for (std::int64_t d = 0; d <= limit && found < 0; ++d) {
      trace.push_back(v);
      for (std::int64_t k = -d; k <= d; k += 2) {
         const auto at = [&](std::int64_t kk) -> std::int64_t& { return v[static_cast<std::size_t>(kk + offset)]; };
         std::int64_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
         std::int64_t y = x - k;
         while (x < n && y < m && a(x) == b(y)) {
            ++x;
            ++y;
         }
         at(k) = x;
         if (x >= n && y >= m) {
            found = d;
            break;
         }
      }
   }
   const auto whole = [&] {
      return std::vector<hunk>{{pre, pre + static_cast<std::size_t>(n), pre, pre + static_cast<std::size_t>(m)}};
   };
   if (found < 0) return whole();

   // backtrack: collect single-line edits from the end, then merge adjacent ones
   struct edit {
      std::int64_t x, y;
      bool deletion;
   };
   std::vector<edit> edits;
   std::int64_t x = n, y = m;
   for (std::int64_t d = found; d > 0; --d) {
      const auto& pv = trace[static_cast<std::size_t>(d)];
      const auto at = [&](std::int64_t kk) { return pv[static_cast<std::size_t>(kk + offset)]; };
      const std::int64_t k = x - y;
      const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
      const std::int64_t pk = down ? k + 1 : k - 1;
      const std::int64_t px = at(pk);
      const std::int64_t py = px - pk;
      x = px;
      y = py;
      edits.push_back(down ? edit{px, py, false} : edit{px, py, true});
   }
   std::reverse(edits.begin(), edits.end());
   std::vector<hunk> out;
   for (const auto& e : edits) {
      const auto ox = pre + static_cast<std::size_t>(e.x);
      const auto oy = pre + static_cast<std::size_t>(e.y);
      if (!out.empty() && out.back().old_end == ox && out.back().new_end == oy) {
         (e.deletion ? out.back().old_end : out.back().new_end) += 1;
      } else {
         out.push_back(e.deletion ? hunk{ox, ox + 1, oy, oy} : hunk{ox, ox, oy, oy + 1});
      }
   }
   return out;
}

}  // namespace strata::render
