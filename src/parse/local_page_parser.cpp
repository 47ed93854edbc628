#include "parse/local_page_parser.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/local_page.hpp"
#include "parse/line_state.hpp"
#include "parse/values.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::local_page;

namespace {

using detail::raw_line;

/// Which list a `- ` / `  - ` item line belongs to.
enum class list_kind { none, environment, labels, binaries, licenses, urls, snapshot };

struct state : detail::line_state<ast::page_error, ast::text_value> {
   ast::local_page& page;

   // values captured by the sub-rules of the line being matched
   ast::text_value code, name, os, arch, manager, extension, url, timestamp, size;
   std::optional<ast::text_value> note;
   std::vector<ast::text_value> license_files;

   list_kind list = list_kind::none;
   bool expect_source_block = false;  // after `Source:`
   bool apk_block_seen = false;       // the current apk package has its ```console block

   detail::fenced_block block;  ///< the ```console block being read

   /// The Docker Metadata, for a metadata line (nullptr, with an error, after the package section).
   ast::docker_metadata* metadata(const ast::span& where, std::string_view what) {
      if (page.packages) {
         error(where, fmt::format("{} after the package section", what));
         return nullptr;
      }
      list = list_kind::none;
      return &page.metadata;
   }
   ast::package_section* packages(const ast::span& where, std::string_view what) {
      if (!page.packages) {
         error(where, fmt::format("{} outside a package section", what));
         return nullptr;
      }
      return &*page.packages;
   }
   /// The dpkg source package a line belongs to: the last package header must be a dpkg one.
   ast::dpkg_source_package* dpkg(const ast::span& where, std::string_view what) {
      auto* p = packages(where, what);
      if (p == nullptr) return nullptr;
      if (p->dpkg.empty() || !p->apk.empty()) {
         error(where, fmt::format("{} outside a `dpkg` source package", what));
         return nullptr;
      }
      return &p->dpkg.back();
   }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::code_text> : detail::capture_text<&state::code> {};
template <>
struct action<g::image_ref> : detail::capture_text<&state::name> {};
template <>
struct action<g::package_name> : detail::capture_text<&state::name> {};
template <>
struct action<g::os_name> : detail::capture_text<&state::os> {};
template <>
struct action<g::arch_name> : detail::capture_text<&state::arch> {};
template <>
struct action<g::manager_name> : detail::capture_text<&state::manager> {};
template <>
struct action<g::package_extension> : detail::capture_text<&state::extension> {};
template <>
struct action<g::url> : detail::capture_text<&state::url> {};
template <>
struct action<g::timestamp> : detail::capture_text<&state::timestamp> {};
template <>
struct action<g::virtual_size_value> : detail::capture_text<&state::size> {};
template <>
struct action<g::url_note> : detail::capture_text<&state::note> {};
template <>
struct action<g::meta_item> {  // every `- ` line starts here: forget the note of an earlier line
   template <typename Input>
   static void apply(const Input&, state& st) {
      st.note.reset();
   }
};
template <>
struct action<g::licenses_prefix> {
   template <typename Input>
   static void apply(const Input&, state& st) {
      st.license_files.clear();
   }
};
template <>
struct action<g::license_file> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.license_files.push_back(st.text_of(in.begin(), in.end()));
   }
};

// ---- title and Docker Metadata ----------------------------------------------------
template <>
struct action<g::title> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      if (st.page.image) {
         st.error(st.line_span(in), "a second `# ` title (the first one is kept)");
         return;
      }
      st.page.image = st.name;
   }
};
template <>
struct action<g::metadata_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* m = st.metadata(where, "`## Docker Metadata`");
      if (m == nullptr) return;
      if (m->header.end != 0) {
         st.error(where, "a second `## Docker Metadata` header");
         return;
      }
      m->header = where;
   }
};
template <>
struct action<g::image_id> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      if (auto* m = st.metadata(where, "`Image ID:`")) st.set_once(m->image_id, st.code, where, "`Image ID:`");
   }
};
template <>
struct action<g::created> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* m = st.metadata(where, "`Created:`");
      if (m == nullptr) return;
      auto t = parse_go_time(st.timestamp.text);
      if (!t) {
         st.error(st.timestamp.where, fmt::format("an impossible time: \"{}\"", st.timestamp.text));
         t = ast::timestamp_value{};
         t->text = st.timestamp.text;
      }
      t->where = st.timestamp.where;
      st.set_once(m->created, std::move(*t), where, "`Created:`");
   }
};
template <>
struct action<g::virtual_size> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* m = st.metadata(where, "`Virtual Size:`");
      if (m == nullptr) return;
      auto s = parse_approximate_size(st.size.text);
      if (!s) {
         st.error(st.size.where, fmt::format("an unreadable size: \"{}\"", st.size.text));
         s = ast::approximate_size{};
         s->text = st.size.text;
      }
      s->where = st.size.where;
      st.set_once(m->virtual_size, std::move(*s), where, "`Virtual Size:`");
   }
};
template <>
struct action<g::arch> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* m = st.metadata(where, "`Arch:`");
      if (m == nullptr) return;
      if (m->os) {
         st.error(where, "a second `Arch:` line (the first one is kept)");
         return;
      }
      m->os = st.os;
      m->architecture = st.arch;
   }
};

ast::string_list_value string_list(const ast::text_value& v) {
   ast::string_list_value out;
   out.text = v.text;
   out.where = v.where;
   auto j = nlohmann::json::parse(v.text, nullptr, false);
   if (j.is_array()) {
      out.parsed = true;
      for (const auto& item : j) {
         if (!item.is_string()) {
            out.parsed = false;
            out.items.clear();
            break;
         }
         out.items.push_back(item.get<std::string>());
      }
   }
   return out;
}

#define STRATA_JSON_LIST(rule, member, what)                        \
   template <>                                                      \
   struct action<rule> {                                            \
      template <typename Input>                                     \
      static void apply(const Input& in, state& st) {               \
         const auto where = st.line_span(in);                       \
         auto* m = st.metadata(where, what);                        \
         if (m == nullptr) return;                                  \
         auto v = string_list(st.code);                             \
         if (!v.parsed) {                                           \
            st.error(st.code.where, "not a JSON array of strings"); \
         }                                                          \
         st.set_once(m->member, std::move(v), where, what);         \
      }                                                             \
   }
STRATA_JSON_LIST(g::entrypoint, entrypoint, "`Entrypoint:`");
STRATA_JSON_LIST(g::command, command, "`Command:`");
#undef STRATA_JSON_LIST

template <>
struct action<g::environment_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* m = st.metadata(where, "`Environment:`");
      if (m == nullptr) return;
      if (m->has_environment) {
         st.error(where, "a second `Environment:` list");
         return;
      }
      m->has_environment = true;
      st.list = list_kind::environment;
   }
};
template <>
struct action<g::labels_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* m = st.metadata(where, "`Labels:`");
      if (m == nullptr) return;
      if (!m->labels.empty()) {
         st.error(where, "a second `Labels:` list");
         return;
      }
      st.list = list_kind::labels;
   }
};
template <>
struct action<g::list_entry> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      ast::name_value kv;
      const auto eq = st.code.text.find('=');
      kv.name = st.code.text.substr(0, eq);
      if (eq != std::string::npos) kv.value = st.code.text.substr(eq + 1);
      kv.where = st.code.where;
      if (st.list == list_kind::environment) {
         st.page.metadata.environment.push_back(std::move(kv));
      } else if (st.list == list_kind::labels) {
         st.page.metadata.labels.push_back(std::move(kv));
      } else {
         st.error(where, "a `  - ` entry outside the `Environment:` or `Labels:` list");
      }
   }
};

// ---- package sections ----------------------------------------------------------------
template <>
struct action<g::packages_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      st.expect_source_block = false;
      if (st.page.packages) {
         st.error(where, "a second package section");
         return;
      }
      st.page.packages = ast::package_section{st.manager, st.extension, where, {}, {}};
   }
};
template <>
struct action<g::dpkg_source_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      st.expect_source_block = false;
      auto* p = st.packages(where, "a `dpkg` source package");
      if (p == nullptr) return;
      if (!p->apk.empty()) {
         st.error(where, "a `dpkg` source package among `apk` packages");
         return;
      }
      ast::dpkg_source_package d;
      d.source = split_package_ref(st.name.text);
      d.source.where = st.name.where;
      d.header = where;
      p->dpkg.push_back(std::move(d));
   }
};
template <>
struct action<g::apk_package_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      st.expect_source_block = false;
      st.apk_block_seen = false;
      auto* p = st.packages(where, "an `apk` package");
      if (p == nullptr) return;
      if (!p->dpkg.empty()) {
         st.error(where, "an `apk` package among `dpkg` source packages");
         return;
      }
      p->apk.push_back({st.name, where, {}});
   }
};
template <>
struct action<g::binary_packages_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      auto* d = st.dpkg(where, "`Binary Packages:`");
      if (d == nullptr) return;
      if (!d->binaries.empty()) {
         st.error(where, "a second `Binary Packages:` list");
         st.list = list_kind::none;
         return;
      }
      st.list = list_kind::binaries;
   }
};
template <>
struct action<g::code_item> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      if (st.list == list_kind::binaries) {
         auto ref = split_package_ref(st.code.text);
         ref.where = st.code.where;
         st.page.packages->dpkg.back().binaries.push_back(std::move(ref));
      } else if (st.list == list_kind::licenses) {
         st.page.packages->dpkg.back().licenses.push_back(st.code);
      } else {
         st.error(where, "a `- `…`` item outside the `Binary Packages:` or `Licenses:` list");
      }
   }
};
template <>
struct action<g::licenses_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      auto* d = st.dpkg(where, "`Licenses:`");
      if (d == nullptr) return;
      if (!d->license_files.empty() || d->licenses_unknown) {
         st.error(where, "a second `Licenses:` list");
         return;
      }
      d->license_files = std::move(st.license_files);
      st.license_files.clear();
      st.list = list_kind::licenses;
   }
};
template <>
struct action<g::licenses_warning> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      auto* d = st.dpkg(where, "the licenses warning");
      if (d == nullptr) return;
      if (!d->license_files.empty()) {
         st.error(where, "the licenses warning after a `Licenses:` list");
         return;
      }
      d->licenses_unknown = true;
   }
};
template <>
struct action<g::source_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      auto* d = st.dpkg(where, "`Source:`");
      if (d == nullptr) return;
      if (d->source_request || d->source_missing) {
         st.error(where, "a second `Source:` part");
         return;
      }
      st.expect_source_block = true;
   }
};
template <>
struct action<g::urls_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      auto* d = st.dpkg(where, "`Other potentially useful URLs:`");
      if (d == nullptr) return;
      if (!d->urls.empty()) {
         st.error(where, "a second `Other potentially useful URLs:` list");
         return;
      }
      st.list = list_kind::urls;
   }
};
template <>
struct action<g::source_warning> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      auto* d = st.dpkg(where, "the source warning");
      if (d == nullptr) return;
      if (d->source_request || d->source_missing) {
         st.error(where, "the source warning in a package that has a `Source:` part");
         return;
      }
      d->source_missing = true;
   }
};
template <>
struct action<g::snapshot_header> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      st.list = list_kind::none;
      auto* d = st.dpkg(where, "the snapshot line");
      if (d == nullptr) return;
      if (!d->source_missing || d->has_snapshot) {
         st.error(where, "the snapshot line out of place (it follows the source warning, once)");
         return;
      }
      d->has_snapshot = true;
      st.list = list_kind::snapshot;
   }
};
template <>
struct action<g::url_item> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto where = st.line_span(in);
      ast::url_item u{st.url.text, std::nullopt, where};
      if (st.note) u.note = st.note->text;
      if (st.list == list_kind::urls) {
         st.page.packages->dpkg.back().urls.push_back(std::move(u));
      } else if (st.list == list_kind::snapshot) {
         st.page.packages->dpkg.back().snapshot_urls.push_back(std::move(u));
      } else {
         st.error(where, "a `- ` URL line outside a URL list");
      }
   }
};
template <>
struct action<g::unknown_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.unrecognised_line(st.line_span(in), "a local page");
   }
};

// ---- ```console blocks ------------------------------------------------------------------
template <>
struct action<g::console_fence> : detail::open_block<&state::block> {};
template <>
struct action<g::console_line> : detail::block_line<&state::block> {};
template <>
struct action<g::unterminated_block> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      st.unterminated_block(st.block.begin, in.begin(), "console");
   }
};

/// `'URL' FILE SIZE HASH`
std::optional<ast::apt_source_file> read_apt_source_line(std::string_view s) {
   if (!s.starts_with('\'')) return std::nullopt;
   const auto close = s.find("' ", 1);
   if (close == std::string_view::npos) return std::nullopt;
   ast::apt_source_file f;
   f.url = std::string(s.substr(1, close - 1));
   std::string_view rest = s.substr(close + 2);
   std::vector<std::string_view> words;  // split at every space: a double or trailing space gives an empty word
   for (std::size_t p = 0;;) {
      const auto sp = rest.find(' ', p);
      words.push_back(rest.substr(p, sp == std::string_view::npos ? std::string_view::npos : sp - p));
      if (sp == std::string_view::npos) break;
      p = sp + 1;
   }
   if (words.size() != 3 || words[0].empty() || words[2].empty() || words[1].empty() || words[1].size() > 19) {
      return std::nullopt;
   }
   for (char c : words[1]) {
      if (c < '0' || c > '9') return std::nullopt;
      f.size = f.size * 10 + static_cast<std::uint64_t>(c - '0');
   }
   f.file = std::string(words[0]);
   f.hash = std::string(words[2]);
   return f;
}

void read_source_block(state& st, ast::dpkg_source_package& d, const std::vector<raw_line>& lines,
                       const ast::span& block) {
   static constexpr std::string_view command = "$ apt-get source -qq --print-uris ";
   std::size_t i = 0;
   if (!lines.empty() && st.text(lines[0]).starts_with(command)) {
      d.source_request = ast::text_value{std::string(st.text(lines[0]).substr(command.size())),
                                         st.page.source.make_span(lines[0].begin + command.size(), lines[0].end)};
      i = 1;
   } else {
      st.error(block, "a `Source:` block without its `$ apt-get source -qq --print-uris` line");
   }
   for (; i < lines.size(); ++i) {
      const auto where = st.page.source.make_span(lines[i].begin, lines[i].end);
      auto f = read_apt_source_line(st.text(lines[i]));
      if (!f) {
         st.error(where, "an `apt-get source` line that is not `'URL' FILE SIZE HASH`");
         continue;
      }
      f->where = where;
      d.source_files.push_back(std::move(*f));
   }
}

/// `<package>-<version> <key>:` (the key is lower-case words: `installed size`)
bool read_apk_field_header(std::string_view s, ast::apk_field& f) {
   const auto sp = s.find(' ');
   if (sp == 0 || sp == std::string_view::npos || s.size() < sp + 3 || !s.ends_with(':')) return false;
   const auto key = s.substr(sp + 1, s.size() - sp - 2);
   for (char c : key) {
      if (!((c >= 'a' && c <= 'z') || c == ' ' || c == '-')) return false;
   }
   if (key.starts_with(' ') || key.ends_with(' ')) return false;
   f.package = std::string(s.substr(0, sp));
   f.key = std::string(key);
   return true;
}

void read_apk_block(state& st, ast::apk_package& p, const std::vector<raw_line>& lines) {
   std::size_t i = 0;
   while (i < lines.size()) {
      ast::apk_field f;
      const auto where = st.page.source.make_span(lines[i].begin, lines[i].end);
      if (!read_apk_field_header(st.text(lines[i]), f)) {
         st.error(where, "a line of `apk info` output that is not a `<package> <field>:` header");
         ++i;
         continue;
      }
      ++i;
      const std::size_t first = i;
      while (i < lines.size() && !st.text(lines[i]).empty()) ++i;
      // an empty value: the header, an empty line, then the blank separator
      const bool empty_value = i == first && i + 1 < lines.size() && st.text(lines[i + 1]).empty();
      for (std::size_t k = first; k < i; ++k) {
         f.value.push_back({std::string(st.text(lines[k])), st.page.source.make_span(lines[k].begin, lines[k].end)});
      }
      if (empty_value) {
         f.value.push_back({"", st.page.source.make_span(lines[i].begin, lines[i].end)});
         ++i;
      }
      f.where = st.page.source.make_span(where.begin, i > first ? lines[i - 1].end : where.end);
      if (i < lines.size()) ++i;  // the blank separator
      p.fields.push_back(std::move(f));
   }
}

template <>
struct action<g::console_block> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto lines = std::move(st.block.lines);
      st.block.lines.clear();
      const auto where = st.line_span(in);
      const bool source = st.expect_source_block;
      st.expect_source_block = false;
      st.list = list_kind::none;
      if (source && st.page.packages && !st.page.packages->dpkg.empty()) {
         read_source_block(st, st.page.packages->dpkg.back(), lines, where);
         return;
      }
      if (st.page.packages && !st.page.packages->apk.empty() && !st.apk_block_seen) {
         st.apk_block_seen = true;
         read_apk_block(st, st.page.packages->apk.back(), lines);
         return;
      }
      st.error(where, "a ```console block out of place (it follows `Source:` or an `apk` package header)");
   }
};

}  // namespace

std::optional<ast::timestamp_value> parse_go_time(std::string_view t) {
   const auto v = read_rfc3339(t, {});  // Go's layout: no lenient letters, days 1-31, ≤ 9 fraction digits
   if (!v) return std::nullopt;
   ast::timestamp_value out;
   out.epoch = v->epoch;
   out.nanoseconds = v->nanoseconds;
   out.utc_offset_minutes = v->utc_offset_minutes;
   out.text = std::string(t);
   return out;
}

std::string format_go_time(std::int64_t epoch, std::uint32_t nanoseconds, std::int32_t utc_offset_minutes) {
   std::string out = format_rfc3339(epoch + static_cast<std::int64_t>(utc_offset_minutes) * 60);
   out.pop_back();  // the `Z`
   if (nanoseconds != 0) {
      auto fraction = fmt::format("{:09}", nanoseconds % 1000000000U);
      while (fraction.ends_with('0')) fraction.pop_back();
      out += '.';
      out += fraction;
   }
   if (utc_offset_minutes == 0) {
      out += 'Z';
   } else {
      const auto m = utc_offset_minutes < 0 ? -static_cast<std::int64_t>(utc_offset_minutes) : utc_offset_minutes;
      out += fmt::format("{}{:02}:{:02}", utc_offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
   }
   return out;
}

std::optional<ast::approximate_size> parse_approximate_size(std::string_view s) {
   ast::approximate_size v;
   v.text = std::string(s);
   auto number = [](std::string_view d, std::uint64_t& out) {
      if (d.empty() || d.size() > 15) return false;
      out = 0;
      for (char c : d) {
         if (c < '0' || c > '9') return false;
         out = out * 10 + static_cast<std::uint64_t>(c - '0');
      }
      return true;
   };
   if (s.ends_with(" bytes")) {
      if (!number(s.substr(0, s.size() - 6), v.bytes)) return std::nullopt;
      v.unit = "bytes";
      v.hundredths = v.bytes * 100;
      return v;
   }
   // ~ 83.43 Mb
   const auto dot = s.find('.');
   if (!s.starts_with("~ ") || dot == std::string_view::npos || s.size() != dot + 6 || s[dot + 3] != ' ') {
      return std::nullopt;
   }
   std::uint64_t whole = 0, cents = 0;
   if (!number(s.substr(2, dot - 2), whole) || !number(s.substr(dot + 1, 2), cents)) return std::nullopt;
   const auto unit = s.substr(dot + 4);
   std::uint64_t scale = 0;
   if (unit == "Kb") scale = 1000;
   if (unit == "Mb") scale = 1000 * 1000;
   if (unit == "Gb") scale = 1000 * 1000 * 1000;
   if (scale == 0) return std::nullopt;
   v.unit = std::string(unit);
   v.hundredths = whole * 100 + cents;
   v.bytes = v.hundredths * (scale / 100);
   return v;
}

ast::package_ref split_package_ref(std::string_view text) {
   ast::package_ref r;
   const auto eq = text.find('=');
   if (eq != std::string_view::npos) r.version = std::string(text.substr(eq + 1));
   const auto name = text.substr(0, eq);
   const auto colon = name.find(':');
   r.name = std::string(name.substr(0, colon));
   if (colon != std::string_view::npos) r.architecture = std::string(name.substr(colon + 1));
   return r;
}

bool looks_like_local_page(std::string_view text) {
   if (text.starts_with("\xEF\xBB\xBF")) {
      text.remove_prefix(3);
   }
   if (!text.starts_with("# `")) return false;
   std::size_t pos = 0;
   while (pos < text.size()) {
      const auto nl = text.find('\n', pos);
      const auto line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      if (line == "## Docker Metadata") return true;
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
   }
   return false;
}

ast::local_page parse_local_page(std::string path, std::string text) {
   ast::local_page page;
   page.source = ast::source_file(std::move(path), std::move(text));
   const std::string& t = page.source.text();
   state st{
       {page.source, page.errors}, page, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, list_kind::none, false, false, {}};
   pegtl::memory_input in(t.data(), t.data() + t.size(), page.source.path());
   try {
      pegtl::parse<g::page, action>(in, st);
   } catch (const std::exception& e) {
      st.internal_failure(e);
   }
   if (!page.image) {
      page.errors.push_back({"no `# `<image>`` title", page.source.make_span(0, 0)});
   }
   if (page.metadata.header.end == 0) {
      page.errors.push_back({"no `## Docker Metadata` header", page.source.make_span(0, 0)});
   }
   return page;
}

}  // namespace strata::parse
