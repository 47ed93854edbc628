// DL3020 (hadolint's id and message): ADD of a local file or folder that is not an archive
// (ADD unpacks local archives and fetches http(s) URLs; for anything else COPY does the same
// with fewer surprises). Git repositories (`git@`, `git://`, `ssh://`) count as remote too. Sources are read after
// ARG/ENV substitution; a source that still holds an unresolved variable is not judged.
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "parse/dockerfile_instructions.hpp"

namespace strata::rules {
namespace {
// The file name endings hadolint takes for archives that ADD unpacks (case-sensitive, as
// hadolint compares them; `.zip` is not one: ADD does not unpack zip files).
constexpr std::array<std::string_view, 15> archive_endings = {
    ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz"};

std::string_view drop_quotes(std::string_view s) {
   while (!s.empty() && (s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
   while (!s.empty() && (s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
   return s;
}

bool archive_or_url(std::string_view source) {
   // http(s) URLs, and the git repositories BuildKit's ADD clones (COPY cannot fetch either)
   for (const auto scheme : {"https://", "http://", "git://", "git@", "ssh://"}) {
      if (source.starts_with(scheme)) return true;
   }
   for (const auto ending : archive_endings) {
      if (source.ends_with(ending)) return true;
   }
   return false;
}

void check(const ast::dockerfile& df, engine::context& cx) {
   for (const auto& inst : df.instructions) {
      if (inst.name != "add" || inst.words.size() < 2) continue;
      for (std::size_t i = 0; i + 1 < inst.words.size(); ++i) {
         const auto& source = inst.words[i];
         const auto expanded = parse::expand(df, inst, source.text);
         const std::string text(expanded.error ? drop_quotes(source.text) : std::string_view(expanded.result));
         if (text.find('$') != std::string::npos || archive_or_url(text)) continue;
         cx.report(source.where, "Use COPY instead of ADD for files and folders");
         break;  // one finding per ADD, at its first local non-archive source
      }
   }
}
constexpr std::string_view tags[] = {"best-practice", "maintainability"};
}  // namespace

extern const engine::rule dl3020{
    .id = "DL3020",
    .name = "add-for-local-files",
    .default_severity = engine::severity::error,
    .summary = "ADD of a local file or folder that is not an archive",
    .help = "Use COPY for local files and folders; keep ADD for archives to unpack and for URLs.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
