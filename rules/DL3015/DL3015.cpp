// DL3015 (hadolint's id and message): `apt-get install` without `--no-install-recommends`
// (or `-o APT::Install-Recommends=false`). Reported at the `install` word.
#include <string_view>

#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {

// `-o APT::Install-Recommends=false` (or 0, no, off): the configuration item behind the flag.
bool recommends_off(const facts::command_query& q) {
   for (const auto& v : q.option_values({"-o", "--option"})) {
      const std::string item = ast::lower(v);
      constexpr std::string_view key = "apt::install-recommends=";
      if (!item.starts_with(key)) continue;
      const std::string_view value = std::string_view(item).substr(key.size());
      if (value == "false" || value == "0" || value == "no" || value == "off") return true;
   }
   return false;
}

// `apt-get install -s` (--simulate, --dry-run, ...) only prints what it would do.
bool simulated(const facts::command_query& q) {
   return q.has_option("-s") || q.has_option("--simulate") || q.has_option("--dry-run") ||
          q.has_option("--just-print") || q.has_option("--recon") || q.has_option("--no-act");
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only (hadolint's scope)
   for (const auto& q : facts::commands_named(run.facts, {"apt-get"})) {
      const facts::argument* sub = q.subcommand();
      if (sub == nullptr || sub->name != "install" || simulated(q) || q.has_option("--no-install-recommends") ||
          recommends_off(q)) {
         continue;
      }
      cx.report(q.cmd().words[sub->index].where, "Avoid additional packages by specifying `--no-install-recommends`");
   }
}
constexpr std::string_view tags[] = {"efficiency"};
}  // namespace

extern const engine::rule dl3015{
    .id = "DL3015",
    .name = "apt-get-install-recommends",
    .default_severity = engine::severity::info,
    .summary = "apt-get install without --no-install-recommends also installs the recommended packages",
    .help = "Add --no-install-recommends and name every package the image needs.",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
