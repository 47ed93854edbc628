// SARIF 2.1.0 (OASIS), shaped for GitHub code scanning: one run, the enabled
// rules in tool.driver.rules (help from the user-facing sections of each rule's doc,
// helpUri to the doc in the repository, security-severity for the security rules),
// every result with a location, columnKind unicodeCodePoints, URIs relative to
// %SRCROOT% (originalUriBaseIds), relatedLocations, and partialFingerprints.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <ostream>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <re2/re2.h>
#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "version.hpp"

namespace strata::report {

namespace {

using json = nlohmann::ordered_json;

// SARIF levels are the text severity words: error, warning, note.
std::string_view sarif_level(engine::severity s) {
   return text_severity(s);
}

// RFC 3986 percent-encoding of a path, keeping `/` and the unreserved set.
std::string encode_path(std::string_view path) {
   std::string out;
   for (const char ch : path) {
      const auto c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
         out += static_cast<char>(c);
      } else {
         out += fmt::format("%{:02X}", c);
      }
   }
   return out;
}

// The repository whose rules/<ID>/<ID>.md the helpUris name.
constexpr std::string_view repository_url = "https://github.com/strata-lint/strata";

// `options::srcroot` made absolute: the given directory, else the nearest parent of the
// working directory with a `.git` (directory, or file of a linked work tree), else the
// working directory.
std::filesystem::path source_root(const std::string& given) {
   namespace fs = std::filesystem;
   std::error_code ec;
   const fs::path cwd = fs::current_path(ec);
   if (!given.empty()) return (fs::path(given).is_absolute() ? fs::path(given) : cwd / given).lexically_normal();
   for (fs::path dir = cwd; !dir.empty(); dir = dir.parent_path()) {
      if (fs::exists(dir / ".git", ec)) return dir;
      if (dir == dir.parent_path()) break;
   }
   return cwd;
}

// Where an input's artifact is: relative to %SRCROOT% when the path is inside the root,
// else an absolute file:// URI.
class locator {
public:
   explicit locator(const std::string& srcroot) : root_(source_root(srcroot)) {}

   /// `file:///root/` (ending in `/`), for originalUriBaseIds.
   [[nodiscard]] std::string root_uri() const {
      std::string root = root_.generic_string();
      if (!root.ends_with('/')) root += '/';
      return "file://" + encode_path(root);
   }

   [[nodiscard]] json artifact(const std::string& path) const {
      namespace fs = std::filesystem;
      const fs::path given(path);
      const fs::path file = (given.is_absolute() ? given : fs::current_path(ec_) / given).lexically_normal();
      const fs::path rel = file.lexically_relative(root_);
      const std::string r = rel.generic_string();
      if (!rel.empty() && r != "." && !r.starts_with("../") && r != "..") {
         return {{"uri", encode_path(r)}, {"uriBaseId", "%SRCROOT%"}};
      }
      return {{"uri", "file://" + encode_path(file.generic_string())}};
   }

private:
   std::filesystem::path root_;
   mutable std::error_code ec_;
};

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL) {
   for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
   }
   return h;
}

std::string trimmed(std::string_view s) {
   const auto b = s.find_first_not_of(" \t\r");
   if (b == std::string_view::npos) return {};
   const auto e = s.find_last_not_of(" \t\r");
   return std::string(s.substr(b, e - b + 1));
}

std::string first_paragraph(std::string_view text, std::size_t limit) {
   const auto blank = text.find("\n\n");
   std::string p(text.substr(0, blank));
   for (auto& c : p) {
      if (c == '\n') c = ' ';
   }
   if (p.size() > limit) {
      p = p.substr(0, limit - 3) + "...";
   }
   return p;
}

// The sections of a rule doc written for its users, in this order when present. The
// References section (and the title) is left out: it points into the project.
constexpr std::array<std::string_view, 5> user_sections = {"What it does", "Why is this bad?", "Example", "Use instead",
                                                           "Exceptions"};

// Whether text names the project's own files or test data (formats.md, fixtures, the seeds,
// the corpus, source folders), which a reader of a code scanning alert cannot open.
bool names_project_files(std::string_view text) {
   static const RE2 re(
       R"((?i)formats\.md|\b[a-z]{2}[0-9]{4}\.(pass|fail)|\bseeds?\b|\bcorpus\b|(^|[\s`(])(rules|src|tests|docs|bench|fuzz)/|\.\./shared)");
   return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

// `text` without the parenthesised remarks and the sentences that name project files.
std::string without_project_references(std::string text) {
   // parenthesised remarks (balanced, outside code spans), innermost last
   for (bool again = true; again;) {
      again = false;
      bool code = false;
      std::vector<std::size_t> open;
      for (std::size_t i = 0; i < text.size() && !again; ++i) {
         if (text[i] == '`') code = !code;
         if (code) continue;
         if (text[i] == '(') open.push_back(i);
         if (text[i] == ')' && !open.empty()) {
            std::size_t b = open.back();
            open.pop_back();
            if (!names_project_files(std::string_view(text).substr(b, i + 1 - b))) continue;
            if (b > 0 && text[b - 1] == ' ') --b;
            text.erase(b, i + 1 - b);
            again = true;
         }
      }
   }
   // sentences: end at `. `, `! `, `? ` outside code spans and parentheses
   std::string out;
   std::size_t from = 0;
   bool code = false;
   int depth = 0;
   const auto flush = [&](std::size_t to) {
      const std::string_view sentence = std::string_view(text).substr(from, to - from);
      if (!names_project_files(sentence)) {
         if (!out.empty()) out += ' ';
         out += trimmed(sentence);
      }
      from = to;
   };
   for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '`') code = !code;
      if (code) continue;
      if (c == '(') ++depth;
      if (c == ')' && depth > 0) --depth;
      if (depth == 0 && (c == '.' || c == '!' || c == '?') && i + 1 < text.size() && text[i + 1] == ' ') flush(i + 1);
   }
   flush(text.size());
   return trimmed(out);
}

// One block of a doc section: a paragraph or list item (joined into one line), a fenced
// code block or a table (kept line by line).
struct doc_block {
   enum class kind { prose, verbatim } what = kind::prose;
   std::string marker;              ///< a list item's indentation and marker (`- `, `  1. `), else ""
   std::string text;                ///< prose: the lines joined by spaces
   std::vector<std::string> lines;  ///< verbatim: the lines, fences included
};

std::size_t fence_length(std::string_view line) {
   const auto b = line.find_first_not_of(' ');
   if (b == std::string_view::npos || b > 3) return 0;
   const char c = line[b];
   if (c != '`' && c != '~') return 0;
   std::size_t n = 0;
   while (b + n < line.size() && line[b + n] == c) ++n;
   return n >= 3 ? n : 0;
}

// The list marker at the start of a line (with its indentation), or "".
std::string list_marker(std::string_view line) {
   std::size_t i = line.find_first_not_of(' ');
   if (i == std::string_view::npos) return {};
   std::size_t j = i;
   if (line[j] == '-' || line[j] == '*' || line[j] == '+') {
      ++j;
   } else {
      while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j])) != 0) ++j;
      if (j == i || j >= line.size() || (line[j] != '.' && line[j] != ')')) return {};
      ++j;
   }
   if (j >= line.size() || line[j] != ' ') return {};
   return std::string(line.substr(0, j + 1));
}

// The user sections of a rule doc (heading, blocks), project references removed from the prose.
std::vector<std::pair<std::string, std::vector<doc_block>>> user_doc(std::string_view md) {
   std::map<std::string, std::vector<doc_block>, std::less<>> sections;
   std::vector<doc_block>* current = nullptr;
   std::size_t fence = 0;  // the length of the open fence, 0 outside code
   bool open = false;      // the last prose block continues on the next line
   std::size_t pos = 0;
   while (pos < md.size()) {
      auto end = md.find('\n', pos);
      if (end == std::string_view::npos) end = md.size();
      std::string_view line = md.substr(pos, end - pos);
      pos = end + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (fence == 0 && line.starts_with("## ")) {
         current = &sections[std::string(trimmed(line.substr(3)))];
         open = false;
         continue;
      }
      if (current == nullptr) continue;
      const std::size_t f = fence_length(line);
      if (fence != 0) {
         current->back().lines.emplace_back(line);
         if (f >= fence && trimmed(line).size() == f) fence = 0;
         continue;
      }
      if (f != 0) {
         current->push_back({doc_block::kind::verbatim, {}, {}, {std::string(line)}});
         fence = f;
         open = false;
         continue;
      }
      const std::string t = trimmed(line);
      if (t.empty()) {
         open = false;
         continue;
      }
      if (t.front() == '|') {
         if (!open || current->back().what != doc_block::kind::verbatim)
            current->push_back({doc_block::kind::verbatim, {}, {}, {}});
         current->back().lines.push_back(t);
         open = true;
         continue;
      }
      if (const std::string marker = list_marker(line); !marker.empty()) {
         current->push_back({doc_block::kind::prose, marker, trimmed(line.substr(marker.size())), {}});
      } else if (open && current->back().what == doc_block::kind::prose) {
         current->back().text += ' ' + t;
      } else {
         current->push_back({doc_block::kind::prose, {}, t, {}});
      }
      open = true;
   }
   std::vector<std::pair<std::string, std::vector<doc_block>>> out;
   for (const auto heading : user_sections) {
      const auto it = sections.find(heading);
      if (it == sections.end()) continue;
      std::vector<doc_block> kept;
      for (auto& b : it->second) {
         if (b.what == doc_block::kind::prose) {
            b.text = without_project_references(std::move(b.text));
            if (b.text.empty()) continue;
         }
         kept.push_back(std::move(b));
      }
      if (!kept.empty()) out.emplace_back(std::string(heading), std::move(kept));
   }
   return out;
}

// help.markdown: the user sections as markdown; help.text: the same as plain text (headings
// as lines of their own, code indented by four spaces without its fences).
std::pair<std::string, std::string> rule_help(std::string_view md) {
   std::string markdown;
   std::string text;
   for (const auto& [heading, blocks] : user_doc(md)) {
      if (!markdown.empty()) {
         markdown += '\n';
         text += '\n';
      }
      markdown += "## " + heading + "\n";
      text += heading + "\n";
      const doc_block* previous = nullptr;
      for (const auto& b : blocks) {
         const bool list = b.what == doc_block::kind::prose && !b.marker.empty();
         const bool previous_list =
             previous != nullptr && previous->what == doc_block::kind::prose && !previous->marker.empty();
         if (!(list && previous_list)) {
            markdown += '\n';
            text += '\n';
         }
         if (b.what == doc_block::kind::prose) {
            markdown += b.marker + b.text + '\n';
            text += b.marker + b.text + '\n';
         } else {
            for (const auto& l : b.lines) {
               markdown += l + '\n';
               if (fence_length(l) == 0) text += (l.empty() ? "" : "    ") + l + '\n';
            }
         }
         previous = &b;
      }
   }
   return {markdown, text};
}

json rule_descriptor(const engine::registered_rule& r) {
   const engine::rule& d = *r.definition;
   std::string why = first_paragraph(
       without_project_references(std::string(engine::doc_section(r.doc_markdown, "Why is this bad?"))), 1024);
   if (why.empty()) why = std::string(d.summary);
   json tags = json::array();
   for (auto t : d.tags) tags.push_back(t);
   json props = {{"tags", tags}, {"precision", std::string(d.precision.empty() ? "high" : d.precision)}};
   const bool security = std::find(d.tags.begin(), d.tags.end(), "security") != d.tags.end();
   if (security && !d.security_severity.empty()) {
      props["security-severity"] = std::string(d.security_severity);
   } else {
      props["problem.severity"] = d.default_severity == engine::severity::error     ? "error"
                                  : d.default_severity == engine::severity::warning ? "warning"
                                                                                    : "recommendation";
   }
   auto [markdown, text] = rule_help(r.doc_markdown);
   if (markdown.empty()) {  // a rule without a doc: its one-line help
      markdown = text = std::string(d.help);
   }
   json out = {{"id", d.id},
               {"name", d.name},
               {"shortDescription", {{"text", d.summary}}},
               {"fullDescription", {{"text", why}}}};
   if (!r.doc_path.empty()) out["helpUri"] = fmt::format("{}/blob/main/{}", repository_url, r.doc_path);
   out["help"] = {{"text", text}, {"markdown", markdown}};
   out["defaultConfiguration"] = {{"level", sarif_level(d.default_severity)}};
   out["properties"] = props;
   return out;
}

// A message's text with embedded links to its related locations, each named by its file
// name and line: `... (see [arm64.Dockerfile:3](1), ...)`. Square brackets of the message
// itself are escaped (SARIF §3.11.6) so that only the links read as links.
std::string linked_message(const engine::finding& f) {
   const auto escaped = [](std::string_view s) {
      std::string out;
      for (const char c : s) {
         if (c == '[' || c == ']') out += '\\';
         out += c;
      }
      return out;
   };
   if (f.related.empty()) return f.message;
   std::string out = escaped(f.message) + " (see ";
   for (std::size_t i = 0; i < f.related.size(); ++i) {
      const auto& r = f.related[i];
      const std::string name = std::filesystem::path(r.file).filename().string();
      out += fmt::format("{}[{}:{}]({})", i > 0 ? ", " : "", escaped(name), r.start.line, i + 1);
   }
   return out + ")";
}

}  // namespace

void write_sarif(std::span<const engine::finding> findings, const options& opts, std::ostream& out) {
   const locator where(opts.srcroot);
   json rules = json::array();
   std::map<std::string_view, std::size_t> index;
   for (const auto* r : opts.rules) {
      index.emplace(r->definition->id, rules.size());
      rules.push_back(rule_descriptor(*r));
   }
   json results = json::array();
   std::map<std::string, int> occurrences;
   for (const auto& f : findings) {
      auto it = index.find(f.rule_id());
      if (it == index.end() && !f.code.empty()) {  // a ShellCheck code of --shellcheck: its own descriptor
         it = index.emplace(f.rule_id(), rules.size()).first;
         rules.push_back({{"id", f.code},
                          {"name", "shellcheck-" + f.code},
                          {"shortDescription", {{"text", "ShellCheck " + f.code}}},
                          {"helpUri", "https://www.shellcheck.net/wiki/" + f.code},
                          {"properties", {{"tags", json::array({"shellcheck"})}}}});
      }
      if (it == index.end()) {
         // a finding of a rule outside the selection cannot happen; keep the log valid anyway
         continue;
      }
      const json region = {{"startLine", f.start.line},
                           {"startColumn", f.start.column},
                           {"endLine", f.stop.line},
                           {"endColumn", f.stop.column}};
      json physical = {{"artifactLocation", where.artifact(f.file)}, {"region", region}};
      if (!f.snippet.empty()) {
         physical["region"]["snippet"] = {{"text", f.snippet}};
      }
      const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", f.rule_id(), f.file, trimmed(f.snippet), f.platform);
      const int n = occurrences[key]++;
      json result = {{"ruleId", f.rule_id()},
                     {"ruleIndex", it->second},
                     {"level", sarif_level(f.level)},
                     {"message", {{"text", linked_message(f)}}},
                     {"locations", json::array({{{"physicalLocation", physical}}})},
                     {"partialFingerprints", {{"strataFingerprint/v1", fmt::format("{:016x}:{}", fnv1a(key), n + 1)}}}};
      if (!f.related.empty()) {
         json related = json::array();
         for (std::size_t i = 0; i < f.related.size(); ++i) {
            const auto& r = f.related[i];
            related.push_back({{"id", i + 1},
                               {"physicalLocation",
                                {{"artifactLocation", where.artifact(r.file)},
                                 {"region",
                                  {{"startLine", r.start.line},
                                   {"startColumn", r.start.column},
                                   {"endLine", r.stop.line},
                                   {"endColumn", r.stop.column}}}}},
                               {"message", {{"text", r.message}}}});
         }
         result["relatedLocations"] = std::move(related);
      }
      if (!f.tag.empty() || !f.platform.empty()) {
         json props;
         if (!f.tag.empty()) props["tag"] = f.tag;
         if (!f.platform.empty()) {
            props["platform"] = f.platform;
            props["section"] = f.section_index;
         }
         result["properties"] = props;
      }
      results.push_back(std::move(result));
   }
   json notifications = json::array();
   for (const auto& e : opts.input_errors) {
      notifications.push_back(
          {{"level", "error"},
           {"message", {{"text", fmt::format("{}: {}", e.path, e.message)}}},
           {"locations", json::array({{{"physicalLocation", {{"artifactLocation", where.artifact(e.path)}}}}})}});
   }
   json invocation = {{"executionSuccessful", opts.input_errors.empty()}};
   if (!notifications.empty()) {
      invocation["toolExecutionNotifications"] = notifications;
   }
   json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", json::array({{{"tool",
                                       {{"driver",
                                         {{"name", "strata"},
                                          {"informationUri", std::string(repository_url)},
                                          {"semanticVersion", std::string(strata::version())},
                                          {"version", std::string(strata::version())},
                                          {"rules", rules}}}}},
                                      {"invocations", json::array({invocation})},
                                      {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", where.root_uri()}}}}},
                                      {"columnKind", "unicodeCodePoints"},
                                      {"results", results}}})}};
   out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace strata::report
