// ST4003 tag-version-mismatch (formats.md C13): the tag names a version
// (`3.6.2-onbuild` -> 3.6.2; `3.9-slim` -> 3.9.x) that the image's
// `ENV <REPOSITORY>_VERSION` does not carry. Tags that do not start with a digit
// (`latest`, `rc`, `windowsservercore`, `alpine3.7`) name no version. Reported after
// the last input: tags of a repository that also has two-version tags (`pypy:2-5.10.0`)
// are not reported, since their leading number names something else (`pypy:3`).
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>
#include <re2/re2.h>

#include "ast/tag_page.hpp"
#include "engine/kept_findings.hpp"
#include "engine/platform_env.hpp"

namespace strata::rules {
namespace {

// `python:3.6.2-onbuild` -> {python, 3.6.2-onbuild}; the repository without its namespace.
std::pair<std::string_view, std::string_view> repository_and_tag(std::string_view ref) {
   const auto colon = ref.rfind(':');
   if (colon == std::string_view::npos) return {ref, {}};
   std::string_view repo = ref.substr(0, colon);
   if (const auto slash = repo.rfind('/'); slash != std::string_view::npos) repo.remove_prefix(slash + 1);
   return {repo, ref.substr(colon + 1)};
}

// The version a tag names: its leading `N(.N)*` with a pre-release suffix (`3.7.0a4`,
// `3.7.0rc1`), when it ends there or at `-`; "" when the tag names none. `two` is set when
// the tag names a second version after a `-` (`pypy:2-5.10.0`: the language, then PyPy).
std::string tag_version(std::string_view tag, bool& two) {
   static const RE2 shape(R"(([0-9]+(?:\.[0-9]+)*(?:(?:a|b|rc|alpha|beta|dev|pre)[0-9]*)?)(-.*)?)");
   static const RE2 second_version(R"(-[0-9].*)");  // right after the first: `2-5.10.0`, not `-windowsservercore-1809`
   std::string v;
   std::string rest;
   two = false;
   if (!RE2::FullMatch(tag, shape, &v, &rest)) return {};
   two = RE2::FullMatch(rest, second_version);
   return v;
}

// Findings wait for the end of the run: a repository whose tags name two versions
// (`2-5.10.0`) has tags whose leading number is not the image's version (`pypy:3`).
struct state {
   engine::kept_findings kept;
   std::map<std::string, std::vector<std::size_t>, std::less<>> by_repository;
   std::set<std::string, std::less<>> two_version_repositories;
};

// The image's version as comparable text: without a leading `<repository>-` (`swift-3.1.1-RELEASE`),
// `v` or Debian epoch (`1:10.3.4`).
std::string_view comparable(std::string_view value, std::string_view repository) {
   if (value.size() > repository.size() + 1 && value.starts_with(repository) && value[repository.size()] == '-') {
      value.remove_prefix(repository.size() + 1);
   }
   static const RE2 epoch("[0-9]+:");
   re2::StringPiece rest(value.data(), value.size());
   if (RE2::Consume(&rest, epoch)) value = {rest.data(), rest.size()};
   if (value.size() > 1 && (value[0] == 'v' || value[0] == 'V') && std::isdigit(static_cast<unsigned char>(value[1]))) {
      value.remove_prefix(1);
   }
   return value;
}

// True when `value` is `want` or a release of the series it names (`3.6` -> `3.6.3`,
// `8` -> `8u151`, `1.13.8` -> `1.13.8-1~stretch`), i.e. `want` is followed by no digit;
// or `want` with trailing `.0` components dropped (`4.5.0` -> `4.5`, not `3.0` -> `3.6`).
bool carries(std::string_view value, std::string_view want) {
   if (value.starts_with(want) &&
       (value.size() == want.size() || !std::isdigit(static_cast<unsigned char>(value[want.size()])))) {
      return true;
   }
   while (want.ends_with(".0")) {
      want.remove_suffix(2);
      if (value == want) return true;
   }
   return false;
}

void check(const ast::tag_page& page, engine::context& cx) {
   const auto [repository, tag] = repository_and_tag(page.ref.text);
   bool two = false;
   const std::string want = tag_version(tag, two);
   if (want.empty() || repository.empty()) return;
   auto& st = cx.state<state>();
   if (two) {
      st.two_version_repositories.emplace(repository);
      return;
   }
   std::string key;
   for (const char c : repository) {
      key += std::isalnum(static_cast<unsigned char>(c))
                 ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                 : '_';
   }
   key += "_VERSION";
   for (const auto& s : page.sections) {
      const ast::env_pair* pair = engine::last_env(s, key);
      if (pair == nullptr || carries(comparable(pair->value, repository), want)) continue;
      st.by_repository[std::string(repository)].push_back(st.kept.keep(cx.locate(
          pair->value_span,
          fmt::format("tag {} names version {} but {} is {} on {}", tag, want, key, pair->value, s.platform.text),
          &s)));
   }
}

void finish(engine::context& cx) {
   auto& st = cx.state<state>();
   for (const auto& [repository, ids] : st.by_repository) {
      if (st.two_version_repositories.contains(repository)) continue;
      for (const std::size_t id : ids) cx.report(st.kept.get(id));
   }
}
constexpr std::string_view tags[] = {"correctness", "consistency"};
}  // namespace

extern const engine::rule st4003{
    .id = "ST4003",
    .name = "tag-version-mismatch",
    .default_severity = engine::severity::error,
    .summary = "The tag names a version that the image's ENV <REPOSITORY>_VERSION does not carry",
    .help =
        "Build the tag from the Dockerfile of the version it names (or pin the FROM of a derived image to that "
        "version).",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check, .finish = finish},
};
}  // namespace strata::rules
