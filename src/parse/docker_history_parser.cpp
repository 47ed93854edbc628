#include "parse/docker_history_parser.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <tao/pegtl.hpp>

#include "ast/unicode.hpp"
#include "grammar/docker_history.hpp"
#include "parse/go_string.hpp"
#include "parse/history_line.hpp"
#include "parse/image_config_parser.hpp"
#include "parse/values.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::docker_history;

namespace {

/// Length of the match of `Rule` at the start of `s` (0 when it does not match).
template <typename Rule>
std::size_t match_length(std::string_view s) {
   pegtl::memory_input<> in(s.data(), s.data() + s.size(), "docker history");
   try {
      if (pegtl::parse<Rule>(in)) return static_cast<std::size_t>(in.current() - s.data());
   } catch (const std::exception&) {
   }
   return 0;
}
template <typename Rule>
bool matches(std::string_view s) {
   pegtl::memory_input<> in(s.data(), s.data() + s.size(), "docker history");
   try {
      return pegtl::parse<Rule>(in);
   } catch (const std::exception&) {
      return false;
   }
}

std::string_view rtrim(std::string_view s) {
   while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
   return s;
}

/// Byte offset of the 0-based code point column `col` in `line` (line.size() past the end).
std::size_t byte_at_column(std::string_view line, std::size_t col) {
   std::size_t pos = 0;
   for (std::size_t c = 0; c < col && pos < line.size(); ++c) pos += ast::decode_rune(line, pos).width;
   return pos;
}

struct line_ref {
   std::size_t begin, end;  // end excludes the LF
};

enum class column_kind { image, created, created_at, created_by, size, comment };

column_kind kind_of(std::string_view name) {
   if (name == "IMAGE") return column_kind::image;
   if (name == "CREATED") return column_kind::created;
   if (name == "CREATED AT") return column_kind::created_at;
   if (name == "CREATED BY") return column_kind::created_by;
   if (name == "SIZE") return column_kind::size;
   return column_kind::comment;
}

struct parser {
   ast::docker_history& doc;
   std::string_view text;
   std::vector<line_ref> lines;
   std::vector<column_kind> kinds;
   bool default_order = false;  // IMAGE, CREATED[ AT], CREATED BY, SIZE[, COMMENT]: content split applies

   // a row whose CREATED BY continues on the next lines
   std::optional<ast::docker_history_row> pending;
   std::size_t pending_cb_begin = 0;

   ast::span span(std::size_t b, std::size_t e) const { return doc.source.make_span(b, e); }
   ast::history_field field(std::size_t b, std::size_t e) const {
      return {std::string(text.substr(b, e - b)), span(b, e)};
   }
   void error(std::size_t b, std::size_t e, std::string message) {
      doc.errors.push_back({std::move(message), span(b, e)});
   }

   void set_created_by(ast::docker_history_row& row, std::size_t b, std::size_t e) const {
      row.created_by = field(b, e);
      row.created_by_map = {};
      row.created_by_map.append(0, b, e - b);
      row.truncated = row.created_by.text.ends_with("\xE2\x80\xA6");  // `…`: docker's Ellipsis
   }
   void set_age(ast::docker_history_row& row, column_kind k, std::size_t b, std::size_t e) const {
      auto a = read_history_age(text.substr(b, e - b));
      a.where = span(b, e);
      (k == column_kind::created_at || (a.time && !a.age_seconds) ? row.created_at : row.created) = std::move(a);
   }
   void set_size(ast::docker_history_row& row, std::size_t b, std::size_t e) const {
      auto s = read_history_size(text.substr(b, e - b));
      s.where = span(b, e);
      row.size = std::move(s);
   }
   void set_image(ast::docker_history_row& row, std::size_t b, std::size_t e) const {
      row.image = field(b, e);
      row.missing = row.image.text == "<missing>";
   }

   // ---- the header ----------------------------------------------------------------------
   bool read_header(const line_ref& l) {
      const std::string_view line = text.substr(l.begin, l.end - l.begin);
      if (!matches<g::header>(line)) return false;
      std::size_t pos = 0;
      while (pos < line.size()) {
         const std::size_t n = match_length<g::column_name>(line.substr(pos));
         if (n == 0) break;
         const auto name = line.substr(pos, n);
         doc.columns.push_back(
             {std::string(name), ast::count_code_points(line.substr(0, pos)), span(l.begin + pos, l.begin + pos + n)});
         kinds.push_back(kind_of(name));
         pos += n;
         pos += match_length<g::column_gap>(line.substr(pos));
      }
      const bool has_image = std::find(kinds.begin(), kinds.end(), column_kind::image) != kinds.end();
      const bool has_created_by = std::find(kinds.begin(), kinds.end(), column_kind::created_by) != kinds.end();
      if (!has_image || !has_created_by) {
         error(l.begin, l.end, "a docker history header needs the IMAGE and CREATED BY columns");
         return false;
      }
      default_order = kinds.size() >= 4 && kinds[0] == column_kind::image &&
                      (kinds[1] == column_kind::created || kinds[1] == column_kind::created_at) &&
                      kinds[2] == column_kind::created_by && kinds[3] == column_kind::size &&
                      (kinds.size() == 4 || (kinds.size() == 5 && kinds[4] == column_kind::comment));
      return true;
   }

   // ---- a row cut at the header's columns ----------------------------------------------------
   std::optional<ast::docker_history_row> split_by_header(const line_ref& l) const {
      const std::string_view line = text.substr(l.begin, l.end - l.begin);
      const std::size_t n = doc.columns.size();
      std::vector<std::size_t> starts(n + 1, line.size());
      for (std::size_t i = 0; i < n; ++i) starts[i] = byte_at_column(line, doc.columns[i].column);
      ast::docker_history_row row;
      for (std::size_t i = 0; i < n; ++i) {
         const std::size_t b = starts[i];
         const std::size_t e = i + 1 < n ? std::max(starts[i + 1], b) : line.size();
         const std::string_view cell = rtrim(line.substr(b, e - b));
         if (b < line.size() && b > 0 && line[b - 1] != ' ')
            return std::nullopt;  // the previous cell runs into this one
         if (!cell.empty() && cell.front() == ' ') return std::nullopt;
         const std::size_t fb = l.begin + b;
         const std::size_t fe = fb + cell.size();
         switch (kinds[i]) {
            case column_kind::image:
               if (!matches<g::image_cell>(cell)) return std::nullopt;
               set_image(row, fb, fe);
               break;
            case column_kind::created:
            case column_kind::created_at:
               if (!matches<g::age_cell>(cell)) return std::nullopt;
               set_age(row, kinds[i], fb, fe);
               break;
            case column_kind::size:
               if (!matches<g::size_cell>(cell)) return std::nullopt;
               set_size(row, fb, fe);
               break;
            case column_kind::created_by:
               set_created_by(row, fb, fe);
               break;
            case column_kind::comment:
               row.comment = field(fb, fe);
               break;
         }
      }
      row.where = span(l.begin, l.begin + rtrim(line).size());
      return row;
   }

   /// Offset in `line` (from `from` on) of the gap that starts the SIZE [COMMENT] tail;
   /// the rightmost one, so that CREATED BY keeps as much as possible.
   static std::optional<std::size_t> find_tail(std::string_view line, std::size_t from) {
      for (std::size_t q = line.size(); q-- > from;) {
         if (line[q] != ' ' || q + 1 >= line.size() || line[q + 1] != ' ') continue;
         if (q > from && line[q - 1] == ' ') continue;  // not the start of the run of spaces
         if (matches<g::row_tail>(line.substr(q))) return q;
      }
      return std::nullopt;
   }

   void finish_tail(ast::docker_history_row& row, const line_ref& l, std::size_t q) const {
      const std::string_view line = text.substr(l.begin, l.end - l.begin);
      std::size_t p = q + match_length<g::column_gap>(line.substr(q));
      const std::size_t sn = match_length<g::size>(line.substr(p));
      set_size(row, l.begin + p, l.begin + p + sn);
      p += sn;
      const std::size_t gap = match_length<g::column_gap>(line.substr(p));
      const std::size_t cn = gap != 0 ? match_length<g::comment>(line.substr(p + gap)) : 0;
      if (cn != 0) {
         row.comment = field(l.begin + p + gap, l.begin + p + gap + cn);
      } else {
         row.comment = field(l.begin + p, l.begin + p);
      }
   }

   void push(ast::docker_history_row row) { doc.rows.push_back(std::move(row)); }

   void abandon_pending(std::size_t end) {
      if (!pending) return;
      error(pending->where.begin, pending->where.begin,
            "CREATED BY runs on without a SIZE [COMMENT] tail: row not terminated");
      set_created_by(*pending, pending_cb_begin, end);
      pending->where = span(pending->where.begin, end);
      push(std::move(*pending));
      pending.reset();
   }

   // ---- a table line ------------------------------------------------------------------------------
   void table_line(const line_ref& l) {
      const std::string_view line = text.substr(l.begin, l.end - l.begin);
      const std::size_t head = default_order ? match_length<g::row_head>(line) : 0;
      if (pending) {
         if (head == 0) {
            if (const auto q = find_tail(line, 0)) {
               set_created_by(*pending, pending_cb_begin, l.begin + *q);
               finish_tail(*pending, l, *q);
               pending->where = span(pending->where.begin, l.begin + rtrim(line).size());
               push(std::move(*pending));
               pending.reset();
            }
            return;
         }
         abandon_pending(l.begin == 0 ? 0 : l.begin - 1);
      }
      if (rtrim(line).empty()) return;
      if (auto row = split_by_header(l)) return push(std::move(*row));
      if (head == 0) {
         error(
             l.begin, l.begin + rtrim(line).size(),
             default_order ? "not a docker history row: expected IMAGE and CREATED cells" : "not a docker history row");
         return;
      }
      // by content: IMAGE gap CREATED gap, then CREATED BY up to a SIZE [COMMENT] tail
      ast::docker_history_row row;
      const std::size_t id = match_length<g::image_id>(line);
      set_image(row, l.begin, l.begin + id);
      const std::size_t ab = id + match_length<g::column_gap>(line.substr(id));
      const std::size_t an = match_length<g::age>(line.substr(ab));
      set_age(row, kinds[1], l.begin + ab, l.begin + ab + an);
      std::optional<std::size_t> q = find_tail(line, head);
      if (!q && head >= 2 && matches<g::row_tail>(line.substr(head - 2))) q = head - 2;  // empty CREATED BY
      if (q) {
         const std::size_t cb_end = std::max(*q, head);
         set_created_by(row, l.begin + std::min(head, cb_end), l.begin + cb_end);
         finish_tail(row, l, *q);
         row.where = span(l.begin, l.begin + rtrim(line).size());
         return push(std::move(row));
      }
      row.where = span(l.begin, l.end);
      pending = std::move(row);
      pending_cb_begin = l.begin + head;
   }

   // ---- a JSON line ----------------------------------------------------------------------------------
   void json_line(const line_ref& l) {
      const std::string_view line = text.substr(l.begin, l.end - l.begin);
      if (rtrim(line).empty()) return;
      nlohmann::json j;
      try {
         j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
         const std::size_t at = l.begin + std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, line.size());
         return error(at, at, "invalid JSON row");
      } catch (const std::exception&) {
         return error(l.begin, l.end, "invalid JSON row");
      }
      if (!j.is_object()) return error(l.begin, l.end, "a JSON row is not an object");
      const auto ranges = json_value_ranges(line, 1);
      auto where = [&](const char* key) -> std::optional<ast::byte_range> {
         const auto it = ranges.find(std::string("/") + key);
         if (it == ranges.end()) return std::nullopt;
         return ast::byte_range{l.begin + it->second.begin, l.begin + it->second.end};
      };
      auto string_of = [&](const char* key) -> std::optional<std::string> {
         const auto it = j.find(key);
         if (it == j.end() || !it->is_string()) return std::nullopt;
         return it->get<std::string>();
      };
      const auto id = string_of("ID");
      const auto created_by = string_of("CreatedBy");
      if (!id || !created_by) return error(l.begin, l.end, "a JSON row without string `ID` and `CreatedBy`");
      ast::docker_history_row row;
      row.where = span(l.begin, l.begin + rtrim(line).size());
      auto value_span = [&](const char* key) {
         const auto r = where(key);
         return r ? span(r->begin, r->end) : row.where;
      };
      row.image = {*id, value_span("ID")};
      row.missing = *id == "<missing>";
      const auto cb = where("CreatedBy");
      std::string decoded;
      if (cb) decoded = decode_json_string(text.substr(cb->begin, cb->size()), cb->begin, row.created_by_map);
      if (!cb || decoded != *created_by) row.created_by_map = {};
      row.created_by = {*created_by, value_span("CreatedBy")};
      row.truncated = created_by->ends_with("\xE2\x80\xA6");
      if (const auto s = string_of("CreatedSince")) {
         auto a = read_history_age(*s);
         a.where = value_span("CreatedSince");
         row.created = std::move(a);
      }
      if (const auto s = string_of("CreatedAt")) {
         auto a = read_history_age(*s);
         a.where = value_span("CreatedAt");
         row.created_at = std::move(a);
      }
      if (const auto s = string_of("Size")) {
         auto z = read_history_size(*s);
         z.where = value_span("Size");
         if (!z.valid) error(z.where.begin, z.where.end, "`Size` is not a size");
         row.size = std::move(z);
      }
      row.comment = {string_of("Comment").value_or(""), value_span("Comment")};
      push(std::move(row));
   }

   void run() {
      for (std::size_t b = 0; b < text.size();) {
         const std::size_t nl = std::min(text.find('\n', b), text.size());
         lines.push_back({b, nl});
         b = nl + 1;
      }
      std::size_t first = 0;
      while (first < lines.size() &&
             rtrim(text.substr(lines[first].begin, lines[first].end - lines[first].begin)).empty())
         ++first;
      if (first == lines.size()) {
         error(0, 0, "empty docker history output");
         return;
      }
      const std::string_view head = text.substr(lines[first].begin, lines[first].end - lines[first].begin);
      if (matches<g::json_row_start>(head)) {
         doc.format = ast::docker_history_format::json_lines;
         for (std::size_t i = first; i < lines.size(); ++i) json_line(lines[i]);
      } else if (read_header(lines[first])) {
         doc.format = ast::docker_history_format::table;
         for (std::size_t i = first + 1; i < lines.size(); ++i) table_line(lines[i]);
         abandon_pending(text.size());
      } else {
         if (doc.errors.empty()) {
            error(lines[first].begin, lines[first].end,
                  "not docker history output: expected a header `IMAGE  CREATED  CREATED BY  SIZE  COMMENT` or JSON "
                  "rows");
         }
         return;
      }
      // created_by, oldest row first, with the SHELL in effect
      std::vector<std::string> shell;
      for (auto it = doc.rows.rbegin(); it != doc.rows.rend(); ++it) {
         it->instruction = parse_history_instruction(it->created_by.text, shell);
         if (it->instruction.keyword == "SHELL" && it->instruction.form == ast::history_form::bracket_list) {
            shell.clear();
            for (const auto& e : it->instruction.elements) shell.push_back(e.text);
         }
      }
   }
};

constexpr std::array<std::pair<std::string_view, std::int64_t>, 7> age_units = {{{"second", 1},
                                                                                 {"minute", 60},
                                                                                 {"hour", 3600},
                                                                                 {"day", 86400},
                                                                                 {"week", 7 * 86400},
                                                                                 {"month", 30 * 86400},
                                                                                 {"year", 365 * 86400}}};

}  // namespace

ast::history_size read_history_size(std::string_view text) {
   ast::history_size s;
   s.text = std::string(text);
   if (!matches<g::size_cell>(text)) return s;
   if (const auto n = match_length<g::human_size>(text); n == text.size()) {
      const std::size_t m = match_length<g::size_mantissa>(text);
      double mantissa = 0;
      const auto [p, ec] = std::from_chars(text.data(), text.data() + m, mantissa);
      if (ec != std::errc() || p != text.data() + m) return s;
      std::string_view unit = text.substr(m);
      if (unit.starts_with(' ')) unit.remove_prefix(1);
      static constexpr std::string_view units = "BKMGTPEZY";
      const auto k = units.find(unit.front() == 'k' ? 'K' : unit.front());
      double scale = 1;
      for (std::size_t i = 0; i < k; ++i) scale *= 1000;
      s.approx_bytes = mantissa * scale;
      const bool whole = text.substr(0, m).find_first_of(".e") == std::string_view::npos;
      if (k == 0 && whole) s.bytes = static_cast<std::uint64_t>(mantissa);
      s.valid = true;
      return s;
   }
   std::uint64_t v = 0;
   const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
   if (ec == std::errc() && p == text.data() + text.size()) {
      s.bytes = v;
      s.approx_bytes = static_cast<double>(v);
      s.valid = true;
   }
   return s;
}

ast::history_age read_history_age(std::string_view text) {
   ast::history_age a;
   a.text = std::string(text);
   if (matches<g::seq<g::rfc3339, g::eof>>(text)) {
      a.time = parse_rfc3339(text);
      return a;
   }
   if (!matches<g::seq<g::human_age, g::eof>>(text)) return a;
   if (text.starts_with("Less than a second")) {
      a.age_seconds = 0;
   } else if (text.starts_with("About a minute")) {
      a.age_seconds = 60;
   } else if (text.starts_with("About an hour")) {
      a.age_seconds = 3600;
   } else {
      const std::size_t n = match_length<g::age_count>(text);
      std::int64_t count = 0;
      const auto [p, ec] = std::from_chars(text.data(), text.data() + n, count);
      if (ec != std::errc() || p != text.data() + n || count > (std::int64_t{1} << 32)) return a;
      const std::string_view unit = text.substr(n + 1);
      for (const auto& [name, seconds] : age_units) {
         if (unit.starts_with(name)) a.age_seconds = count * seconds;
      }
   }
   return a;
}

ast::docker_history parse_docker_history(std::string path, std::string text) {
   ast::docker_history doc;
   doc.source = ast::source_file(std::move(path), std::move(text));
   parser p{doc, doc.source.text(), {}, {}, false, std::nullopt, 0};
   try {
      p.run();
   } catch (const std::exception& e) {
      doc.errors.push_back(
          {fmt::format("internal failure reading docker history: {}", e.what()), doc.source.make_span(0, 0)});
   }
   return doc;
}

bool looks_like_docker_history(std::string_view text) {
   if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
   std::size_t b = 0;
   while (b < text.size()) {
      const std::size_t nl = std::min(text.find('\n', b), text.size());
      const std::string_view line = text.substr(b, nl - b);
      if (!rtrim(line).empty()) {
         if (line.starts_with("IMAGE ") && matches<g::header>(line)) {
            return line.find("CREATED BY") != std::string_view::npos;
         }
         return matches<g::json_row_start>(line) && line.find("\"CreatedBy\":") != std::string_view::npos &&
                line.find("\"ID\":") != std::string_view::npos;
      }
      b = nl + 1;
   }
   return false;
}

}  // namespace strata::parse
