#include "engine/document.hpp"

#include <algorithm>

#include "ast/text.hpp"

#include "parse/encoding.hpp"

#include "parse/docker_history_parser.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/docs_readme_parser.hpp"
#include "parse/image_config_parser.hpp"
#include "parse/library_parser.hpp"
#include "parse/local_page_parser.hpp"
#include "parse/tag_details_parser.hpp"
#include "parse/tag_page_parser.hpp"

namespace strata::engine {

std::string_view to_string(document_kind k) noexcept {
   switch (k) {
      case document_kind::dockerfile:
         return "dockerfile";
      case document_kind::tag_page:
         return "tag-page";
      case document_kind::docs_readme:
         return "docs-readme";
      case document_kind::local_page:
         return "local-page";
      case document_kind::tag_details:
         return "tag-details";
      case document_kind::library_file:
         return "library-file";
      case document_kind::docker_history:
         return "docker-history";
      case document_kind::image_config:
         return "image-config";
      case document_kind::not_text:
         return "not-text";
   }
   return "unknown";
}

bool is_dockerfile_name(std::string_view f) noexcept {
   for (std::string_view base : {"Dockerfile", "Containerfile"}) {
      if (f == base || (f.starts_with(base) && f.size() > base.size() && f[base.size()] == '.')) {
         return true;
      }
      if (f.size() > base.size() + 1 && f.ends_with(base) && f[f.size() - base.size() - 1] == '.') {
         return true;
      }
   }
   return f.size() > 11 && f.ends_with(".dockerfile");
}

namespace {
template <typename Model>
void append_errors(const std::optional<Model>& model, std::vector<ast::page_error>& out) {
   if (!model) return;
   for (const auto& e : model->errors) out.push_back({e.message, e.where});
}
}  // namespace

std::vector<ast::page_error> document::history_errors() const {
   std::vector<ast::page_error> out;
   append_errors(page, out);
   append_errors(tag_details, out);
   append_errors(local_page, out);
   append_errors(readme, out);
   append_errors(library, out);
   append_errors(history, out);
   append_errors(config, out);
   return out;
}

bool looks_like_dockerfile(std::string_view text) {
   if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
   for (std::size_t p = 0; p < text.size();) {
      const std::size_t e = std::min(text.find('\n', p), text.size());
      std::string_view line = text.substr(p, e - p);
      p = e + 1;
      const auto b = line.find_first_not_of(" \t\r");
      if (b == std::string_view::npos || line[b] == '#') continue;
      line.remove_prefix(b);
      const auto end = std::min(line.find_first_of(" \t\r"), line.size());
      const std::string keyword = ast::lower(line.substr(0, end));
      const auto& known = parse::known_instructions();
      return std::find(known.begin(), known.end(), keyword) != known.end();
   }
   return true;
}

std::optional<document_kind> kind_by_content(std::string_view text, bool prefix) {
   if (parse::looks_like_tag_page(text)) return document_kind::tag_page;
   if (parse::looks_like_tag_details(text)) return document_kind::tag_details;
   if (parse::looks_like_local_page(text)) return document_kind::local_page;
   if (text.find("\n# Supported tags and respective `Dockerfile` links\n") != std::string_view::npos) {
      return document_kind::docs_readme;
   }
   if (parse::looks_like_library_file(text)) return document_kind::library_file;
   if (parse::looks_like_docker_history(text)) return document_kind::docker_history;
   if (prefix) {
      const auto b = text.find_first_not_of(" \t\r\n");
      if (b != std::string_view::npos && (text[b] == '{' || text[b] == '[')) return document_kind::image_config;
      return std::nullopt;
   }
   if (parse::looks_like_image_config(text) || parse::looks_like_damaged_image_config(text)) {
      return document_kind::image_config;
   }
   return std::nullopt;
}

namespace {

std::string_view file_name(std::string_view path) {
   const auto slash = path.find_last_of('/');
   return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The kind by content of a text that may hold invalid bytes (judged with them read as `?`).
std::optional<document_kind> kind_by_damaged_content(std::string_view text, bool prefix) {
   if (!ast::looks_binary(text)) return kind_by_content(text, prefix);
   const std::string readable = parse::sniffable_text(text.substr(0, std::min(text.size(), sniff_bytes)));
   return kind_by_content(readable, prefix || text.size() > sniff_bytes);
}

}  // namespace

bool worth_reading(std::string_view path, std::string_view prefix) {
   if (is_dockerfile_name(file_name(path))) return true;
   std::string text(prefix);
   if (parse::decode_utf_bom(text)) return true;
   return kind_by_damaged_content(text, true).has_value();
}

std::optional<document> load_document(std::string path, std::string text, origin how) {
   const bool dockerfile_name = is_dockerfile_name(file_name(path));
   document doc;
   if (const auto encoding = parse::decode_utf_bom(text)) doc.transcoded_from = *encoding;
   const bool by_content = !dockerfile_name && how != origin::as_dockerfile;
   if (ast::looks_binary(text)) {
      if (by_content) doc.meant_as = kind_by_damaged_content(text, false);
      if (how == origin::walked && !dockerfile_name && !doc.meant_as) return std::nullopt;
      doc.kind = document_kind::not_text;
      doc.raw = ast::source_file(std::move(path), std::move(text));
      return doc;
   }
   if (by_content) {
      // history documents are read with LF line ends and no BOM (a CRLF checkout, a lone-CR file)
      std::string normalized;
      const bool differs = text.find('\r') != std::string::npos || text.starts_with("\xEF\xBB\xBF");
      if (differs) {
         normalized = text;
         parse::normalize_history_text(normalized);
      }
      const auto kind = kind_by_content(differs ? normalized : text);
      const auto as = [&](auto& slot, auto parse) {
         doc.kind = *kind;
         if (differs && *kind != document_kind::image_config) text = std::move(normalized);
         slot = parse(std::move(path), std::move(text));
         return std::optional<document>(std::move(doc));
      };
      if (kind) {
         switch (*kind) {
            case document_kind::tag_page:
               return as(doc.page, parse::parse_tag_page);
            case document_kind::tag_details:
               return as(doc.tag_details, parse::parse_tag_details);
            case document_kind::local_page:
               return as(doc.local_page, parse::parse_local_page);
            case document_kind::docs_readme:
               return as(doc.readme, parse::parse_docs_readme);
            case document_kind::library_file:
               return as(doc.library, parse::parse_library_file);
            case document_kind::docker_history:
               return as(doc.history, parse::parse_docker_history);
            case document_kind::image_config:
               return as(doc.config, parse::parse_image_config);
            case document_kind::dockerfile:
            case document_kind::not_text:
               break;
         }
      }
      if (how == origin::walked) return std::nullopt;
      if (how == origin::named && !looks_like_dockerfile(text)) return std::nullopt;
   }
   doc.kind = document_kind::dockerfile;
   doc.dockerfile = parse::parse_dockerfile(std::move(path), std::move(text));
   return doc;
}

}  // namespace strata::engine
