#include "engine/document.hpp"

#include <algorithm>

#include "ast/text.hpp"

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

std::optional<document> load_document(std::string path, std::string text, origin how) {
   const auto slash = path.find_last_of('/');
   const std::string_view filename =
       slash == std::string::npos ? std::string_view(path) : std::string_view(path).substr(slash + 1);
   const bool dockerfile_name = is_dockerfile_name(filename);
   document doc;
   if (ast::looks_binary(text)) {
      if (how == origin::walked && !dockerfile_name) {
         return std::nullopt;
      }
      doc.kind = document_kind::not_text;
      doc.raw = ast::source_file(std::move(path), std::move(text));
      return doc;
   }
   if (!dockerfile_name && how != origin::as_dockerfile) {
      const auto as = [&](document_kind kind, auto& slot, auto parse) {
         doc.kind = kind;
         slot = parse(std::move(path), std::move(text));
         return std::optional<document>(std::move(doc));
      };
      if (parse::looks_like_tag_page(text)) return as(document_kind::tag_page, doc.page, parse::parse_tag_page);
      if (parse::looks_like_tag_details(text))
         return as(document_kind::tag_details, doc.tag_details, parse::parse_tag_details);
      if (parse::looks_like_local_page(text))
         return as(document_kind::local_page, doc.local_page, parse::parse_local_page);
      if (text.find("\n# Supported tags and respective `Dockerfile` links\n") != std::string::npos) {
         return as(document_kind::docs_readme, doc.readme, parse::parse_docs_readme);
      }
      if (parse::looks_like_library_file(text))
         return as(document_kind::library_file, doc.library, parse::parse_library_file);
      if (parse::looks_like_docker_history(text)) {
         return as(document_kind::docker_history, doc.history, parse::parse_docker_history);
      }
      if (parse::looks_like_image_config(text))
         return as(document_kind::image_config, doc.config, parse::parse_image_config);
      if (how == origin::walked) return std::nullopt;
      if (how == origin::named && !looks_like_dockerfile(text)) return std::nullopt;
   }
   doc.kind = document_kind::dockerfile;
   doc.dockerfile = parse::parse_dockerfile(std::move(path), std::move(text));
   return doc;
}

}  // namespace strata::engine
