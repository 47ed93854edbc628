#include "engine/page_sizes.hpp"

#include "parse/values.hpp"

namespace strata::engine {

bool size_text_wrong(const ast::size_value& v) {
   return v.text != parse::format_size(v.bytes);
}

std::vector<wrong_size> wrong_sizes(const ast::tag_page& page) {
   std::vector<wrong_size> out;
   const auto add = [&](const ast::section& s, const ast::size_value& v) {
      if (size_text_wrong(v)) out.push_back({&s, &v, parse::format_size(v.bytes)});
   };
   for (const auto& s : page.sections) {
      if (s.total_size) add(s, *s.total_size);
      for (const auto& l : s.layers) {
         if (l.size) add(s, *l.size);
      }
   }
   return out;
}

}  // namespace strata::engine
