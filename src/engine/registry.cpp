#include "engine/registry.hpp"

#include "ast/text.hpp"

#include <algorithm>
#include <cctype>

namespace strata::engine {

const registered_rule* find_rule(std::string_view key) noexcept {
   using ast::iequals;
   for (const auto& r : registry()) {
      const rule& d = *r.definition;
      if (iequals(d.id, key) || iequals(d.name, key) ||
          std::any_of(d.aliases.begin(), d.aliases.end(), [&](std::string_view a) { return iequals(a, key); })) {
         return &r;
      }
   }
   return nullptr;
}

std::string_view doc_section(std::string_view md, std::string_view heading) noexcept {
   std::size_t pos = 0;
   while (pos < md.size()) {
      auto end = md.find('\n', pos);
      if (end == std::string_view::npos) end = md.size();
      const std::string_view line = md.substr(pos, end - pos);
      if (line.starts_with("## ") && line.substr(3) == heading) {
         std::size_t body = end + 1;
         std::size_t stop = md.find("\n## ", end);
         stop = stop == std::string_view::npos ? md.size() : stop + 1;
         if (body > stop) body = stop;
         std::string_view text = md.substr(body, stop - body);
         while (!text.empty() && (text.front() == '\n' || text.front() == '\r')) text.remove_prefix(1);
         while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
            text.remove_suffix(1);
         return text;
      }
      pos = end + 1;
   }
   return {};
}

}  // namespace strata::engine
