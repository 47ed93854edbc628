// DL3064 (hadolint's id and message): an ARG or ENV name that looks like it holds a secret
// (the value ends up in the image's history or config, readable by anyone who pulls it).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"

namespace strata::rules {
namespace {
// hadolint's list of well-known secret names (compared in upper case), sorted
constexpr std::string_view known_names[] = {
    "ACCESS_TOKEN",
    "APPLICATION_KEY",
    "APP_SECRET",
    "AUTH_TOKEN",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "BITTREX_API_KEY",
    "BITTREX_API_SECRET",
    "CF_PASSWORD",
    "CF_USERNAME",
    "CIRCLE_TOKEN",
    "CI_DEPLOY_PASSWORD",
    "CI_DEPLOY_USER",
    "DOCKERHUB_PASSWORD",
    "DOCKER_EMAIL",
    "DOCKER_PASSWORD",
    "DOCKER_USERNAME",
    "FACEBOOK_ACCESS_TOKEN",
    "FACEBOOK_APP_ID",
    "FACEBOOK_APP_SECRET",
    "FIREBASE_API_TOKEN",
    "FIREBASE_TOKEN",
    "FOSSA_API_KEY",
    "GH_ENTERPRISE_TOKEN",
    "GH_TOKEN",
    "GITHUB_ENTERPRISE_TOKEN",
    "GITHUB_TOKEN",
    "HEROKU_API_KEY",
    "HEROKU_API_USER",
    "NPM_AUTH_TOKEN",
    "NPM_TOKEN",
    "OKTA_AUTHN_GROUPID",
    "OKTA_CLIENT_ORGURL",
    "OKTA_CLIENT_TOKEN",
    "OKTA_OAUTH2_CLIENTID",
    "OKTA_OAUTH2_CLIENTSECRET",
    "OPENAI_API_KEY",
    "OS_PASSWORD",
    "OS_USERNAME",
    "POSTGRES_PASSWORD",
    "SLACK_TOKEN",
    "STRIPE_API_KEY",
    "STRIPE_DEVICE_NAME",
    "TRAVIS_OS_NAME",
    "TRAVIS_SECURE_ENV_VARS",
    "TRAVIS_SUDO",
    "VAULT_CLIENT_KEY",
    "VAULT_TOKEN",
};
// parts of a name (compared in lower case) that suggest a secret
constexpr std::string_view suspicious_parts[] = {"api_key", "client_key", "password", "private",
                                                 "secret",  "token",      "username"};

bool sensitive(std::string_view name) {
   std::string upper(name);
   std::transform(upper.begin(), upper.end(), upper.begin(),
                  [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
   if (std::find(std::begin(known_names), std::end(known_names), upper) != std::end(known_names)) return true;
   const std::string lowered = ast::lower(name);
   return std::any_of(std::begin(suspicious_parts), std::end(suspicious_parts),
                      [&](std::string_view part) { return lowered.find(part) != std::string::npos; });
}

void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "arg" && inst.name != "env") {
      return;
   }
   for (const auto& pair : inst.pairs) {
      if (sensitive(pair.key)) {
         cx.report(pair.key_span, "Potentially sensitive data should not be used in the `ARG` or `ENV` commands");
      }
   }
}
constexpr std::string_view tags[] = {"security"};
}  // namespace

extern const engine::rule dl3064{
    .id = "DL3064",
    .name = "arg-env-sensitive-name",
    .default_severity = engine::severity::warning,
    .summary = "An ARG or ENV name looks like a secret",
    .help = "Pass secrets with RUN --mount=type=secret, not through ARG or ENV.",
    .tags = tags,
    .visit = {.instruction = check},
    .onbuild = true,
    .security_severity = "6.0",
    .precision = "medium",
};
}  // namespace strata::rules
