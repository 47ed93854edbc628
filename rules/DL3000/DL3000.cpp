// DL3000 (hadolint's id and message): WORKDIR with a relative path.
#include <cctype>
#include <string>
#include <string_view>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/rule.hpp"
#include "parse/shell_lexer.hpp"

namespace strata::rules {
namespace {
/// The path without the quotes around it (hadolint strips `"` and `'` from both ends).
std::string_view without_quotes(std::string_view path) {
   while (!path.empty() && (path.front() == '"' || path.front() == '\'')) path.remove_prefix(1);
   while (!path.empty() && (path.back() == '"' || path.back() == '\'')) path.remove_suffix(1);
   return path;
}

/// Absolute for Linux (`/...`), for Windows (`C:...`), or left to a variable (`$DIR...`).
bool absolute(std::string_view path) {
   if (path.starts_with('/') || path.starts_with('$')) return true;
   return path.size() >= 2 && std::isalpha(static_cast<unsigned char>(path[0])) != 0 && path[1] == ':';
}

void check(const ast::instruction& inst, engine::context& cx) {
   if (inst.name != "workdir" || inst.words.empty()) {
      return;
   }
   const auto& word = inst.words[0];
   // The path as BuildKit expands it with the ARG/ENV values in scope; references to
   // unknown variables are kept as written (and then count as absolute, as in hadolint).
   parse::lex_options options;
   options.skip_unset_env = true;
   if (cx.doc().dockerfile) options.escape = cx.doc().dockerfile->escape;
   static const ast::environment none;
   const auto expanded = parse::process_word(word.text, inst.variables ? *inst.variables : none, options);
   const std::string_view path = expanded.error ? without_quotes(word.text) : std::string_view(expanded.result);
   if (!path.empty() && !absolute(path)) {
      cx.report(word.where, "Use absolute WORKDIR.");
   }
}
constexpr std::string_view tags[] = {"correctness", "maintainability"};
}  // namespace

extern const engine::rule dl3000{
    .id = "DL3000",
    .name = "workdir-not-absolute",
    .default_severity = engine::severity::error,
    .summary = "WORKDIR with a relative path",
    .help = "Give WORKDIR an absolute path (WORKDIR /app).",
    .tags = tags,
    .visit = {.instruction = check},
};
}  // namespace strata::rules
