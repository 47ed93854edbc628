// DL3026 (hadolint's id and message): a base image from a registry that is not trusted.
#include <algorithm>
#include <optional>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/config.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {

// The registry of an image reference, or nullopt for Docker Hub: the first path component
// when it has a `.` or a `:` or is `localhost` (the reference grammar's domain rule).
std::optional<std::string> registry_of(std::string_view image) {
   const auto slash = image.find('/');
   if (slash == std::string_view::npos) return std::nullopt;
   const std::string_view first = image.substr(0, slash);
   if (first.find_first_of(".:") == std::string_view::npos && first != "localhost") return std::nullopt;
   return std::string(first);
}

// hadolint's patterns: `*` (any), `*.example.com` (a suffix), `example*` (a prefix), else exact.
bool allowed_by(std::string_view pattern, std::string_view registry) {
   if (pattern == "*") return true;
   if (pattern.starts_with('*')) return registry.ends_with(pattern.substr(1));
   if (pattern.ends_with('*')) return registry.starts_with(pattern.substr(0, pattern.size() - 1));
   return pattern == registry;
}

bool trusted(const std::vector<std::string>& registries, std::string_view image) {
   const auto registry = registry_of(image);
   return std::any_of(registries.begin(), registries.end(), [&](const std::string& p) {
      if (registry) return allowed_by(p, *registry);
      return p == "*" || p == "docker.io" || p == "hub.docker.com" || allowed_by(p, "docker.io");
   });
}

void check(const ast::dockerfile& df, engine::context& cx) {
   const auto& registries = cx.settings().trusted_registries;
   if (registries.empty()) return;  // no registries configured: the rule is inactive, as in hadolint
   for (const auto& st : df.stages) {
      const std::string image = st.image_expanded;
      if (image.empty() || ast::lower(image) == "scratch" || image.find('$') != std::string::npos) continue;
      const bool earlier_stage =
          std::any_of(df.stages.begin(), df.stages.begin() + static_cast<std::ptrdiff_t>(st.index),
                      [&](const ast::stage& p) { return !p.name.empty() && ast::lower(p.name) == ast::lower(image); });
      if (earlier_stage || trusted(registries, image)) continue;
      cx.report(st.image_span, "Use only an allowed registry in the FROM image");
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain"};
}  // namespace

extern const engine::rule dl3026{
    .id = "DL3026",
    .name = "untrusted-registry",
    .default_severity = engine::severity::error,
    .summary = "A FROM image comes from a registry outside the trusted ones (when trusted registries are set)",
    .help = "Pull the base image from a trusted registry, or add its registry to trustedRegistries.",
    .tags = tags,
    .visit = {.dockerfile = check},
    .security_severity = "5.0",
};
}  // namespace strata::rules
