// ST0005 non-canonical-document: a history document (repo-info tag page, ...)
// whose text differs from the canonical rendering of its own model, i.e. from
// what docker-library's generator writes for the same data (formats.md §1.2-1.6).
// A wrong human-readable size (`30.7 MB (30751999 bytes)`) is ST3004's: a line that
// differs only by its wrong sizes is not reported here (one cause, one finding).
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

// `line` with the wrong size texts on it (ST3004's findings, in line order) replaced by the
// generator's renderings.
std::string corrected(std::string_view line, const std::vector<const engine::wrong_size*>& sizes) {
   std::string out;
   std::size_t from = 0;
   for (const auto* w : sizes) {
      const auto at = line.find(w->size->text, from);
      if (at == std::string_view::npos) continue;
      out.append(line.substr(from, at - from));
      out += w->expected;
      from = at + w->size->text.size();
   }
   out.append(line.substr(from));
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
         const auto sized = sizes_on.find(line);
         if (sized != sizes_on.end() && corrected(was, sized->second) == want) continue;  // ST3004's
         std::size_t at = 0;
         while (at < was.size() && at < want.size() && was[at] == want[at]) ++at;
         const auto b = src.line_offset(static_cast<std::uint32_t>(line + 1));
         cx.report(src.make_span(b + at, b + was.size()),
                   fmt::format("not in the canonical form: the generator writes \"{}\"", excerpt(want, at)));
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
