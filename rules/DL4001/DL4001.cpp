// DL4001 (hadolint's id and message): one stage downloads with both wget and curl.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {
constexpr unsigned curl_bit = 1;
constexpr unsigned wget_bit = 2;

/// Adds the wget/curl commands of RUN `inst` to `seen` (curl_bit | wget_bit) and reports the
/// first of them with which both tools have been seen: once per RUN, as hadolint does.
void visit_run(const ast::instruction& inst, unsigned& seen, engine::context& cx) {
   for (const auto& view : cx.runs_of(inst)) {
      for (const auto& q : facts::commands_named(view.facts, {"curl", "wget"})) {
         seen |= q.program() == "curl" ? curl_bit : wget_bit;
         if (seen == (curl_bit | wget_bit)) {
            cx.report(q.cmd().words[q.program_index()].where, "Either use Wget or Curl but not both.");
            return;
         }
      }
   }
}

void check(const ast::dockerfile& df, engine::context& cx) {
   unsigned stage_tools = 0;    // reset at every FROM
   unsigned trigger_tools = 0;  // ONBUILD RUN triggers: one set for the whole file (they run in other builds)
   for (const auto& inst : df.instructions) {
      if (inst.name == "from") {
         stage_tools = 0;
      } else if (inst.name == "run") {
         visit_run(inst, stage_tools, cx);
      } else if (inst.name == "onbuild" && !inst.trigger.empty() && inst.trigger[0].name == "run") {
         visit_run(inst.trigger[0], trigger_tools, cx);
      }
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl4001{
    .id = "DL4001",
    .name = "wget-and-curl",
    .default_severity = engine::severity::warning,
    .summary = "One stage uses both wget and curl",
    .help = "Pick one download tool per stage (and install only that one).",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
