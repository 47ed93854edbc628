#include "engine/config.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <span>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "engine/check.hpp"
#include "engine/inputs.hpp"
#include "engine/registry.hpp"

namespace strata::engine {

namespace {

struct config_error {
   std::string message;
   YAML::Mark mark;
};

[[noreturn]] void fail(const YAML::Node& n, std::string message) {
   throw config_error{std::move(message), n.Mark()};
}

std::vector<std::string> string_list(const YAML::Node& n, std::string_view key) {
   std::vector<std::string> out;
   if (n.IsScalar()) {
      out.push_back(n.as<std::string>());
   } else if (n.IsSequence()) {
      for (const auto& item : n) {
         if (!item.IsScalar()) fail(item, fmt::format("`{}` holds rule ids, names or prefixes (strings)", key));
         out.push_back(item.as<std::string>());
      }
   } else if (!n.IsNull()) {
      fail(n, fmt::format("`{}` is a list of rule ids, names or prefixes", key));
   }
   return out;
}

severity level_of(const YAML::Node& n) {
   const auto s = severity_from_string(n.as<std::string>());
   if (!s) fail(n, fmt::format("`{}` is not a severity (error, warning, info, style, or off)", n.as<std::string>()));
   return *s;
}

void read_rule(const YAML::Node& n, rule_settings& r, const rule* definition) {
   if (n.IsScalar()) {
      const std::string v = n.as<std::string>();
      if (v == "off" || v == "false" || v == "disabled") {
         r.enabled = false;
      } else {
         r.level = level_of(n);
      }
      return;
   }
   if (!n.IsMap()) fail(n, "a rule's setting is a severity, `off`, or a map (severity, enabled, options)");
   for (const auto& kv : n) {
      const std::string key = kv.first.as<std::string>();
      if (!kv.second.IsScalar()) fail(kv.second, fmt::format("`{}` takes a single value", key));
      if (key == "severity") {
         if (kv.second.as<std::string>() == "off") {
            r.enabled = false;
         } else {
            r.level = level_of(kv.second);
         }
      } else if (key == "enabled") {
         bool on = true;
         if (!YAML::convert<bool>::decode(kv.second, on)) fail(kv.second, "`enabled` is true or false");
         r.enabled = on;
      } else {
         const auto& declared = definition != nullptr ? definition->options : std::span<const rule_option>{};
         const auto option =
             std::find_if(declared.begin(), declared.end(), [&](const rule_option& o) { return o.name == key; });
         if (definition != nullptr && option == declared.end()) {
            std::string known;
            for (const auto& o : declared) known += fmt::format("{}`{}`", known.empty() ? "" : ", ", o.name);
            fail(kv.first, fmt::format("{} has no option `{}`{}", definition->id, key,
                                       known.empty() ? " (it takes none)" : " (it takes " + known + ")"));
         }
         const std::string value = kv.second.as<std::string>();
         if (option != declared.end()) {
            double number = 0;
            const auto* end = value.data() + value.size();
            const auto [ptr, ec] = std::from_chars(value.data(), end, number);
            if (ec != std::errc() || ptr != end || !std::isfinite(number) || number < option->min ||
                number > option->max) {
               fail(kv.second, fmt::format("`{}` is a number from {} to {}: {}, not `{}`", key, option->min,
                                           option->max, option->meaning, value));
            }
         }
         if (!r.options.emplace(key, value).second) fail(kv.first, fmt::format("`{}` is given twice", key));
      }
   }
}

bool read_bool(const YAML::Node& n, std::string_view key) {
   bool on = false;
   if (!n.IsScalar() || !YAML::convert<bool>::decode(n, on)) fail(n, fmt::format("`{}` is true or false", key));
   return on;
}

std::string where(const std::string& path, const YAML::Node& n) {
   return fmt::format("{}:{}:{}", path, n.Mark().line + 1, n.Mark().column + 1);
}

// A list of rule keys (`ignore`, `ignored`, an `override` level); unknown ones are warnings.
std::vector<std::string> rule_keys(const YAML::Node& n, std::string_view key, config& c) {
   auto out = string_list(n, key);
   for (const auto& k : out) {
      if (!known_rule_key(k))
         c.warnings.push_back(fmt::format("{}: `{}` names no rule (see `strata rules`); ignored", where(c.path, n), k));
   }
   return out;
}

// hadolint's `override: {error: [..], warning: [..], info: [..], style: [..]}`: when an id is
// in several lists the highest severity wins, as in hadolint.
void read_override(const YAML::Node& n, config& c) {
   if (!n.IsMap()) fail(n, "`override` maps error, warning, info and style to lists of rule ids");
   for (const auto& kv : n) {
      const std::string level_name = kv.first.as<std::string>();
      const auto level = severity_from_string(level_name);
      if (!level || level_name == "note")
         fail(kv.first, fmt::format("`{}` is not a severity (error, warning, info, style)", level_name));
      for (const auto& k : rule_keys(kv.second, level_name, c)) {
         const registered_rule* found = find_rule(k);
         auto& settings = c.rules[found != nullptr ? std::string(found->definition->id) : k];
         if (!settings.level || *settings.level < *level) settings.level = level;
      }
   }
}

void read_label_schema(const YAML::Node& n, config& c) {
   if (!n.IsMap()) fail(n, "`label-schema` maps label names to types (text, url, semver, hash, rfc3339, spdx, email)");
   for (const auto& kv : n) {
      const std::string name = kv.first.as<std::string>();
      const std::string type = kv.second.IsNull() ? "text" : kv.second.as<std::string>();
      if (!valid_label_type(type))
         fail(kv.second, fmt::format("`{}` is not a label type (text, url, semver, hash, rfc3339, spdx, email)", type));
      std::erase_if(c.label_schema, [&](const label_requirement& l) { return l.name == name; });
      c.label_schema.push_back({name, type});
   }
}

// One top-level key of hadolint's config; false when `key` is not one of them.
bool read_hadolint_key(const std::string& key, const YAML::Node& value, config& c) {
   if (key == "ignored") {
      const auto keys = rule_keys(value, key, c);
      c.ignore.insert(c.ignore.end(), keys.begin(), keys.end());
   } else if (key == "override") {
      read_override(value, c);
   } else if (key == "trustedRegistries") {
      const auto regs = string_list(value, key);
      c.trusted_registries.insert(c.trusted_registries.end(), regs.begin(), regs.end());
   } else if (key == "label-schema") {
      read_label_schema(value, c);
   } else if (key == "strict-labels") {
      c.strict_labels = read_bool(value, key);
   } else if (key == "disable-ignore-pragma") {
      c.disable_ignore_pragma = read_bool(value, key);
   } else if (key == "no-fail") {
      c.no_fail = read_bool(value, key);
   } else if (key == "no-color") {
      c.no_color = read_bool(value, key);
   } else if (key == "verbose") {
      c.verbose = read_bool(value, key);
   } else if (key == "format" || key == "formats") {
      const auto formats = string_list(value, key);
      c.formats.insert(c.formats.end(), formats.begin(), formats.end());
   } else {
      return false;
   }
   return true;
}

}  // namespace

bool valid_threshold(std::string_view name) noexcept {
   return name == "none" || name == "ignore" || (name != "note" && severity_from_string(name).has_value());
}

bool valid_label_type(std::string_view type) noexcept {
   for (std::string_view t : {"text", "url", "semver", "hash", "rfc3339", "spdx", "email"})
      if (type == t) return true;
   return false;
}

namespace {

// A path of the config file: relative to the file's directory; named from the working
// directory when below it (messages, snapshots).
std::string relative_to(const std::string& config_path, const YAML::Node& v, std::string_view key) {
   if (!v.IsScalar()) fail(v, fmt::format("`{}` is a path", key));
   const std::filesystem::path dir = std::filesystem::path(config_path).parent_path();
   const std::filesystem::path p(v.as<std::string>());
   if (p.is_absolute() || dir.empty()) return p.lexically_normal().string();
   std::error_code ec;
   const auto full = std::filesystem::absolute(dir / p, ec).lexically_normal();
   const auto rel = std::filesystem::proximate(full, std::filesystem::current_path(ec), ec);
   return (!ec && !rel.empty() && *rel.begin() != ".." ? rel : full).string();
}

// The `verify:` section: library (a path or a list), source, dockerfile, build-args (a map),
// target; paths relative to the config file's directory.
verify::settings read_verify(const YAML::Node& n, const std::string& config_path) {
   if (!n.IsMap()) fail(n, "`verify` maps library, source, dockerfile, build-args and target to values");
   auto resolve = [&](const YAML::Node& v, std::string_view key) {
      return relative_to(config_path, v, fmt::format("verify.{}", key));
   };
   verify::settings s;
   for (const auto& kv : n) {
      const std::string key = kv.first.as<std::string>();
      if (key == "library") {
         if (kv.second.IsSequence()) {
            for (const auto& item : kv.second) s.libraries.push_back(resolve(item, key));
         } else {
            s.libraries.push_back(resolve(kv.second, key));
         }
      } else if (key == "source") {
         s.source = resolve(kv.second, key);
      } else if (key == "dockerfile") {
         s.dockerfile = resolve(kv.second, key);
      } else if (key == "target") {
         s.target = kv.second.as<std::string>();
      } else if (key == "build-args") {
         if (!kv.second.IsMap()) fail(kv.second, "`verify.build-args` maps names to values");
         for (const auto& a : kv.second) s.build_args[a.first.as<std::string>()] = a.second.as<std::string>();
      } else {
         fail(kv.first, fmt::format("unknown key `verify.{}` (library, source, dockerfile, build-args, target)", key));
      }
   }
   return s;
}

}  // namespace

const rule_settings* config::find(std::string_view id) const {
   const auto it = rules.find(id);
   return it == rules.end() ? nullptr : &it->second;
}

std::optional<config> read_config(const std::string& path, std::string& error) {
   config c;
   c.path = path;
   try {
      std::string text;
      if (!read_file(path, text, error)) {
         error = path + ": " + error;
         return std::nullopt;
      }
      const YAML::Node root = YAML::Load(text);
      if (root.IsNull()) return c;  // an empty file
      if (!root.IsMap()) fail(root, "the config is a map (failure-threshold, select, ignore, rules)");
      for (const auto& kv : root) {
         const std::string key = kv.first.as<std::string>();
         if (key == "select") {
            c.select = string_list(kv.second, key);
         } else if (key == "ignore") {
            const auto keys = rule_keys(kv.second, key, c);
            c.ignore.insert(c.ignore.end(), keys.begin(), keys.end());
         } else if (key == "failure-threshold") {
            const std::string v = kv.second.as<std::string>();
            if (!valid_threshold(v))
               fail(kv.second,
                    fmt::format("`{}` is not a failure threshold (error, warning, info, style, ignore, none)", v));
            c.failure_threshold = v;
         } else if (key == "rules") {
            if (!kv.second.IsMap()) fail(kv.second, "`rules` maps rule ids (or names) to settings");
            for (const auto& r : kv.second) {
               const std::string name = r.first.as<std::string>();
               const registered_rule* found = find_rule(name);
               if (found == nullptr && !known_rule_key(name)) {
                  c.warnings.push_back(
                      fmt::format("{}: no rule `{}` (see `strata rules`); ignored", where(path, r.first), name));
                  continue;
               }
               read_rule(r.second, c.rules[found != nullptr ? std::string(found->definition->id) : name],
                         found != nullptr ? found->definition : nullptr);
            }
         } else if (key == "verify") {
            c.verify_settings = read_verify(kv.second, path);
         } else if (key == "build-args") {
            if (!kv.second.IsMap()) fail(kv.second, "`build-args` maps ARG names to values");
            for (const auto& a : kv.second) {
               if (!a.second.IsScalar()) fail(a.second, "a build arg's value is a string");
               c.build_args[a.first.as<std::string>()] = a.second.as<std::string>();
            }
         } else if (key == "target") {
            if (!kv.second.IsScalar()) fail(kv.second, "`target` names a build stage");
            c.target = kv.second.as<std::string>();
         } else if (key == "context") {
            c.context_dir = relative_to(path, kv.second, key);
         } else if (!read_hadolint_key(key, kv.second, c)) {
            fail(kv.first, fmt::format("unknown key `{}` (failure-threshold, select, ignore, rules, or hadolint's "
                                       "ignored, override, trustedRegistries, label-schema, strict-labels, ...)",
                                       key));
         }
      }
   } catch (const config_error& e) {
      error = fmt::format("{}:{}:{}: {}", path, e.mark.line + 1, e.mark.column + 1, e.message);
      return std::nullopt;
   } catch (const YAML::BadFile&) {
      error = fmt::format("{}: cannot read the file", path);
      return std::nullopt;
   } catch (const YAML::Exception& e) {
      error = e.mark.is_null() ? fmt::format("{}: {}", path, e.msg)
                               : fmt::format("{}:{}:{}: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg);
      return std::nullopt;
   }
   return c;
}

}  // namespace strata::engine
