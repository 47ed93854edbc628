#include "render/tag_page.hpp"

#include <iterator>

#include <fmt/format.h>

#include "parse/values.hpp"
#include "render/mojo_json.hpp"

namespace strata::render {
namespace {

std::string json_value(const ast::text_value& v) {
   return mojo_json_canonical(v.text).value_or(v.text);
}

std::string size_text(const ast::size_value& s) {
   // a size whose byte count could not be read keeps its text
   return parse::parse_size_bytes(s.text) ? parse::format_size(s.bytes) : s.text;
}

std::string date_text(const ast::date_value& d) {
   if (parse::is_rfc1123_of(d.text, d.epoch)) return d.text;  // already canonical
   return parse::parse_rfc1123(d.text) ? parse::format_rfc1123(d.epoch) : d.text;
}

void pull_block(std::string& out, const std::optional<ast::text_value>& name, const ast::text_value& digest) {
   out += "```console\n$ docker pull ";
   if (name) out += name->text + "@";
   out += digest.text;
   out += "\n```\n";
}

void render_section(std::string& out, const ast::section& s) {
   fmt::format_to(std::back_inserter(out), "\n### `{}` - {}\n", s.ref.text, s.platform.text);
   if (s.digest) {
      out += '\n';
      pull_block(out, s.pull_name, *s.digest);
   }
   out += '\n';
   if (s.docker_version) fmt::format_to(std::back_inserter(out), "-\tDocker Version: {}\n", s.docker_version->text);
   if (s.manifest_mime) fmt::format_to(std::back_inserter(out), "-\tManifest MIME: `{}`\n", s.manifest_mime->text);
   if (s.total_size) {
      fmt::format_to(std::back_inserter(out),
                     "-\tTotal Size: **{}**  \n\t(compressed transfer size, not on-disk size)\n",
                     size_text(*s.total_size));
   }
   if (s.image_id) fmt::format_to(std::back_inserter(out), "-\tImage ID: `{}`\n", s.image_id->text);
   if (s.entrypoint) fmt::format_to(std::back_inserter(out), "-\tEntrypoint: `{}`\n", json_value(*s.entrypoint));
   if (s.default_command)
      fmt::format_to(std::back_inserter(out), "-\tDefault Command: `{}`\n", json_value(*s.default_command));
   if (s.shell) fmt::format_to(std::back_inserter(out), "-\t`SHELL`: `{}`\n", json_value(*s.shell));
   out += "\n```dockerfile\n";
   for (const auto& e : s.history) {
      out += "# ";
      out += date_text(e.created);
      out += '\n';
      for (const auto& a : e.arg_lines) {
         out += a.text;
         out += '\n';
      }
      if (!e.text.empty()) {
         out += e.text;
         out += '\n';
      }
   }
   out += "```\n\n-\tLayers:\n";
   for (const auto& l : s.layers) {
      out += "\t-\t`";
      out += l.digest.text;
      out += "`  \n";
      if (l.last_modified)
         fmt::format_to(std::back_inserter(out), "\t\tLast Modified: {}  \n", date_text(*l.last_modified));
      if (l.size) fmt::format_to(std::back_inserter(out), "\t\tSize: {}  \n", size_text(*l.size));
      if (l.mime) fmt::format_to(std::back_inserter(out), "\t\tMIME: {}\n", l.mime->text);
   }
}

}  // namespace

std::string render(const ast::tag_page& page) {
   std::string out;
   out.reserve(page.source.text().size() + 64);
   fmt::format_to(std::back_inserter(out), "## `{}`\n", page.ref.text);
   if (page.does_not_exist) {
      out += "\n**does not exist** (yet?)\n";
      return out;
   }
   if (page.digest) {
      out += '\n';
      pull_block(out, page.pull_name, *page.digest);
   }
   out += '\n';
   if (page.manifest_mime)
      fmt::format_to(std::back_inserter(out), "-\tManifest MIME: `{}`\n", page.manifest_mime->text);
   out += "-\tPlatforms:";
   if (page.platform_count) fmt::format_to(std::back_inserter(out), " {}", *page.platform_count);
   out += '\n';
   for (const auto& p : page.platforms) fmt::format_to(std::back_inserter(out), "\t-\t{}\n", p.text);
   for (const auto& s : page.sections) render_section(out, s);
   return out;
}

}  // namespace strata::render
