// ST0008 run-body-not-parsed: a RUN body (sh or PowerShell) that strata's shell grammar
// rejects: a syntax error the shell would report too, or a construct nested deeper than the
// grammar reads. The finding is at the failing position; the commands after it are still read,
// token by token (parse/shell_tokens.hpp), so the other RUN rules keep seeing downloads and pipes.
#include <string>

#include <fmt/format.h>

#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/run_facts.hpp"

namespace strata::rules {
namespace {
void check(const engine::run_view& view, engine::context& cx) {
   if (view.facts.parsed || view.instruction == nullptr) return;  // history entries: ST5xxx compare them
   cx.report(view.facts.error_where,
             fmt::format("{} body does not parse as {}: {}; the commands after this point are read token by token",
                         view.keyword, facts::to_string(view.facts.shell), view.facts.error));
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule st0008{
    .id = "ST0008",
    .name = "run-body-not-parsed",
    .default_severity = engine::severity::warning,
    .summary = "A RUN body does not parse as sh or PowerShell",
    .help = "Fix the shell syntax at the position given, or move a long script into a file run by the RUN.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
};
}  // namespace strata::rules
