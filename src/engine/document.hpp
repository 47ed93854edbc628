// One input of a run: a file read from disk, classified and parsed.
#pragma once

#include <optional>
#include <string>

#include "ast/docker_history.hpp"
#include "ast/dockerfile.hpp"
#include "ast/docs_readme.hpp"
#include "ast/image_config.hpp"
#include "ast/library_file.hpp"
#include "ast/local_page.hpp"
#include "ast/tag_details.hpp"
#include "ast/tag_page.hpp"

namespace strata::engine {

enum class document_kind {
   dockerfile,      ///< parsed as a Dockerfile
   tag_page,        ///< a repo-info remote tag page
   docs_readme,     ///< a docs README: its "Supported tags" section
   local_page,      ///< a repo-info `local/` page (Docker Metadata, packages)
   tag_details,     ///< an E0 repo-info `tag-details.md` page (every tag of a repository)
   library_file,    ///< an official-images `library/<repo>` file
   docker_history,  ///< `docker history --no-trunc` output
   image_config,    ///< an OCI/Docker image config JSON (or `docker inspect` output)
   not_text,        ///< holds a NUL byte or invalid UTF-8
};

[[nodiscard]] std::string_view to_string(document_kind k) noexcept;

struct document {
   document_kind kind = document_kind::dockerfile;
   std::optional<ast::dockerfile> dockerfile;
   std::optional<ast::tag_page> page;
   std::optional<ast::tag_details> tag_details;
   std::optional<ast::local_page> local_page;
   std::optional<ast::docs_readme> readme;
   std::optional<ast::library_file> library;
   std::optional<ast::docker_history> history;
   std::optional<ast::image_config_file> config;
   ast::source_file raw;  ///< the text, for kinds without a model
   /// Set when the file was UTF-16 or UTF-32 with a byte order mark (`UTF-16LE`, ...): the
   /// models hold its UTF-8 decoding, and lines and columns are those of the decoding.
   std::string_view transcoded_from;
   /// For `not_text`: the kind of document its content says it was meant to be (a tag page
   /// with one invalid byte), judged on the text with every invalid byte read as `?`.
   std::optional<document_kind> meant_as;

   [[nodiscard]] const ast::source_file& source() const noexcept {
      if (dockerfile) return dockerfile->source;
      if (page) return page->source;
      if (tag_details) return tag_details->source;
      if (local_page) return local_page->source;
      if (readme) return readme->source;
      if (library) return library->source;
      if (history) return history->source;
      if (config) return config->source;
      return raw;
   }

   /// The parse errors of a history document's model (lines not in its format,
   /// values that could not be read), as {message, where}; empty for Dockerfiles
   /// (their errors are ST0001's) and binary input.
   [[nodiscard]] std::vector<ast::page_error> history_errors() const;
};

/// How a document was found: named on the command line (parsed as a Dockerfile
/// unless its content says otherwise) or met while walking a directory.
enum class origin {
   named,           ///< named on the command line: content decides, then a Dockerfile's name or shape
   walked,          ///< found under a directory: content decides, then a Dockerfile's name
   standard_input,  ///< `-`: content decides, else a Dockerfile (hadolint reads standard input so)
   as_dockerfile,   ///< `--as dockerfile`: always a Dockerfile
};

/// The kind of history document that `text` is by its content, or nullopt. With `prefix`
/// the text is only the first bytes of a file (what a walk reads before deciding to read it
/// whole): an image config is then judged by its first character.
[[nodiscard]] std::optional<document_kind> kind_by_content(std::string_view text, bool prefix = false);

/// How many bytes of a walked file are read to decide what it is (64 KiB).
inline constexpr std::size_t sniff_bytes = std::size_t{64} << 10U;

/// True when a walked file whose first bytes are `prefix` is to be read whole and checked:
/// a Dockerfile by name, or a history document by content (also damaged or UTF-16/32).
[[nodiscard]] bool worth_reading(std::string_view path, std::string_view prefix);

/// Classifies and parses a file's text. A UTF-16 or UTF-32 text with a byte order mark is
/// decoded first (`document::transcoded_from`). Returns nullopt for a walked file that
/// is neither a Dockerfile by name nor a known document by content. Content
/// decides first: a tag page starts with ``## ` ``, a tag-details page with the
/// generator's comment or `# Tags of`, a local page with `` # ` `` and a
/// `## Docker Metadata` line, a docs README has the "Supported tags" heading, a
/// library file has `Tags:`/`GitCommit:` fields, `docker history` output starts
/// with its column header, an image config is a JSON object with `history` or
/// `rootfs`. A file named like a Dockerfile is always a Dockerfile. A named file that is
/// neither is a Dockerfile when its first line that is not blank or a comment starts with an
/// instruction (`FROM`, `ARG`, ...): else nullopt (skipped: a README.md named by pre-commit).
[[nodiscard]] std::optional<document> load_document(std::string path, std::string text, origin how);

/// Whether `text` reads as a Dockerfile: empty, or its first line that is neither blank nor a
/// comment (parser directives included) starts with one of the 18 instruction keywords, in any
/// case, followed by white space or the end of the line.
[[nodiscard]] bool looks_like_dockerfile(std::string_view text);

/// True when a file name is a Dockerfile's: Dockerfile, Dockerfile.*, *.Dockerfile,
/// *.dockerfile, Containerfile, Containerfile.*, *.Containerfile.
[[nodiscard]] bool is_dockerfile_name(std::string_view filename) noexcept;

}  // namespace strata::engine
