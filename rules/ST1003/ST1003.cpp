// ST1003 no-empty-continuation: BuildKit's build check NoEmptyContinuation (`docker build --check`), with its
// detail message and at the instruction BuildKit reports.
// Description: Empty continuation lines will become errors in a future release
#include <string>

#include <fmt/format.h>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "ast/unicode.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/rule.hpp"
#include "facts/conversion.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   if (!inst.empty_continuation || !cx.conversion().parse_time_reported(inst.start_line)) return;
   // BuildKit reports the instruction's last line: the one that ends the continuation
   const auto& src = cx.doc().source();
   const std::uint32_t line = inst.where.stop.line;
   const std::size_t begin = src.line_offset(line);
   cx.report(src.make_span(begin, begin + src.line_text(line).size()), "Empty continuation line");
}
constexpr std::string_view aliases[] = {"NoEmptyContinuation"};
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st1003{
    .id = "ST1003",
    .name = "no-empty-continuation",
    .default_severity = engine::severity::warning,
    .summary = "A blank line inside an instruction's continuation",
    .help = "Remove the blank line, or put a comment line there.",
    .aliases = aliases,
    .tags = tags,
    .visit = {.instruction = check},
    .buildkit_check = "NoEmptyContinuation",
};
}  // namespace strata::rules
