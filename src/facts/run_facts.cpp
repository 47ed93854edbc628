// Parses a RUN body and dispatches its commands to the fact extractors (extract.hpp).
#include "facts/run_facts.hpp"

#include <algorithm>
#include <array>

#include "ast/shell_script.hpp"
#include "ast/text.hpp"
#include "facts/extract.hpp"
#include "parse/pwsh_parser.hpp"
#include "parse/sh_parser.hpp"

namespace strata::facts {

namespace {

using ast::lower;

// In this order for each command (a command's downloads before its verifications, its
// installs' cache flags before its cleanups).
const std::array<const extractor*, 4> extractors = {&download_extractor, &verification_extractor, &install_extractor,
                                                    &cleanup_extractor};

class builder {
public:
   builder(std::string_view body, const ast::offset_map& map, const ast::source_file& source, shell_kind shell)
       : body_(body), map_(map), source_(source), shell_(shell) {}

   run_facts build(const ast::environment* env) {
      run_facts f;
      f.shell = shell_;
      if (shell_ != shell_kind::sh && shell_ != shell_kind::pwsh) return f;
      const bool pwsh = shell_ == shell_kind::pwsh;
      const ast::shell_script script = pwsh ? parse::parse_pwsh(body_) : parse::parse_sh(body_);
      f.parsed = script.parsed;
      if (!script.parsed) {
         f.error = script.error;
         const std::size_t at = std::min(script.error_offset, body_.size());
         f.error_where = span(at, std::min(at + 1, body_.size()));
      }
      for (const auto& c : script.commands) f.commands.push_back(convert(c, pwsh));
      for (const auto& a : script.assignments) f.variables_set.push_back({a.name, a.value.value, span(a.begin, a.end)});
      for (const auto& r : script.references) f.variables_referenced.push_back({r.name, span(r.begin, r.end)});
      const expander vars(script, pwsh, env);
      std::vector<std::size_t> download_offsets;
      body_context cx{body_, script, pwsh, vars, download_offsets};
      for (std::size_t i = 0; i < f.commands.size(); ++i) {
         const command_query q(f.commands[i], pwsh);
         for (const extractor* e : extractors) {
            if (e->handles(q, cx)) e->extract(f, i, q, cx);
         }
      }
      for (std::size_t k = 0; k < f.downloads.size(); ++k) {
         auto& d = f.downloads[k];
         d.expanded_url = vars.expand(d.url, download_offsets[k]);
         if (!d.output.empty()) d.output = vars.expand(d.output, download_offsets[k]);
      }
      associate(f);
      return f;
   }

private:
   std::string_view body_;
   const ast::offset_map& map_;
   const ast::source_file& source_;
   shell_kind shell_;

   [[nodiscard]] ast::span span(std::size_t b, std::size_t e) const { return source_.make_span(map_, b, e); }

   [[nodiscard]] shell_word word(const ast::shell_word& w) const {
      return {w.text, w.value, span(w.begin, w.end), w.literal};
   }

   [[nodiscard]] command convert(const ast::shell_command& c, bool pwsh) const {
      command out;
      for (const auto& w : c.words) out.words.push_back(word(w));
      out.method = c.kind == ast::command_kind::method;
      out.name = pwsh ? out.words[0].value : basename(out.words[0].value);
      out.where = span(c.begin, c.end);
      out.depth = c.depth;
      out.piped_to = c.piped_to;
      return out;
   }
};

}  // namespace

bool listed(std::string_view list, std::string_view word) {
   for (std::size_t p = 0; p < list.size();) {
      const auto b = list.find_first_not_of(' ', p);
      if (b == std::string_view::npos) break;
      const auto e = std::min(list.find(' ', b), list.size());
      if (list.substr(b, e - b) == word) return true;
      p = e;
   }
   return false;
}

std::string basename(std::string_view s) {
   const auto slash = s.find_last_of("/\\");
   return std::string(slash == std::string_view::npos ? s : s.substr(slash + 1));
}

std::string file_name(std::string_view s) {
   s = s.substr(0, std::min(s.find_first_of("?#"), s.size()));
   while (s.ends_with('/')) s.remove_suffix(1);
   return basename(s);
}

std::string_view to_string(shell_kind k) noexcept {
   switch (k) {
      case shell_kind::sh:
         return "sh";
      case shell_kind::pwsh:
         return "pwsh";
      case shell_kind::cmd:
         return "cmd";
      case shell_kind::unknown:
         break;
   }
   return "unknown";
}

shell_kind shell_from_executable(std::string_view executable) {
   std::string name = lower(basename(executable));
   if (name.ends_with(".exe")) {
      name.resize(name.size() - 4);
   }
   if (name == "powershell" || name == "pwsh") return shell_kind::pwsh;
   if (name == "cmd") return shell_kind::cmd;
   if (name == "sh" || name == "bash" || name == "ash" || name == "dash" || name == "zsh" || name == "ksh" ||
       name == "busybox") {
      return shell_kind::sh;
   }
   return shell_kind::unknown;
}

run_facts add_facts(const std::vector<shell_word>& sources, const std::optional<ast::span>& checksum,
                    std::string_view checksum_value) {
   run_facts f;
   for (const auto& w : sources) {
      if (w.value.find("://") == std::string::npos) continue;
      download d;
      d.tool = "ADD";
      d.url = w.value;
      d.expanded_url = d.url;
      d.where = w.where;
      d.url_where = w.where;
      if (checksum) d.verified_by = verification{"ADD --checksum", *checksum, {}, true, lower(checksum_value)};
      f.downloads.push_back(std::move(d));
   }
   return f;
}

run_facts analyze_run(std::string_view body, const ast::offset_map& map, const ast::source_file& source,
                      shell_kind shell, const ast::environment* env) {
   return builder(body, map, source, shell).build(env);
}

}  // namespace strata::facts
