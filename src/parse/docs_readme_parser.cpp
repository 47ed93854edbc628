#include "parse/docs_readme_parser.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/docs_readme.hpp"
#include "parse/line_state.hpp"
#include "parse/values.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::docs_readme;

namespace {

using detail::capture;

enum class heading { none, simple, shared };

struct state : detail::line_state<ast::readme_error, ast::readme_value> {
   ast::docs_readme& readme;

   // captures of the line being matched
   std::vector<capture> codes;  ///< `code` texts, in input order
   capture architecture, url, path_note, repository;

   heading under = heading::none;
   bool simple_heading_seen = false;
   bool shared_heading_seen = false;
   std::optional<std::size_t> group;  ///< the shared-tags group being read

   /// The `code` texts in [b, e).
   [[nodiscard]] std::vector<ast::readme_value> codes_in(std::size_t b, std::size_t e) const {
      std::vector<ast::readme_value> out;
      // `codes` is sorted by offset (see action<g::code_text>)
      auto it = std::lower_bound(codes.begin(), codes.end(), b,
                                 [](const capture& c, std::size_t at) { return c.begin < at; });
      for (; it != codes.end() && it->end <= e; ++it) out.push_back(value_of(*it));
      return out;
   }
   /// Ends the shared-tags group being read; a group needs at least one sub-bullet.
   void close_group() {
      if (group && readme.shared_tags[*group].entries.empty()) {
         error(readme.shared_tags[*group].where, "shared-tags group without entries");
      }
      group.reset();
   }
};

// ---- link targets ----------------------------------------------------------

struct url_state {
   const char* base;
   capture owner, repository, ref, path;

   [[nodiscard]] std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - base); }
};

template <typename Rule>
struct url_action : pegtl::nothing<Rule> {};

template <>
struct url_action<g::blob_owner> : detail::capture_range<&url_state::owner> {};
template <>
struct url_action<g::blob_repository> : detail::capture_range<&url_state::repository> {};
template <>
struct url_action<g::blob_ref> : detail::capture_range<&url_state::ref> {};
template <>
struct url_action<g::blob_path> : detail::capture_range<&url_state::path> {};

bool is_full_commit(std::string_view s) {
   if (s.size() != 40) return false;
   for (char c : s) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
   }
   return true;
}

ast::readme_link build_link(state& st, const capture& url) {
   ast::readme_link link;
   link.url = st.value_of(url);
   url_state us{st.base, {}, {}, {}, {}};
   pegtl::memory_input<pegtl::tracking_mode::lazy> in(st.base + url.begin, st.base + url.end, "url");
   if (!pegtl::parse<g::blob_url, url_action>(in, us)) {
      st.error(link.url.where,
               fmt::format("link `{}` is not https://github.com/<owner>/<repo>/blob/<commit>/<path>", link.url.text));
      return link;
   }
   link.owner = st.value_of(us.owner);
   link.repository = st.value_of(us.repository);
   link.ref = st.value_of(us.ref);
   link.path = st.value_of(us.path);
   if (is_full_commit(link.ref.text)) link.commit = link.ref;  // else a branch or tag name (≤ 2016 libraries)
   const auto slash = link.path.text.rfind('/');
   if (slash == std::string::npos) {
      link.directory = ".";
      link.file = link.path.text;
   } else {
      link.directory = link.path.text.substr(0, slash);
      link.file = link.path.text.substr(slash + 1);
      if (link.directory.empty()) link.directory = ".";
   }
   return link;
}

// ---- actions ---------------------------------------------------------------

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::code_text> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const capture c{st.offset(in.begin()), st.offset(in.end()), true};
      // codes at or after this one were taken by an alternative that failed later on
      while (!st.codes.empty() && st.codes.back().begin >= c.begin) st.codes.pop_back();
      st.codes.push_back(c);
   }
};

template <>
struct action<g::architecture> : detail::capture_range<&state::architecture> {};
template <>
struct action<g::url> : detail::capture_range<&state::url> {};
template <>
struct action<g::path_note_text> : detail::capture_range<&state::path_note> {};
template <>
struct action<g::repository_name> : detail::capture_range<&state::repository> {};

template <>
struct action<g::note_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      const auto a = st.taken(st.architecture, b);
      if (!a) return;  // cannot happen: part of the rule
      if (st.readme.architecture) {
         st.error(b, e, "a second per-architecture `**Note:**`");
         return;
      }
      st.readme.architecture = st.value_of(*a);
      st.readme.note = st.span_of(b, e);
   }
};

template <>
struct action<g::section_heading> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      st.readme.has_section = true;
      st.readme.heading = st.span_of(b, e);
   }
};

template <>
struct action<g::section> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.close_group();
      const std::size_t b = st.offset(in.begin());
      std::size_t e = st.offset(in.end());
      while (e > b &&
             (st.base[e - 1] == '\n' || st.base[e - 1] == '\r' || st.base[e - 1] == ' ' || st.base[e - 1] == '\t')) {
         --e;
      }
      st.readme.section = st.span_of(b, e);
   }
};

template <>
struct action<g::simple_heading> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      st.close_group();
      if (st.simple_heading_seen) st.error(b, e, "a second `## Simple Tags` heading");
      if (st.readme.layout == ast::readme_layout::flat) st.error(b, e, "`## Simple Tags` after a flat list of tags");
      st.simple_heading_seen = true;
      st.under = heading::simple;
      st.readme.layout = ast::readme_layout::simple_and_shared;
   }
};

template <>
struct action<g::shared_heading> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      st.close_group();
      if (st.shared_heading_seen) st.error(b, e, "a second `## Shared Tags` heading");
      st.shared_heading_seen = true;
      st.under = heading::shared;
      st.readme.layout = ast::readme_layout::simple_and_shared;
   }
};

template <>
struct action<g::simple_item> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      const auto u = st.taken(st.url, b);
      if (!u) return;  // cannot happen: part of the rule
      st.close_group();
      if (st.under == heading::shared) {
         st.error(b, e, "a simple-tags bullet under `## Shared Tags`");
      } else if (st.under == heading::none && st.readme.layout == ast::readme_layout::none) {
         st.readme.layout = ast::readme_layout::flat;
      }
      ast::simple_tags_item item;
      item.where = st.span_of(b, e);
      item.tags = st.codes_in(b, u->begin);
      if (const auto p = st.taken(st.path_note, b); p && p->end <= u->begin) item.path_note = st.value_of(*p);
      item.link = build_link(st, *u);
      st.readme.simple_tags.push_back(std::move(item));
   }
};

template <>
struct action<g::shared_group> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      st.close_group();
      if (st.under != heading::shared) st.error(b, e, "a shared-tags group outside `## Shared Tags`");
      ast::shared_tags_group group;
      group.where = st.span_of(b, e);
      group.tags = st.codes_in(b, e);
      st.readme.shared_tags.push_back(std::move(group));
      st.group = st.readme.shared_tags.size() - 1;
   }
};

template <>
struct action<g::shared_item> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      const auto u = st.taken(st.url, b);
      if (!u) return;  // cannot happen: part of the rule
      if (!st.group) {
         st.error(b, e, "a shared-tags entry outside a shared-tags group");
         return;
      }
      const auto tags = st.codes_in(b, u->begin);
      ast::shared_tags_entry entry;
      entry.where = st.span_of(b, e);
      if (!tags.empty()) entry.tag = tags.front();
      entry.link = build_link(st, *u);
      st.readme.shared_tags[*st.group].entries.push_back(std::move(entry));
   }
};

template <>
struct action<g::unsupported_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto b = st.offset(in.begin());
      if (const auto a = st.taken(st.architecture, b)) st.readme.unsupported_architecture = st.value_of(*a);
   }
};

template <>
struct action<g::no_tags_line> {
   template <typename Input>
   static void apply(const Input&, state& st) {
      st.readme.no_supported_tags = true;
   }
};

template <>
struct action<g::no_tags_detail> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      if (!st.readme.no_supported_tags) st.error(b, e, "explanation without `**No supported tags found!**`");
      if (const auto a = st.taken(st.architecture, b)) st.readme.unsupported_architecture = st.value_of(*a);
   }
};

template <>
struct action<g::unknown_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      st.unrecognised_line(st.span_of(b, e), "the supported-tags section");
   }
};

// ---- image references in the README's code -----------------------------------

bool is_word_break(char c) {
   switch (c) {
      case ' ':
      case '\t':
      case '\r':
      case '"':
      case '\'':
      case '`':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '<':
      case '>':
      case ',':
      case ';':
      case '=':
      case '|':
      case '&':
         return true;
      default:
         return false;
   }
}

bool is_name_char(char c) {
   return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '/' || c == '-';
}

bool is_tag(std::string_view t) {
   if (t.empty() || t.size() > 128) return false;
   const auto word = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
   };
   if (!word(t.front())) return false;
   return std::all_of(t.begin(), t.end(), [&](char c) { return word(c) || c == '.' || c == '-'; });
}

// `name` of `name:tag`: lower-case path components, optionally after `host:port/`.
bool is_image_name(std::string_view n) {
   if (const auto colon = n.find(':'); colon != std::string_view::npos) {
      const auto slash = n.find('/', colon);
      if (slash == std::string_view::npos || colon == 0) return false;
      const auto port = n.substr(colon + 1, slash - colon - 1);
      if (port.empty() || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
         return false;
      }
      return is_image_name(n.substr(0, colon)) && is_image_name(n.substr(slash + 1));
   }
   if (n.empty() || !std::all_of(n.begin(), n.end(), is_name_char)) return false;
   const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
   return alnum(n.front()) && alnum(n.back()) && n.find("//") == std::string_view::npos;
}

// The `name:tag` words of text[b, e).
void add_references(ast::docs_readme& readme, std::size_t b, std::size_t e, bool in_block) {
   const std::string& t = readme.source.text();
   std::size_t i = b;
   while (i < e) {
      while (i < e && is_word_break(t[i])) ++i;
      const std::size_t start = i;
      while (i < e && !is_word_break(t[i])) ++i;
      const std::string_view w(t.data() + start, i - start);
      const auto colon = w.rfind(':');
      if (colon == std::string_view::npos) continue;
      const auto name = w.substr(0, colon);
      const auto tag = w.substr(colon + 1);
      if (!is_tag(tag) || !is_image_name(name)) continue;
      ast::readme_image_reference ref;
      ref.reference = {std::string(w), readme.source.make_span(start, i)};
      ref.name = std::string(name);
      ref.tag = std::string(tag);
      ref.in_code_block = in_block;
      readme.image_references.push_back(std::move(ref));
   }
}

// Fenced code blocks and inline code spans outside the supported-tags section.
void collect_image_references(ast::docs_readme& readme) {
   const std::string& t = readme.source.text();
   bool in_block = false;
   for (std::uint32_t line = 1; line <= readme.source.line_count(); ++line) {
      if (readme.has_section && line >= readme.section.start.line && line <= readme.section.stop.line) continue;
      const std::size_t b = readme.source.line_offset(line);
      const std::string_view text = readme.source.line_text(line);
      const std::size_t e = b + text.size();
      const std::size_t indent = text.find_first_not_of(' ');
      if (indent != std::string_view::npos && indent <= 3 && text.substr(indent).starts_with("```")) {
         in_block = !in_block;
         continue;
      }
      if (in_block) {
         add_references(readme, b, e, true);
         continue;
      }
      for (std::size_t open = t.find('`', b); open < e; open = t.find('`', open)) {
         const std::size_t close = t.find('`', open + 1);
         if (close >= e) break;
         add_references(readme, open + 1, close, false);
         open = close + 1;
      }
   }
}

}  // namespace

ast::docs_readme parse_docs_readme(std::string path, std::string text) {
   ast::docs_readme readme;
   readme.source = ast::source_file(std::move(path), std::move(text));
   const std::string& t = readme.source.text();
   state st{{readme.source, readme.errors}, readme, {}, {}, {}, {}, {}, heading::none, false, false, std::nullopt};
   try {
      pegtl::memory_input<pegtl::tracking_mode::lazy> in(t.data(), t.data() + t.size(), readme.source.path());
      pegtl::parse<g::readme, action>(in, st);
   } catch (const std::exception& e) {
      st.internal_failure(e);
   }
   collect_image_references(readme);
   if (!readme.has_section) {
      readme.errors.push_back(
          {"no `# Supported tags and respective `Dockerfile` links` section", readme.source.make_span(0, 0)});
   } else if (readme.simple_tags.empty() && readme.shared_tags.empty() && !readme.unsupported_architecture &&
              !readme.no_supported_tags) {
      readme.errors.push_back({"the supported-tags section lists no tags", readme.heading});
   }
   st.sort_errors();
   return readme;
}

}  // namespace strata::parse
