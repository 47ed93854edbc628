#include "parse/library_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

#include "grammar/library_file.hpp"
#include "parse/line_state.hpp"
#include "parse/values.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::library_file;

namespace {

using detail::capture;

/// A field being read: its key, the trimmed value lines, the end of its last line.
struct raw_field {
   capture key;
   std::vector<capture> lines;
   std::size_t line_begin = 0;
   std::size_t end = 0;
};

struct raw_paragraph {
   std::vector<raw_field> fields;
   std::size_t begin = 0;
   std::size_t end = 0;
};

/// One line of the ≤ 2016 format.
struct raw_old_line {
   capture tag, repo, commit, directory;
   std::size_t begin = 0;
   std::size_t end = 0;
};

struct state : detail::line_state<ast::library_error, ast::library_value> {
   ast::library_file& lib;

   capture key, value, continuation, comment, old_tag, old_repo, old_commit, old_directory;

   std::vector<raw_paragraph> paragraphs;
   bool paragraph_open = false;
   std::vector<raw_old_line> old_lines;
};

/// Trims blanks (space, tab, CR) at both ends of [b, e).
capture trimmed(const char* base, std::size_t b, std::size_t e) {
   auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
   while (b < e && blank(base[b])) ++b;
   while (e > b && blank(base[e - 1])) --e;
   return {b, e, true};
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::key> : detail::capture_range<&state::key> {};
template <>
struct action<g::value_text> : detail::capture_range<&state::value> {};
template <>
struct action<g::continuation_text> : detail::capture_range<&state::continuation> {};
template <>
struct action<g::comment_text> : detail::capture_range<&state::comment> {};
template <>
struct action<g::old_tag> : detail::capture_range<&state::old_tag> {};
template <>
struct action<g::old_repo> : detail::capture_range<&state::old_repo> {};
template <>
struct action<g::old_commit> : detail::capture_range<&state::old_commit> {};
template <>
struct action<g::old_directory> : detail::capture_range<&state::old_directory> {};

template <>
struct action<g::blank_line> {
   template <typename Input>
   static void apply(const Input&, state& st) {
      st.paragraph_open = false;
   }
};

template <>
struct action<g::comment_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      const auto c = st.taken(st.comment, b);
      if (!c) return;
      const std::size_t end = std::max(c->begin, e);
      st.lib.comments.push_back({std::string(st.text(c->begin, end)), st.span_of(c->begin, end)});
      // `# maintainer: Name <email> (@handle)` (line-based format)
      static constexpr std::string_view prefix = " maintainer:";
      const auto t = st.text(c->begin, end);
      if (t.starts_with(prefix)) {
         const auto v = trimmed(st.base, c->begin + prefix.size(), end);
         if (v.end > v.begin) st.lib.maintainers.push_back(st.value_of(v));
      }
   }
};

template <>
struct action<g::continuation_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      if (!st.paragraph_open || st.paragraphs.empty() || st.paragraphs.back().fields.empty()) {
         st.error(b, e,
                  "continuation line outside a field (a line that starts with a blank continues the field above it)");
         return;
      }
      const auto c = st.taken(st.continuation, b);
      if (!c) return;  // cannot happen: the text is part of the rule
      auto& f = st.paragraphs.back().fields.back();
      f.lines.push_back(trimmed(st.base, c->begin, c->end));
      f.end = e;
      st.paragraphs.back().end = e;
   }
};

template <>
struct action<g::field_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      if (st.lib.format == ast::library_format::line_based) {
         st.error(b, e, "`Key: value` field in a line-based library file");
         return;
      }
      st.lib.format = ast::library_format::rfc2822;
      const auto k = st.taken(st.key, b);
      const auto v = st.taken(st.value, b);
      if (!k || !v) return;  // cannot happen: both are parts of the rule
      if (!st.paragraph_open) {
         st.paragraphs.push_back({{}, b, e});
         st.paragraph_open = true;
      }
      raw_field f;
      f.key = *k;
      f.line_begin = b;
      f.end = e;
      f.lines.push_back(trimmed(st.base, v->begin, v->end));
      st.paragraphs.back().fields.push_back(std::move(f));
      st.paragraphs.back().end = e;
   }
};

template <>
struct action<g::old_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      if (st.lib.format == ast::library_format::rfc2822) {
         st.error(b, e, "line-based entry (`<tag>: <repo>@<commit> <dir>`) in an RFC 2822 library file");
         return;
      }
      st.lib.format = ast::library_format::line_based;
      raw_old_line l;
      l.begin = b;
      l.end = e;
      const auto t = st.taken(st.old_tag, b);
      const auto r = st.taken(st.old_repo, b);
      const auto c = st.taken(st.old_commit, b);
      if (!t || !r || !c) return;  // cannot happen: all are parts of the rule
      l.tag = *t;
      l.repo = *r;
      l.commit = *c;
      if (const auto d = st.taken(st.old_directory, b); d && d->begin > c->begin) l.directory = *d;
      st.old_lines.push_back(l);
      st.paragraph_open = false;
   }
};

template <>
struct action<g::unknown_line> {
   template <typename Input>
   static void apply(const Input& in, state& st) {
      const auto [b, e] = st.line_range(in);
      st.unrecognised_line(st.span_of(b, e), "a library file");
   }
};

// ---- building the model ----------------------------------------------------

constexpr std::array<std::string_view, 11> known_keys = {"Maintainers", "Tags",        "SharedTags", "Architectures",
                                                         "GitRepo",     "GitFetch",    "GitCommit",  "Directory",
                                                         "File",        "Constraints", "Builder"};
constexpr std::array<std::string_view, 5> arch_keys = {"GitRepo", "GitFetch", "GitCommit", "Directory", "File"};

bool is_known_key(std::string_view k) {
   for (auto known : known_keys) {
      if (k == known) return true;
   }
   return false;
}

/// `^[0-9a-f]{1,40}$` (bashbrew's GitCommitRegex).
bool is_commit(std::string_view s) {
   if (s.empty() || s.size() > 40) return false;
   for (char c : s) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
   }
   return true;
}

/// `^refs/(heads|tags)/[^*?:]+$` (bashbrew's GitFetchRegex).
bool is_fetch(std::string_view s) {
   std::string_view rest;
   if (s.starts_with("refs/heads/")) {
      rest = s.substr(11);
   } else if (s.starts_with("refs/tags/")) {
      rest = s.substr(10);
   } else {
      return false;
   }
   return !rest.empty() && rest.find_first_of("*?:\n") == std::string_view::npos;
}

ast::library_field build_field(const state& st, const raw_field& rf) {
   ast::library_field f;
   f.key = std::string(st.text(rf.key.begin, rf.key.end));
   f.key_span = st.span_of(rf.key.begin, rf.key.end);
   f.name = f.key;
   for (auto k : arch_keys) {
      if (f.key.size() > k.size() + 1 && f.key.ends_with(k) && f.key[f.key.size() - k.size() - 1] == '-') {
         f.architecture = f.key.substr(0, f.key.size() - k.size() - 1);
         f.name = std::string(k);
         break;
      }
   }
   f.where = st.span_of(rf.line_begin, rf.end);
   std::optional<std::size_t> vb, ve;
   for (const auto& l : rf.lines) {
      f.lines.push_back(st.value_of(l));
      if (l.end == l.begin) continue;
      if (!f.value.empty()) f.value += '\n';
      f.value += st.text(l.begin, l.end);
      if (!vb) vb = l.begin;
      ve = l.end;
      // items: split at commas, trim
      std::size_t p = l.begin;
      while (p <= l.end) {
         std::size_t q = p;
         while (q < l.end && st.base[q] != ',') ++q;
         const auto item = trimmed(st.base, p, q);
         if (item.end > item.begin) f.items.push_back(st.value_of(item));
         p = q + 1;
      }
   }
   const std::size_t empty_at = rf.lines.empty() ? rf.key.end + 1 : rf.lines.front().begin;
   f.value_span = vb ? st.span_of(*vb, *ve) : st.span_of(empty_at, empty_at);
   return f;
}

ast::library_paragraph build_paragraph(state& st, const raw_paragraph& rp) {
   ast::library_paragraph p;
   p.where = st.span_of(rp.begin, rp.end);
   std::set<std::string, std::less<>> seen;
   for (const auto& rf : rp.fields) {
      auto f = build_field(st, rf);
      if (!seen.insert(f.key).second) {
         st.error(f.key_span, fmt::format("duplicate field `{}` in one paragraph (the first one counts)", f.key));
      }
      if (!is_known_key(f.name)) st.error(f.key_span, fmt::format("unknown field `{}`", f.key));
      p.fields.push_back(std::move(f));
   }
   return p;
}

ast::resolved_value from_field(const ast::library_field& f, ast::value_origin origin) {
   return {f.value, f.value_span, origin};
}

/// The effective value of `key`: the entry's, else the defaults', else `builtin` (when given).
ast::resolved_value lookup(const ast::library_paragraph& own, const ast::library_paragraph* defaults,
                           std::string_view key, std::string_view builtin = {}) {
   if (const auto* f = own.find(key)) return from_field(*f, ast::value_origin::entry);
   if (defaults != nullptr) {
      if (const auto* f = defaults->find(key)) return from_field(*f, ast::value_origin::defaults);
   }
   if (!builtin.empty()) return {std::string(builtin), {}, ast::value_origin::builtin};
   return {};
}

const ast::library_field* lookup_field(const ast::library_paragraph& own, const ast::library_paragraph* defaults,
                                       std::string_view key, ast::value_origin& origin) {
   if (const auto* f = own.find(key)) {
      origin = ast::value_origin::entry;
      return f;
   }
   if (defaults != nullptr) {
      if (const auto* f = defaults->find(key)) {
         origin = ast::value_origin::defaults;
         return f;
      }
   }
   return nullptr;
}

void collect_overrides(const ast::library_paragraph& p, ast::value_origin origin, ast::library_entry& e) {
   std::set<std::string, std::less<>> seen;
   for (const auto& f : p.fields) {
      if (f.architecture.empty() || !seen.insert(f.key).second) continue;
      auto& o = e.overrides[f.architecture];
      auto v = from_field(f, origin);
      if (f.name == "GitRepo") o.git_repo = v;
      if (f.name == "GitFetch") o.git_fetch = v;
      if (f.name == "GitCommit") o.git_commit = v;
      if (f.name == "Directory") o.directory = v;
      if (f.name == "File") o.file = v;
   }
}

void check_entry(state& st, const ast::library_entry& e) {
   const auto& at = e.paragraph.fields.empty() ? e.where : e.paragraph.fields.front().key_span;
   if (e.tags.empty()) st.error(at, "entry without Tags");
   if (!e.git_repo.present() || e.git_repo.text.empty()) st.error(at, "entry without GitRepo");
   if (!e.git_commit.present() || e.git_commit.text.empty()) {
      st.error(at, "entry without GitCommit");
   } else if (!is_commit(e.git_commit.text)) {
      st.error(e.git_commit.where,
               fmt::format("GitCommit `{}` is not a commit (1-40 lower-case hex digits)", e.git_commit.text));
   }
   if (e.git_fetch.origin != ast::value_origin::builtin && !is_fetch(e.git_fetch.text)) {
      st.error(e.git_fetch.where,
               fmt::format("GitFetch `{}` is not `refs/heads/…` or `refs/tags/…`", e.git_fetch.text));
   }
   for (const auto& [arch, o] : e.overrides) {
      if (o.git_commit && o.git_commit->origin == ast::value_origin::entry && !is_commit(o.git_commit->text)) {
         st.error(o.git_commit->where, fmt::format("{}-GitCommit `{}` is not a commit (1-40 lower-case hex digits)",
                                                   arch, o.git_commit->text));
      }
      if (o.git_fetch && o.git_fetch->origin == ast::value_origin::entry && !is_fetch(o.git_fetch->text)) {
         st.error(o.git_fetch->where,
                  fmt::format("{}-GitFetch `{}` is not `refs/heads/…` or `refs/tags/…`", arch, o.git_fetch->text));
      }
   }
   if (e.architectures.empty() && e.architectures_origin != ast::value_origin::builtin) {
      st.error(at, "entry with an empty Architectures list");
   }
}

/// bashbrew's AddEntry checks: a tag is in one entry's Tags only, and never both a tag and a shared tag.
void check_tags(state& st) {
   std::map<std::string, bool, std::less<>> seen;  // tag -> is shared
   for (const auto& e : st.lib.entries) {
      std::set<std::string, std::less<>> own;
      for (const auto& t : e.tags) {
         const auto it = seen.find(t.text);
         if (it != seen.end()) {
            st.error(t.where, it->second ? fmt::format("tag `{}` is also a shared tag of an earlier entry", t.text)
                                         : fmt::format("tag `{}` is already a tag of an earlier entry", t.text));
         } else if (!own.insert(t.text).second) {
            st.error(t.where, fmt::format("tag `{}` is listed twice", t.text));
         }
      }
      for (const auto& t : e.shared_tags) {
         const auto it = seen.find(t.text);
         if (it != seen.end() && !it->second) {
            st.error(t.where, fmt::format("shared tag `{}` is a tag of an earlier entry", t.text));
         } else if (own.contains(t.text)) {
            st.error(t.where, fmt::format("shared tag `{}` is also in this entry's Tags", t.text));
         }
      }
      for (const auto& t : e.tags) seen.emplace(t.text, false);
      for (const auto& t : e.shared_tags) seen.emplace(t.text, true);
   }
}

void build_rfc2822(state& st) {
   std::vector<ast::library_paragraph> paragraphs;
   for (const auto& rp : st.paragraphs) {
      if (!rp.fields.empty()) paragraphs.push_back(build_paragraph(st, rp));
   }
   if (paragraphs.empty()) return;
   std::size_t first_entry = 0;
   st.lib.maintainers.clear();  // `# maintainer:` comments count in the line-based format only
   if (paragraphs.front().find("Tags") != nullptr) {
      st.error(paragraphs.front().where,
               "the first paragraph has Tags: it should hold the defaults (Maintainers, GitRepo); read as an entry");
   } else {
      st.lib.defaults = paragraphs.front();
      first_entry = 1;
      const auto* m = st.lib.defaults->find("Maintainers");
      if (m == nullptr) {
         st.error(st.lib.defaults->where, "defaults paragraph without Maintainers");
      } else {
         st.lib.maintainers = m->items;
      }
      if (const auto* s = st.lib.defaults->find("SharedTags")) {
         st.error(s->key_span, "SharedTags in the defaults paragraph (every entry inherits them)");
      }
   }
   const ast::library_paragraph* defaults = st.lib.defaults ? &*st.lib.defaults : nullptr;
   for (std::size_t i = first_entry; i < paragraphs.size(); ++i) {
      ast::library_entry e;
      e.paragraph = std::move(paragraphs[i]);
      e.where = e.paragraph.where;
      const auto& own = e.paragraph;
      ast::value_origin origin = ast::value_origin::absent;
      if (const auto* f = own.find("Tags")) e.tags = f->items;
      if (const auto* f = lookup_field(own, defaults, "SharedTags", origin)) e.shared_tags = f->items;
      if (const auto* f = lookup_field(own, defaults, "Architectures", origin)) {
         e.architectures = f->items;
         e.architectures_origin = origin;
      } else {
         e.architectures = {{"amd64", {}}};
         e.architectures_origin = ast::value_origin::builtin;
      }
      if (const auto* f = lookup_field(own, defaults, "Constraints", origin)) e.constraints = f->items;
      e.git_repo = lookup(own, defaults, "GitRepo");
      e.git_fetch = lookup(own, defaults, "GitFetch", "refs/heads/master");
      e.git_commit = lookup(own, defaults, "GitCommit");
      e.directory = lookup(own, defaults, "Directory", ".");
      e.file = lookup(own, defaults, "File", "Dockerfile");
      e.builder = lookup(own, defaults, "Builder");
      if (defaults != nullptr) collect_overrides(*defaults, ast::value_origin::defaults, e);
      {
         // the entry's own per-architecture keys replace inherited ones key by key
         ast::library_entry own_only;
         collect_overrides(own, ast::value_origin::entry, own_only);
         for (auto& [arch, o] : own_only.overrides) {
            auto& target = e.overrides[arch];
            if (o.git_repo) target.git_repo = o.git_repo;
            if (o.git_fetch) target.git_fetch = o.git_fetch;
            if (o.git_commit) target.git_commit = o.git_commit;
            if (o.directory) target.directory = o.directory;
            if (o.file) target.file = o.file;
         }
      }
      check_entry(st, e);
      st.lib.entries.push_back(std::move(e));
   }
}

void build_line_based(state& st) {
   // (repo, commit, directory) -> entry index
   std::map<std::tuple<std::string_view, std::string_view, std::string_view>, std::size_t> index;
   for (const auto& l : st.old_lines) {
      const auto repo = st.text(l.repo.begin, l.repo.end);
      const auto commit = st.text(l.commit.begin, l.commit.end);
      const auto dir = l.directory.set ? st.text(l.directory.begin, l.directory.end) : std::string_view(".");
      const auto [it, added] = index.try_emplace({repo, commit, dir}, st.lib.entries.size());
      ast::library_entry* target = added ? nullptr : &st.lib.entries[it->second];
      if (target == nullptr) {
         ast::library_entry e;
         e.where = st.span_of(l.begin, l.end);
         e.git_repo = {std::string(repo), st.span_of(l.repo.begin, l.repo.end), ast::value_origin::entry};
         e.git_commit = {std::string(commit), st.span_of(l.commit.begin, l.commit.end), ast::value_origin::entry};
         e.directory = l.directory.set
                           ? ast::resolved_value{std::string(dir), st.span_of(l.directory.begin, l.directory.end),
                                                 ast::value_origin::entry}
                           : ast::resolved_value{".", {}, ast::value_origin::builtin};
         e.git_fetch = {"refs/heads/*", {}, ast::value_origin::builtin};
         e.file = {"Dockerfile", {}, ast::value_origin::builtin};
         e.architectures = {{"amd64", {}}};
         e.architectures_origin = ast::value_origin::builtin;
         if (!is_commit(commit)) {
            st.error(e.git_commit.where, fmt::format("`{}` is not a commit (1-40 lower-case hex digits)", commit));
         }
         st.lib.entries.push_back(std::move(e));
         target = &st.lib.entries.back();
      }
      target->tags.push_back(st.value_of(l.tag));
   }
}

/// Lines of a text, skipping comment lines and trimming a CR.
class line_reader {
public:
   explicit line_reader(std::string_view text) : text_(text) {}
   bool next(std::string_view& line) {
      if (pos_ >= text_.size()) return false;
      const auto nl = text_.find('\n', pos_);
      const auto end = nl == std::string_view::npos ? text_.size() : nl;
      line = text_.substr(pos_, end - pos_);
      if (line.ends_with('\r')) line.remove_suffix(1);
      pos_ = end + 1;
      return true;
   }

private:
   std::string_view text_;
   std::size_t pos_ = 0;
};

bool is_blank(std::string_view l) {
   return l.find_first_not_of(" \t") == std::string_view::npos;
}
bool is_comment(std::string_view l) {
   const auto p = l.find_first_not_of(" \t");
   return p != std::string_view::npos && l[p] == '#';
}
/// `Key:` at the start of the line, with a key of letters, digits and dashes.
bool is_field(std::string_view l) {
   std::size_t i = 0;
   while (i < l.size() && (std::isalnum(static_cast<unsigned char>(l[i])) != 0 || l[i] == '-')) ++i;
   return i > 0 && i < l.size() && l[i] == ':';
}

/// `<tag>: (git|http|https)://…@<7-40 hex> …` (the ≤ 2016 format).
bool is_old_line(std::string_view l) {
   std::size_t i = 0;
   while (i < l.size() &&
          (std::isalnum(static_cast<unsigned char>(l[i])) != 0 || l[i] == '.' || l[i] == '-' || l[i] == '_'))
      ++i;
   if (i == 0 || i >= l.size() || l[i] != ':') return false;
   auto rest = l.substr(i + 1);
   while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
   if (!rest.starts_with("git://") && !rest.starts_with("https://") && !rest.starts_with("http://")) return false;
   const auto at = rest.find('@');
   if (at == std::string_view::npos || rest.substr(0, at).find_first_of(" \t") != std::string_view::npos) return false;
   std::size_t n = 0;
   for (std::size_t k = at + 1; k < rest.size() && rest[k] != ' ' && rest[k] != '\t'; ++k, ++n) {
      if (std::isxdigit(static_cast<unsigned char>(rest[k])) == 0) return false;
   }
   return n >= 7 && n <= 40;
}

}  // namespace

ast::library_file parse_library_file(std::string path, std::string text) {
   ast::library_file lib;
   lib.source = ast::source_file(std::move(path), std::move(text));
   const std::string& t = lib.source.text();
   state st{{lib.source, lib.errors}, lib, {}, {}, {}, {}, {}, {}, {}, {}, {}, false, {}};
   try {
      pegtl::memory_input<pegtl::tracking_mode::lazy> in(t.data(), t.data() + t.size(), lib.source.path());
      pegtl::parse<g::file, action>(in, st);
      if (lib.format == ast::library_format::rfc2822) {
         build_rfc2822(st);
      } else if (lib.format == ast::library_format::line_based) {
         build_line_based(st);
         if (lib.maintainers.empty()) lib.errors.push_back({"no `# maintainer:` comment", lib.source.make_span(0, 0)});
      }
      if (lib.format != ast::library_format::empty) {
         check_tags(st);
      } else {
         lib.errors.push_back(
             {"no library fields (`Key: value`) or entries (`<tag>: <repo>@<commit>`)", lib.source.make_span(0, 0)});
      }
   } catch (const std::exception& e) {
      st.internal_failure(e);
   }
   st.sort_errors();
   return lib;
}

bool looks_like_library_file(std::string_view text) {
   if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
   if (ast::looks_binary(text)) return false;
   line_reader lines(text);
   std::string_view l;
   bool tags = false;            // a `Tags:` line
   bool commit = false;          // a `GitCommit:` line
   bool old_maintainer = false;  // `# maintainer:` (line-based)
   bool old_entry = false;       // `<tag>: git://…@<hex>` (line-based)
   std::size_t fields = 0, bad = 0;
   while (lines.next(l)) {
      if (is_blank(l)) continue;
      if (is_comment(l)) {
         if (l.find("# maintainer:") != std::string_view::npos) old_maintainer = true;
         continue;
      }
      if (l.front() == ' ' || l.front() == '\t') {
         if (fields == 0) ++bad;  // a continuation line before any field
         continue;
      }
      if (is_old_line(l)) {
         old_entry = true;
         ++fields;
         continue;
      }
      if (!is_field(l)) {  // a line that fits neither format: tolerated in small numbers (ST0002 reports them)
         ++bad;
         continue;
      }
      ++fields;
      if (l.starts_with("Tags:")) tags = true;
      if (l.starts_with("GitCommit:")) commit = true;
   }
   // A damaged line anywhere (the `Maintainers:` line first among them) leaves a file that is
   // still a library file, to be parsed and reported rather than skipped by a directory walk.
   const bool deb822 = tags && commit && fields >= 3;  // `Maintainers:` may be the damaged line
   return (deb822 || (old_maintainer && old_entry)) && bad <= 1 + fields / 10;  // one damaged line in ten, or one
}

}  // namespace strata::parse
