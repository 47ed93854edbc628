#include "parse/tag_details_parser.hpp"

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/tag_details.hpp"
#include "parse/line_state.hpp"
#include "parse/values.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::tag_details;

namespace {

struct state : detail::line_state<ast::page_error, ast::text_value> {
   ast::tag_details& page;

   // values captured by the sub-rules of the line being matched
   ast::text_value code, rest, name, anchor, pull, generator;
   std::optional<std::uint32_t> count;
   ast::size_value size;
   ast::date_value date;

   detail::fenced_block block;  ///< the ```dockerfile block being read

   /// The tag section a line belongs to (nullptr, with an error, when there is none
   /// or when the tag does not exist).
   ast::tag_details_tag* tag(const ast::span& where, std::string_view what) {
      auto* t = last_of(page.tags, where, what, "before the first `## ` tag header");
      if (t != nullptr && t->does_not_exist) {
         error(where, fmt::format("{} in a tag that does not exist", what));
         return nullptr;
      }
      return t;
   }
   /// A tag-level line: it must come before the tag's first layer.
   ast::tag_details_tag* tag_level(const ast::span& where, std::string_view what) {
      auto* t = tag(where, what);
      if (t != nullptr && !t->layers.empty()) {
         error(where, fmt::format("{} after the first layer of a tag", what));
         return nullptr;
      }
      return t;
   }
   ast::v1_layer* layer(const ast::span& where, std::string_view what) {
      auto* t = tag(where, what);
      if (t == nullptr) return nullptr;
      return last_of(t->layers, where, what, "outside a `#### ` layer section");
   }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::code_text> : detail::capture_text<&state::code> {};
template <>
struct action<g::rest_of_line> : detail::capture_text<&state::rest> {};
template <>
struct action<g::repo_name> : detail::capture_text<&state::name> {};
template <>
struct action<g::tag_name> : detail::capture_text<&state::name> {};
template <>
struct action<g::layer_id> : detail::capture_text<&state::name> {};
template <>
struct action<g::toc_tag> : detail::capture_text<&state::name> {};
template <>
struct action<g::toc_anchor> : detail::capture_text<&state::anchor> {};
template <>
struct action<g::pull_reference> : detail::capture_text<&state::pull> {};
template <>
struct action<g::generator_path> : detail::capture_text<&state::generator> {};
template <>
struct action<g::size> : detail::capture_size<&state::size> {};
template <>
struct action<g::date> : detail::capture_date<&state::date> {};

template <>
struct action<g::layer_count> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto s = in.string();
      st.count = s.size() <= 9 ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(std::stoul(s))) : std::nullopt;
   }
};

// ---- header and table of contents -------------------------------------------
template <>
struct action<g::generated_comment> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (st.page.generator || st.page.repo || !st.page.toc.empty() || !st.page.tags.empty()) {
         st.error(st.line_span(in), "the `<!-- THIS FILE IS GENERATED` comment is only valid as the first line");
         return;
      }
      st.page.generator = st.generator;
   }
};
template <>
struct action<g::repo_title> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (st.page.repo || !st.page.toc.empty() || !st.page.tags.empty()) {
         st.error(st.line_span(in), "a misplaced `# Tags of` title (one per page, before the table of contents)");
         return;
      }
      st.page.repo = st.name;
   }
};
template <>
struct action<g::toc_item> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      if (!st.page.tags.empty()) {
         st.error(where, "a table-of-contents line after the first tag section");
         return;
      }
      st.page.toc.push_back({st.name, st.anchor, where});
   }
};
template <>
struct action<g::no_supported_tags> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (!st.page.tags.empty()) {
         st.error(st.line_span(in), "`**No supported tags**` after the first tag section");
         return;
      }
      st.page.no_supported_tags = true;
   }
};

// ---- tags ---------------------------------------------------------------------
template <>
struct action<g::tag_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      ast::tag_details_tag t;
      t.name = st.name;
      t.header = st.line_span(in);
      st.page.tags.push_back(std::move(t));
   }
};
template <>
struct action<g::does_not_exist> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* t = st.tag(where, "`**does not exist**`");
      if (t == nullptr) return;
      if (t->digest || t->total_virtual_size || t->total_content_length || t->layer_count || !t->layers.empty()) {
         st.error(where, "`**does not exist**` in a tag that has content");
         return;
      }
      t->does_not_exist = true;
   }
};
template <>
struct action<g::console_block> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* t = st.tag_level(where, "a `docker pull` block");
      if (t == nullptr) return;
      if (t->digest) {
         st.error(where, "a second `docker pull` block (the first one is kept)");
         return;
      }
      const auto& v = st.pull;
      const auto at = v.text.rfind('@');
      if (at == std::string::npos) {
         t->digest = v;
         return;
      }
      t->pull_name = ast::text_value{v.text.substr(0, at), st.page.source.make_span(v.where.begin, v.where.begin + at)};
      t->digest = ast::text_value{v.text.substr(at + 1), st.page.source.make_span(v.where.begin + at + 1, v.where.end)};
   }
};

#define STRATA_TAG_SIZE(rule, member, what)                                \
   template <>                                                             \
   struct action<rule> {                                                   \
      template <typename Input>                                            \
      static void apply(const Input& in, state& st) {                      \
         const auto where = st.line_span(in);                              \
         if (auto* t = st.tag_level(where, what)) {                        \
            st.set_once(t->member, st.checked_size(st.size), where, what); \
         }                                                                 \
      }                                                                    \
   }
STRATA_TAG_SIZE(g::total_virtual_size, total_virtual_size, "`Total Virtual Size:`");
STRATA_TAG_SIZE(g::total_content_length, total_content_length, "`Total v2 Content-Length:`");
#undef STRATA_TAG_SIZE

template <>
struct action<g::layers_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* t = st.tag_level(where, "`### Layers`");
      if (t == nullptr) return;
      if (!st.count) {
         st.error(where, "an unreadable `### Layers` count");
         return;
      }
      t->layers_header = where;
      st.set_once(t->layer_count, *st.count, where, "`### Layers`");
   }
};

// ---- layers -------------------------------------------------------------------
template <>
struct action<g::layer_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* t = st.tag(where, "a `#### ` layer header");
      if (t == nullptr) return;
      ast::v1_layer l;
      l.id = st.name;
      l.header = where;
      t->layers.push_back(std::move(l));
   }
};

#define STRATA_LAYER_VALUE(rule, member, what, value)      \
   template <>                                             \
   struct action<rule> {                                   \
      template <typename Input>                            \
      static void apply(const Input& in, state& st) {      \
         const auto where = st.line_span(in);              \
         if (auto* l = st.layer(where, what)) {            \
            st.set_once(l->member, st.value, where, what); \
         }                                                 \
      }                                                    \
   }
STRATA_LAYER_VALUE(g::created, created, "`Created:`", checked_date(st.date));
STRATA_LAYER_VALUE(g::parent_layer, parent, "`Parent Layer:`", code);
STRATA_LAYER_VALUE(g::docker_version, docker_version, "`Docker Version:`", rest);
STRATA_LAYER_VALUE(g::virtual_size, virtual_size, "`Virtual Size:`", checked_size(st.size));
STRATA_LAYER_VALUE(g::v2_blob, blob, "`v2 Blob:`", code);
STRATA_LAYER_VALUE(g::content_length, content_length, "`v2 Content-Length:`", checked_size(st.size));
STRATA_LAYER_VALUE(g::last_modified, last_modified, "`v2 Last-Modified:`", checked_date(st.date));
#undef STRATA_LAYER_VALUE

template <>
struct action<g::unknown_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.unrecognised_line(st.line_span(in), "a tag-details page");
   }
};

// ---- the ```dockerfile block ------------------------------------------------------
template <>
struct action<g::dockerfile_fence> : detail::open_block<&state::block> {};
template <>
struct action<g::command_line> : detail::block_line<&state::block> {};
template <>
struct action<g::unterminated_block> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.unterminated_block(st.block.begin, in.begin(), "dockerfile");
   }
};

/// `"NAME" => "VALUE"` with `\"` and `\\` escapes; nullopt when the text is not one.
std::optional<std::pair<std::string, std::string>> read_build_arg(std::string_view s) {
   auto quoted = [&s](std::size_t& i, std::string& out) {
      if (i >= s.size() || s[i] != '"') return false;
      for (++i; i < s.size(); ++i) {
         if (s[i] == '\\' && i + 1 < s.size()) {
            out += s[++i];
         } else if (s[i] == '"') {
            ++i;
            return true;
         } else {
            out += s[i];
         }
      }
      return false;
   };
   std::pair<std::string, std::string> out;
   std::size_t i = 0;
   if (!quoted(i, out.first)) return std::nullopt;
   static constexpr std::string_view arrow = " => ";
   if (s.substr(i, arrow.size()) != arrow) return std::nullopt;
   i += arrow.size();
   if (!quoted(i, out.second) || i != s.size()) return std::nullopt;
   return out;
}

template <>
struct action<g::dockerfile_block> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto lines = std::move(st.block.lines);
      st.block.lines.clear();
      auto* l = st.layer(st.line_span(in), "a ```dockerfile block");
      if (l == nullptr) return;
      if (l->command) {
         st.error(st.line_span(in), "a second ```dockerfile block in a layer (the first one is kept)");
         return;
      }
      const std::string& text = st.page.source.text();
      auto line = [&](std::size_t i) {
         return std::string_view(text).substr(lines[i].begin, lines[i].end - lines[i].begin);
      };
      ast::layer_command c;
      std::size_t i = 0;
      for (; i < lines.size() && line(i).starts_with("# ARG: "); ++i) {
         auto arg = read_build_arg(line(i).substr(7));
         if (!arg) break;
         c.build_args.push_back(
             {std::move(arg->first), std::move(arg->second), st.page.source.make_span(lines[i].begin, lines[i].end)});
      }
      if (i < lines.size() && line(i).starts_with("# ARGS: ")) {
         c.args = ast::text_value{std::string(line(i).substr(8)),
                                  st.page.source.make_span(lines[i].begin + 8, lines[i].end)};
         ++i;
      }
      if (i < lines.size() && line(i) == "# unable to parse image command string further:") {
         c.unparsed = true;
         ++i;
      }
      if (lines.empty()) {
         c.where = st.page.source.make_span(st.block.begin, st.block.begin);
      } else {
         c.where = st.page.source.make_span(lines.front().begin, lines.back().end);
      }
      if (i == lines.size()) {
         st.error(lines.empty() ? st.line_span(in) : c.where, "a ```dockerfile block without a command");
      } else {
         const std::string_view shown =
             std::string_view(text).substr(lines[i].begin, lines.back().end - lines[i].begin);
         c.text = std::string(shown);
         if (shown.find('\n') != std::string_view::npos) {
            auto unwrapped = unwrap_command(shown);
            if (unwrapped.find('\n') == std::string::npos && wrap_command(unwrapped) == shown) {
               c.text = std::move(unwrapped);
               c.wrapped = true;
            }
         }
         c.keyword = c.text.substr(0, c.text.find_first_of(" \n"));
      }
      l->command = std::move(c);
   }
};

bool is_indent_at(std::string_view s, std::size_t i) {
   return i < s.size() && (s[i] == '\t' || s.substr(i, 4) == "    ");
}

}  // namespace

std::string wrap_command(std::string_view s) {
   if (s.find('\n') != std::string_view::npos) {
      return std::string(s);
   }
   std::string out;
   out.reserve(s.size() + s.size() / 8);
   std::size_t i = 0;
   while (i < s.size()) {
      if (!is_indent_at(s, i)) {
         out += s[i++];
         continue;
      }
      std::size_t j = i;
      while (is_indent_at(s, j)) j += s[j] == '\t' ? 1 : 4;
      out += "\\\n";
      out.append(s.substr(i, j - i));
      i = j;
   }
   return out;
}

std::string unwrap_command(std::string_view s) {
   std::string out;
   out.reserve(s.size());
   for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '\n' && is_indent_at(s, i + 2)) {
         ++i;  // drop the backslash and the newline
         continue;
      }
      out += s[i];
   }
   return out;
}

bool looks_like_tag_details(std::string_view text) {
   if (text.starts_with("\xEF\xBB\xBF")) {
      text.remove_prefix(3);
   }
   return text.starts_with("<!-- THIS FILE IS GENERATED") || text.starts_with("# Tags of `");
}

ast::tag_details parse_tag_details(std::string path, std::string text) {
   ast::tag_details page;
   page.source = ast::source_file(std::move(path), std::move(text));
   const std::string& t = page.source.text();
   state st{{page.source, page.errors}, page, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
   pegtl::memory_input in(t.data(), t.data() + t.size(), page.source.path());
   try {
      pegtl::parse<g::page, action>(in, st);
   } catch (const std::exception& e) {
      st.internal_failure(e);
   }
   if (!page.repo) {
      page.errors.push_back({"no `# Tags of `<repo>`` title", page.source.make_span(0, 0)});
   }
   return page;
}

}  // namespace strata::parse
