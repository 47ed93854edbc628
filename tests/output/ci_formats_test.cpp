// The CI formats (checkstyle, junit, gitlab, codeclimate, github, gnu, sonarqube,
// hadolint-json) on corpus/: each parses as what its consumer reads and has the shape
// that consumer needs; escaping and fingerprints on findings made for the purpose.
#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/registry.hpp"
#include "engine/run.hpp"
#include "support/helpers.hpp"

using namespace strata;

namespace {

// ---- a small XML 1.0 well-formedness checker (elements, attributes, references, comments) ----

struct xml_element {
   std::string name;
   std::vector<std::pair<std::string, std::string>> attributes;  ///< values with references resolved
   std::vector<xml_element> children;
   std::string text;  ///< the character data directly inside, references resolved

   [[nodiscard]] const std::string* attribute(std::string_view key) const {
      for (const auto& [k, v] : attributes) {
         if (k == key) return &v;
      }
      return nullptr;
   }
   [[nodiscard]] std::string at(std::string_view key) const {
      const auto* v = attribute(key);
      return v == nullptr ? std::string("<missing ") + std::string(key) + ">" : *v;
   }
};

std::string utf8(std::uint32_t cp) {
   std::string out;
   if (cp < 0x80) {
      out += static_cast<char>(cp);
   } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
   } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
   } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
   }
   return out;
}

// XML 1.0's Char production.
bool allowed_char(std::uint32_t cp) {
   return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
          (cp >= 0x10000 && cp <= 0x10FFFF);
}

class xml_checker {
public:
   explicit xml_checker(std::string_view text) : s_(text) {}

   // Parses the whole document; false with `error()` set when it is not well-formed.
   bool document(xml_element& root) {
      if (!characters_valid()) return false;
      if (s_.substr(0, 5) == "<?xml") {
         const auto end = s_.find("?>");
         if (end == std::string_view::npos) return fail("unterminated XML declaration");
         i_ = end + 2;
      }
      misc();
      if (!element(root, 0)) return false;
      misc();
      return i_ == s_.size() || fail("content after the root element");
   }
   [[nodiscard]] const std::string& error() const { return error_; }

private:
   bool fail(std::string_view what) {
      if (error_.empty()) error_ = std::string(what) + " at byte " + std::to_string(i_);
      return false;
   }
   [[nodiscard]] bool at(std::string_view lit) const { return s_.substr(i_, lit.size()) == lit; }

   // Every byte sequence is UTF-8 for a character XML allows.
   bool characters_valid() {
      for (std::size_t k = 0; k < s_.size();) {
         const auto b = static_cast<unsigned char>(s_[k]);
         const int n = b < 0x80 ? 1 : b >= 0xF8 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
         bool ok = n > 0 && k + n <= s_.size();
         std::uint32_t cp = n == 1 ? b : b & (0x7F >> n);
         for (int m = 1; ok && m < n; ++m) {
            const auto c = static_cast<unsigned char>(s_[k + m]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
         }
         if (!ok) {
            i_ = k;
            return fail("not UTF-8");
         }
         if (!allowed_char(cp)) {
            i_ = k;
            return fail("a character XML does not allow");
         }
         k += n;
      }
      return true;
   }
   void spaces() {
      while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
   }
   void misc() {
      for (;;) {
         spaces();
         if (!at("<!--")) return;
         const auto end = s_.find("-->", i_ + 4);
         i_ = end == std::string_view::npos ? s_.size() : end + 3;
      }
   }
   bool name(std::string& out) {
      const auto start = i_;
      const auto first = [](char c) {
         return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' || c == ':';
      };
      if (i_ >= s_.size() || !first(s_[i_])) return fail("a name expected");
      while (i_ < s_.size() &&
             (first(s_[i_]) || std::isdigit(static_cast<unsigned char>(s_[i_])) != 0 || s_[i_] == '-' || s_[i_] == '.'))
         ++i_;
      out = std::string(s_.substr(start, i_ - start));
      return true;
   }
   // After `&`: a predefined entity or a character reference.
   bool reference(std::string& out) {
      const auto semi = s_.find(';', i_);
      if (semi == std::string_view::npos) return fail("unterminated reference");
      const auto ref = s_.substr(i_, semi - i_);
      static const std::map<std::string_view, char> predefined = {
          {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
      if (const auto it = predefined.find(ref); it != predefined.end()) {
         out += it->second;
      } else if (ref.size() > 1 && ref[0] == '#') {
         const bool hex = ref[1] == 'x';
         const auto digits = std::string(ref.substr(hex ? 2 : 1));
         if (digits.empty() ||
             digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
            return fail("bad character reference");
         const auto cp = static_cast<std::uint32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
         if (!allowed_char(cp)) return fail("character reference to a character XML does not allow");
         out += utf8(cp);
      } else {
         return fail("unknown entity");
      }
      i_ = semi + 1;
      return true;
   }
   bool attribute_value(std::string& out) {
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return fail("a quoted attribute value expected");
      const char quote = s_[i_++];
      while (i_ < s_.size() && s_[i_] != quote) {
         const char c = s_[i_++];
         if (c == '<') return fail("`<` in an attribute value");
         if (c == '&') {
            if (!reference(out)) return false;
         } else {
            out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;  // attribute-value normalization
         }
      }
      if (i_ >= s_.size()) return fail("unterminated attribute value");
      ++i_;
      return true;
   }
   bool element(xml_element& e, int depth) {
      if (depth > 64) return fail("too deep");
      if (!at("<")) return fail("`<` expected");
      ++i_;
      if (!name(e.name)) return false;
      std::set<std::string> seen;
      for (;;) {
         const auto before = i_;
         spaces();
         if (at("/>")) {
            i_ += 2;
            return true;
         }
         if (at(">")) {
            ++i_;
            break;
         }
         if (i_ == before) return fail("space before an attribute expected");
         std::string key, value;
         if (!name(key)) return false;
         spaces();
         if (!at("=")) return fail("`=` expected");
         ++i_;
         spaces();
         if (!attribute_value(value)) return false;
         if (!seen.insert(key).second) return fail("attribute given twice");
         e.attributes.emplace_back(std::move(key), std::move(value));
      }
      for (;;) {
         if (i_ >= s_.size()) return fail("unterminated element " + e.name);
         if (at("</")) {
            i_ += 2;
            std::string closing;
            if (!name(closing)) return false;
            if (closing != e.name) return fail("</" + closing + "> closes <" + e.name + ">");
            spaces();
            if (!at(">")) return fail("`>` expected");
            ++i_;
            return true;
         }
         if (at("<!--")) {
            const auto end = s_.find("-->", i_ + 4);
            if (end == std::string_view::npos) return fail("unterminated comment");
            i_ = end + 3;
         } else if (at("<")) {
            e.children.emplace_back();
            if (!element(e.children.back(), depth + 1)) return false;
         } else if (at("&")) {
            ++i_;
            if (!reference(e.text)) return false;
         } else {
            if (at("]]>")) return fail("`]]>` in text");
            e.text += s_[i_++];
         }
      }
   }

   std::string_view s_;
   std::size_t i_ = 0;
   std::string error_;
};

xml_element parse_xml(const std::string& text) {
   xml_element root;
   xml_checker checker(text);
   const bool ok = checker.document(root);
   INFO(checker.error());
   REQUIRE(ok);
   return root;
}

std::vector<std::string> lines_of(const std::string& text) {
   std::vector<std::string> out;
   std::size_t start = 0;
   while (start < text.size()) {
      const auto nl = text.find('\n', start);
      out.push_back(text.substr(start, nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
   }
   return out;
}

struct corpus_findings {
   std::vector<const engine::registered_rule*> rules = engine::enabled_rules({});
   std::vector<engine::finding> findings = engine::run_check({"corpus"}, rules, nullptr).findings;
};

// A finding of DL3007 with the given text: for escaping, where corpus/ has no such characters.
engine::finding made_finding(std::string file, std::string message, engine::severity level) {
   engine::finding f;
   f.source_rule = engine::find_rule("DL3007")->definition;
   f.level = level;
   f.file = std::move(file);
   f.message = std::move(message);
   f.start = {3, 6};
   f.stop = {3, 17};
   f.snippet = "FROM node:latest AS build";
   return f;
}

}  // namespace

TEST_CASE("xml checker: rejects what is not well-formed", "[output][xml]") {
   xml_element e;
   for (const char* bad : {"<a><b></a></b>", "<a x='1' x='2'/>", "<a>&nope;</a>", "<a>&#1;</a>", "<a b=\"<\"/>",
                           "<a/><b/>", "<a>\xff</a>", "<a>x", "<a>]]></a>"}) {
      INFO(bad);
      CHECK_FALSE(xml_checker(bad).document(e));
   }
   xml_element ok;
   REQUIRE(xml_checker("<?xml version=\"1.0\"?>\n<a k=\"&lt;&#10;&#x41;\"><!-- c --><b/>t&amp;u</a>\n").document(ok));
   CHECK(ok.at("k") == "<\nA");
   CHECK(ok.children.size() == 1);
   CHECK(ok.text == "t&u");
}

TEST_CASE("checkstyle: well-formed, hadolint's shape, one <error> per finding", "[output][checkstyle]") {
   const corpus_findings run;
   const auto root = parse_xml(test::render(run.findings, report::format::checkstyle));
   CHECK(root.name == "checkstyle");
   CHECK(root.at("version") == "4.3");
   std::size_t errors = 0;
   std::set<std::string> files;
   for (const auto& file : root.children) {
      CHECK(file.name == "file");
      CHECK(files.insert(file.at("name")).second);  // a file once
      for (const auto& e : file.children) {
         const auto& f = run.findings[errors++];
         CHECK(e.name == "error");
         CHECK(file.at("name") == f.file);
         CHECK(e.at("line") == std::to_string(f.start.line));
         CHECK(e.at("column") == std::to_string(f.start.column));
         CHECK(e.at("message") == f.message);
         CHECK(e.at("source") == std::string(f.rule_id()));
         const auto sev = e.at("severity");
         CHECK((sev == "error" || sev == "warning" || sev == "info"));
      }
   }
   CHECK(errors == run.findings.size());
   CHECK(parse_xml(test::render({}, report::format::checkstyle)).children.empty());
}

TEST_CASE("junit: well-formed, a testsuite per file, a failing testcase per finding", "[output][junit]") {
   const corpus_findings run;
   const auto root = parse_xml(test::render(run.findings, report::format::junit));
   CHECK(root.name == "testsuites");
   CHECK(root.at("tests") == std::to_string(run.findings.size()));
   CHECK(root.at("failures") == std::to_string(run.findings.size()));
   std::size_t cases = 0;
   for (const auto& suite : root.children) {
      CHECK(suite.name == "testsuite");
      CHECK(suite.at("tests") == std::to_string(suite.children.size()));
      for (const auto& tc : suite.children) {
         const auto& f = run.findings[cases++];
         CHECK(tc.name == "testcase");
         CHECK(tc.at("classname") == f.file);
         REQUIRE(tc.children.size() == 1);
         const auto& failure = tc.children[0];
         CHECK(failure.name == "failure");
         CHECK(failure.at("type") == std::string(f.rule_id()));
         CHECK(failure.at("message") == f.message);
         CHECK(failure.text.starts_with(f.file + ":" + std::to_string(f.start.line) + ":"));
      }
   }
   CHECK(cases == run.findings.size());
   const auto empty = parse_xml(test::render({}, report::format::junit));
   CHECK(empty.at("tests") == "0");
}

TEST_CASE("xml formats: markup, control characters and bytes that are not UTF-8 are escaped", "[output][xml]") {
   const std::vector<engine::finding> findings = {
       made_finding("dir/a&b\"c'.Dockerfile", "1 < 2 & \"q\" 'a'\tb\nc\rd \x01 e\xff f \xc3\xa9",
                    engine::severity::error),
       made_finding("x.Dockerfile", "]]> plain", engine::severity::style)};
   const std::string expected_message = "1 < 2 & \"q\" 'a'\tb\nc\rd \xEF\xBF\xBD e\xEF\xBF\xBD f \xc3\xa9";
   for (const auto fmt : {report::format::checkstyle, report::format::junit}) {
      INFO(report::format_name(fmt));
      const auto root = parse_xml(test::render(findings, fmt));
      REQUIRE(root.children.size() == 2);
      CHECK(root.children[0].at("name") == "dir/a&b\"c'.Dockerfile");
      const auto& first =
          fmt == report::format::checkstyle ? root.children[0].children[0] : root.children[0].children[0].children[0];
      CHECK(first.at("message") == expected_message);  // tab, LF, CR kept as references
   }
   const auto cs = parse_xml(test::render(findings, report::format::checkstyle));
   CHECK(cs.children[1].children[0].at("severity") == "info");
   CHECK(cs.children[1].children[0].at("message") == "]]> plain");
}

TEST_CASE("gitlab: Code Quality issues with stable, distinct fingerprints", "[output][gitlab]") {
   const corpus_findings run;
   const auto issues = nlohmann::json::parse(test::render(run.findings, report::format::gitlab));
   REQUIRE(issues.is_array());
   REQUIRE(issues.size() == run.findings.size());
   std::set<std::string> prints;
   const std::set<std::string> severities = {"info", "minor", "major", "critical", "blocker"};
   for (std::size_t i = 0; i < issues.size(); ++i) {
      const auto& is = issues[i];
      const auto& f = run.findings[i];
      CHECK(is["description"] == f.message);
      CHECK(is["check_name"] == std::string(f.rule_id()));
      CHECK(severities.contains(is["severity"].get<std::string>()));
      CHECK(is["location"]["path"] == f.file);
      CHECK(is["location"]["lines"]["begin"] == f.start.line);
      const auto fp = is["fingerprint"].get<std::string>();
      CHECK(std::regex_match(fp, std::regex("[0-9a-f]{32}")));
      CHECK(prints.insert(fp).second);
   }
   CHECK(nlohmann::json::parse(test::render({}, report::format::gitlab)) == nlohmann::json::array());
}

TEST_CASE("fingerprints: the same with lines added above, distinct for repeats on one line", "[output][gitlab]") {
   const std::string path = "corpus/dockerfiles/webapp/Dockerfile";
   const std::string text = test::read(test::source_path(path));
   const auto before = test::check_text(path, text);
   const auto after = test::check_text(path, "# a comment\n\n" + text);
   REQUIRE_FALSE(before.empty());
   REQUIRE(before.size() == after.size());
   CHECK(after[0].start.line == before[0].start.line + 2);
   CHECK(report::fingerprints(before) == report::fingerprints(after));
   // DL3008 twice on line 15 (ca-certificates, curl): the occurrence index tells them apart
   const auto prints = report::fingerprints(before);
   CHECK(std::set<std::string>(prints.begin(), prints.end()).size() == prints.size());
   // another file, the same text: other fingerprints
   const auto renamed = test::check_text("other/Dockerfile", text);
   CHECK(report::fingerprints(renamed) != prints);
}

TEST_CASE("codeclimate: NUL-terminated Code Climate issues", "[output][codeclimate]") {
   const corpus_findings run;
   const auto text = test::render(run.findings, report::format::codeclimate);
   REQUIRE(text.ends_with('\0'));
   std::vector<std::string> objects;
   for (std::size_t start = 0; start < text.size();) {
      const auto nul = text.find('\0', start);
      objects.push_back(text.substr(start, nul - start));
      start = nul + 1;
   }
   REQUIRE(objects.size() == run.findings.size());
   const std::set<std::string> categories = {"Bug Risk",    "Clarity",     "Compatibility", "Complexity",
                                             "Duplication", "Performance", "Security",      "Style"};
   for (std::size_t i = 0; i < objects.size(); ++i) {
      const auto is = nlohmann::json::parse(objects[i]);
      const auto& f = run.findings[i];
      CHECK(is["type"] == "issue");
      CHECK(is["check_name"] == std::string(f.rule_id()));
      CHECK(is["description"] == f.message);
      REQUIRE_FALSE(is["categories"].empty());
      for (const auto& c : is["categories"]) CHECK(categories.contains(c.get<std::string>()));
      CHECK(is["location"]["path"] == f.file);
      const auto& pos = is["location"]["positions"];
      CHECK(pos["begin"]["line"] == f.start.line);
      CHECK(pos["begin"]["column"] == f.start.column);
      CHECK(pos["end"]["line"] == f.stop.line);
      CHECK(pos["end"]["column"].get<std::uint32_t>() >= f.start.column);
      CHECK(is["severity"].is_string());
   }
   CHECK(test::render({}, report::format::codeclimate).empty());
}

TEST_CASE("github: one workflow command per finding, escaped per GitHub's rules", "[output][github]") {
   const corpus_findings run;
   const auto lines = lines_of(test::render(run.findings, report::format::github));
   REQUIRE(lines.size() == run.findings.size());
   const std::regex command(
       "::(error|warning|notice) "
       "file=[^,:]+,line=[0-9]+,col=[0-9]+,endLine=[0-9]+(,endColumn=[0-9]+)?,title=[A-Z]+[0-9]+::.+");
   for (std::size_t i = 0; i < lines.size(); ++i) {
      INFO(lines[i]);
      CHECK(std::regex_match(lines[i], command));
      CHECK(lines[i].ends_with("::" + run.findings[i].message));  // corpus/ messages need no escape
   }
   const std::vector<engine::finding> odd = {
       made_finding("dir,a:b/Dockerfile", "100% sure,\r\nsee: here", engine::severity::warning),
       made_finding("x", "i", engine::severity::info), made_finding("x", "s", engine::severity::style),
       made_finding("x", "e", engine::severity::error)};
   CHECK(lines_of(test::render(odd, report::format::github)) ==
         std::vector<std::string>{
             "::warning file=dir%2Ca%3Ab/Dockerfile,line=3,col=6,endLine=3,endColumn=16,title=DL3007::100%25 "
             "sure,%0D%0Asee: here",
             "::notice file=x,line=3,col=6,endLine=3,endColumn=16,title=DL3007::i",
             "::notice file=x,line=3,col=6,endLine=3,endColumn=16,title=DL3007::s",
             "::error file=x,line=3,col=6,endLine=3,endColumn=16,title=DL3007::e"});
   auto multi = made_finding("x", "m", engine::severity::warning);
   multi.stop = {5, 1};
   CHECK(test::render({multi}, report::format::github) == "::warning file=x,line=3,col=6,endLine=5,title=DL3007::m\n");
}

TEST_CASE("gnu: file:line.col-line.col: severity: message [ID]", "[output][gnu]") {
   const corpus_findings run;
   const auto lines = lines_of(test::render(run.findings, report::format::gnu));
   REQUIRE(lines.size() == run.findings.size());
   for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& f = run.findings[i];
      const std::string prefix = f.file + ":" + std::to_string(f.start.line) + "." + std::to_string(f.start.column) +
                                 "-" + std::to_string(f.stop.line) + "." + std::to_string(report::last_column(f)) +
                                 ": ";
      CHECK(lines[i] == prefix + std::string(report::text_severity(f.level)) + ": " + f.message + " [" +
                            std::string(f.rule_id()) + "]");
   }
   auto empty_range = made_finding("x", "m", engine::severity::info);
   empty_range.stop = empty_range.start;
   CHECK(test::render({empty_range}, report::format::gnu) == "x:3.6-3.6: note: m [DL3007]\n");
}

TEST_CASE("sonarqube: Generic Issue Import, 0-based columns, type by rule tags", "[output][sonarqube]") {
   const corpus_findings run;
   const auto doc = nlohmann::json::parse(test::render(run.findings, report::format::sonarqube));
   REQUIRE(doc["issues"].size() == run.findings.size());
   const std::set<std::string> severities = {"INFO", "MINOR", "MAJOR", "CRITICAL", "BLOCKER"};
   const std::set<std::string> types = {"CODE_SMELL", "BUG", "VULNERABILITY"};
   std::set<std::string> seen_types;
   for (std::size_t i = 0; i < run.findings.size(); ++i) {
      const auto& is = doc["issues"][i];
      const auto& f = run.findings[i];
      CHECK(is["engineId"] == "strata");
      CHECK(is["ruleId"] == std::string(f.rule_id()));
      CHECK(severities.contains(is["severity"].get<std::string>()));
      CHECK(types.contains(is["type"].get<std::string>()));
      seen_types.insert(is["type"].get<std::string>());
      const auto& loc = is["primaryLocation"];
      CHECK(loc["message"] == f.message);
      CHECK(loc["filePath"] == f.file);
      CHECK(loc["textRange"]["startLine"] == f.start.line);
      CHECK(loc["textRange"]["endLine"] == f.stop.line);
      CHECK(loc["textRange"]["startColumn"] == f.start.column - 1);
      CHECK(loc["textRange"]["endColumn"] == f.stop.column - 1);
   }
   CHECK(seen_types.contains("BUG"));            // DL4006, ST3003: correctness
   CHECK(seen_types.contains("VULNERABILITY"));  // ST2001: security
   CHECK(nlohmann::json::parse(test::render({}, report::format::sonarqube))["issues"].empty());
}

TEST_CASE("hadolint-json: hadolint's -f json array", "[output][hadolint-json]") {
   const corpus_findings run;
   const auto list = nlohmann::json::parse(test::render(run.findings, report::format::hadolint_json));
   REQUIRE(list.size() == run.findings.size());
   for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& j = list[i];
      const auto& f = run.findings[i];
      std::vector<std::string> keys;
      for (const auto& [k, v] : j.items()) keys.push_back(k);
      CHECK(keys == std::vector<std::string>{"code", "column", "file", "level", "line", "message"});
      const auto code = j["code"].get<std::string>();
      if (code != f.rule_id()) {  // a strata rule under the one hadolint code it stands for
         REQUIRE(f.source_rule != nullptr);
         const auto& al = f.source_rule->aliases;
         CHECK(code.starts_with("DL"));
         CHECK(std::count_if(al.begin(), al.end(), [](std::string_view a) { return a.starts_with("DL"); }) == 1);
         CHECK(std::find(al.begin(), al.end(), code) != al.end());
      }
      CHECK(j["level"] == std::string(engine::to_string(f.level)));
      CHECK(j["line"] == f.start.line);
      CHECK(j["column"] == f.start.column);
   }
}

TEST_CASE("hadolint-json: a rule that stands for one hadolint rule reports its code", "[output][hadolint-json]") {
   const auto found = test::check_text("Dockerfile", "FROM alpine:3.20\nWORKDIR app\nCMD [\"a\"]\nCMD [\"b\"]\n");
   const auto list = nlohmann::json::parse(test::render(found, report::format::hadolint_json));
   std::set<std::string> codes;
   for (const auto& j : list) codes.insert(j["code"].get<std::string>());
   CHECK(codes.contains("DL3000"));  // ST1010 WorkdirRelativePath, standing for DL3000
   CHECK(codes.contains("ST1012"));  // stands for DL4003, DL4004 and DL3012: keeps its own id
   CHECK_FALSE(codes.contains("ST1010"));
}

TEST_CASE("format names: every format by its name, hadolint's aliases", "[output]") {
   for (const auto f : report::all_formats) {
      CHECK(report::format_from_string(report::format_name(f)) == f);
   }
   CHECK(report::format_from_string("tty") == report::format::text);
   CHECK(report::format_from_string("gitlab_codeclimate") == report::format::gitlab);
   CHECK(report::format_from_string("hadolint_json") == report::format::hadolint_json);
   CHECK_FALSE(report::format_from_string("yaml"));
}
