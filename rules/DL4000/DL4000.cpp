// DL4000 (hadolint's id and message): the deprecated MAINTAINER instruction.
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name == "maintainer") {
      cx.report(inst.keyword_span, "MAINTAINER is deprecated");
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl4000{
    .id = "DL4000",
    .name = "maintainer-deprecated",
    .default_severity = engine::severity::error,
    .summary = "MAINTAINER is used",
    .help = "Use LABEL org.opencontainers.image.authors=\"name <mail>\" instead of MAINTAINER.",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
