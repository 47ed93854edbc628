#include "parse/dockerfile_instructions.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "ast/text.hpp"
#include "ast/unicode.hpp"
#include "grammar/image_reference.hpp"
#include "parse/dockerfile_parser.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;

namespace {

using ast::lower;
using ast::upper;

/// BuildKit's suggest.WrapError: " (did you mean x?)" for the closest option within 2 edits.
std::string suggestion(std::string_view value, const std::vector<std::string_view>& options, bool case_sensitive) {
   const std::string v = case_sensitive ? std::string(value) : lower(value);
   std::string_view best;
   std::size_t best_distance = 3;
   for (const auto o : options) {
      const std::size_t d = edit_distance(v, case_sensitive ? std::string(o) : lower(o));
      if (d < best_distance) {
         best_distance = d;
         best = o;
      }
   }
   if (best.empty() || best_distance >= v.size()) return "";
   return fmt::format(" (did you mean {}?)", best);
}

/// An instructions-layer error and where it is.
struct problem {
   std::string message;
   ast::span where;
};

enum class flag_kind { string, boolean, strings, duration, integer };
struct flag_spec {
   std::string_view name;
   flag_kind kind;
};

const std::vector<flag_spec>* allowed_flags(const ast::instruction& inst) {
   static const std::vector<flag_spec> none;
   static const std::vector<flag_spec> from = {{"platform", flag_kind::string}};
   static const std::vector<flag_spec> add = {{"chown", flag_kind::string},    {"chmod", flag_kind::string},
                                              {"link", flag_kind::boolean},    {"keep-git-dir", flag_kind::boolean},
                                              {"checksum", flag_kind::string}, {"unpack", flag_kind::boolean},
                                              {"exclude", flag_kind::strings}};
   static const std::vector<flag_spec> copy = {{"chown", flag_kind::string},    {"from", flag_kind::string},
                                               {"chmod", flag_kind::string},    {"link", flag_kind::boolean},
                                               {"exclude", flag_kind::strings}, {"parents", flag_kind::boolean}};
   static const std::vector<flag_spec> run = {{"mount", flag_kind::strings},
                                              {"network", flag_kind::string},
                                              {"security", flag_kind::string},
                                              {"device", flag_kind::strings}};
   static const std::vector<flag_spec> healthcheck = {{"interval", flag_kind::duration},
                                                      {"timeout", flag_kind::duration},
                                                      {"start-period", flag_kind::duration},
                                                      {"start-interval", flag_kind::duration},
                                                      {"retries", flag_kind::integer}};
   const std::string& n = inst.name;
   if (n == "arg" || n == "stopsignal") return nullptr;  // never validated
   if (n == "healthcheck") {
      if (!inst.words.empty() && upper(inst.words[0].text) == "NONE") return nullptr;
      return &healthcheck;
   }
   if (n == "from") return &from;
   if (n == "add") return &add;
   if (n == "copy") return &copy;
   if (n == "run") return &run;
   return &none;
}

/// Go's time.ParseDuration; the value in nanoseconds, or nullopt when invalid.
std::optional<double> parse_duration(std::string_view s) {
   bool neg = false;
   if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
      neg = s[0] == '-';
      s.remove_prefix(1);
   }
   if (s == "0") return 0.0;
   if (s.empty()) return std::nullopt;
   double total = 0;
   while (!s.empty()) {
      std::size_t i = 0;
      double v = 0;
      bool digits = false;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
         v = v * 10 + (s[i] - '0');
         ++i;
         digits = true;
      }
      if (i < s.size() && s[i] == '.') {
         ++i;
         double scale = 0.1;
         while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            v += (s[i] - '0') * scale;
            scale /= 10;
            ++i;
            digits = true;
         }
      }
      if (!digits) return std::nullopt;
      std::size_t u = i;
      while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) ++u;
      const std::string_view unit = s.substr(i, u - i);
      double mult = 0;
      if (unit == "ns")
         mult = 1;
      else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
         mult = 1e3;
      else if (unit == "ms")
         mult = 1e6;
      else if (unit == "s")
         mult = 1e9;
      else if (unit == "m")
         mult = 60e9;
      else if (unit == "h")
         mult = 3600e9;
      else
         return std::nullopt;
      total += v * mult;
      s.remove_prefix(u);
   }
   return neg ? -total : total;
}

std::optional<problem> check_flags(const ast::instruction& inst) {
   const auto* allowed = allowed_flags(inst);
   if (allowed == nullptr) return std::nullopt;
   std::vector<std::string> used;
   for (const auto& f : inst.flags) {
      const auto spec = std::find_if(allowed->begin(), allowed->end(), [&](const auto& s) { return s.name == f.name; });
      if (spec == allowed->end()) {
         std::vector<std::string_view> names;
         for (const auto& a : *allowed) names.push_back(a.name);
         return problem{fmt::format("unknown flag: --{}{}", f.name, suggestion(f.name, names, true)), f.where};
      }
      if (std::find(used.begin(), used.end(), f.name) != used.end() && spec->kind != flag_kind::strings) {
         return problem{fmt::format("duplicate flag specified: --{}", f.name), f.where};
      }
      used.push_back(f.name);
      switch (spec->kind) {
         case flag_kind::boolean: {
            if (f.has_value && f.value.empty())
               return problem{fmt::format("missing a value on flag: --{}", f.name), f.where};
            const std::string v = lower(f.value);
            if (!v.empty() && v != "true" && v != "false") {
               return problem{fmt::format("expecting boolean value for flag --{}, not: {}", f.name, f.value), f.where};
            }
            break;
         }
         case flag_kind::duration:
            if (!f.has_value) return problem{fmt::format("missing a value on flag: --{}", f.name), f.where};
            if (!f.value.empty()) {
               const auto d = parse_duration(f.value);
               if (!d) return problem{fmt::format("time: invalid duration {}", ast::go_quote(f.value)), f.where};
               if (*d != 0 && *d < 1e6)
                  return problem{fmt::format("Interval \"{}\" cannot be less than 1ms", f.name), f.where};
            }
            break;
         case flag_kind::integer: {
            if (!f.has_value) return problem{fmt::format("missing a value on flag: --{}", f.name), f.where};
            if (f.value.empty()) break;
            std::string_view v = f.value;
            const bool neg = v.front() == '-';
            if (v.front() == '-' || v.front() == '+') v.remove_prefix(1);
            if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
               return problem{fmt::format("strconv.ParseInt: parsing {}: invalid syntax", ast::go_quote(f.value)),
                              f.where};
            }
            if (neg && v.find_first_not_of('0') != std::string_view::npos) {
               return problem{fmt::format("--retries cannot be negative ({})", f.value), f.where};
            }
            break;
         }
         default:
            if (!f.has_value) return problem{fmt::format("missing a value on flag: --{}", f.name), f.where};
      }
   }
   return std::nullopt;
}

bool valid_stage_name(std::string_view name) {
   const std::string n = lower(name);
   if (n.empty() || n[0] < 'a' || n[0] > 'z') return false;
   return std::all_of(n.begin(), n.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
   });
}

bool is_heredoc_word(std::string_view w) {
   const auto docs = heredocs_from_line(w);
   return !docs.docs.empty();
}

std::optional<problem> check_instruction(const ast::instruction& inst) {
   const std::string& n = inst.name;
   const std::string N = upper(n);
   if (!inst.known) {
      return problem{
          fmt::format("unknown instruction: {}{}", inst.keyword, suggestion(inst.keyword, known_instructions(), false)),
          inst.keyword_span};
   }
   if (n == "env" || n == "label" || n == "arg") {
      if (inst.pairs.empty()) return problem{fmt::format("{} requires at least one argument", N), inst.where};
      for (const auto& kv : inst.pairs) {
         if (kv.key.empty()) return problem{fmt::format("{} names can not be blank", N), kv.key_span};
      }
   } else if (n == "onbuild") {
      if (inst.trigger.empty()) return problem{"ONBUILD requires at least one argument", inst.where};
      const auto& t = inst.trigger.front();
      if (t.name == "onbuild") return problem{"Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", inst.where};
      if (t.name == "from" || t.name == "maintainer")
         return problem{fmt::format("{} isn't allowed as an ONBUILD trigger", upper(t.name)), inst.where};
   } else if (n == "expose" || n == "volume" || n == "shell") {
      if (inst.words.empty()) return problem{fmt::format("{} requires at least one argument", N), inst.where};
      if (n == "shell" && inst.form != ast::argument_form::exec)
         return problem{"SHELL requires the arguments to be in JSON form", inst.where};
      if (n == "volume") {
         for (const auto& w : inst.words) {
            if (ast::go_trim_space(w.text).empty())
               return problem{"VOLUME specified can not be an empty string", inst.where};
         }
      }
   } else if (n == "maintainer" || n == "workdir" || n == "user" || n == "stopsignal") {
      if (inst.words.size() != 1) return problem{fmt::format("{} requires exactly one argument", N), inst.where};
   } else if (n == "add" || n == "copy") {
      if (inst.words.size() < 2) {
         return problem{
             fmt::format(
                 "{} requires at least two arguments, but only one was provided. Destination could not be determined",
                 N),
             inst.where};
      }
      if (inst.form == ast::argument_form::shell && is_heredoc_word(inst.words.back().text)) {
         return problem{fmt::format("{} cannot accept a heredoc as a destination", N), inst.where};
      }
   } else if (n == "from") {
      const auto& w = inst.words;
      if (!(w.size() == 1 || (w.size() == 3 && ast::iequals(w[1].text, "as")))) {
         return problem{"FROM requires either one or three arguments", inst.where};
      }
      if (w.size() == 3 && !valid_stage_name(w[2].text)) {
         return problem{
             fmt::format("invalid name for build stage: {}, name can't start with a number or contain symbols",
                         ast::go_quote(w[2].text)),
             w[2].where};
      }
   } else if (n == "healthcheck") {
      if (inst.words.empty()) return problem{"HEALTHCHECK requires at least one argument", inst.where};
      const std::string type = upper(inst.words[0].text);
      if (type == "NONE") {
         if (inst.words.size() > 1) return problem{"HEALTHCHECK NONE takes no arguments", inst.where};
      } else if (type == "CMD") {
         if (inst.words.size() < 2) return problem{"Missing command after HEALTHCHECK CMD", inst.where};
      } else {
         return problem{fmt::format("Unknown type {} in HEALTHCHECK (try CMD)", ast::go_quote(type)), inst.where};
      }
   }
   return check_flags(inst);
}

}  // namespace

std::string check_image_reference(std::string_view reference) {
   namespace r = strata::grammar::image_reference;
   if (reference.empty()) return "repository name must have at least one component";
   if (reference.size() == 64 && std::all_of(reference.begin(), reference.end(),
                                             [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })) {
      return fmt::format("invalid repository name ({}), cannot specify 64-byte hexadecimal strings", reference);
   }
   // reference.splitDockerDomain
   const auto slash = reference.find('/');
   bool has_domain = false;
   if (slash != std::string_view::npos) {
      const std::string_view first = reference.substr(0, slash);
      has_domain = first.find_first_of(".:") != std::string_view::npos || first == "localhost" || lower(first) != first;
   }
   const std::string_view remainder = has_domain ? reference.substr(slash + 1) : reference;
   const std::string_view remote = remainder.substr(0, remainder.find(':'));
   if (lower(remote) != remote) {
      return fmt::format("invalid reference format: repository name ({}) must be lowercase", remote);
   }
   pegtl::memory_input in(reference.data(), reference.data() + reference.size(), "");
   bool ok = false;
   try {
      ok = has_domain ? pegtl::parse<r::with_domain>(in) : pegtl::parse<r::without_domain>(in);
   } catch (const pegtl::parse_error&) {
   }
   if (!ok) return "invalid reference format";
   return "";
}

namespace {

// Go encoding/csv Reader.Read of one record with the default settings: fields split at
// `,`; a field starting with `"` is quoted (`""` is a quote, `,` allowed); a `"` elsewhere
// is an error.
std::optional<std::string> read_csv(std::string_view text, std::vector<std::string>& fields) {
   if (text.empty()) return "EOF";
   std::size_t pos = 0;
   for (;;) {
      std::string field;
      if (pos < text.size() && text[pos] == '"') {
         std::size_t i = pos + 1;
         for (;;) {
            const auto q = text.find('"', i);
            if (q == std::string_view::npos) {
               return fmt::format("parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                                  text.size() + 1);
            }
            field.append(text.substr(i, q - i));
            if (q + 1 < text.size() && text[q + 1] == '"') {
               field += '"';
               i = q + 2;
               continue;
            }
            if (q + 1 == text.size() || text[q + 1] == ',') {
               pos = q + 1;
               break;
            }
            return fmt::format("parse error on line 1, column {}: extraneous or missing \" in quoted-field", q + 2);
         }
      } else {
         const auto comma = std::min(text.find(',', pos), text.size());
         const std::string_view f = text.substr(pos, comma - pos);
         if (const auto q = f.find('"'); q != std::string_view::npos) {
            return fmt::format("parse error on line 1, column {}: bare \" in non-quoted-field", pos + q + 1);
         }
         field = std::string(f);
         pos = comma;
      }
      fields.push_back(std::move(field));
      if (pos >= text.size()) return std::nullopt;
      ++pos;  // the comma
   }
}

// Go strconv.ParseBool.
std::optional<bool> parse_bool(std::string_view v) {
   for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"})
      if (v == t) return true;
   for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"})
      if (v == f) return false;
   return std::nullopt;
}

}  // namespace

ast::mount parse_mount(std::string_view value, const ast::span& where) {
   ast::mount m;
   m.where = where;
   std::vector<std::string> fields;
   if (auto err = read_csv(value, fields)) {
      m.error = "failed to parse csv mounts: " + *err;
      return m;
   }
   bool read_only_auto = true;
   auto fail = [&](std::string message) {
      m.error = std::move(message);
      return m;
   };
   for (const auto& field : fields) {
      const auto eq = field.find('=');
      const std::string key = lower(std::string_view(field).substr(0, eq));
      const std::string v = eq == std::string::npos ? std::string() : field.substr(eq + 1);
      m.fields.emplace_back(key, v);
      const bool secret_or_ssh = m.type == "secret" || m.type == "ssh";
      if (eq == std::string::npos) {
         if (key == "readonly" || key == "ro" || key == "readwrite" || key == "rw") {
            m.readonly = key == "readonly" || key == "ro";
            read_only_auto = false;
            continue;
         }
         if (key == "required") {
            if (!secret_or_ssh) return fail(fmt::format("unexpected key '{}' for mount type '{}'", key, m.type));
            m.required = true;
            continue;
         }
      }
      if (key == "type") {
         const std::string t = lower(v);
         if (t != "bind" && t != "cache" && t != "tmpfs" && t != "secret" && t != "ssh") {
            return fail(fmt::format("unsupported mount type {}", ast::go_quote(v)));
         }
         m.type = t;
      } else if (key == "from") {
         m.from = v;
      } else if (key == "source" || key == "src") {
         m.source = v;
      } else if (key == "target" || key == "dst" || key == "destination") {
         m.target = v;
      } else if (key == "readonly" || key == "ro" || key == "readwrite" || key == "rw") {
         const auto b = parse_bool(v);
         if (!b) return fail(fmt::format("invalid value for {}: {}", key, v));
         m.readonly = (key == "readonly" || key == "ro") ? *b : !*b;
         read_only_auto = false;
      } else if (key == "required") {
         if (!secret_or_ssh) return fail(fmt::format("unexpected key '{}' for mount type '{}'", key, m.type));
         const auto b = parse_bool(v);
         if (!b) return fail(fmt::format("invalid value for {}: {}", key, v));
         m.required = *b;
      } else if (key == "id") {
         m.id = v;
      } else if (key == "sharing") {
         if (m.type != "cache") return fail(fmt::format("unexpected key '{}' for mount type '{}'", key, m.type));
         const std::string s = lower(v);
         if (s != "shared" && s != "private" && s != "locked")
            return fail(fmt::format("unsupported sharing value {}", ast::go_quote(v)));
         m.sharing = s;
      } else if (key == "mode") {
         m.mode = v;
      } else if (key == "uid") {
         m.uid = v;
      } else if (key == "gid") {
         m.gid = v;
      } else if (key == "size") {
         m.size = v;
      } else if (key == "env") {
         m.env = v;
      } else {
         return fail(fmt::format("unexpected key '{}' in '{}'", key, field));
      }
   }
   if (read_only_auto) m.readonly = m.type != "cache" && m.type != "tmpfs";
   return m;
}

namespace {

// The `--mount` flags of a RUN, and of the RUN an ONBUILD triggers.
void set_mounts(ast::instruction& inst) {
   for (auto& t : inst.trigger) set_mounts(t);
   if (inst.name != "run") return;
   for (const auto& f : inst.flags) {
      if (f.name == "mount") inst.mounts.push_back(parse_mount(f.value, f.where));
   }
}

// The earlier stage a `--from` / `from=` / FROM base names: a stage name
// (case-insensitive) or a stage index; none for an image or a later stage.
std::optional<std::size_t> named_stage(const ast::dockerfile& df, std::string_view ref, std::size_t before) {
   if (ref.empty()) return std::nullopt;
   const std::string key = lower(ref);
   for (std::size_t s = 0; s < before && s < df.stages.size(); ++s) {
      if (!df.stages[s].name.empty() && lower(df.stages[s].name) == key) return s;
   }
   if (std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }) && key.size() < 10) {
      const auto n = static_cast<std::size_t>(std::stoul(key));
      if (n < before && n < df.stages.size()) return n;
   }
   return std::nullopt;
}

void mark_stage_uses(ast::dockerfile& df) {
   if (!df.stages.empty()) df.stages.back().final = true;
   for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      const auto& inst = df.instructions[i];
      if (inst.stage >= df.stages.size()) continue;
      std::vector<std::size_t> used;
      if (inst.name == "from") {
         const auto& st = df.stages[inst.stage];
         for (std::size_t s = 0; s < inst.stage; ++s) {  // by name only: `FROM 0` is an image
            if (!df.stages[s].name.empty() && lower(df.stages[s].name) == lower(st.image_expanded)) used.push_back(s);
         }
      } else if (inst.name == "copy") {
         if (const auto* f = inst.find_flag("from"); f != nullptr && f->has_value) {
            if (auto s = named_stage(df, f->value, inst.stage)) used.push_back(*s);
         }
      } else if (inst.name == "run") {
         for (const auto& m : inst.mounts) {
            if (auto s = named_stage(df, m.from, inst.stage)) used.push_back(*s);
         }
      }
      for (const std::size_t s : used) {
         auto& target = df.stages[s];
         target.reused = true;
         if (target.reused_by.empty() || target.reused_by.back() != i) target.reused_by.push_back(i);
      }
   }
}

}  // namespace

lex_result expand(const ast::dockerfile& df, const ast::instruction& inst, std::string_view word, bool keep_unknown) {
   lex_options options;
   options.escape = df.escape;
   options.skip_unset_env = keep_unknown;
   static const ast::environment empty;
   return process_word(word, inst.variables ? *inst.variables : empty, options);
}

void finish_dockerfile(ast::dockerfile& df) {
   // instructions layer
   for (const auto& inst : df.instructions) {
      if (auto p = check_instruction(inst)) {
         df.errors.push_back({std::move(p->message), p->where, ast::error_layer::instructions});
      }
   }

   // build stages, variables in scope, and the base-image check
   lex_options options;
   options.escape = df.escape;
   options.skip_unset_env = true;
   ast::environment global;  // the global ARGs with a known value
   auto global_snapshot = std::make_shared<const ast::environment>();
   std::shared_ptr<const ast::environment> current;  // the stage's ARG + ENV values
   std::vector<std::pair<std::string, std::shared_ptr<const ast::environment>>> stage_env;  // name -> ENV values
   std::shared_ptr<const ast::environment> env_only;
   bool in_stage = false;
   // declared ARGs without a known value: global, and the current stage's
   ast::name_set global_declared;
   auto global_declared_snapshot = std::make_shared<const ast::name_set>();
   std::shared_ptr<const ast::name_set> declared = global_declared_snapshot;
   const ast::instruction* at = nullptr;  // the instruction value_of expands for
   auto value_of = [&](const std::string& raw, const ast::environment& env) -> std::optional<std::string> {
      auto r = process_word(raw, env, options);
      if (r.error) {
         if (at != nullptr && is_size_limit_error(*r.error)) {
            df.errors.push_back({fmt::format("{} expands to more than {} bytes; strata treats the value as unknown",
                                             ast::go_quote(raw.size() > 60 ? raw.substr(0, 57) + "..." : raw),
                                             options.max_result_bytes),
                                 at->where, ast::error_layer::limits});
         }
         return std::nullopt;
      }
      return std::move(r.result);
   };
   for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      auto& inst = df.instructions[i];
      at = &inst;
      set_mounts(inst);  // every RUN: also before the first FROM, and the RUN of an ONBUILD
      if (inst.name == "from") {
         if (in_stage && !df.stages.empty()) {
            df.stages.back().end_index = i;
            stage_env.emplace_back(lower(df.stages.back().name), env_only);
         }
         inst.variables = global_snapshot;  // FROM expands with the global ARGs only
         inst.declared_args = global_declared_snapshot;
         inst.stage = df.stages.size();
         in_stage = true;
         declared = std::make_shared<const ast::name_set>();
         ast::stage st;
         st.index = df.stages.size();
         st.from_index = i;
         st.end_index = df.instructions.size();
         if (!inst.words.empty()) {
            st.image = inst.words[0].text;
            st.image_span = inst.words[0].where;
         } else {
            st.image_span = inst.where;
         }
         if (inst.words.size() == 3 && ast::iequals(inst.words[1].text, "as")) st.name = inst.words[2].text;
         // a stage built on an earlier stage inherits its ENV values
         env_only = std::make_shared<const ast::environment>();
         st.image_expanded = value_of(st.image, *global_snapshot).value_or(st.image);
         const std::string base = lower(st.image_expanded);
         const auto parent = std::find_if(stage_env.begin(), stage_env.end(),
                                          [&](const auto& p) { return !p.first.empty() && p.first == base; });
         if (parent != stage_env.end()) {
            env_only = parent->second;
         } else if (!st.image.empty() && st.image.find('$') == std::string::npos && base != "scratch") {
            const std::string problem = check_image_reference(st.image);
            if (!problem.empty()) {
               df.errors.push_back({fmt::format("failed to parse stage name {}: {}", ast::go_quote(st.image), problem),
                                    st.image_span,
                                    problem == "invalid reference format" ? ast::error_layer::instructions
                                                                          : ast::error_layer::image_name});
            }
         }
         current = env_only;
         df.stages.push_back(std::move(st));
         continue;
      }
      if (!in_stage) {
         inst.variables = global_snapshot;
         inst.declared_args = global_declared_snapshot;
         if (inst.name == "arg") {
            for (const auto& kv : inst.pairs) {
               std::optional<std::string> v;
               if (kv.has_value) v = value_of(kv.value, global);
               if (v) {
                  global = global.set(kv.key, *v);
                  global_declared = global_declared.erase(kv.key);
               } else if (!global.contains(kv.key)) {
                  global_declared = global_declared.set(kv.key, {});
               }
            }
            global_snapshot = std::make_shared<const ast::environment>(global);
            global_declared_snapshot = std::make_shared<const ast::name_set>(global_declared);
         }
         continue;
      }
      inst.variables = current;
      inst.declared_args = declared;
      inst.stage = df.stages.size() - 1;
      if (inst.name == "arg") {
         ast::environment next = *current;
         ast::name_set next_declared = *declared;
         for (const auto& kv : inst.pairs) {
            std::optional<std::string> v;
            if (kv.has_value) {
               v = value_of(kv.value, *current);
            } else if (const auto* g = global.find(kv.key)) {
               v = g->second;
            }
            if (v) {
               next = next.set(kv.key, *v);
               next_declared = next_declared.erase(kv.key);
            } else if (!next.contains(kv.key)) {
               next_declared = next_declared.set(kv.key, {});
            }
         }
         current = std::make_shared<const ast::environment>(std::move(next));
         declared = std::make_shared<const ast::name_set>(std::move(next_declared));
      } else if (inst.name == "env") {
         ast::environment next = *current;
         ast::environment next_env = *env_only;
         for (const auto& kv : inst.pairs) {
            const auto k = value_of(kv.key, *current);
            const auto v = value_of(kv.value, *current);
            if (k && v) {
               next = next.set(*k, *v);
               next_env = next_env.set(*k, *v);
               if (declared->contains(*k)) declared = std::make_shared<const ast::name_set>(declared->erase(*k));
            }
         }
         current = std::make_shared<const ast::environment>(std::move(next));
         env_only = std::make_shared<const ast::environment>(std::move(next_env));
      }
   }
   if (!df.stages.empty()) df.stages.back().end_index = df.instructions.size();
   mark_stage_uses(df);
   std::stable_sort(df.errors.begin(), df.errors.end(),
                    [](const auto& a, const auto& b) { return a.where.begin < b.where.begin; });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
   std::vector<std::size_t> row(b.size() + 1);
   for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
   for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diag = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
         const std::size_t up = row[j];
         row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
         diag = up;
      }
   }
   return row[b.size()];
}

}  // namespace strata::parse
