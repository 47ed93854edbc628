// ST5004 library-tag-conflict (formats.md C26): in one official-images library file, a tag
// (Tags or SharedTags) names more than one entry of the same architecture and the same
// Constraints, so bashbrew cannot tell which image the tag is. Reported at each conflicting
// tag item, once per architecture, naming the other entries by line
// (engine/library_checks.hpp `tag_conflicts`).
#include <string>

#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/library_checks.hpp"

namespace strata::rules {
namespace {

void check(const engine::document& doc, engine::context& cx) {
   if (!doc.library) return;
   const ast::library_file& lib = *doc.library;
   for (const auto& c : engine::tag_conflicts(lib)) {
      std::string lines;
      for (const auto other : c.others) {
         if (!lines.empty()) lines += ", ";
         lines += std::to_string(lib.entries[other].where.start.line);
      }
      std::string constraints;
      for (const auto& k : c.constraints) constraints += (constraints.empty() ? "" : ", ") + k;
      cx.report(c.tag->where,
                fmt::format("{} `{}` of this entry is also on the entr{} at line{} {} for {}{}: the tag names {} "
                            "images of one platform",
                            c.shared ? "SharedTag" : "tag", c.tag->text, c.others.size() == 1 ? "y" : "ies",
                            c.others.size() == 1 ? "" : "s", lines, c.architecture,
                            constraints.empty() ? std::string() : " (Constraints: " + constraints + ")",
                            c.others.size() + 1));
   }
}

constexpr std::string_view tags[] = {"consistency", "correctness"};
}  // namespace

extern const engine::rule st5004{
    .id = "ST5004",
    .name = "library-tag-conflict",
    .default_severity = engine::severity::error,
    .summary = "A library tag maps to more than one entry of the same architecture and Constraints",
    .help =
        "Give each tag to one entry per architecture (and Windows version): move the tag to the entry it "
        "should name, or make it a version-specific SharedTag.",
    .aliases = {},
    .tags = tags,
    .visit = {.document = check},
};
}  // namespace strata::rules
