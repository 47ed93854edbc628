// DL3014 (hadolint's id and message): `apt-get install` without `-y` (or `--yes`,
// `--assume-yes`, or quiet level 2: `-qq`, `-q -q`, `-q=2`, `--quiet --quiet`, which
// implies yes). Reported at the `install` word.
#include <algorithm>
#include <charconv>
#include <string_view>

#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"

namespace strata::rules {
namespace {

// The number `-q=N` / `--quiet=N` sets, or 1 when it is not a number.
int level_of(std::string_view v) {
   int n = 1;
   const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
   return ec == std::errc() && end == v.data() + v.size() ? n : 1;
}

// apt-get's quiet level: each `q` of a short group counts one, `-q=N` and `--quiet=N` set N.
int quiet_level(const facts::command_query& q) {
   int level = 0;
   for (const auto& a : q.arguments()) {
      if (q.is_option(a, "--quiet")) {
         level = a.value ? level_of(*a.value) : level + 1;
      } else if (q.is_option(a, "-q")) {
         const std::string_view group = std::string_view(a.name).substr(1);
         if (group.starts_with("q=")) {
            level = level_of(group.substr(2));
         } else {
            level += static_cast<int>(std::count(group.begin(), group.end(), 'q'));
         }
      }
   }
   return level;
}

// `-o APT::Get::Assume-Yes=true` (apt's configuration item behind `-y`).
bool assume_yes_config(const facts::command_query& q) {
   for (const auto& v : q.option_values({"-o", "--option"})) {
      const std::string item = ast::lower(v);
      if (item == "apt::get::assume-yes=true" || item == "apt::get::assume-yes=1") return true;
   }
   return false;
}

// `apt-get install -s` (--simulate, --dry-run, ...) only prints what it would do.
bool simulated(const facts::command_query& q) {
   return q.has_option("-s") || q.has_option("--simulate") || q.has_option("--dry-run") ||
          q.has_option("--just-print") || q.has_option("--recon") || q.has_option("--no-act");
}

bool answers_yes(const facts::command_query& q) {
   return q.has_option("-y") || q.has_option("--yes") || q.has_option("--assume-yes") || quiet_level(q) >= 2 ||
          assume_yes_config(q);
}

void check(const engine::run_view& run, engine::context& cx) {
   if (run.instruction == nullptr) return;  // Dockerfiles only (hadolint's scope)
   for (const auto& q : facts::commands_named(run.facts, {"apt-get"})) {
      const facts::argument* sub = q.subcommand();
      if (sub == nullptr || sub->name != "install" || simulated(q) || answers_yes(q)) continue;
      cx.report(q.cmd().words[sub->index].where,
                "Use the `-y` switch to avoid manual input `apt-get -y install <package>`");
   }
}
constexpr std::string_view tags[] = {"correctness"};
}  // namespace

extern const engine::rule dl3014{
    .id = "DL3014",
    .name = "apt-get-install-without-yes",
    .default_severity = engine::severity::warning,
    .summary = "apt-get install without -y waits for an answer no build can give",
    .help = "Add -y (apt-get install -y <package>).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
    .onbuild = true,
};
}  // namespace strata::rules
