#include "facts/conversion.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "ast/text.hpp"
#include "ast/unicode.hpp"
#include "facts/run_facts.hpp"
#include "parse/dockerfile_instructions.hpp"
#include "parse/shell_lexer.hpp"

namespace strata::facts {

namespace {

using ast::lower;
using ast::upper;
using parse::environment;

/// Images whose config sets no variable but PATH (their official images' history: `ENV PATH`
/// at most), so that a name the Dockerfile does not define is undefined in a stage built on them.
bool path_only_image(std::string_view image) {
   std::string repo = lower(image);
   if (const auto at = repo.find('@'); at != std::string::npos) repo.resize(at);
   if (const auto slash = repo.rfind('/'); repo.find(':', slash == std::string::npos ? 0 : slash) != std::string::npos)
      repo.resize(repo.find(':', slash == std::string::npos ? 0 : slash));
   for (const std::string_view prefix : {"docker.io/library/", "library/", "docker.io/"}) {
      if (repo.starts_with(prefix)) repo.erase(0, prefix.size());
   }
   static const std::set<std::string, std::less<>> images = {"alpine",
                                                             "busybox",
                                                             "debian",
                                                             "ubuntu",
                                                             "centos",
                                                             "fedora",
                                                             "rockylinux",
                                                             "almalinux",
                                                             "amazonlinux",
                                                             "oraclelinux",
                                                             "archlinux",
                                                             "opensuse/leap",
                                                             "opensuse/tumbleweed",
                                                             "photon",
                                                             "clearlinux",
                                                             "mageia",
                                                             "alt",
                                                             "cirros",
                                                             "sl"};
   return images.contains(repo);
}

/// A name an image's config would set: upper-case letters, digits and `_` only (GOPATH, JAVA_HOME).
bool image_style_name(std::string_view name) {
   return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
   });
}

/// An environment with its keys in the order they were set (the order BuildKit's suggestions see).
struct ordered_env {
   environment values;
   std::vector<std::string> order;
   void set(const std::string& k, const std::string& v) {
      if (!values.contains(k)) order.push_back(k);
      values[k] = v;
   }
};

/// One stage's state during dispatch.
struct stage_state {
   ordered_env env;
   std::set<std::string, std::less<>> declared;  ///< ARG keys, with or without a value (buildArgs)
   bool shell_set = false;
   bool workdir_set = false;
   bool env_known = true;
};

// containerd's platforms.Parse, far enough to tell the OS and architecture of a constant.
struct platform {
   std::string os, arch;
};
std::optional<platform> parse_platform(std::string_view text) {
   static const std::set<std::string, std::less<>> known_os = {
       "aix",   "android", "darwin", "dragonfly", "freebsd", "hurd",    "illumos", "ios", "js",
       "linux", "nacl",    "netbsd", "openbsd",   "plan9",   "solaris", "windows", "zos"};
   static const std::set<std::string, std::less<>> known_arch = {
       "386",     "amd64",   "amd64p32", "arm",    "armbe",  "arm64",    "arm64be",   "ppc64",
       "ppc64le", "loong64", "mips",     "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le",
       "ppc",     "riscv",   "riscv64",  "s390",   "s390x",  "sparc",    "sparc64",   "wasm"};
   if (text.find('*') != std::string_view::npos) return std::nullopt;
   std::vector<std::string> parts;
   std::size_t at = 0;
   while (true) {
      const auto slash = text.find('/', at);
      parts.push_back(lower(text.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at)));
      if (slash == std::string_view::npos) break;
      at = slash + 1;
   }
   for (const auto& p : parts) {
      if (p.empty() || !std::all_of(p.begin(), p.end(), [](char c) {
             return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
          }))
         return std::nullopt;
   }
   const auto arch = [](std::string a) {
      if (a == "i386") return std::string("386");
      if (a == "x86_64" || a == "x86-64") return std::string("amd64");
      if (a == "aarch64") return std::string("arm64");
      if (a == "armhf" || a == "armel") return std::string("arm");
      return a;
   };
   const auto os = [](std::string o) { return o == "macos" ? std::string("darwin") : o; };
   if (parts.size() == 1) {
      if (known_os.contains(os(parts[0]))) return platform{os(parts[0]), "amd64"};
      if (known_arch.contains(arch(parts[0]))) return platform{"linux", arch(parts[0])};
      return std::nullopt;
   }
   if (parts.size() > 3) return std::nullopt;
   return platform{os(parts[0]), arch(parts[1])};
}

/// The expansion of `word` with `env`, as ProcessWordWithMatches gives it.
parse::lex_result expand_word(std::string_view word, const environment& env, char escape, bool skip_quotes = false) {
   parse::lex_options options;
   options.escape = escape;
   options.skip_process_quotes = skip_quotes;
   return parse::process_word(word, env, options);
}

class converter {
public:
   converter(const ast::dockerfile& df, const build_request& request) : df_(df), request_(request) {}

   conversion run() {
      errors();
      global_args();
      reachability();
      froms();
      invalid_defaults();
      definitions();
      for (std::size_t s = 0; s < df_.stages.size(); ++s) dispatch(s);
      return std::move(out_);
   }

private:
   const ast::dockerfile& df_;
   const build_request& request_;
   conversion out_;
   environment global_;                            ///< globalArgs: automatic args then meta ARGs with a value
   std::set<std::string, std::less<>> meta_keys_;  ///< every meta ARG key (allArgs)
   std::vector<stage_state> finals_;               ///< per stage: the state after its last instruction

   [[nodiscard]] std::optional<std::string> build_arg(std::string_view key) const {
      const auto it = request_.build_args.find(key);
      if (it == request_.build_args.end()) return std::nullopt;
      return it->second;
   }

   void errors() {
      for (const auto& e : df_.errors) {
         if (e.layer == ast::error_layer::parser) {
            out_.parser_failed = true;
         } else if (e.layer == ast::error_layer::instructions) {
            // the base-image reference check runs in the conversion, after the parse-time checks
            if (e.message.starts_with("failed to parse stage name")) {
               out_.conversion_error_line = std::min(out_.conversion_error_line, e.where.start.line);
            } else {
               out_.instructions_error_line = std::min(out_.instructions_error_line, e.where.start.line);
            }
         } else {
            out_.conversion_error_line = std::min(out_.conversion_error_line, e.where.start.line);
         }
      }
   }

   // The meta ARGs (before the first FROM): `defaults_only` ignores the build args (as
   // InvalidDefaultArgInFrom's re-evaluation does) but for the automatic args.
   environment meta_args(bool defaults_only, bool& failed) {
      environment env;
      for (auto& [k, v] : automatic_args(request_)) env[k] = v;
      failed = false;
      for (const auto& inst : df_.instructions) {
         if (inst.name == "from") break;
         if (inst.name != "arg") continue;
         for (const auto& kv : inst.pairs) {
            if (!defaults_only) meta_keys_.insert(kv.key);
            if (const auto given = build_arg(kv.key); given && !defaults_only) {
               env[kv.key] = *given;
            } else if (kv.has_value) {
               auto r = expand_word(kv.value, env, df_.escape);
               if (r.error) {
                  failed = true;
                  continue;
               }
               env[kv.key] = r.result;
            }
         }
      }
      return env;
   }

   void definitions() {
      for (std::size_t i = 0; i < df_.instructions.size(); ++i) {
         const auto& inst = df_.instructions[i];
         std::vector<std::string> keys;
         if (inst.name == "from" && inst.words.size() == 3) keys.push_back(lower(inst.words[2].text));
         if (inst.name == "arg")
            for (const auto& kv : inst.pairs) keys.push_back(kv.key);
         if (keys.empty()) continue;
         // the comment lines right above the instruction; an empty `#` clears them
         const ast::comment* last = nullptr;
         for (const auto& c : df_.comments) {
            if (c.next_instruction == i && !c.in_continuation && c.where.start.line + 1 == inst.start_line) last = &c;
         }
         if (last == nullptr) continue;
         const std::string_view text = ast::go_trim_space(last->text);
         if (text.empty()) continue;
         const std::string_view first = text.substr(0, text.find(' '));
         if (std::find(keys.begin(), keys.end(), first) != keys.end()) continue;
         out_.definition_comments.push_back({i, keys.size() == 1 ? keys[0] : std::string("<arg_key>")});
      }
   }

   void global_args() {
      bool failed = false;
      global_ = meta_args(false, failed);
   }

   [[nodiscard]] std::vector<std::string> global_names() const {
      std::vector<std::string> names(meta_keys_.begin(), meta_keys_.end());
      for (const auto& [k, v] : global_) {
         if (!meta_keys_.contains(k)) names.push_back(k);
      }
      std::sort(names.begin(), names.end());
      return names;
   }

   // The stage an expanded FROM base names: an earlier stage, by its lowercased name.
   [[nodiscard]] std::optional<std::size_t> base_stage(std::size_t s) const {
      const auto& inst = df_.instructions[df_.stages[s].from_index];
      if (inst.words.empty()) return std::nullopt;
      const auto r = expand_word(inst.words[0].text, global_, df_.escape);
      if (r.error) return std::nullopt;
      for (std::size_t p = 0; p < s; ++p) {
         if (!df_.stages[p].name.empty() && lower(df_.stages[p].name) == r.result) return p;
      }
      return std::nullopt;
   }

   [[nodiscard]] std::optional<std::size_t> stage_named(std::string_view ref, std::size_t before) const {
      if (ref.empty()) return std::nullopt;
      const std::string key = lower(ref);
      for (std::size_t p = 0; p < before && p < df_.stages.size(); ++p) {
         if (!df_.stages[p].name.empty() && lower(df_.stages[p].name) == key) return p;
      }
      if (std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }) && key.size() < 10) {
         const auto n = static_cast<std::size_t>(std::stoul(key));
         if (n < before) return n;
      }
      return std::nullopt;
   }

   void reachability() {
      const std::size_t n = df_.stages.size();
      out_.dispatched.assign(n, request_.target.empty());
      if (request_.target.empty() || n == 0) return;
      std::optional<std::size_t> target;
      for (std::size_t s = 0; s < n; ++s) {
         if (lower(df_.stages[s].name) == lower(request_.target)) target = s;
      }
      if (!target) {
         out_.target_problem = "target stage \"" + request_.target + "\" could not be found";
         out_.dispatched.assign(n, true);
         return;
      }
      std::vector<std::size_t> todo = {*target};
      while (!todo.empty()) {
         const std::size_t s = todo.back();
         todo.pop_back();
         if (out_.dispatched[s]) continue;
         out_.dispatched[s] = true;
         if (auto b = base_stage(s)) todo.push_back(*b);
         const auto& st = df_.stages[s];
         for (std::size_t i = st.from_index + 1; i < st.end_index && i < df_.instructions.size(); ++i) {
            const auto& inst = df_.instructions[i];
            if (inst.name == "copy") {
               if (const auto* f = inst.find_flag("from"); f != nullptr && f->has_value) {
                  if (auto d = stage_named(f->value, s)) todo.push_back(*d);
               }
            } else if (inst.name == "run") {
               for (const auto& m : inst.mounts) {
                  if (auto d = stage_named(m.from, s)) todo.push_back(*d);
               }
            }
         }
      }
   }

   void froms() {
      const auto names = global_names();
      const auto undefined = [&](const parse::lex_result& r, std::size_t i, bool platform) {
         for (const auto& u : r.unmatched) {
            if (meta_keys_.contains(u) || global_.contains(u)) continue;
            out_.undefined_from_args.push_back({i, u, closest_name(u, names, true), platform});
         }
      };
      for (const auto& st : df_.stages) {
         const std::size_t i = st.from_index;
         const auto& inst = df_.instructions[i];
         if (!inst.words.empty()) undefined(expand_word(inst.words[0].text, global_, df_.escape), i, false);
         const auto* flag = inst.find_flag("platform");
         if (flag == nullptr) continue;
         const auto r = expand_word(flag->value, global_, df_.escape);
         undefined(r, i, true);
         if (r.error) continue;
         if (r.matched.size() == 1 && *r.matched.begin() == "TARGETPLATFORM" && r.unmatched.empty() &&
             r.result == global_["TARGETPLATFORM"]) {
            out_.redundant_target_platforms.push_back(i);
         }
         if (r.matched.empty() && r.unmatched.empty()) {
            if (const auto p = parse_platform(r.result)) {
               const std::string name = lower(st.name);
               if (name.find(p->os) == std::string::npos && name.find(p->arch) == std::string::npos)
                  out_.constant_platforms.emplace_back(i, r.result);
            }
         }
      }
   }

   void invalid_defaults() {
      bool failed = false;
      const environment defaults = meta_args(true, failed);
      if (failed) return;
      for (const auto& st : df_.stages) {
         const auto& inst = df_.instructions[st.from_index];
         if (inst.words.empty()) continue;
         const auto r = expand_word(inst.words[0].text, defaults, df_.escape);
         if (r.error) return;
         if (r.matched.empty() && r.unmatched.empty()) continue;  // a constant: ST0004's when it is not a reference
         if (r.result.empty() || !parse::check_image_reference(r.result).empty())
            out_.invalid_default_froms.push_back(st.from_index);
      }
   }

   // Reports the variables `r` looked up and did not find.
   void undefined(const parse::lex_result& r, std::size_t i, const stage_state& state) {
      for (const auto& u : r.unmatched) {
         if (state.declared.contains(u) || u == "BUILDKIT_SBOM_SCAN_CONTEXT" || u == "BUILDKIT_SBOM_SCAN_STAGE")
            continue;
         if (!state.env_known && image_style_name(u)) continue;  // the base image may set it
         out_.undefined_vars.push_back({i, u, closest_name(u, state.env.order, true), false});
      }
   }

   parse::lex_result check_word(std::string_view word, std::size_t i, const stage_state& state, bool report,
                                bool skip_quotes = false) {
      auto r = expand_word(word, state.env.values, skip_quotes ? '\\' : df_.escape, skip_quotes);
      if (report) undefined(r, i, state);
      return r;
   }

   void dispatch(std::size_t s) {
      const auto& st = df_.stages[s];
      const bool report = out_.dispatched[s];
      stage_state state;
      if (const auto b = base_stage(s); b && *b < finals_.size()) {
         state = finals_[*b];
      } else {
         const auto r = expand_word(st.image, global_, df_.escape);
         const std::string base = lower(r.result);
         state.env_known = base == "scratch" || path_only_image(base);
         state.env.set("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
      }
      std::map<std::string, std::size_t, std::less<>> last_of_kind;  // CMD/ENTRYPOINT/HEALTHCHECK: not inherited
      for (std::size_t i = st.from_index + 1; i < st.end_index && i < df_.instructions.size(); ++i) {
         const auto& inst = df_.instructions[i];
         const std::string& n = inst.name;
         if (n == "env" || n == "label") {
            std::vector<std::pair<std::string, std::string>> set;
            for (const auto& kv : inst.pairs) {
               const auto k = check_word(kv.key, i, state, report);
               const auto v = check_word(kv.value, i, state, report);
               // past strata's expansion limit (ST0007) the value is unknown but the name is set
               const bool too_long = v.error && parse::is_size_limit_error(*v.error);
               if (n == "env" && !k.error && (!v.error || too_long)) {
                  set.emplace_back(k.result, too_long ? std::string() : v.result);
                  if (report && names_secret(k.result)) out_.secret_keys.push_back({i, k.result});
               }
            }
            if (report && std::any_of(inst.pairs.begin(), inst.pairs.end(), [](const auto& kv) { return kv.legacy; }))
               out_.legacy_key_values.push_back(i);
            for (const auto& [k, v] : set) state.env.set(k, v);
         } else if (n == "arg") {
            for (const auto& kv : inst.pairs) {
               if (report && names_secret(kv.key)) out_.secret_keys.push_back({i, kv.key});
               state.declared.insert(kv.key);
               std::optional<std::string> value = build_arg(kv.key);
               if (!value && kv.has_value) {
                  const auto r = check_word(kv.value, i, state, report);
                  if (!r.error) value = r.result;
               }
               if (!value) {
                  if (const auto g = global_.find(kv.key); g != global_.end()) value = g->second;
               }
               if (value) state.env.set(kv.key, *value);
            }
         } else if (n == "cmd" || n == "entrypoint" || n == "healthcheck") {
            if (const auto prev = last_of_kind.find(n); prev != last_of_kind.end() && report)
               out_.overridden.push_back({prev->second, i});
            last_of_kind[n] = i;
            if (n != "healthcheck" && report && inst.form == ast::argument_form::shell && !state.shell_set)
               out_.shell_form_without_shell.push_back(i);
         } else if (n == "shell") {
            state.shell_set = !inst.words.empty();
         } else if (n == "workdir") {
            if (inst.words.empty()) continue;
            const auto r = check_word(inst.words[0].text, i, state, report);
            if (!state.workdir_set && report && !r.error && !is_absolute_path(r.result))
               out_.relative_first_workdirs.push_back(i);
            state.workdir_set = true;
         } else if (n == "user" || n == "stopsignal" || n == "volume") {
            for (const auto& w : inst.words) check_word(w.text, i, state, report);
         } else if (n == "run") {
            for (const auto& f : inst.flags) {
               if (f.name == "mount") check_word(f.value, i, state, report);
            }
         } else if (n == "copy" || n == "add") {
            copy(inst, i, state, report);
         } else if (n == "expose" && report) {
            expose(inst, i, state);
         }
      }
      finals_.push_back(std::move(state));
   }

   void copy(const ast::instruction& inst, std::size_t i, const stage_state& state, bool report) {
      for (const auto& f : inst.flags) {
         if (f.name == "chown" || f.name == "chmod" || (inst.name == "add" && f.name == "checksum"))
            check_word(f.value, i, state, report);
      }
      for (const auto& h : inst.heredocs) {
         if (h.expand) check_word(h.body, i, state, report, true);
      }
      const bool from_context = inst.name == "add" || inst.find_flag("from") == nullptr;
      for (std::size_t w = 0; w < inst.words.size(); ++w) {
         const auto& word = inst.words[w];
         if (!inst.heredocs.empty() && word.text.starts_with("<<")) continue;
         const auto r = check_word(word.text, i, state, report);
         const bool dest = w + 1 == inst.words.size();
         if (dest || !report || !from_context || r.error || r.result.empty()) continue;
         if (inst.name == "add") {
            const std::string l = lower(r.result);
            if (l.starts_with("http://") || l.starts_with("https://") || git_source_of(r.result)) continue;
         }
         out_.context_sources.push_back({i, r.result});
      }
   }

   void expose(const ast::instruction& inst, std::size_t i, const stage_state& state) {
      std::vector<std::string> ports;
      for (const auto& w : inst.words) ports.push_back(w.text);
      std::sort(ports.begin(), ports.end());
      for (const auto& raw : ports) {
         const auto r = expand_word(raw, state.env.values, df_.escape);
         if (r.error) continue;
         for (const auto& word : r.words) {
            std::vector<std::string> parts;
            std::size_t at = 0;
            while (true) {
               const auto c = word.find(':', at);
               parts.push_back(word.substr(at, c == std::string::npos ? std::string::npos : c - at));
               if (c == std::string::npos) break;
               at = c + 1;
            }
            const bool mapping = parts.size() > 1;  // a host port, an IP address, or both
            const std::string& container = parts.back();
            const auto slash = container.find('/');
            if (slash == 0 || container.empty()) continue;  // BuildKit: an error, no check
            const std::string proto = slash == std::string::npos ? "" : container.substr(slash + 1);
            const std::string lp = lower(proto);
            if (!lp.empty() && lp != "tcp" && lp != "udp" && lp != "sctp") continue;
            if (proto != lp || mapping) out_.expose_ports.push_back({i, word, proto != lp, mapping});
         }
      }
   }
};

}  // namespace

std::map<std::string, std::string, std::less<>> automatic_args(const build_request& request) {
   std::map<std::string, std::string, std::less<>> args = {{"BUILDPLATFORM", "linux/amd64"},
                                                           {"BUILDOS", "linux"},
                                                           {"BUILDOSVERSION", ""},
                                                           {"BUILDARCH", "amd64"},
                                                           {"BUILDVARIANT", ""},
                                                           {"TARGETPLATFORM", "linux/amd64"},
                                                           {"TARGETOS", "linux"},
                                                           {"TARGETOSVERSION", ""},
                                                           {"TARGETARCH", "amd64"},
                                                           {"TARGETVARIANT", ""},
                                                           {"TARGETSTAGE", request.target}};
   for (auto& [k, v] : args) {
      if (const auto it = request.build_args.find(k); it != request.build_args.end()) v = it->second;
   }
   return args;
}

bool is_absolute_path(std::string_view path) {
   if (path.starts_with('/') || path.starts_with('\\')) return true;
   // a Windows drive path (C:\go, C:/go): absolute for a Windows image, which is what it is written for
   return path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':' &&
          (path[2] == '\\' || path[2] == '/');
}

bool names_secret(std::string_view key) {
   static const std::set<std::string, std::less<>> secret = {"apikey",   "auth",  "credential", "credentials", "key",
                                                             "password", "pword", "passwd",     "secret",      "token"};
   bool found = false;
   std::size_t at = 0;
   const std::string k = lower(key);
   while (at <= k.size()) {
      auto end = k.find('_', at);
      if (end == std::string::npos) end = k.size();
      const std::string_view token = std::string_view(k).substr(at, end - at);
      // BuildKit's allowlist (public, file, version), and what names a public key: GPG_KEY,
      // PGP_KEY_ID, KEY_FINGERPRINT hold the fingerprint a download is verified against.
      if (token == "public" || token == "file" || token == "version" || token == "gpg" || token == "pgp" ||
          token == "gnupg" || token == "fingerprint")
         return false;
      if (secret.contains(token)) found = true;
      at = end + 1;
   }
   return found;
}

std::string closest_name(std::string_view value, const std::vector<std::string>& options, bool case_sensitive) {
   const std::string v = case_sensitive ? std::string(value) : lower(value);
   std::string best;
   std::size_t min = 3;
   for (const auto& opt : options) {
      const std::string o = case_sensitive ? opt : lower(opt);
      if (v == o) return "";
      const std::size_t d = parse::edit_distance(v, o);
      if (d < min) {
         min = d;
         if (case_sensitive) {
            best = opt;
         } else if (std::string_view(value) == lower(value)) {
            best = o;
         } else if (std::string_view(value) == upper(value)) {
            best = upper(o);
         } else {
            best = o;
         }
      }
   }
   return best;
}

conversion convert(const ast::dockerfile& df, const build_request& request) {
   return converter(df, request).run();
}

}  // namespace strata::facts
