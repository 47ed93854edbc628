#include "parse/dockerfile_parser.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <tao/pegtl.hpp>

#include "grammar/dockerfile.hpp"
#include "ast/text.hpp"

namespace strata::parse {

namespace pegtl = tao::pegtl;
namespace g = strata::grammar::dockerfile;

namespace {

using ast::lower;

// ---- physical level -------------------------------------------------------
struct piece {
   std::size_t begin;
   std::size_t end;
};

struct line_state {
   const char* base = nullptr;
   std::vector<piece> pieces;
   bool logical_line = false;
   std::size_t empty_continuation_lines = 0;

   void add_piece(const char* b, const char* e) {
      // trimNewline: trailing CR bytes are not part of the text
      while (e > b && e[-1] == '\r') {
         --e;
      }
      pieces.push_back({static_cast<std::size_t>(b - base), static_cast<std::size_t>(e - base)});
   }
};

template <typename Rule>
struct line_action : pegtl::nothing<Rule> {};

template <char E>
struct line_action<g::first_line_text<E>> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, line_state& st) {
      st.add_piece(in.begin(), in.end());
   }
};
template <char E>
struct line_action<g::line_text<E>> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, line_state& st) {
      st.add_piece(in.begin(), in.end());
   }
};
template <>
struct line_action<g::empty_continuation_line> {
   template <typename ActionInput>
   static void apply(const ActionInput&, line_state& st) {
      ++st.empty_continuation_lines;
   }
};
template <char E>
struct line_action<g::logical_line<E>> {
   template <typename ActionInput>
   static void apply(const ActionInput&, line_state& st) {
      st.logical_line = true;
   }
};

// ---- instruction level -----------------------------------------------------
struct instruction_state {
   std::size_t name_begin = 0, name_end = 0;
   std::vector<piece> flags;
   std::size_t arguments_begin = 0;
   const char* base = nullptr;
};

template <typename Rule>
struct instruction_action : pegtl::nothing<Rule> {};
template <>
struct instruction_action<g::instruction_name> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, instruction_state& st) {
      st.name_begin = static_cast<std::size_t>(in.begin() - st.base);
      st.name_end = static_cast<std::size_t>(in.end() - st.base);
   }
};
template <char E>
struct instruction_action<g::flag<E>> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, instruction_state& st) {
      st.flags.push_back({static_cast<std::size_t>(in.begin() - st.base), static_cast<std::size_t>(in.end() - st.base)});
   }
};
template <>
struct instruction_action<g::arguments> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, instruction_state& st) {
      st.arguments_begin = static_cast<std::size_t>(in.begin() - st.base);
   }
};

struct words_state {
   const char* base = nullptr;
   std::vector<piece> words;
};
template <typename Rule>
struct words_action : pegtl::nothing<Rule> {};
template <>
struct words_action<g::shell_word> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, words_state& st) {
      st.words.push_back({static_cast<std::size_t>(in.begin() - st.base), static_cast<std::size_t>(in.end() - st.base)});
   }
};
template <>
struct words_action<g::json_element> {
   template <typename ActionInput>
   static void apply(const ActionInput& in, words_state& st) {
      st.words.push_back({static_cast<std::size_t>(in.begin() - st.base), static_cast<std::size_t>(in.end() - st.base)});
   }
};

// Removes quotes and escapes from a flag word (BuildKit extractBuilderFlags).
std::string unquote_flag(std::string_view raw, char escape) {
   std::string out;
   char quote = 0;
   for (std::size_t i = 0; i < raw.size(); ++i) {
      const char c = raw[i];
      if (c == escape) {
         if (i + 1 < raw.size()) {
            out += raw[++i];
         }
         continue;
      }
      if (quote != 0) {
         if (c == quote) {
            quote = 0;
         } else {
            out += c;
         }
         continue;
      }
      if (c == '"' || c == '\'') {
         quote = c;
         continue;
      }
      out += c;
   }
   return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n'; }

const std::vector<std::string_view>& known_instructions() {
   static const std::vector<std::string_view> names = {"add",   "arg",        "cmd",     "copy",    "entrypoint", "env",
                                                       "expose", "from",      "healthcheck", "label", "maintainer", "onbuild",
                                                       "run",   "shell",      "stopsignal", "user", "volume",     "workdir"};
   return names;
}

class builder {
public:
   builder(ast::dockerfile& df) : df_(df), text_(df.source.text()) {}

   void parse() {
      std::size_t pos = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
      pos = read_directives(pos);
      while (pos < text_.size()) {
         const std::size_t next = df_.escape == '`' ? step<'`'>(pos) : step<'\\'>(pos);
         pos = next > pos ? next : skip_line(pos);
      }
      if (df_.instructions.empty() && df_.errors.empty()) {
         error(0, 0, "file with no instructions");
      }
      build_stages();
   }

private:
   ast::dockerfile& df_;
   const std::string& text_;

   void error(std::size_t begin, std::size_t end, std::string message) {
      df_.errors.push_back({std::move(message), df_.source.make_span(begin, end)});
   }

   std::size_t line_end(std::size_t pos) const {
      const auto nl = text_.find('\n', pos);
      return nl == std::string::npos ? text_.size() : nl;
   }
   std::size_t skip_line(std::size_t pos) const {
      const auto e = line_end(pos);
      return e < text_.size() ? e + 1 : text_.size();
   }

   std::size_t read_directives(std::size_t pos) {
      while (pos < text_.size()) {
         const std::size_t e = skip_line(pos);
         pegtl::memory_input in(text_.data() + pos, text_.data() + e, df_.source.path());
         if (!pegtl::parse<g::directive_line>(in)) {
            break;
         }
         // Re-read key and value from the matched line (the grammar guarantees the shape).
         std::string_view line(text_.data() + pos, line_end(pos) - pos);
         const auto hash = line.find('#');
         const auto eq = line.find('=', hash);
         std::string_view key = line.substr(hash + 1, eq - hash - 1);
         while (!key.empty() && is_space(key.front())) key.remove_prefix(1);
         while (!key.empty() && is_space(key.back())) key.remove_suffix(1);
         std::string_view value = line.substr(eq + 1);
         while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
         while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
         const std::string k = lower(key);
         if (k != "syntax" && k != "escape" && k != "check") {
            break;
         }
         const auto dup = std::find_if(df_.directives.begin(), df_.directives.end(), [&](const auto& d) { return d.key == k; });
         if (dup != df_.directives.end()) {
            error(pos, pos + line.size(), fmt::format("only one {} parser directive can be used", k));
         } else if (k == "escape" && value != "\\" && value != "`") {
            error(pos, pos + line.size(), fmt::format("invalid escape token '{}' does not match ` or \\", value));
         } else {
            if (k == "escape") {
               df_.escape = value[0];
            }
            df_.directives.push_back({k, std::string(value), df_.source.make_span(pos, pos + line.size())});
         }
         pos = e;
      }
      return pos;
   }

   template <char E>
   std::size_t step(std::size_t pos) {
      line_state st;
      st.base = text_.data();
      pegtl::memory_input in(text_.data() + pos, text_.data() + text_.size(), df_.source.path());
      try {
         if (!pegtl::parse<g::item<E>, line_action>(in, st)) {
            return pos;
         }
      } catch (const pegtl::parse_error&) {
         return pos;
      }
      const auto next = static_cast<std::size_t>(in.current() - text_.data());
      if (st.logical_line && !st.pieces.empty()) {
         return build_instruction<E>(st, next);
      }
      return next;
   }

   template <char E>
   std::size_t build_instruction(const line_state& st, std::size_t next) {
      std::string joined;
      ast::offset_map map;
      for (const auto& p : st.pieces) {
         map.append(joined.size(), p.begin, p.end - p.begin);
         joined.append(text_, p.begin, p.end - p.begin);
      }
      auto span_of = [&](std::size_t b, std::size_t e) { return df_.source.make_span(map, b, e); };
      const std::size_t inst_begin = map.to_file(0);
      const std::size_t inst_end = st.pieces.back().end;

      instruction_state ist;
      ist.base = joined.data();
      pegtl::memory_input in(joined.data(), joined.data() + joined.size(), df_.source.path());
      if (!pegtl::parse<g::instruction_line<E>, instruction_action>(in, ist) || ist.name_end == ist.name_begin) {
         if (joined.find_first_not_of(" \t\v\f\r\n") != std::string::npos) {
            error(inst_begin, inst_end, "unparsable instruction");
         }
         return next;
      }
      ast::instruction inst;
      inst.keyword = joined.substr(ist.name_begin, ist.name_end - ist.name_begin);
      inst.name = lower(inst.keyword);
      inst.keyword_span = span_of(ist.name_begin, ist.name_end);
      inst.where = df_.source.make_span(inst.keyword_span.begin, inst_end);
      for (const auto& f : ist.flags) {
         const std::string raw = joined.substr(f.begin + 2, f.end - f.begin - 2);
         std::string value = unquote_flag(raw, E);
         ast::flag fl;
         const auto eq = value.find('=');
         fl.name = value.substr(0, eq);
         if (eq != std::string::npos) {
            fl.value = value.substr(eq + 1);
            fl.has_value = true;
         }
         fl.where = span_of(f.begin, f.end);
         inst.flags.push_back(std::move(fl));
      }
      std::size_t ab = ist.arguments_begin;
      std::size_t ae = joined.size();
      while (ae > ab && is_space(joined[ae - 1])) {
         --ae;
      }
      inst.arguments = joined.substr(ab, ae - ab);
      inst.arguments_map = map.slice(ab, ae);
      inst.arguments_span = span_of(ab, ae);
      const std::size_t errors_before = df_.errors.size();
      split_arguments<E>(inst, ab, span_of);
      if (df_.errors.size() != errors_before) {
         return next;  // the instruction is kept out of the model; the rest of the file goes on
      }
      if (std::find(known_instructions().begin(), known_instructions().end(), inst.name) == known_instructions().end()) {
         error(inst.keyword_span.begin, inst.keyword_span.end, fmt::format("unknown instruction: {}", inst.keyword));
         return next;
      }
      next = read_heredocs(inst, next);
      df_.instructions.push_back(std::move(inst));
      return next;
   }

   template <char E, typename SpanOf>
   void split_arguments(ast::instruction& inst, std::size_t ab, SpanOf& span_of) {
      const std::string& args = inst.arguments;
      const std::string& n = inst.name;
      const bool maybe_json = n == "run" || n == "cmd" || n == "entrypoint" || n == "shell" || n == "add" || n == "copy" ||
                              n == "volume";
      if (maybe_json && !args.empty() && args.front() == '[') {
         const auto parsed = nlohmann::json::parse(args, nullptr, false);
         if (!parsed.is_discarded() && parsed.is_array()) {
            const bool all_strings = std::all_of(parsed.begin(), parsed.end(), [](const auto& v) { return v.is_string(); });
            if (!all_strings) {
               error(inst.where.begin, inst.where.end, "when using JSON array syntax, arrays must be comprised of strings only");
               return;
            }
            words_state ws;
            ws.base = args.data();
            pegtl::memory_input in(args.data(), args.data() + args.size(), "");
            if (pegtl::parse<g::json_string_array, words_action>(in, ws) && ws.words.size() == parsed.size()) {
               inst.form = ast::argument_form::exec;
               for (std::size_t i = 0; i < ws.words.size(); ++i) {
                  inst.words.push_back({parsed[i].get<std::string>(), span_of(ab + ws.words[i].begin, ab + ws.words[i].end)});
               }
               return;
            }
         }
      }
      if (args.empty()) {
         return;
      }
      inst.form = ast::argument_form::shell;
      if (n == "run" || n == "cmd" || n == "entrypoint" || n == "shell" || n == "maintainer" || n == "user" ||
          n == "workdir" || n == "stopsignal") {
         inst.words.push_back({args, span_of(ab, ab + args.size())});
         return;
      }
      if (n == "env" || n == "label") {
         split_name_value<E>(inst, ab, span_of);
         return;
      }
      if (n == "arg") {
         for (const auto& w : split_name_value_words(args, E)) {
            inst.words.push_back({args.substr(w.begin, w.end - w.begin), span_of(ab + w.begin, ab + w.end)});
         }
         return;
      }
      words_state ws;
      ws.base = args.data();
      pegtl::memory_input in(args.data(), args.data() + args.size(), "");
      pegtl::parse<g::shell_words, words_action>(in, ws);
      for (const auto& w : ws.words) {
         inst.words.push_back({args.substr(w.begin, w.end - w.begin), span_of(ab + w.begin, ab + w.end)});
      }
   }

   template <char E, typename SpanOf>
   void split_name_value(ast::instruction& inst, std::size_t ab, SpanOf& span_of) {
      const std::string& args = inst.arguments;
      const auto words = split_name_value_words(args, E);
      if (words.empty()) {
         return;
      }
      const std::string upper = inst.name == "env" ? "ENV" : "LABEL";
      const std::string_view first(args.data() + words[0].begin, words[0].end - words[0].begin);
      if (first.find('=') == std::string_view::npos) {
         // legacy `KEY value` form: key, then the rest of the line verbatim
         const std::size_t key_end = args.find_first_of(" \t\v\f\r\n");
         if (key_end == std::string::npos) {
            error(inst.where.begin, inst.where.end, fmt::format("{} must have two arguments", upper));
            return;
         }
         std::size_t value_begin = args.find_first_not_of(" \t\v\f\r\n", key_end);
         inst.words.push_back({args.substr(0, key_end), span_of(ab, ab + key_end)});
         inst.words.push_back({args.substr(value_begin), span_of(ab + value_begin, ab + args.size())});
         return;
      }
      for (const auto& w : words) {
         std::string text = args.substr(w.begin, w.end - w.begin);
         if (text.find('=') == std::string::npos) {
            error(inst.where.begin, inst.where.end,
                  fmt::format("Syntax error - can't find = in {}. Must be of the form: name=value",
                              nlohmann::json(text).dump()));
            return;
         }
         inst.words.push_back({std::move(text), span_of(ab + w.begin, ab + w.end)});
      }
   }

   // Heredocs: `<<[-]NAME` words of a RUN, COPY or ADD in shell form.
   std::size_t read_heredocs(ast::instruction& inst, std::size_t pos) {
      if (inst.form != ast::argument_form::shell || (inst.name != "run" && inst.name != "copy" && inst.name != "add")) {
         return pos;
      }
      const std::string& a = inst.arguments;
      std::vector<ast::heredoc> docs;
      char quote = 0;
      for (std::size_t i = 0; i + 1 < a.size(); ++i) {
         const char c = a[i];
         if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
         }
         if (c == '\'' || c == '"') {
            quote = c;
            continue;
         }
         if (c != '<' || a[i + 1] != '<' || (i > 0 && a[i - 1] == '<') || (i + 2 < a.size() && a[i + 2] == '<')) {
            continue;
         }
         std::size_t j = i + 2;
         ast::heredoc doc;
         if (j < a.size() && a[j] == '-') {
            doc.chomp = true;
            ++j;
         }
         while (j < a.size() && (a[j] == ' ' || a[j] == '\t')) ++j;
         std::string name;
         char q = 0;
         while (j < a.size() && !is_space(a[j]) && a[j] != '<') {
            if ((a[j] == '\'' || a[j] == '"') && (q == 0 || q == a[j])) {
               q = q == 0 ? a[j] : 0;
               doc.expand = false;
            } else {
               name += a[j];
            }
            ++j;
         }
         if (name.empty() || q != 0) {
            continue;
         }
         doc.name = std::move(name);
         docs.push_back(std::move(doc));
         i = j - 1;
      }
      for (auto& doc : docs) {
         const std::size_t body_begin = pos;
         bool terminated = false;
         while (pos < text_.size()) {
            const std::size_t le = line_end(pos);
            std::string_view line(text_.data() + pos, le - pos);
            while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (doc.chomp) {
               while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
            }
            if (line == doc.name) {
               doc.body = text_.substr(body_begin, pos - body_begin);
               doc.body_span = df_.source.make_span(body_begin, pos);
               pos = skip_line(pos);
               terminated = true;
               break;
            }
            pos = skip_line(pos);
         }
         if (!terminated) {
            error(inst.where.begin, text_.size(), "unterminated heredoc");
            doc.body = text_.substr(body_begin);
            doc.body_span = df_.source.make_span(body_begin, text_.size());
         }
         inst.where = df_.source.make_span(inst.where.begin, doc.body_span.end);
      }
      inst.heredocs = std::move(docs);
      return pos;
   }

   void build_stages() {
      for (std::size_t i = 0; i < df_.instructions.size(); ++i) {
         const auto& inst = df_.instructions[i];
         if (inst.name != "from") {
            continue;
         }
         if (!df_.stages.empty()) {
            df_.stages.back().end_index = i;
         }
         ast::stage st;
         st.from_index = i;
         st.end_index = df_.instructions.size();
         if (!inst.words.empty()) {
            st.image = inst.words[0].text;
            st.image_span = inst.words[0].where;
         } else {
            st.image_span = inst.where;
         }
         if (inst.words.size() == 3 && lower(inst.words[1].text) == "as") {
            st.name = inst.words[2].text;
         }
         df_.stages.push_back(std::move(st));
      }
   }
};

}  // namespace

std::vector<raw_word> split_name_value_words(std::string_view text, char escape) {
   std::vector<raw_word> words;
   std::size_t begin = std::string_view::npos;
   char quote = 0;
   for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (begin == std::string_view::npos) {
         if (is_space(c)) {
            continue;
         }
         begin = i;
      }
      if (quote == 0 && is_space(c)) {
         words.push_back({begin, i});
         begin = std::string_view::npos;
         continue;
      }
      if (c == escape && quote != '\'' && i + 1 < text.size()) {
         ++i;
         continue;
      }
      if (quote == 0 && (c == '"' || c == '\'')) {
         quote = c;
      } else if (quote != 0 && c == quote) {
         quote = 0;
      }
   }
   if (begin != std::string_view::npos) {
      words.push_back({begin, text.size()});
   }
   return words;
}

ast::dockerfile parse_dockerfile(std::string path, std::string text) {
   ast::dockerfile df;
   df.source = ast::source_file(std::move(path), std::move(text));
   builder b(df);
   b.parse();
   return df;
}

}  // namespace strata::parse
