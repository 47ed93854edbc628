#include "render/local_page.hpp"

#include <fmt/format.h>

#include "parse/local_page_parser.hpp"
#include "parse/values.hpp"
#include "render/model_json.hpp"

namespace strata::render {
namespace {

std::string time_text(const ast::timestamp_value& t) {
   // a time the parser could not read keeps its text
   if (!t.text.empty() && !parse::parse_go_time(t.text)) return t.text;
   return parse::format_go_time(t.epoch, t.nanoseconds, t.utc_offset_minutes);
}

std::string size_text(const ast::approximate_size& s) {
   if (s.unit.empty()) return s.text;
   if (s.exact()) return fmt::format("{} bytes", s.bytes);
   return fmt::format("~ {}.{:02} {}", s.hundredths / 100, s.hundredths % 100, s.unit);
}

std::string list_text(const ast::string_list_value& v) {
   return v.parsed ? go_json(v.items) : v.text;
}

std::string key_value_text(const ast::name_value& kv) {
   return kv.value ? kv.name + "=" + *kv.value : kv.name;
}

std::string package_text(const ast::package_ref& p) {
   std::string out = p.name;
   if (p.architecture) out += ":" + *p.architecture;
   if (p.version) out += "=" + *p.version;
   return out;
}

std::string url_text(const ast::url_item& u) {
   return u.note ? fmt::format("- {} ({})\n", u.url, *u.note) : fmt::format("- {}\n", u.url);
}

void render_metadata(std::string& out, const ast::docker_metadata& m) {
   out += "\n## Docker Metadata\n\n";
   if (m.image_id) out += fmt::format("- Image ID: `{}`\n", m.image_id->text);
   if (m.created) out += fmt::format("- Created: `{}`\n", time_text(*m.created));
   if (m.virtual_size) {
      out += fmt::format("- Virtual Size: {}  \n  (total size of all layers on-disk)\n", size_text(*m.virtual_size));
   }
   if (m.os || m.architecture) {
      out += fmt::format("- Arch: `{}`/`{}`\n", m.os ? m.os->text : "", m.architecture ? m.architecture->text : "");
   }
   if (m.entrypoint) out += fmt::format("- Entrypoint: `{}`\n", list_text(*m.entrypoint));
   if (m.command) out += fmt::format("- Command: `{}`\n", list_text(*m.command));
   // the template writes `- Environment:` always, and each entry as "\n  - `…`"
   out += "- Environment:";
   for (const auto& e : m.environment) out += fmt::format("\n  - `{}`", key_value_text(e));
   if (!m.labels.empty()) {
      out += "\n- Labels:";
      for (const auto& l : m.labels) out += fmt::format("\n  - `{}`", key_value_text(l));
   }
   out += '\n';
}

void render_dpkg(std::string& out, const ast::dpkg_source_package& d) {
   out += fmt::format("\n### `dpkg` source package: `{}`\n", package_text(d.source));
   out += "\nBinary Packages:\n\n";
   for (const auto& b : d.binaries) out += fmt::format("- `{}`\n", package_text(b));
   if (d.licenses_unknown) {
      out +=
          "\n**WARNING:** unable to detect licenses! (package likely not compliant with DEP-5)  \n"
          "If source is available (seen below), check the contents of `debian/copyright` within it.\n\n";
   } else if (!d.license_files.empty() || !d.licenses.empty()) {
      out += "\nLicenses: (parsed from: ";
      for (std::size_t i = 0; i < d.license_files.size(); ++i) {
         out += fmt::format("{}`{}`", i == 0 ? "" : ", ", d.license_files[i].text);
      }
      out += ")\n\n";
      for (const auto& l : d.licenses) out += fmt::format("- `{}`\n", l.text);
   }
   if (d.source_request || !d.source_files.empty()) {
      out += "\nSource:\n\n```console\n$ apt-get source -qq --print-uris ";
      out += d.source_request ? d.source_request->text : package_text(d.source);
      out += '\n';
      for (const auto& f : d.source_files) out += fmt::format("'{}' {} {} {}\n", f.url, f.file, f.size, f.hash);
      out += "```\n";
      if (!d.urls.empty()) {
         out += "\nOther potentially useful URLs:\n\n";
         for (const auto& u : d.urls) out += url_text(u);
      }
   } else if (d.source_missing) {
      out +=
          "\n**WARNING:** unable to find source (`apt-get source` failed or returned no results)!  \n"
          "This is *usually* due to a new package version being released and the old version being removed.\n\n";
      if (d.has_snapshot) {
         out += "The source package *may* still be available for download from:\n\n";
         for (const auto& u : d.snapshot_urls) out += url_text(u);
         out += '\n';
      }
   }
}

void render_apk(std::string& out, const ast::apk_package& p) {
   out += fmt::format("\n### `apk` package: `{}`\n\n```console\n", p.name.text);
   for (const auto& f : p.fields) {
      out += fmt::format("{} {}:\n", f.package, f.key);
      for (const auto& v : f.value) {
         out += v.text;
         out += '\n';
      }
      out += '\n';
   }
   out += "```\n";
}

nlohmann::json list_json(const ast::string_list_value& v) {
   if (!v.parsed) return v.text;
   return v.items;
}

nlohmann::json key_values_json(const std::vector<ast::name_value>& list) {
   auto out = nlohmann::json::array();
   for (const auto& kv : list) {
      out.push_back({{"name", kv.name}, {"value", kv.value ? nlohmann::json(*kv.value) : nlohmann::json()}});
   }
   return out;
}

nlohmann::json package_json(const ast::package_ref& p) {
   nlohmann::json j = {{"name", p.name}};
   if (p.architecture) j["architecture"] = *p.architecture;
   if (p.version) j["version"] = *p.version;
   return j;
}

nlohmann::json urls_json(const std::vector<ast::url_item>& urls) {
   auto out = nlohmann::json::array();
   for (const auto& u : urls) {
      nlohmann::json j = {{"url", u.url}};
      if (u.note) j["note"] = *u.note;
      out.push_back(std::move(j));
   }
   return out;
}

nlohmann::json dpkg_json(const ast::dpkg_source_package& d) {
   nlohmann::json j = {{"source", package_json(d.source)}, {"line", d.header.start.line}};
   auto& binaries = j["binaries"] = nlohmann::json::array();
   for (const auto& b : d.binaries) binaries.push_back(package_json(b));
   auto& files = j["license_files"] = nlohmann::json::array();
   for (const auto& f : d.license_files) files.push_back(f.text);
   auto& licenses = j["licenses"] = nlohmann::json::array();
   for (const auto& l : d.licenses) licenses.push_back(l.text);
   if (d.licenses_unknown) j["licenses_unknown"] = true;
   if (d.source_request) j["source_request"] = d.source_request->text;
   auto& sources = j["source_files"] = nlohmann::json::array();
   for (const auto& f : d.source_files) {
      sources.push_back({{"url", f.url}, {"file", f.file}, {"size", f.size}, {"hash", f.hash}});
   }
   j["urls"] = urls_json(d.urls);
   if (d.source_missing) j["source_missing"] = true;
   if (d.has_snapshot) j["snapshot_urls"] = urls_json(d.snapshot_urls);
   return j;
}

nlohmann::json apk_json(const ast::apk_package& p) {
   nlohmann::json j = {{"name", p.name.text}, {"line", p.header.start.line}};
   auto& fields = j["fields"] = nlohmann::json::array();
   for (const auto& f : p.fields) {
      std::string value;
      for (std::size_t i = 0; i < f.value.size(); ++i) value += (i == 0 ? "" : "\n") + f.value[i].text;
      fields.push_back({{"package", f.package}, {"key", f.key}, {"value", value}});
   }
   return j;
}

}  // namespace

std::string go_json(const std::vector<std::string>& items) {
   std::string out = "[";
   for (std::size_t i = 0; i < items.size(); ++i) {
      if (i != 0) out += ',';
      out += '"';
      const std::string& s = items[i];
      for (std::size_t k = 0; k < s.size(); ++k) {
         const auto c = static_cast<unsigned char>(s[k]);
         if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
         } else if (c == '\n') {
            out += "\\n";
         } else if (c == '\r') {
            out += "\\r";
         } else if (c == '\t') {
            out += "\\t";
         } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            out += fmt::format("\\u{:04x}", c);
         } else if (c == 0xE2 && k + 2 < s.size() && static_cast<unsigned char>(s[k + 1]) == 0x80 &&
                    (static_cast<unsigned char>(s[k + 2]) == 0xA8 || static_cast<unsigned char>(s[k + 2]) == 0xA9)) {
            out += static_cast<unsigned char>(s[k + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
            k += 2;
         } else {
            out += static_cast<char>(c);
         }
      }
      out += '"';
   }
   out += ']';
   return out;
}

std::string render(const ast::local_page& page) {
   std::string out;
   out.reserve(page.source.text().size() + 64);
   if (page.image) out += fmt::format("# `{}`\n", page.image->text);
   render_metadata(out, page.metadata);
   if (page.packages) {
      const auto& p = *page.packages;
      out += fmt::format("\n## `{}` (`.{}`-based packages)\n", p.manager.text, p.extension.text);
      for (const auto& d : p.dpkg) render_dpkg(out, d);
      for (const auto& a : p.apk) render_apk(out, a);
   }
   return out;
}

nlohmann::json to_json(const ast::local_page& page) {
   nlohmann::json j;
   j["kind"] = "local-page";
   j["file"] = page.source.path();
   if (page.image) j["image"] = page.image->text;
   const auto& m = page.metadata;
   if (m.image_id) j["image_id"] = m.image_id->text;
   if (m.created) j["created"] = time_text(*m.created);
   if (m.virtual_size && !m.virtual_size->unit.empty()) {
      j["virtual_size"] = m.virtual_size->bytes;
      j["virtual_size_exact"] = m.virtual_size->exact();
   }
   if (m.os) j["os"] = m.os->text;
   if (m.architecture) j["architecture"] = m.architecture->text;
   if (m.entrypoint) j["entrypoint"] = list_json(*m.entrypoint);
   if (m.command) j["command"] = list_json(*m.command);
   j["environment"] = key_values_json(m.environment);
   j["labels"] = key_values_json(m.labels);
   if (page.packages) {
      const auto& p = *page.packages;
      nlohmann::json pj = {{"manager", p.manager.text}, {"extension", p.extension.text}};
      auto& dpkg = pj["dpkg"] = nlohmann::json::array();
      for (const auto& d : p.dpkg) dpkg.push_back(dpkg_json(d));
      auto& apk = pj["apk"] = nlohmann::json::array();
      for (const auto& a : p.apk) apk.push_back(apk_json(a));
      j["packages"] = std::move(pj);
   }
   j["errors"] = errors_json(page.errors);
   return j;
}

}  // namespace strata::render
