#include "engine/config.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

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

void read_rule(const YAML::Node& n, rule_settings& r) {
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
         r.options[key] = kv.second.as<std::string>();
      }
   }
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
      const YAML::Node root = YAML::LoadFile(path);
      if (root.IsNull()) return c;  // an empty file
      if (!root.IsMap()) fail(root, "the config is a map (failure-threshold, select, ignore, rules)");
      for (const auto& kv : root) {
         const std::string key = kv.first.as<std::string>();
         if (key == "select") {
            c.select = string_list(kv.second, key);
         } else if (key == "ignore") {
            c.ignore = string_list(kv.second, key);
         } else if (key == "failure-threshold") {
            const std::string v = kv.second.as<std::string>();
            if (v != "none" && !severity_from_string(v))
               fail(kv.second, fmt::format("`{}` is not a failure threshold (error, warning, info, style, none)", v));
            c.failure_threshold = v;
         } else if (key == "rules") {
            if (!kv.second.IsMap()) fail(kv.second, "`rules` maps rule ids (or names) to settings");
            for (const auto& r : kv.second) {
               const std::string name = r.first.as<std::string>();
               const registered_rule* found = find_rule(name);
               if (found == nullptr) fail(r.first, fmt::format("no rule `{}` (see `strata rules`)", name));
               read_rule(r.second, c.rules[std::string(found->definition->id)]);
            }
         } else {
            fail(kv.first, fmt::format("unknown key `{}` (failure-threshold, select, ignore, rules)", key));
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
