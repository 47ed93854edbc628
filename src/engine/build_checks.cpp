#include "engine/build_checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "ast/unicode.hpp"

namespace strata::engine {

namespace {

std::vector<std::string> names(std::string_view v) {
   std::vector<std::string> out;
   std::size_t at = 0;
   while (true) {
      const auto comma = v.find(',', at);
      out.emplace_back(
          ast::go_trim_space(v.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at)));
      if (comma == std::string_view::npos) break;
      at = comma + 1;
   }
   return out;
}

std::optional<bool> parse_bool(std::string_view v) {
   for (const std::string_view t : {"1", "t", "T", "TRUE", "true", "True"})
      if (v == t) return true;
   for (const std::string_view f : {"0", "f", "F", "FALSE", "false", "False"})
      if (v == f) return false;
   return std::nullopt;
}

bool listed(const std::vector<std::string>& list, const rule& r) {
   return std::any_of(list.begin(), list.end(),
                      [&](const std::string& n) { return n == r.buildkit_check || n == r.id; });
}

}  // namespace

lint_options parse_lint_options(std::string_view value) {
   lint_options o;
   value = ast::go_trim_space(value);
   if (value.empty()) return o;
   std::vector<std::string_view> parts;
   std::size_t at = 0;
   while (parts.size() < 2) {  // strings.SplitN(s, ";", 3)
      const auto semi = value.find(';', at);
      if (semi == std::string_view::npos) break;
      parts.push_back(value.substr(at, semi - at));
      at = semi + 1;
   }
   parts.push_back(value.substr(at));
   lint_options read;
   for (const auto part : parts) {
      const auto eq = part.find('=');
      if (eq == std::string_view::npos) {
         o.problem = fmt::format("invalid check option {}", ast::go_quote(part));
         return o;
      }
      const auto key = ast::go_trim_space(part.substr(0, eq));
      const auto v = ast::go_trim_space(part.substr(eq + 1));
      if (key == "skip") {
         read.skip_all = v == "all";
         read.skip = read.skip_all ? std::vector<std::string>{} : names(v);
      } else if (key == "experimental") {
         read.experimental_all = v == "all";
         read.experimental = read.experimental_all ? std::vector<std::string>{} : names(v);
      } else if (key == "error") {
         const auto b = parse_bool(v);
         if (!b) {
            o.problem = fmt::format("failed to parse check option {}: strconv.ParseBool: parsing {}: invalid syntax",
                                    ast::go_quote(part), ast::go_quote(v));
            return o;
         }
         read.error = *b;
      } else {
         o.problem = fmt::format("invalid check option {}", ast::go_quote(key));
         return o;
      }
   }
   return read;
}

lint_options lint_options_of(const ast::dockerfile& df, const config& cfg) {
   if (const auto it = cfg.build_args.find("BUILDKIT_DOCKERFILE_CHECK"); it != cfg.build_args.end()) {
      auto o = parse_lint_options(it->second);
      o.from_build_arg = true;
      return o;
   }
   for (const auto& d : df.directives) {
      if (d.key != "check") continue;
      std::string_view v = d.value;
      if (const auto space = v.find(' '); space != std::string_view::npos) v = v.substr(0, space);
      auto o = parse_lint_options(v);
      o.where = d.where;
      return o;
   }
   return {};
}

namespace {

// The `# check=...` comments above instructions: the lines of the instruction, and its options.
struct local_options {
   std::uint32_t first_line = 0, last_line = 0;
   lint_options options;
};

std::vector<local_options> instruction_options(const ast::dockerfile& df) {
   std::vector<local_options> out;
   for (const auto& c : df.comments) {
      if (c.in_continuation || c.next_instruction >= df.instructions.size()) continue;
      std::string_view t = ast::go_trim_space(c.text);
      if (!t.starts_with("check")) continue;
      t = ast::go_trim_space(t.substr(5));
      if (!t.starts_with('=')) continue;
      t = ast::go_trim_space(t.substr(1));
      if (const auto space = t.find_first_of(" \t"); space != std::string_view::npos) t = t.substr(0, space);
      auto o = parse_lint_options(t);
      if (o.problem) continue;
      const auto& inst = df.instructions[c.next_instruction];
      out.push_back({inst.start_line, std::max(inst.end_line, inst.start_line), std::move(o)});
   }
   return out;
}

}  // namespace

void apply_lint_options(const ast::dockerfile& df, const lint_options& options, const config* cfg,
                        std::vector<finding>& out, std::size_t first) {
   const auto local = instruction_options(df);
   const auto named_by_config = [&](const rule& r) {
      if (cfg == nullptr) return false;
      const auto exact = [&](const std::string& k) {
         return ast::iequals(k, r.id) || ast::iequals(k, r.name) ||
                std::any_of(r.aliases.begin(), r.aliases.end(), [&](std::string_view a) { return ast::iequals(k, a); });
      };
      if (std::any_of(cfg->select.begin(), cfg->select.end(), exact)) return true;
      const auto* s = cfg->find(r.id);
      return s != nullptr && s->level.has_value();
   };
   const auto drop = [&](const finding& f) {
      const rule* r = f.source_rule;
      if (r == nullptr || r->buildkit_check.empty() || !f.code.empty()) return false;
      if (r->experimental)
         return !options.experimental_all && !listed(options.experimental, *r) && !named_by_config(*r);
      if (options.skip_all || listed(options.skip, *r)) return true;
      return std::any_of(local.begin(), local.end(), [&](const local_options& l) {
         return f.start.line >= l.first_line && f.start.line <= l.last_line &&
                (l.options.skip_all || listed(l.options.skip, *r));
      });
   };
   out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), drop), out.end());
   if (!options.error) return;
   for (std::size_t i = first; i < out.size(); ++i) {
      if (out[i].source_rule != nullptr && !out[i].source_rule->buildkit_check.empty() && out[i].code.empty())
         out[i].level = severity::error;
   }
}

}  // namespace strata::engine
