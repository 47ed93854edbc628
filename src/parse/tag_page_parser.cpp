#include "parse/tag_page_parser.hpp"

#include <cctype>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <tao/pegtl.hpp>

#include "grammar/tag_page.hpp"
#include "parse/history_line.hpp"
#include "parse/line_state.hpp"
#include "parse/values.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::tag_page;

namespace {

using detail::raw_line;

struct state : detail::line_state<ast::page_error, ast::text_value> {
   ast::tag_page& page;

   // values captured by the sub-rules of the line being matched
   ast::text_value code, reference, platform, rest, pull;
   std::optional<std::uint32_t> count;
   ast::size_value size;
   ast::date_value date;

   // the ```dockerfile block being read
   std::vector<std::pair<ast::date_value, std::vector<raw_line>>> entries;
   std::size_t block_begin = 0;
   bool in_layers = false;

   ast::section* current(const ast::span& where, std::string_view what) {
      return last_of(page.sections, where, what, "outside a platform section");
   }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::code_text> : detail::capture_text<&state::code> {};
template <>
struct action<g::reference> : detail::capture_text<&state::reference> {};
template <>
struct action<g::platform_text> : detail::capture_text<&state::platform> {};
template <>
struct action<g::rest_of_line> : detail::capture_text<&state::rest> {};
template <>
struct action<g::pull_reference> : detail::capture_text<&state::pull> {};

template <>
struct action<g::platform_count> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto s = in.string();
      st.count = s.size() <= 9 ? static_cast<std::uint32_t>(std::stoul(s)) : 0U;
   }
};
template <>
struct action<g::size> : detail::capture_size<&state::size> {};
template <>
struct action<g::date> : detail::capture_date<&state::date> {};

template <>
struct action<g::page_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (!st.page.ref.text.empty()) {
         st.error(st.line_span(in), "a second `## ` page header (only E0 tag-details pages hold several tags)");
         return;
      }
      st.page.ref = st.reference;
   }
};
template <>
struct action<g::section_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      ast::section s;
      s.ref = st.reference;
      s.platform = st.platform;
      s.header = st.line_span(in);
      st.page.sections.push_back(std::move(s));
      st.in_layers = false;
   }
};
template <>
struct action<g::console_block> {
   template <typename Input>
   static void apply(const Input&, state& st) {
      auto value = st.pull;
      std::optional<ast::text_value> name;
      const auto at = value.text.rfind('@');
      if (at != std::string::npos) {
         const std::size_t skip = value.text.size() - (at + 1);
         name = ast::text_value{value.text.substr(0, at),
                                st.page.source.make_span(value.where.begin, value.where.begin + at)};
         value.text = value.text.substr(at + 1);
         value.where = st.page.source.make_span(value.where.end - skip, value.where.end);
      }
      if (st.page.sections.empty()) {
         st.page.digest = value;
         st.page.pull_name = std::move(name);
      } else {
         st.page.sections.back().digest = value;
         st.page.sections.back().pull_name = std::move(name);
      }
   }
};
template <>
struct action<g::manifest_mime> {
   template <typename Input>
   static void apply(const Input&, state& st) {
      if (st.page.sections.empty()) {
         st.page.manifest_mime = st.code;
      } else {
         st.page.sections.back().manifest_mime = st.code;
      }
   }
};
template <>
struct action<g::platforms_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.page.platforms_header = st.line_span(in);
      st.page.platform_count = st.count;
      st.count.reset();
   }
};
template <>
struct action<g::platform_item> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (!st.page.sections.empty() || st.page.platforms_header.end == 0) {
         st.error(st.line_span(in), "platform list item outside the `Platforms:` list");
         return;
      }
      st.page.platforms.push_back(st.platform);
   }
};

#define STRATA_SECTION_VALUE(rule, member, what, value)      \
   template <>                                               \
   struct action<rule> {                                     \
      template <typename Input>                              \
      static void apply(const Input& in, state& st) {        \
         if (auto* s = st.current(st.line_span(in), what)) { \
            s->member = st.value;                            \
         }                                                   \
      }                                                      \
   }
STRATA_SECTION_VALUE(g::docker_version, docker_version, "`Docker Version:`", rest);
STRATA_SECTION_VALUE(g::total_size, total_size, "`Total Size:`", size);
STRATA_SECTION_VALUE(g::image_id, image_id, "`Image ID:`", code);
STRATA_SECTION_VALUE(g::entrypoint, entrypoint, "`Entrypoint:`", code);
STRATA_SECTION_VALUE(g::default_command, default_command, "`Default Command:`", code);
STRATA_SECTION_VALUE(g::shell, shell, "`SHELL:`", code);
#undef STRATA_SECTION_VALUE

template <>
struct action<g::layers_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (auto* s = st.current(st.line_span(in), "`Layers:`")) {
         s->layers_header = st.line_span(in);
         st.in_layers = true;
      }
   }
};
template <>
struct action<g::layer_item> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (!st.in_layers || st.page.sections.empty()) {
         // the same shape as a platform item with a backtick: a layer outside a `Layers:` list
         st.error(st.line_span(in), "layer item outside a `Layers:` list");
         return;
      }
      ast::layer l;
      l.digest = st.code;
      st.page.sections.back().layers.push_back(std::move(l));
   }
};
template <typename Input>
ast::layer* current_layer(const Input& in, state& st, std::string_view what) {
   if (!st.in_layers || st.page.sections.empty() || st.page.sections.back().layers.empty()) {
      st.error(st.line_span(in), fmt::format("{} outside a layer item", what));
      return nullptr;
   }
   return &st.page.sections.back().layers.back();
}
template <>
struct action<g::layer_last_modified> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (auto* l = current_layer(in, st, "`Last Modified:`")) l->last_modified = st.checked_date(st.date);
   }
};
template <>
struct action<g::layer_size> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (auto* l = current_layer(in, st, "`Size:`")) l->size = st.checked_size(st.size);
   }
};
template <>
struct action<g::layer_mime> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (auto* l = current_layer(in, st, "`MIME:`")) l->mime = st.rest;
   }
};
template <>
struct action<g::does_not_exist> {
   template <typename Input>
   static void apply(const Input&, state& st) {
      st.page.does_not_exist = true;
   }
};
template <>
struct action<g::unknown_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.unrecognised_line(st.line_span(in), "a tag page");
   }
};

// ---- the ```dockerfile block -----------------------------------------------
template <>
struct action<g::history_date_line> {
   template <typename Input>
   static void apply(const Input&, state& st) {
      st.entries.push_back({st.checked_date(st.date), {}});
   }
};
template <>
struct action<g::history_text_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      if (st.entries.empty()) {
         st.error(where, "history text before the first `# <date>` line");
         return;
      }
      st.entries.back().second.push_back({where.begin, where.end});
   }
};
template <>
struct action<g::unterminated_block> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.unterminated_block(st.block_begin, in.begin(), "dockerfile");
   }
};

// The section's SHELL (`["powershell","-Command",...]`) as strings, for the history-line parser.
std::vector<std::string> shell_of(const ast::section& s) {
   std::vector<std::string> out;
   if (!s.shell) return out;
   const auto j = nlohmann::json::parse(s.shell->text, nullptr, false);
   if (!j.is_array()) return out;
   for (const auto& e : j) {
      if (!e.is_string()) return {};
      out.push_back(e.get<std::string>());
   }
   return out;
}

void finish_entry(state& st, ast::section& s, ast::date_value created, const std::vector<raw_line>& lines,
                  const std::vector<std::string>& shell) {
   const std::string& text = st.page.source.text();
   ast::history_entry e;
   e.created = std::move(created);
   std::size_t first = 0;
   while (first < lines.size()) {
      std::string_view l(text.data() + lines[first].begin, lines[first].end - lines[first].begin);
      if (!l.starts_with("# ARGS:") && !l.starts_with("# ARG:") && !l.starts_with("# unable to parse")) {
         break;
      }
      e.arg_lines.push_back({std::string(l), st.page.source.make_span(lines[first].begin, lines[first].end)});
      ++first;
   }
   if (first == lines.size()) {
      st.error(e.created.where, "history entry without instruction text");
      s.history.push_back(std::move(e));
      return;
   }
   const std::size_t b = lines[first].begin;
   const std::size_t en = lines.back().end;
   e.text = text.substr(b, en - b);
   e.text_span = st.page.source.make_span(b, en);
   const auto sp = e.text.find(' ');
   e.keyword = e.text.substr(0, sp);
   std::size_t ab = sp == std::string::npos ? e.text.size() : sp + 1;
   std::size_t ae = e.text.size();
   static constexpr std::string_view suffix = " # buildkit";
   if (std::string_view(e.text).substr(ab).ends_with(suffix)) {
      e.buildkit = true;
      ae -= suffix.size();
   }
   e.arguments = e.text.substr(ab, ae - ab);
   e.arguments_span = st.page.source.make_span(b + ab, b + ae);
   e.instruction = parse_history_instruction(e.text, shell);
   if (const auto& p = e.instruction.problem) {
      const std::size_t at = b + std::min(p->offset, e.text.size());
      const std::size_t line_end = std::min(text.find('\n', at), en);
      st.error(st.page.source.make_span(at, std::max(at, line_end)),
               e.instruction.unparsed() ? fmt::format("history entry not read as an instruction: {}", p->reason)
                                        : fmt::format("{} history entry: {}", e.instruction.keyword, p->reason));
   }
   for (const auto& a : e.arg_lines) e.args.push_back(parse_history_arg_line(a.text));
   if (e.keyword == "ENV") {
      for (const auto& p : split_history_env(e.arguments)) {
         e.env.push_back({e.arguments.substr(p.key_begin, p.key_end - p.key_begin),
                          e.arguments.substr(p.value_begin, p.value_end - p.value_begin),
                          st.page.source.make_span(b + ab + p.key_begin, b + ab + p.key_end),
                          st.page.source.make_span(b + ab + p.value_begin, b + ab + p.value_end)});
      }
   }
   s.history.push_back(std::move(e));
}

template <>
struct action<g::dockerfile_block> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      auto entries = std::move(st.entries);
      st.entries.clear();
      auto* s = st.current(st.line_span(in), "```dockerfile block");
      if (s == nullptr) {
         return;
      }
      const auto shell = shell_of(*s);
      for (auto& [date, lines] : entries) {
         finish_entry(st, *s, std::move(date), lines, shell);
      }
   }
};
template <>
struct action<g::dockerfile_fence> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.block_begin = st.offset(in.begin());
      st.entries.clear();
   }
};

bool is_name_char(char c) {
   return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

}  // namespace

std::vector<env_split> split_history_env(std::string_view a) {
   std::vector<env_split> out;
   const auto eq = a.find('=');
   const auto sp = a.find_first_of(" \t");
   if (eq == std::string_view::npos || (sp != std::string_view::npos && sp < eq)) {
      // legacy `KEY value`
      if (sp == std::string_view::npos) {
         if (!a.empty()) out.push_back({0, a.size(), a.size(), a.size()});
         return out;
      }
      const auto vb = a.find_first_not_of(" \t", sp);
      out.push_back({0, sp, vb == std::string_view::npos ? a.size() : vb, a.size()});
      return out;
   }
   // KEY=value pairs; a new pair starts at " NAME=" where NAME is [A-Za-z_][A-Za-z0-9_]*
   std::size_t key_begin = 0;
   while (key_begin < a.size()) {
      const std::size_t key_end = a.find('=', key_begin);
      if (key_end == std::string_view::npos) {
         break;
      }
      const std::size_t value_begin = key_end + 1;
      std::size_t next = std::string_view::npos;
      for (std::size_t i = value_begin; i < a.size(); ++i) {
         if (a[i] != ' ' || i + 1 >= a.size()) {
            continue;
         }
         std::size_t j = i + 1;
         if (!(std::isalpha(static_cast<unsigned char>(a[j])) != 0 || a[j] == '_')) {
            continue;
         }
         while (j < a.size() && is_name_char(a[j])) ++j;
         if (j < a.size() && a[j] == '=') {
            next = i;
            break;
         }
      }
      const std::size_t value_end = next == std::string_view::npos ? a.size() : next;
      out.push_back({key_begin, key_end, value_begin, value_end});
      if (next == std::string_view::npos) {
         break;
      }
      key_begin = next + 1;
   }
   return out;
}

bool looks_like_tag_page(std::string_view text) {
   if (text.starts_with("\xEF\xBB\xBF")) {
      text.remove_prefix(3);
   }
   return text.starts_with("## `");
}

ast::tag_page parse_tag_page(std::string path, std::string text) {
   ast::tag_page page;
   page.source = ast::source_file(std::move(path), std::move(text));
   const std::string& t = page.source.text();
   state st{{page.source, page.errors}, page, {}, {}, {}, {}, {}, {}, {}, {}, {}, 0, false};
   // lazy: the actions read byte offsets, never a line or column of the input
   pegtl::memory_input<pegtl::tracking_mode::lazy> in(t.data(), t.data() + t.size(), page.source.path());
   try {
      pegtl::parse<g::page, action>(in, st);
   } catch (const std::exception& e) {
      st.internal_failure(e);
   }
   if (page.ref.text.empty() && !page.does_not_exist) {
      page.errors.push_back({"no `## `<tag>`` page header", page.source.make_span(0, 0)});
   }
   return page;
}

}  // namespace strata::parse
