#include "parse/image_config_parser.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "parse/go_string.hpp"
#include "parse/history_line.hpp"
#include "parse/values.hpp"

namespace strata::parse {

namespace {

using nlohmann::json;

// ---- the position scanner ---------------------------------------------------------
class scanner {
public:
   scanner(std::string_view s, unsigned max_depth, std::map<std::string, ast::byte_range, std::less<>>& out)
       : s_(s), max_depth_(max_depth), out_(out) {}

   void run() {
      if (s_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
      ws();
      if (pos_ < s_.size()) value(0, "");
   }

private:
   std::string_view s_;
   unsigned max_depth_;
   std::map<std::string, ast::byte_range, std::less<>>& out_;
   std::size_t pos_ = 0;

   [[nodiscard]] bool at_end() const { return pos_ >= s_.size(); }
   void ws() {
      while (!at_end() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
   }
   void skip_string() {
      ++pos_;  // opening quote
      while (!at_end() && s_[pos_] != '"') pos_ += s_[pos_] == '\\' ? 2 : 1;
      pos_ = std::min(pos_ + 1, s_.size());
   }
   /// Any value, without recursion.
   void skip_value() {
      if (at_end()) return;
      if (s_[pos_] == '"') return skip_string();
      if (s_[pos_] != '{' && s_[pos_] != '[') {
         while (!at_end() && s_[pos_] != ',' && s_[pos_] != ']' && s_[pos_] != '}' && s_[pos_] != ' ' &&
                s_[pos_] != '\t' && s_[pos_] != '\n' && s_[pos_] != '\r') {
            ++pos_;
         }
         return;
      }
      std::size_t depth = 0;
      while (!at_end()) {
         const char c = s_[pos_];
         if (c == '"') {
            skip_string();
            continue;
         }
         ++pos_;
         if (c == '{' || c == '[') ++depth;
         if ((c == '}' || c == ']') && --depth == 0) return;
      }
   }
   static std::string escape_key(std::string_view key) {
      std::string k;
      for (const char c : key) {
         if (c == '~')
            k += "~0";
         else if (c == '/')
            k += "~1";
         else
            k += c;
      }
      return k;
   }
   void value(unsigned depth, const std::string& path) {
      const std::size_t begin = pos_;
      const char c = s_[pos_];
      if (depth < max_depth_ && c == '{') {
         ++pos_;
         ws();
         while (!at_end() && s_[pos_] == '"') {
            const std::size_t kb = pos_;
            skip_string();
            ast::offset_map unused;
            const std::string key = decode_json_string(s_.substr(kb, pos_ - kb), kb, unused);
            ws();
            if (at_end() || s_[pos_] != ':') return;
            ++pos_;
            ws();
            if (at_end()) return;
            value(depth + 1, path + "/" + escape_key(key));
            ws();
            if (!at_end() && s_[pos_] == ',') {
               ++pos_;
               ws();
            }
         }
         if (!at_end() && s_[pos_] == '}') ++pos_;
      } else if (depth < max_depth_ && c == '[') {
         ++pos_;
         ws();
         std::size_t index = 0;
         while (!at_end() && s_[pos_] != ']') {
            const std::size_t before = pos_;
            value(depth + 1, path + "/" + std::to_string(index++));
            ws();
            if (!at_end() && s_[pos_] == ',') {
               ++pos_;
               ws();
            }
            if (pos_ == before) return;  // not JSON: stop rather than loop
         }
         if (!at_end()) ++pos_;
      } else {
         skip_value();
      }
      out_[path] = {begin, pos_};
   }
};

// ---- reading the document -------------------------------------------------------------
struct reader {
   ast::image_config_file& file;
   std::map<std::string, ast::byte_range, std::less<>> ranges;

   ast::span where(const std::string& pointer) const {
      const auto it = ranges.find(pointer);
      if (it == ranges.end()) return file.source.make_span(0, 0);
      return file.source.make_span(it->second.begin, it->second.end);
   }
   void error(const std::string& pointer, std::string message) {
      file.errors.push_back({std::move(message), where(pointer)});
   }

   const json* member(const json& obj, const std::string& pointer, std::string_view key, json::value_t type,
                      const char* type_name) {
      const auto it = obj.find(key);
      if (it == obj.end() || it->is_null()) return nullptr;
      if (it->type() != type) {
         error(pointer + "/" + std::string(key), fmt::format("`{}` is not {}", key, type_name));
         return nullptr;
      }
      return &*it;
   }
   std::string string_member(const json& obj, const std::string& pointer, std::string_view key) {
      const json* v = member(obj, pointer, key, json::value_t::string, "a string");
      return v ? v->get<std::string>() : std::string();
   }
   std::optional<std::vector<std::string>> string_array(const json& obj, const std::string& pointer,
                                                        std::string_view key) {
      const json* v = member(obj, pointer, key, json::value_t::array, "an array of strings");
      if (v == nullptr) return std::nullopt;
      std::vector<std::string> out;
      std::size_t i = 0;
      for (const auto& e : *v) {
         if (e.is_string()) {
            out.push_back(e.get<std::string>());
         } else {
            error(fmt::format("{}/{}/{}", pointer, key, i), fmt::format("`{}` item {} is not a string", key, i));
         }
         ++i;
      }
      return out;
   }
   std::vector<std::string> object_keys(const json& obj, const std::string& pointer, std::string_view key) {
      std::vector<std::string> out;
      if (const json* v = member(obj, pointer, key, json::value_t::object, "an object")) {
         for (const auto& [k, unused] : v->items()) out.push_back(k);
      }
      return out;  // nlohmann-json objects iterate sorted by key
   }
   std::optional<ast::timestamp> time_member(const json& obj, const std::string& pointer, std::string_view key) {
      const json* v = member(obj, pointer, key, json::value_t::string, "a string");
      if (v == nullptr) return std::nullopt;
      auto t = parse_rfc3339(v->get<std::string>());
      if (!t.valid) error(pointer + "/" + std::string(key), fmt::format("`{}` is not an RFC 3339 date", key));
      return t;
   }

   void read_config(const json& obj, const std::string& pointer, ast::container_config& c) {
      c.present = true;
      c.env = string_array(obj, pointer, "Env").value_or(std::vector<std::string>{});
      c.cmd = string_array(obj, pointer, "Cmd");
      c.entrypoint = string_array(obj, pointer, "Entrypoint");
      c.shell = string_array(obj, pointer, "Shell");
      if (const json* labels = member(obj, pointer, "Labels", json::value_t::object, "an object")) {
         for (const auto& [k, v] : labels->items()) {
            if (v.is_string()) {
               c.labels.emplace_back(k, v.get<std::string>());
            } else {
               error(pointer + "/Labels", fmt::format("label `{}` is not a string", k));
            }
         }
      }
      c.working_dir = string_member(obj, pointer, "WorkingDir");
      c.user = string_member(obj, pointer, "User");
      c.stop_signal = string_member(obj, pointer, "StopSignal");
      c.exposed_ports = object_keys(obj, pointer, "ExposedPorts");
      c.volumes = object_keys(obj, pointer, "Volumes");
      c.on_build = string_array(obj, pointer, "OnBuild").value_or(std::vector<std::string>{});
      if (const json* v = member(obj, pointer, "ArgsEscaped", json::value_t::boolean, "a boolean")) {
         c.args_escaped = v->get<bool>();
      }
   }

   void read_history(const json& arr, const std::string& pointer, ast::image_config& img) {
      std::size_t i = 0;
      for (const auto& e : arr) {
         const std::string ip = fmt::format("{}/{}", pointer, i);
         if (!e.is_object()) {
            error(ip, fmt::format("history item {} is not an object", i));
            ++i;
            continue;
         }
         ast::image_history_item h;
         h.index = i;
         h.where = where(ip);
         h.created = time_member(e, ip, "created");
         h.created_span = where(ip + "/created");
         if (member(e, ip, "created_by", json::value_t::string, "a string") != nullptr) {
            const auto it = ranges.find(ip + "/created_by");
            if (it != ranges.end()) {
               const std::string_view lit =
                   std::string_view(file.source.text()).substr(it->second.begin, it->second.size());
               h.created_by = decode_json_string(lit, it->second.begin, h.created_by_map);
               h.created_by_span = file.source.make_span(it->second.begin, it->second.end);
            }
            if (!h.created_by ||
                *h.created_by != e.at("created_by").get<std::string>()) {  // the scanner disagrees: keep the value
               h.created_by = e.at("created_by").get<std::string>();
               h.created_by_map = {};
            }
         }
         if (const json* v = member(e, ip, "empty_layer", json::value_t::boolean, "a boolean"))
            h.empty_layer = v->get<bool>();
         h.comment = string_member(e, ip, "comment");
         h.author = string_member(e, ip, "author");
         img.history.push_back(std::move(h));
         ++i;
      }
      // created_by with the SHELL in effect: the latest earlier SHELL entry, else config.Shell
      std::vector<std::string> shell = img.config.shell.value_or(std::vector<std::string>{});
      std::size_t layer = 0;
      for (auto& h : img.history) {
         if (h.created_by) {
            h.instruction = parse_history_instruction(*h.created_by, shell);
            if (h.instruction->keyword == "SHELL" && h.instruction->form == ast::history_form::bracket_list) {
               shell.clear();
               for (const auto& el : h.instruction->elements) shell.push_back(el.text);
            }
         }
         if (!h.empty_layer) {
            if (layer < img.diff_ids.size()) h.layer = layer;
            ++layer;
         }
      }
   }

   ast::image_config read_image(const json& obj, const std::string& pointer, bool inspect) {
      ast::image_config img;
      img.where = where(pointer);
      if (inspect) {
         img.id = string_member(obj, pointer, "Id");
         img.repo_tags = string_array(obj, pointer, "RepoTags").value_or(std::vector<std::string>{});
         img.repo_digests = string_array(obj, pointer, "RepoDigests").value_or(std::vector<std::string>{});
      }
      img.architecture = string_member(obj, pointer, inspect ? "Architecture" : "architecture");
      img.os = string_member(obj, pointer, inspect ? "Os" : "os");
      img.variant = string_member(obj, pointer, inspect ? "Variant" : "variant");
      img.os_version = string_member(obj, pointer, inspect ? "OsVersion" : "os.version");
      img.os_features =
          string_array(obj, pointer, inspect ? "OsFeatures" : "os.features").value_or(std::vector<std::string>{});
      img.created = time_member(obj, pointer, inspect ? "Created" : "created");
      img.author = string_member(obj, pointer, inspect ? "Author" : "author");
      img.docker_version = string_member(obj, pointer, inspect ? "DockerVersion" : "docker_version");
      const std::string config_key = inspect ? "Config" : "config";
      if (const json* c = member(obj, pointer, config_key, json::value_t::object, "an object")) {
         read_config(*c, pointer + "/" + config_key, img.config);
      }
      const std::string rootfs_key = inspect ? "RootFS" : "rootfs";
      if (const json* r = member(obj, pointer, rootfs_key, json::value_t::object, "an object")) {
         const std::string rp = pointer + "/" + rootfs_key;
         img.rootfs_type = string_member(*r, rp, inspect ? "Type" : "type");
         img.diff_ids = string_array(*r, rp, inspect ? "Layers" : "diff_ids").value_or(std::vector<std::string>{});
      }
      if (!inspect) {
         if (const json* h = member(obj, pointer, "history", json::value_t::array, "an array")) {
            read_history(*h, pointer + "/history", img);
         }
      }
      return img;
   }
};

bool is_inspect_item(const json& j) {
   return j.is_object() && j.contains("Config") && (j.contains("RootFS") || j.contains("Architecture"));
}

}  // namespace

std::map<std::string, ast::byte_range, std::less<>> json_value_ranges(std::string_view text, unsigned max_depth) {
   std::map<std::string, ast::byte_range, std::less<>> out;
   scanner(text, max_depth, out).run();
   return out;
}

ast::image_config_file parse_image_config(std::string path, std::string text) {
   ast::image_config_file file;
   file.source = ast::source_file(std::move(path), std::move(text));
   const std::string& t = file.source.text();
   json doc;
   try {
      doc = json::parse(t);
   } catch (const json::parse_error& e) {
      // e.byte: 1-based index of the last byte read
      const std::size_t at = e.byte == 0 ? 0 : std::min<std::size_t>(e.byte - 1, t.size());
      std::string what = e.what();
      if (const auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
      file.errors.push_back(
          {fmt::format("invalid JSON: {}", what), file.source.make_span(at, std::min(at + 1, t.size()))});
      return file;
   } catch (const std::exception& e) {
      file.errors.push_back({fmt::format("invalid JSON: {}", e.what()), file.source.make_span(0, 0)});
      return file;
   }
   try {
      reader r{file, json_value_ranges(t, 5)};
      if (doc.is_object()) {
         file.kind = ast::image_config_kind::config;
         if (!doc.contains("rootfs") && !doc.contains("history") && !doc.contains("architecture") &&
             !doc.contains("config")) {
            file.kind = ast::image_config_kind::unknown;
            r.error("", "a JSON object without `architecture`, `config`, `rootfs` or `history`: not an image config");
            return file;
         }
         file.images.push_back(r.read_image(doc, "", false));
      } else if (doc.is_array() && !doc.empty() && std::all_of(doc.begin(), doc.end(), is_inspect_item)) {
         file.kind = ast::image_config_kind::inspect;
         for (std::size_t i = 0; i < doc.size(); ++i)
            file.images.push_back(r.read_image(doc[i], fmt::format("/{}", i), true));
      } else {
         r.error("", "neither an image config object nor a `docker inspect` array of images");
      }
   } catch (const std::exception& e) {
      file.errors.push_back(
          {fmt::format("internal failure reading the image config: {}", e.what()), file.source.make_span(0, 0)});
   }
   return file;
}

namespace {
// Offset of the JSON value: after a BOM and white space; npos unless it starts with `{` or `[`.
std::size_t json_start(std::string_view text) {
   std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
   while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
   if (i == text.size() || (text[i] != '{' && text[i] != '[')) return std::string_view::npos;
   return i;
}
}  // namespace

bool looks_like_damaged_image_config(std::string_view text) {
   const std::size_t i = json_start(text);
   if (i == std::string_view::npos) return false;
   const bool names_a_key = text.find("\"rootfs\"") != std::string_view::npos ||
                            text.find("\"history\"") != std::string_view::npos ||
                            text.find("\"created_by\"") != std::string_view::npos;
   return names_a_key && !json::accept(text.substr(i));
}

bool looks_like_image_config(std::string_view text) {
   if (text.size() > (64U << 20U)) return false;
   const std::size_t i = json_start(text);
   if (i == std::string_view::npos) return false;
   const json doc = json::parse(text.substr(i), nullptr, false);
   if (doc.is_discarded()) return false;
   if (doc.is_object()) {
      const auto rootfs = doc.find("rootfs");
      const auto history = doc.find("history");
      return (rootfs != doc.end() && rootfs->is_object()) || (history != doc.end() && history->is_array());
   }
   return doc.is_array() && !doc.empty() && is_inspect_item(doc.front());
}

}  // namespace strata::parse
