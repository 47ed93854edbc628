// One input of a run: a file read from disk, classified and parsed.
#pragma once

#include <optional>
#include <string>

#include "ast/dockerfile.hpp"
#include "ast/tag_page.hpp"

namespace strata::engine {

enum class document_kind {
   dockerfile,   ///< parsed as a Dockerfile
   tag_page,     ///< a repo-info remote tag page
   docs_readme,  ///< a docs README (recognised; no rules yet)
   local_page,   ///< a repo-info local page (recognised; no rules yet)
   tag_details,  ///< an E0 repo-info tag-details page (recognised; no rules yet)
   not_text,     ///< holds a NUL byte or invalid UTF-8
};

[[nodiscard]] std::string_view to_string(document_kind k) noexcept;

struct document {
   document_kind kind = document_kind::dockerfile;
   std::optional<ast::dockerfile> dockerfile;
   std::optional<ast::tag_page> page;
   ast::source_file raw;  ///< the text, for kinds without a model

   [[nodiscard]] const ast::source_file& source() const noexcept {
      if (dockerfile) return dockerfile->source;
      if (page) return page->source;
      return raw;
   }
};

/// How a document was found: named on the command line (parsed as a Dockerfile
/// unless its content says otherwise) or met while walking a directory.
enum class origin { named, walked };

/// Classifies and parses a file's text. Returns nullopt for a walked file that
/// is neither a Dockerfile by name nor a known document by content.
[[nodiscard]] std::optional<document> load_document(std::string path, std::string text, origin how);

/// True when a file name is a Dockerfile's: Dockerfile, Dockerfile.*, *.Dockerfile,
/// *.dockerfile, Containerfile, Containerfile.*, *.Containerfile.
[[nodiscard]] bool is_dockerfile_name(std::string_view filename) noexcept;

}  // namespace strata::engine
