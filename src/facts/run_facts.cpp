// Parses a RUN body and dispatches its commands to the fact extractors (extract.hpp).
#include "facts/run_facts.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>

#include <re2/re2.h>

#include "ast/shell_script.hpp"
#include "ast/text.hpp"
#include "ast/text_cache.hpp"
#include "facts/extract.hpp"
#include "parse/pwsh_parser.hpp"
#include "parse/sh_parser.hpp"

namespace strata::facts {

namespace {

using ast::lower;

// A shell word's text with quotes removed and backslash escapes resolved as sh does
// (`'a b'`, `"x \"y\" \$z"`, `a\ b`), expansions kept as written; map[i] is the body offset
// of value byte i (map.back(): just past the word). Within double quotes only `\\`, `\"`,
// `\$`, `` \` `` and a backslash-newline are escapes.
struct unquoted {
   std::string value;
   std::vector<std::size_t> map;
};

unquoted unquote(const ast::shell_word& w) {
   unquoted out;
   const std::string_view t = w.text;
   char quote = 0;
   for (std::size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      if (quote == 0 && (c == '\'' || c == '"')) {
         quote = c;
         continue;
      }
      if (quote != 0 && c == quote) {
         quote = 0;
         continue;
      }
      if (c == '\\' && quote != '\'' && i + 1 < t.size() &&
          (quote == 0 || std::string_view("\\\"$`\n").find(t[i + 1]) != std::string_view::npos)) {
         ++i;
         if (t[i] == '\n') continue;  // a line continuation
      }
      out.value += t[i];
      out.map.push_back(w.begin + i);
   }
   out.map.push_back(w.end);
   return out;
}

// The word holding the script of `sh -c SCRIPT`, `bash -ec SCRIPT`, `su [user] -c SCRIPT`,
// `su --command=SCRIPT`, `runuser -c SCRIPT`, or null.
const ast::shell_word* script_string(const ast::shell_command& sc, const command_query& q) {
   const auto& args = q.arguments();
   const bool su = q.is_any({"su", "runuser"});
   if (!su && shell_from_executable(q.program()) != shell_kind::sh) return nullptr;
   for (std::size_t k = 0; k < args.size(); ++k) {
      const argument& a = args[k];
      if (!a.option) continue;
      if (su && (a.name == "--command" || a.name.starts_with("--command="))) {
         if (a.value_index) return &sc.words[*a.value_index];
         if (a.name.size() > 10) return nullptr;  // `--command=...` in one word: not mapped
         return a.index + 1 < sc.words.size() ? &sc.words[a.index + 1] : nullptr;
      }
      if (a.name.starts_with("--") || a.name.find('c') == std::string::npos) continue;
      if (su) return a.name == "-c" && a.index + 1 < sc.words.size() ? &sc.words[a.index + 1] : nullptr;
      for (std::size_t o = k + 1; o < args.size(); ++o) {  // sh: the first operand after `-c`
         if (!args[o].option) return &sc.words[args[o].index];
      }
      return nullptr;
   }
   return nullptr;
}

// Whether `sc` may run a script string (script_string): a simple command, not too deep, with a
// word naming an sh-family shell, `su` or `runuser` (compared as shell_from_executable does:
// basename, any case, `.exe` removed). A cheap test before a command is viewed.
bool may_run_script(const ast::shell_command& sc) {
   if (sc.depth > 8 || sc.kind != ast::command_kind::simple) return false;
   static constexpr std::array<std::string_view, 9> names = {"sh",  "bash",    "ash", "dash",   "zsh",
                                                             "ksh", "busybox", "su",  "runuser"};
   return std::any_of(sc.words.begin(), sc.words.end(), [](const ast::shell_word& w) {
      const std::string_view v = basename_view(w.value);
      if (v.size() > 11) return false;
      std::array<char, 11> low{};
      for (std::size_t k = 0; k < v.size(); ++k)
         low[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(v[k])));
      std::string_view name(low.data(), v.size());
      if (name.ends_with(".exe")) name.remove_suffix(4);
      return std::find(names.begin(), names.end(), name) != names.end();
   });
}

// Parses the script strings of the shells a body runs (`sh -c '...'`) and lists their
// commands right after the command that runs them, one level deeper, marked in_string (see
// facts::command), with offsets into the body. Strings holding a command substitution the
// body's parse already lists (`sh -c "$(curl URL)"`) are left alone; nesting stops past depth 8.
void inline_script_strings(ast::shell_script& script, std::vector<bool>& in_string, std::string_view body) {
   in_string.assign(script.commands.size(), false);
   for (std::size_t i = 0; i < script.commands.size(); ++i) {
      if (!may_run_script(script.commands[i])) continue;
      const ast::shell_command sc = script.commands[i];  // a copy: commands are inserted below
      command c;
      for (const auto& w : sc.words) c.words.push_back({w.text, w.value, {}, w.literal});
      c.name = basename(c.words[0].value);
      const command_query q(c, false);
      const ast::shell_word* w = script_string(sc, q);
      if (w == nullptr || w->begin >= w->end || w->end > body.size()) continue;
      const bool listed_inside = std::any_of(script.commands.begin(), script.commands.end(), [&](const auto& o) {
         return &o != &script.commands[i] && w->begin <= o.begin && o.begin < w->end;
      });
      if (listed_inside) continue;
      const unquoted u = unquote(*w);
      ast::shell_script nested = parse::parse_sh(u.value);
      if (nested.commands.empty()) continue;
      auto begin_of = [&](std::size_t o) { return u.map[std::min(o, u.map.size() - 1)]; };
      auto end_of = [&](std::size_t o) { return o == 0 ? u.map[0] : u.map[std::min(o - 1, u.map.size() - 1)] + 1; };
      auto remap = [&](std::size_t& b, std::size_t& e) {
         b = begin_of(b);
         e = std::max(b, end_of(e));
      };
      const auto n = static_cast<int>(nested.commands.size());
      const int at = static_cast<int>(i) + 1;
      for (auto& o : script.commands) {
         if (o.piped_to >= at) o.piped_to += n;
      }
      for (auto& nc : nested.commands) {
         remap(nc.begin, nc.end);
         for (auto& x : nc.words) remap(x.begin, x.end);
         for (auto& x : nc.assignments) remap(x.begin, x.end);
         for (auto& r : nc.redirections) remap(r.target.begin, r.target.end);
         if (nc.piped_to >= 0) nc.piped_to += at;
         nc.depth += sc.depth + 1;
      }
      for (auto& a : nested.assignments) {
         remap(a.begin, a.end);
         remap(a.value.begin, a.value.end);
         for (auto& v : a.loop_values) remap(v.begin, v.end);
      }
      for (auto& r : nested.references) remap(r.begin, r.end);
      script.commands.insert(script.commands.begin() + at, std::make_move_iterator(nested.commands.begin()),
                             std::make_move_iterator(nested.commands.end()));
      in_string.insert(in_string.begin() + at, static_cast<std::size_t>(n), true);
      script.assignments.insert(script.assignments.end(), nested.assignments.begin(), nested.assignments.end());
      script.references.insert(script.references.end(), nested.references.begin(), nested.references.end());
   }
   std::stable_sort(script.assignments.begin(), script.assignments.end(),
                    [](const auto& a, const auto& b) { return a.begin < b.begin; });
   std::stable_sort(script.references.begin(), script.references.end(),
                    [](const auto& a, const auto& b) { return a.begin < b.begin; });
}

/// A body's parse with the scripts of its `sh -c` strings inlined (in_string[i]: command i is one of them).
struct parsed_body {
   ast::shell_script script;
   std::vector<bool> in_string;
};

std::shared_ptr<const parsed_body> parse_uncached(std::string_view body, bool pwsh) {
   auto p = std::make_shared<parsed_body>();
   p->script = pwsh ? parse::parse_pwsh(body) : parse::parse_sh(body);
   if (!pwsh) inline_script_strings(p->script, p->in_string, body);
   p->in_string.resize(p->script.commands.size(), false);
   return p;
}

/// The parses of the bodies seen so far on this thread, by shell and text (see ast::text_cache):
/// 71% of the RUN lines of a repo-info-2018 page repeat one above them, 99% one of another
/// page. Bodies of up to 16 KiB, about 1 MiB of body text per thread.
std::shared_ptr<const parsed_body> parse_body(std::string_view body, bool pwsh) {
   if (body.size() > ast::max_cached_text_bytes) return parse_uncached(body, pwsh);
   thread_local ast::text_cache<std::shared_ptr<const parsed_body>> cache(1024 * 1024);
   std::string key = ast::text_key(pwsh ? "pwsh" : "sh", body);
   if (const auto* p = cache.find(key)) return *p;
   auto p = parse_uncached(body, pwsh);
   const std::size_t cost = key.size();
   cache.insert(std::move(key), p, cost);
   return p;
}

// In this order for each command (a command's downloads before its verifications, its
// installs' cache flags before its cleanups).
const std::array<const extractor*, 4> extractors = {&download_extractor, &verification_extractor, &install_extractor,
                                                    &cleanup_extractor};

// Derives the facts of one body with spans relative to the body: `begin`/`end` are body
// offsets and the positions are unset, until relocate() maps them into the document.
class builder {
public:
   builder(std::string_view body, shell_kind shell) : body_(body), shell_(shell) {}

   /// The facts; the environment variables read on the way are appended to `reads`.
   run_facts build(const ast::environment* env, std::vector<expander::environment_read>& reads) {
      run_facts f;
      f.shell = shell_;
      if (shell_ != shell_kind::sh && shell_ != shell_kind::pwsh) return f;
      const bool pwsh = shell_ == shell_kind::pwsh;
      const auto parsed = parse_body(body_, pwsh);
      const ast::shell_script& script = parsed->script;
      const std::vector<bool>& in_string = parsed->in_string;
      f.parsed = script.parsed;
      if (!script.parsed) {
         f.error = script.error;
         const std::size_t at = std::min(script.error_offset, body_.size());
         f.error_where = span(at, std::min(at + 1, body_.size()));
      }
      f.commands.reserve(script.commands.size());
      for (std::size_t i = 0; i < script.commands.size(); ++i) {
         f.commands.push_back(convert(script.commands[i], pwsh));
         f.commands.back().in_string = in_string[i];
      }
      for (const auto& a : script.assignments) f.variables_set.push_back({a.name, a.value.value, span(a.begin, a.end)});
      for (const auto& r : script.references) f.variables_referenced.push_back({r.name, span(r.begin, r.end)});
      const expander vars(script, pwsh, env, &reads);
      std::vector<std::size_t> download_offsets;
      body_context cx{body_, script, pwsh, vars, download_offsets};
      for (std::size_t i = 0; i < f.commands.size(); ++i) {
         const command_query q(f.commands[i], pwsh);
         for (const extractor* e : extractors) {
            if (f.commands[i].in_string && e != &download_extractor && e != &verification_extractor) continue;
            if (e->handles(q, cx)) e->extract(f, i, q, cx);
         }
      }
      for (std::size_t k = 0; k < f.downloads.size(); ++k) {
         auto& d = f.downloads[k];
         d.expanded_url = vars.expand(d.url, download_offsets[k]);
         if (!d.output.empty()) d.output = vars.expand(d.output, download_offsets[k]);
      }
      associate(f);
      mark_executed(f);
      return f;
   }

private:
   std::string_view body_;
   shell_kind shell_;

   [[nodiscard]] static ast::span span(std::size_t b, std::size_t e) { return {b, e, {}, {}}; }

   [[nodiscard]] static shell_word word(const ast::shell_word& w) {
      return {w.text, w.value, span(w.begin, w.end), w.literal};
   }

   [[nodiscard]] static command convert(const ast::shell_command& c, bool pwsh) {
      command out;
      out.words.reserve(c.words.size());
      for (const auto& w : c.words) out.words.push_back(word(w));
      out.method = c.kind == ast::command_kind::method;
      out.name = pwsh ? out.words[0].value : basename(out.words[0].value);
      out.program = command_query::program_of(out, pwsh);
      out.where = span(c.begin, c.end);
      out.depth = c.depth;
      out.piped_to = c.piped_to;
      return out;
   }
};

// Calls `at(span&)` for every span of `f`.
template <typename F>
void each_span(run_facts& f, F&& at) {
   if (!f.parsed) at(f.error_where);  // else unset, as for a shell that is not parsed
   for (auto& c : f.commands) {
      at(c.where);
      for (auto& w : c.words) at(w.where);
   }
   for (auto& d : f.downloads) {
      at(d.where);
      at(d.url_where);
      if (d.verified_by) at(d.verified_by->where);
   }
   for (auto& v : f.verifications) at(v.where);
   for (auto& k : f.key_imports) at(k.where);
   for (auto& i : f.installs) at(i.where);
   for (auto& c : f.cleanups) at(c.where);
   for (auto& v : f.variables_set) at(v.where);
   for (auto& r : f.variables_referenced) at(r.where);
}

// Maps the body-relative spans of `f` (builder) into `source` through `map`.
void relocate(run_facts& f, const ast::offset_map& map, const ast::source_file& source) {
   ast::span_maker spans(source, map);
   each_span(f, [&](ast::span& s) { s = spans.make(s.begin, s.end); });
}

// About the heap bytes `f` holds (strings and vector elements): what the cache of facts counts.
std::size_t footprint(const run_facts& f) {
   std::size_t n = sizeof f + f.error.size();
   for (const auto& c : f.commands) {
      n += sizeof c + c.name.size() + c.program.size();
      for (const auto& w : c.words) n += sizeof w + w.text.size() + w.value.size();
   }
   for (const auto& d : f.downloads) n += sizeof d + d.url.size() + d.expanded_url.size() + d.output.size();
   n += f.verifications.size() * sizeof(verification) + f.key_imports.size() * sizeof(key_import) +
        f.installs.size() * sizeof(install) + f.cleanups.size() * sizeof(cleanup);
   for (const auto& v : f.variables_set) n += sizeof v + v.name.size() + v.value.size();
   for (const auto& r : f.variables_referenced) n += sizeof r + r.name.size();
   return n;
}

/// The body-relative facts of one body under one environment: valid for every environment
/// in which each variable of `reads` has the value listed.
struct derived_facts {
   std::vector<expander::environment_read> reads;
   run_facts facts;
};

/// The facts of a body with derived_facts::reads: valid where each variable has the value listed.
std::shared_ptr<const derived_facts> derive(std::string_view body, shell_kind shell, const ast::environment* env) {
   auto d = std::make_shared<derived_facts>();
   d->facts = builder(body, shell).build(env, d->reads);
   return d;
}

/// The facts derived so far on this thread, by shell and body text, each with the environment
/// variables it read (a history RUN repeats on every platform section of a page and on the
/// pages of an image, mostly with the same ENV before it): deriving is a pure function of the
/// text, the shell and those variables. At most `max_variants` environments per body, about
/// 1 MiB of facts (footprint) per thread (see ast::text_cache).
std::shared_ptr<const derived_facts> derived(std::string_view body, shell_kind shell, const ast::environment* env) {
   constexpr std::size_t max_variants = 8;
   if (body.size() > ast::max_cached_text_bytes) return derive(body, shell, env);
   using variants = std::vector<std::shared_ptr<const derived_facts>>;
   thread_local ast::text_cache<variants> cache(1024 * 1024);
   std::string key = ast::text_key(to_string(shell), body);
   const bool pwsh = shell == shell_kind::pwsh;
   variants* known = cache.find(key);
   if (known != nullptr) {
      for (const auto& v : *known) {
         const bool same = std::all_of(v->reads.begin(), v->reads.end(), [&](const expander::environment_read& r) {
            return expander::environment_value(env, r.name, pwsh) == r.value;
         });
         if (same) return v;
      }
   }
   auto d = derive(body, shell, env);
   if (known != nullptr && known->size() >= max_variants) return d;
   variants kept = known != nullptr ? *known : variants{};
   kept.push_back(d);
   const std::size_t cost = footprint(d->facts) + key.size();
   cache.insert(std::move(key), std::move(kept), cost);
   return d;
}

}  // namespace

bool listed(std::string_view list, std::string_view word) {
   // the words of the list hold no blank and are not empty: neither can `word` be
   if (word.empty() || word.find(' ') != std::string_view::npos) return false;
   for (auto at = list.find(word); at != std::string_view::npos; at = list.find(word, at + 1)) {
      const std::size_t end = at + word.size();
      if ((at == 0 || list[at - 1] == ' ') && (end == list.size() || list[end] == ' ')) return true;
   }
   return false;
}

std::string_view basename_view(std::string_view s) noexcept {
   // a loop rather than find_last_of("/\\"), which searches the set once per byte
   for (std::size_t i = s.size(); i > 0; --i) {
      if (s[i - 1] == '/' || s[i - 1] == '\\') return s.substr(i);
   }
   return s;
}

std::string basename(std::string_view s) {
   return std::string(basename_view(s));
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

bool plain_http(const download& d) {
   const std::string url = lower(d.expanded_url);
   if (!url.starts_with("http://")) return false;
   const std::string_view host = std::string_view(url).substr(7);
   return !(host.starts_with("localhost") || host.starts_with("127.") || host.starts_with("[::1]"));
}

std::optional<git_source> git_source_of(std::string_view url) {
   const auto hash = url.find('#');
   const std::string_view repo = url.substr(0, std::min(hash, url.size()));
   std::string_view path = repo;
   while (path.ends_with('/')) path.remove_suffix(1);
   if (!(url.starts_with("git://") || url.starts_with("git@") || path.ends_with(".git"))) return std::nullopt;
   git_source g;
   if (hash != std::string_view::npos) {
      const std::string_view fragment = url.substr(hash + 1);
      g.ref = std::string(fragment.substr(0, std::min(fragment.find(':'), fragment.size())));
   }
   static const RE2 commit("[0-9a-f]{40}|[0-9a-f]{64}");
   g.commit = RE2::FullMatch(g.ref, commit);
   return g;
}

run_facts analyze_run(std::string_view body, const ast::offset_map& map, const ast::source_file& source,
                      shell_kind shell, const ast::environment* env) {
   run_facts f = derived(body, shell, env)->facts;
   relocate(f, map, source);
   return f;
}

}  // namespace strata::facts
