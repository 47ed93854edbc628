#include "engine/document.hpp"

#include "parse/dockerfile_parser.hpp"
#include "parse/tag_page_parser.hpp"

namespace strata::engine {

std::string_view to_string(document_kind k) noexcept {
   switch (k) {
      case document_kind::dockerfile: return "dockerfile";
      case document_kind::tag_page: return "tag-page";
      case document_kind::docs_readme: return "docs-readme";
      case document_kind::local_page: return "local-page";
      case document_kind::tag_details: return "tag-details";
      case document_kind::not_text: return "not-text";
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
std::string_view first_line(std::string_view text) {
   if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
   return text.substr(0, text.find('\n'));
}
}  // namespace

std::optional<document> load_document(std::string path, std::string text, origin how) {
   const auto slash = path.find_last_of('/');
   const std::string_view filename = slash == std::string::npos ? std::string_view(path) : std::string_view(path).substr(slash + 1);
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
   if (!dockerfile_name) {
      const std::string_view head = first_line(text);
      if (parse::looks_like_tag_page(text)) {
         doc.kind = document_kind::tag_page;
         doc.page = parse::parse_tag_page(std::move(path), std::move(text));
         return doc;
      }
      if (head.starts_with("# Tags of `")) {
         doc.kind = document_kind::tag_details;
      } else if (head.starts_with("# `") && text.find("\n## Docker Metadata\n") != std::string::npos) {
         doc.kind = document_kind::local_page;
      } else if (text.find("\n# Supported tags and respective `Dockerfile` links\n") != std::string::npos) {
         doc.kind = document_kind::docs_readme;
      } else if (how == origin::walked) {
         return std::nullopt;
      }
      if (doc.kind != document_kind::dockerfile) {
         doc.raw = ast::source_file(std::move(path), std::move(text));
         return doc;
      }
   }
   doc.kind = document_kind::dockerfile;
   doc.dockerfile = parse::parse_dockerfile(std::move(path), std::move(text));
   return doc;
}

}  // namespace strata::engine
