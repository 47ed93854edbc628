#include "render/tag_details.hpp"

#include <fmt/format.h>

#include "parse/tag_details_parser.hpp"
#include "parse/values.hpp"
#include "render/model_json.hpp"

namespace strata::render {
namespace {

std::string size_text(const ast::size_value& s) {
   // a size whose byte count could not be read keeps its text
   return parse::parse_size_bytes(s.text) || s.text.empty() ? parse::format_size(s.bytes) : s.text;
}

std::string date_text(const ast::date_value& d) {
   if (parse::is_rfc1123_of(d.text, d.epoch)) return d.text;  // already canonical
   return parse::parse_rfc1123(d.text) || d.text.empty() ? parse::format_rfc1123(d.epoch) : d.text;
}

/// `"` and `\` escaped with `\`, as the generator writes `# ARG:` values.
std::string escape_arg(std::string_view s) {
   std::string out;
   for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
   }
   return out;
}

void render_command(std::string& out, const ast::layer_command& c) {
   out += "\n```dockerfile\n";
   for (const auto& a : c.build_args) {
      out += fmt::format("# ARG: \"{}\" => \"{}\"\n", escape_arg(a.name), escape_arg(a.value));
   }
   if (c.args) out += fmt::format("# ARGS: {}\n", c.args->text);
   if (c.unparsed) out += "# unable to parse image command string further:\n";
   out += c.wrapped ? parse::wrap_command(c.text) : c.text;
   out += "\n```\n";
}

void render_layer(std::string& out, const ast::v1_layer& l) {
   out += fmt::format("\n#### `{}`\n", l.id.text);
   if (l.command) render_command(out, *l.command);
   out += '\n';
   if (l.created) out += fmt::format("-\tCreated: {}\n", date_text(*l.created));
   if (l.parent) out += fmt::format("-\tParent Layer: `{}`\n", l.parent->text);
   if (l.docker_version) out += fmt::format("-\tDocker Version: {}\n", l.docker_version->text);
   if (l.virtual_size) out += fmt::format("-\tVirtual Size: {}\n", size_text(*l.virtual_size));
   if (l.blob) out += fmt::format("-\tv2 Blob: `{}`\n", l.blob->text);
   if (l.content_length) out += fmt::format("-\tv2 Content-Length: {}\n", size_text(*l.content_length));
   if (l.last_modified) out += fmt::format("-\tv2 Last-Modified: {}\n", date_text(*l.last_modified));
}

void render_tag(std::string& out, const ast::tag_details_tag& t) {
   out += fmt::format("\n## `{}`\n", t.name.text);
   if (t.does_not_exist) {
      out += "\n**does not exist** (yet?)\n";
      return;
   }
   if (t.digest) {
      out += "\n```console\n$ docker pull ";
      if (t.pull_name) out += t.pull_name->text + "@";
      out += t.digest->text;
      out += "\n```\n";
   }
   out += '\n';
   if (t.total_virtual_size) out += fmt::format("-\tTotal Virtual Size: {}\n", size_text(*t.total_virtual_size));
   if (t.total_content_length)
      out += fmt::format("-\tTotal v2 Content-Length: {}\n", size_text(*t.total_content_length));
   out += fmt::format("\n### Layers ({})\n", t.layer_count.value_or(static_cast<std::uint32_t>(t.layers.size())));
   for (const auto& l : t.layers) render_layer(out, l);
}

template <typename T>
void put(nlohmann::json& j, const char* key, const std::optional<T>& v) {
   if (v) j[key] = v->text;
}
void put_size(nlohmann::json& j, const char* key, const std::optional<ast::size_value>& v) {
   if (v) j[key] = v->bytes;
}
void put_date(nlohmann::json& j, const char* key, const std::optional<ast::date_value>& v) {
   if (v) j[key] = parse::format_rfc3339(v->epoch);
}

nlohmann::json layer_json(const ast::v1_layer& l) {
   nlohmann::json j = {{"id", l.id.text}, {"line", l.header.start.line}};
   if (l.command) {
      const auto& c = *l.command;
      nlohmann::json cj = {{"keyword", c.keyword}, {"text", c.text}, {"wrapped", c.wrapped}};
      for (const auto& a : c.build_args) cj["build_args"].push_back({{"name", a.name}, {"value", a.value}});
      if (c.args) cj["args"] = c.args->text;
      if (c.unparsed) cj["unparsed"] = true;
      j["command"] = std::move(cj);
   }
   put_date(j, "created", l.created);
   put(j, "parent", l.parent);
   put(j, "docker_version", l.docker_version);
   put_size(j, "virtual_size", l.virtual_size);
   put(j, "blob", l.blob);
   put_size(j, "content_length", l.content_length);
   put_date(j, "last_modified", l.last_modified);
   return j;
}

}  // namespace

std::string render(const ast::tag_details& page) {
   std::string out;
   out.reserve(page.source.text().size() + 64);
   if (page.generator) out += fmt::format("<!-- THIS FILE IS GENERATED VIA '{}' -->\n\n", page.generator->text);
   if (page.repo) out += fmt::format("# Tags of `{}`\n\n", page.repo->text);
   for (const auto& e : page.toc) out += fmt::format("-\t[`{}`]({})\n", e.tag.text, e.anchor.text);
   if (page.no_supported_tags) out += "-\t**No supported tags**\n";
   for (const auto& t : page.tags) render_tag(out, t);
   return out;
}

nlohmann::json to_json(const ast::tag_details& page) {
   nlohmann::json j;
   j["kind"] = "tag-details";
   j["file"] = page.source.path();
   put(j, "repository", page.repo);
   put(j, "generator", page.generator);
   auto& toc = j["toc"] = nlohmann::json::array();
   for (const auto& e : page.toc) toc.push_back({{"tag", e.tag.text}, {"anchor", e.anchor.text}});
   if (page.no_supported_tags) j["no_supported_tags"] = true;
   auto& tags = j["tags"] = nlohmann::json::array();
   for (const auto& t : page.tags) {
      nlohmann::json tj = {{"tag", t.name.text}, {"line", t.header.start.line}};
      if (t.does_not_exist) tj["does_not_exist"] = true;
      put(tj, "pull_name", t.pull_name);
      put(tj, "digest", t.digest);
      put_size(tj, "total_virtual_size", t.total_virtual_size);
      put_size(tj, "total_content_length", t.total_content_length);
      if (t.layer_count) tj["layer_count"] = *t.layer_count;
      auto& layers = tj["layers"] = nlohmann::json::array();
      for (const auto& l : t.layers) layers.push_back(layer_json(l));
      tags.push_back(std::move(tj));
   }
   j["errors"] = errors_json(page.errors);
   return j;
}

}  // namespace strata::render
