// ST0005 non-canonical-document: a history document (repo-info tag page, ...)
// whose text differs from the canonical rendering of its own model, i.e. from
// what docker-library's generator writes for the same data (formats.md §1.2-1.6).
// A wrong human-readable size (`30.8 MB (…)` that its byte count does not render
// as) is ST3004's: the line is compared with the size text corrected, so that only
// its other differences are reported here.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/page_sizes.hpp"
#include "render/document.hpp"
#include "render/line_diff.hpp"

namespace strata::rules {
namespace {

// A short excerpt of a line around byte `at`, for messages.
std::string excerpt(std::string_view line, std::size_t at) {
   constexpr std::size_t before = 20, width = 60;
   const std::size_t b = at > before ? at - before : 0;
   std::string out = b > 0 ? "..." : "";
   out += line.substr(b, width);
   if (b + width < line.size()) out += "...";
   return out;
}

// A line with its wrong size texts replaced by the generator's renderings (ST3004's findings),
// and where each replacement stands, to map offsets of the corrected line back.
struct corrected_line {
   struct replacement {
      std::size_t at;        ///< offset in the original line
      std::size_t was, now;  ///< lengths before and after
   };
   std::string text;
   std::vector<replacement> replacements;  ///< in line order

   /// The offset of the original line that offset `at` of `text` comes from (the start of a
   /// replacement for an offset inside it).
   [[nodiscard]] std::size_t original(std::size_t at) const {
      std::size_t shift = 0;  // bytes the replacements before `at` added (mod 2^n: may be negative)
      for (const auto& r : replacements) {
         if (at < r.at + shift) break;
         if (at < r.at + shift + r.now) return r.at;
         shift += r.now - r.was;
      }
      return at - shift;
   }
};

corrected_line correct(std::string_view line, const std::vector<const engine::wrong_size*>& sizes) {
   corrected_line out;
   std::size_t from = 0;
   for (const auto* w : sizes) {  // in line order
      const auto at = line.find(w->size->text, from);
      if (at == std::string_view::npos) continue;
      out.text.append(line.substr(from, at - from));
      out.text += w->expected;
      out.replacements.push_back({at, w->size->text.size(), w->expected.size()});
      from = at + w->size->text.size();
   }
   out.text.append(line.substr(from));
   return out;
}

void check(const engine::document& doc, engine::context& cx) {
   const auto canonical = render::normalized(doc);
   const auto& src = doc.source();
   if (!canonical || *canonical == src.text()) return;
   const auto old_lines = render::split_lines(src.text());
   const auto new_lines = render::split_lines(*canonical);
   const auto errors = doc.history_errors();
   const auto flagged = [&](std::size_t line) {  // 0-based line already reported by the parser (ST0002)
      return std::any_of(errors.begin(), errors.end(), [&](const ast::page_error& e) {
         return e.where.start.line <= line + 1 && line + 1 <= std::max(e.where.start.line, e.where.stop.line);
      });
   };
   // 0-based line -> the wrong sizes on it (ST3004's), in line order
   std::map<std::size_t, std::vector<const engine::wrong_size*>> sizes_on;
   std::vector<engine::wrong_size> wrong;
   if (doc.page) wrong = engine::wrong_sizes(*doc.page);
   for (const auto& w : wrong) sizes_on[w.size->where.start.line - 1].push_back(&w);
   const auto line_span = [&](std::size_t first, std::size_t last_exclusive) {
      const auto b = src.line_offset(static_cast<std::uint32_t>(first + 1));
      const auto e = last_exclusive > first ? src.line_offset(static_cast<std::uint32_t>(last_exclusive)) +
                                                  src.line_text(static_cast<std::uint32_t>(last_exclusive)).size()
                                            : b;
      return src.make_span(b, e);
   };
   for (const auto& h : render::diff_lines(old_lines, new_lines)) {
      const std::size_t paired = std::min(h.old_end - h.old_begin, h.new_end - h.new_begin);
      for (std::size_t i = 0; i < paired; ++i) {
         const auto line = h.old_begin + i;
         if (flagged(line)) continue;
         const std::string_view was = old_lines[line];
         const std::string_view want = new_lines[h.new_begin + i];
         std::size_t same = 0;  // the length of the common prefix with `want`
         std::size_t at = 0;    // where the difference starts in `was`
         const auto sized = sizes_on.find(line);
         if (sized != sizes_on.end()) {
            const corrected_line fixed = correct(was, sized->second);
            if (fixed.text == want) continue;  // only the sizes differ: ST3004 reports them
            while (same < fixed.text.size() && same < want.size() && fixed.text[same] == want[same]) ++same;
            at = std::min(fixed.original(same), was.size());
         } else {
            while (same < was.size() && same < want.size() && was[same] == want[same]) ++same;
            at = same;
         }
         const auto b = src.line_offset(static_cast<std::uint32_t>(line + 1));
         cx.report(src.make_span(b + at, b + was.size()),
                   fmt::format("not in the canonical form: the generator writes \"{}\"", excerpt(want, same)));
      }
      const std::size_t extra_old = h.old_begin + paired;
      if (extra_old < h.old_end) {
         bool all_flagged = true;
         for (std::size_t l = extra_old; l < h.old_end; ++l) all_flagged = all_flagged && flagged(l);
         if (!all_flagged) {
            const auto n = h.old_end - extra_old;
            cx.report(line_span(extra_old, h.old_end),
                      n == 1 ? std::string("a line the generator does not write for this page")
                             : fmt::format("{} lines the generator does not write for this page", n));
         }
      }
      const std::size_t extra_new = h.new_begin + paired;
      if (extra_new < h.new_end) {
         const auto at = h.old_end;  // the missing lines belong before this input line
         const auto where =
             at < old_lines.size() ? line_span(at, at) : src.make_span(src.text().size(), src.text().size());
         const auto n = h.new_end - extra_new;
         const auto first = new_lines[extra_new];
         if (n == 1 && first.empty()) {
            cx.report(where, "a blank line of the canonical form is missing here");
         } else {
            cx.report(where,
                      fmt::format("{} of the canonical form missing here, starting \"{}\"",
                                  n == 1 ? std::string("a line") : fmt::format("{} lines", n), excerpt(first, 0)));
         }
      }
   }
}

constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st0005{
    .id = "ST0005",
    .name = "non-canonical-document",
    .default_severity = engine::severity::warning,
    .summary = "A history document differs from what its generator writes for the same data",
    .help =
        "Regenerate the page, or compare it with `strata normalize FILE`; the values strata read are those of the "
        "model.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = check},
};
}  // namespace strata::rules
