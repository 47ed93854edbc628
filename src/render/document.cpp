#include "render/document.hpp"

#include "parse/docker_history_parser.hpp"
#include "parse/docs_readme_parser.hpp"
#include "parse/history_line.hpp"
#include "parse/image_config_parser.hpp"
#include "parse/library_parser.hpp"
#include "parse/values.hpp"
#include "render/local_page.hpp"
#include "render/model_json.hpp"
#include "render/tag_details.hpp"
#include "render/tag_page.hpp"

namespace strata::render {

namespace {

nlohmann::json json_or_text(const ast::text_value& v) {
   auto j = nlohmann::json::parse(v.text, nullptr, false);
   return j.is_discarded() ? nlohmann::json(v.text) : j;
}

template <typename T>
void put(nlohmann::json& j, const char* key, const std::optional<T>& v) {
   if (v) j[key] = v->text;
}

// What the history-line grammar read of an entry, without repeating its text: the
// form, the prefix kind and the form's values (`strata parse`-style ranges are left out).
nlohmann::json instruction_summary(const ast::history_instruction& inst) {
   auto full = to_json(inst);
   nlohmann::json j = {{"form", full["form"]}, {"prefix", full["prefix"]["kind"]}, {"known", inst.known}};
   if (!inst.elements.empty()) {
      auto& el = j["elements"] = nlohmann::json::array();
      for (const auto& e : inst.elements) el.push_back(e.text);
   }
   if (!inst.pairs.empty()) {
      auto& pairs = j["pairs"] = nlohmann::json::array();
      for (const auto& kv : inst.pairs) {
         nlohmann::json pj = {{"key", kv.key}};
         if (kv.has_value) pj["value"] = kv.value;
         pairs.push_back(std::move(pj));
      }
   }
   if (inst.prefix.build_arg_count) {
      auto& args = j["build_args"] = nlohmann::json::object();
      for (const auto& kv : inst.prefix.build_args) args[kv.key] = kv.value;
   }
   if (full.contains("source")) j["source"] = full["source"];
   if (full.contains("trigger")) j["trigger"] = full["trigger"];
   if (full.contains("problem")) j["problem"] = full["problem"];
   return j;
}

nlohmann::json tag_page_json(const ast::tag_page& page) {
   nlohmann::json j;
   j["kind"] = "tag-page";
   j["file"] = page.source.path();
   j["tag"] = page.ref.text;
   put(j, "repository", page.pull_name);
   put(j, "digest", page.digest);
   put(j, "manifest_mime", page.manifest_mime);
   if (page.platform_count) j["platform_count"] = *page.platform_count;
   auto& list = j["platform_list"] = nlohmann::json::array();
   for (const auto& p : page.platforms) list.push_back(p.text);
   if (page.does_not_exist) j["does_not_exist"] = true;
   auto& platforms = j["platforms"] = nlohmann::json::array();
   for (std::size_t i = 0; i < page.sections.size(); ++i) {
      const auto& s = page.sections[i];
      nlohmann::json p;
      p["index"] = i;
      p["line"] = s.header.start.line;
      p["platform"] = s.platform.text;
      p["tag"] = s.ref.text;
      put(p, "digest", s.digest);
      put(p, "docker_version", s.docker_version);
      put(p, "manifest_mime", s.manifest_mime);
      if (s.total_size) p["total_size"] = s.total_size->bytes;
      put(p, "image_id", s.image_id);
      if (s.entrypoint) p["entrypoint"] = json_or_text(*s.entrypoint);
      if (s.default_command) p["default_command"] = json_or_text(*s.default_command);
      if (s.shell) p["shell"] = json_or_text(*s.shell);
      auto& history = p["history"] = nlohmann::json::array();
      for (const auto& e : s.history) {
         nlohmann::json h = {{"created", parse::format_rfc3339(e.created.epoch)},
                             {"line", e.created.where.start.line},
                             {"instruction", e.keyword},
                             {"arguments", e.arguments},
                             {"text", e.text}};
         if (e.buildkit) h["buildkit"] = true;
         for (const auto& a : e.args) h["arg_lines"].push_back(to_json(a));
         h["parsed"] = instruction_summary(e.instruction);
         history.push_back(std::move(h));
      }
      auto& layers = p["layers"] = nlohmann::json::array();
      for (const auto& l : s.layers) {
         nlohmann::json lj = {{"digest", l.digest.text}, {"line", l.digest.where.start.line}};
         if (l.last_modified) lj["last_modified"] = parse::format_rfc3339(l.last_modified->epoch);
         if (l.size) lj["size"] = l.size->bytes;
         put(lj, "mime", l.mime);
         layers.push_back(std::move(lj));
      }
      platforms.push_back(std::move(p));
   }
   j["errors"] = errors_json(page.errors);
   return j;
}

}  // namespace

std::optional<std::string> normalized(const engine::document& doc) {
   if (doc.page) return render(*doc.page);
   if (doc.tag_details) return render(*doc.tag_details);
   if (doc.local_page) return render(*doc.local_page);
   return std::nullopt;
}

std::optional<nlohmann::json> model_json(const engine::document& doc) {
   const auto with_kind = [&](nlohmann::json j) {
      j["kind"] = engine::to_string(doc.kind);
      if (!j.contains("file")) j["file"] = doc.source().path();
      return j;
   };
   if (doc.page) return tag_page_json(*doc.page);
   if (doc.tag_details) return with_kind(to_json(*doc.tag_details));
   if (doc.local_page) return with_kind(to_json(*doc.local_page));
   if (doc.readme) return with_kind(to_json(*doc.readme));
   if (doc.library) return with_kind(to_json(*doc.library));
   if (doc.history) return with_kind(to_json(*doc.history));
   if (doc.config) return with_kind(to_json(*doc.config));
   return std::nullopt;
}

}  // namespace strata::render
