#include "cli/settings.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "ast/text.hpp"
#include "engine/registry.hpp"

namespace strata::cli {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> comma_list(std::string_view value) {
   std::vector<std::string> out;
   std::stringstream ss{std::string(value)};
   std::string item;
   while (std::getline(ss, item, ',')) {
      item.erase(0, item.find_first_not_of(" \t"));
      item.erase(item.find_last_not_of(" \t") + 1);
      if (!item.empty()) out.push_back(item);
   }
   return out;
}

std::optional<std::string> env(const std::string& prefix, std::string_view name) {
   const char* v = std::getenv((prefix + std::string(name)).c_str());
   if (v == nullptr) return std::nullopt;
   return std::string(v);
}

void read_environment(const std::string& prefix, engine::config& c, std::vector<std::string>& warnings) {
   if (auto v = env(prefix, "NOFAIL")) c.no_fail = truthy(*v);
   if (auto v = env(prefix, "VERBOSE")) c.verbose = truthy(*v);
   if (auto v = env(prefix, "STRICT_LABELS")) c.strict_labels = truthy(*v);
   if (auto v = env(prefix, "DISABLE_IGNORE_PRAGMA")) c.disable_ignore_pragma = truthy(*v);
   if (auto v = env(prefix, "FORMAT")) {
      for (auto& f : comma_list(*v)) c.formats.push_back(std::move(f));
   }
   if (auto v = env(prefix, "FAILURE_THRESHOLD")) {
      if (engine::valid_threshold(*v)) {
         c.failure_threshold = *v;
      } else {
         warnings.push_back(fmt::format("{}FAILURE_THRESHOLD: `{}` is not a failure threshold; ignored", prefix, *v));
      }
   }
   const std::pair<std::string_view, engine::severity> levels[] = {{"OVERRIDE_ERROR", engine::severity::error},
                                                                   {"OVERRIDE_WARNING", engine::severity::warning},
                                                                   {"OVERRIDE_INFO", engine::severity::info},
                                                                   {"OVERRIDE_STYLE", engine::severity::style}};
   for (const auto& [name, level] : levels) {
      if (auto v = env(prefix, name)) add_overrides(c, level, comma_list(*v), warnings, prefix + std::string(name));
   }
   if (auto v = env(prefix, "IGNORE")) {
      for (auto& id : comma_list(*v)) {
         if (!engine::known_rule_key(id))
            warnings.push_back(fmt::format("{}IGNORE: `{}` names no rule (see `strata rules`); ignored", prefix, id));
         c.ignore.push_back(std::move(id));
      }
   }
   if (auto v = env(prefix, "TRUSTED_REGISTRIES")) {
      for (auto& r : comma_list(*v)) c.trusted_registries.push_back(std::move(r));
   }
   if (auto v = env(prefix, "REQUIRE_LABELS")) {
      for (const auto& item : comma_list(*v)) {
         engine::label_requirement l;
         std::string error;
         if (parse_label_requirement(item, l, error)) {
            c.label_schema.push_back(std::move(l));
         } else {
            warnings.push_back(fmt::format("{}REQUIRE_LABELS: {}; ignored", prefix, error));
         }
      }
   }
}

std::optional<std::string> first_existing(const fs::path& dir, std::initializer_list<std::string_view> names) {
   for (const auto name : names) {
      std::error_code ec;
      const fs::path p = dir / name;
      // anything of that name (a directory, a FIFO) is the config, so that reading it gives the error
      if (fs::exists(p, ec)) return p.string();
   }
   return std::nullopt;
}

// The first of `names` in `start` or a parent, up to the repository root.
std::optional<std::string> walk_up(fs::path start, std::initializer_list<std::string_view> names) {
   std::error_code ec;
   fs::path dir = fs::absolute(start, ec);
   if (ec) return std::nullopt;
   while (true) {
      if (auto found = first_existing(dir, names)) {
         // keep the path as short as the user would write it when it is in the working directory
         return found;
      }
      if (fs::exists(dir / ".git", ec)) return std::nullopt;  // the repository's root
      if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
      dir = dir.parent_path();
   }
}

std::optional<std::string> walk_for_config(const fs::path& start) {
   if (auto found = walk_up(start, {".strata.yaml", ".strata.yml"})) return found;
   return walk_up(start, {".hadolint.yaml", ".hadolint.yml"});
}

}  // namespace

bool truthy(std::string_view value) noexcept {
   const std::string v = ast::lower(value);
   return v == "1" || v == "y" || v == "on" || v == "true" || v == "yes";
}

bool parse_label_requirement(std::string_view item, engine::label_requirement& out, std::string& error) {
   const auto colon = item.find(':');
   out.name = std::string(item.substr(0, colon));
   out.type = colon == std::string_view::npos ? "" : std::string(item.substr(colon + 1));
   if (out.type.empty()) out.type = "text";
   if (out.name.empty()) {
      error = fmt::format("`{}` names no label (NAME:TYPE)", item);
      return false;
   }
   if (!engine::valid_label_type(out.type)) {
      error = fmt::format("`{}` is not a label type (text, url, semver, hash, rfc3339, spdx, email)", out.type);
      return false;
   }
   return true;
}

void add_overrides(engine::config& cfg, engine::severity level, const std::vector<std::string>& ids,
                   std::vector<std::string>& warnings, std::string_view source) {
   for (const auto& id : ids) {
      if (!engine::known_rule_key(id)) {
         warnings.push_back(fmt::format("{}: `{}` names no rule (see `strata rules`); ignored", source, id));
         continue;
      }
      const auto* found = engine::find_rule(id);
      auto& s = cfg.rules[found != nullptr ? std::string(found->definition->id) : id];
      if (!s.level || *s.level < level) s.level = level;
   }
}

engine::config config_from_environment(std::vector<std::string>& warnings) {
   engine::config c;
   read_environment("HADOLINT_", c, warnings);
   read_environment("STRATA_", c, warnings);
   if (const char* v = std::getenv("NO_COLOR"); v != nullptr) c.no_color = true;
   return c;
}

std::optional<std::string> discover_config(const std::vector<std::string>& inputs) {
   if (auto found = walk_for_config(".")) return found;
   for (const auto& input : inputs) {
      if (input == "-") continue;
      std::error_code ec;
      const fs::path p(input);
      const fs::path dir = fs::is_directory(p, ec) ? p : p.parent_path();
      if (auto found = walk_for_config(dir.empty() ? fs::path(".") : dir)) return found;
      break;  // only the first input
   }
   const char* xdg = std::getenv("XDG_CONFIG_HOME");
   const char* home = std::getenv("HOME");
   fs::path config_home;
   if (xdg != nullptr && *xdg != '\0') {
      config_home = xdg;
   } else if (home != nullptr && *home != '\0') {
      config_home = fs::path(home) / ".config";
   }
   if (!config_home.empty()) {
      if (auto found = first_existing(config_home / "strata", {"config.yaml", "config.yml"})) return found;
      if (auto found = first_existing(config_home, {"strata.yaml", "hadolint.yaml", "hadolint.yml"})) return found;
   }
   if (home != nullptr && *home != '\0') {
      const fs::path h(home);
      if (auto found = first_existing(h / ".hadolint", {"hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml"}))
         return found;
      if (auto found = first_existing(h, {".hadolint.yaml", ".hadolint.yml"})) return found;
   }
   return std::nullopt;
}

void merge_config(engine::config& base, const engine::config& later) {
   if (!later.path.empty()) base.path = later.path;
   if (!later.select.empty()) base.select = later.select;
   base.ignore.insert(base.ignore.end(), later.ignore.begin(), later.ignore.end());
   if (later.failure_threshold) base.failure_threshold = later.failure_threshold;
   for (const auto& [id, s] : later.rules) {
      auto& b = base.rules[id];
      if (s.level && (!b.level || *b.level < *s.level)) b.level = s.level;
      if (!s.enabled) b.enabled = false;
      for (const auto& [k, v] : s.options) b.options[k] = v;
   }
   base.trusted_registries.insert(base.trusted_registries.end(), later.trusted_registries.begin(),
                                  later.trusted_registries.end());
   for (const auto& l : later.label_schema) {
      std::erase_if(base.label_schema, [&](const engine::label_requirement& b) { return b.name == l.name; });
      base.label_schema.push_back(l);
   }
   base.strict_labels = base.strict_labels || later.strict_labels;
   base.disable_ignore_pragma = base.disable_ignore_pragma || later.disable_ignore_pragma;
   if (later.no_fail) base.no_fail = later.no_fail;
   if (later.no_color) base.no_color = later.no_color;
   if (later.verbose) base.verbose = later.verbose;
   base.formats.insert(base.formats.end(), later.formats.begin(), later.formats.end());
   base.warnings.insert(base.warnings.end(), later.warnings.begin(), later.warnings.end());
   if (later.verify_settings) base.verify_settings = later.verify_settings;
   for (const auto& [k, v] : later.build_args) base.build_args[k] = v;
   if (!later.target.empty()) base.target = later.target;
   if (!later.context_dir.empty()) base.context_dir = later.context_dir;
}

}  // namespace strata::cli
