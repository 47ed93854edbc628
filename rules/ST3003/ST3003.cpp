// ST3003 total-size-mismatch (formats.md C4): a section's Total Size is not the
// sum of its layer sizes (the generator computes it as that sum).
#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {
void check(const ast::tag_page& page, engine::context& cx) {
   for (const auto& s : page.sections) {
      if (!s.total_size) {
         continue;
      }
      std::uint64_t sum = 0;
      std::size_t sized = 0;
      for (const auto& l : s.layers) {
         if (l.size) {
            sum += l.size->bytes;
            ++sized;
         }
      }
      if (sum != s.total_size->bytes) {
         cx.report(s.total_size->where,
                   fmt::format("Total Size is {} bytes but the {} layer size(s) listed sum to {} bytes",
                               s.total_size->bytes, sized, sum),
                   &s);
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "integrity"};
}  // namespace

extern const engine::rule st3003{
    .id = "ST3003",
    .name = "total-size-mismatch",
    .default_severity = engine::severity::error,
    .summary = "Total Size differs from the sum of the layer sizes",
    .help = "Regenerate the page from the registry; a hand edit or a truncated layer list breaks the sum.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
