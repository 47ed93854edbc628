#include "report/inspect.hpp"

#include <ostream>

#include <fmt/format.h>

#include "engine/runs.hpp"

namespace strata::report {

namespace {

using ojson = nlohmann::ordered_json;

void at(ojson& j, const ast::span& s) {
   j["line"] = s.start.line;
   j["column"] = s.start.column;
}

ojson instruction_json(const engine::document& doc, const engine::run_view& v) {
   const facts::run_facts& f = v.facts;
   ojson j;
   at(j, v.where);
   j["instruction"] = v.keyword;
   j["shell"] = v.keyword == "ADD" ? "unknown" : facts::to_string(f.shell);
   j["parsed"] = f.parsed;
   if (!f.parsed)
      j["error"] = {{"message", f.error}, {"line", f.error_where.start.line}, {"column", f.error_where.start.column}};
   if (v.section != nullptr && doc.page) {
      j["section"] = static_cast<std::size_t>(v.section - doc.page->sections.data()) + 1;
      j["platform"] = v.section->platform.text;
   }
   auto& commands = j["commands"] = ojson::array();
   for (const auto& c : f.commands) {
      ojson cj;
      cj["name"] = c.name;
      auto& argv = cj["argv"] = ojson::array();
      for (const auto& w : c.words) argv.push_back(w.value);
      at(cj, c.where);
      cj["depth"] = c.depth;
      if (c.method) cj["method"] = true;
      if (c.piped_to >= 0) cj["piped_to"] = c.piped_to;
      auto& words = cj["words"] = ojson::array();
      for (const auto& w : c.words) {
         ojson wj = {{"text", w.text}, {"value", w.value}};
         wj["line"] = w.where.start.line;
         wj["column"] = w.where.start.column;
         wj["end_line"] = w.where.stop.line;
         wj["end_column"] = w.where.stop.column;
         words.push_back(std::move(wj));
      }
      commands.push_back(std::move(cj));
   }
   auto& downloads = j["downloads"] = ojson::array();
   for (const auto& d : f.downloads) {
      ojson dj = {{"tool", d.tool}, {"url", d.url}, {"expanded_url", d.expanded_url}, {"output", d.output}};
      at(dj, d.where);
      dj["url_line"] = d.url_where.start.line;
      dj["url_column"] = d.url_where.start.column;
      if (d.verified_by) {
         dj["verified_by"] = {{"method", d.verified_by->method},
                              {"line", d.verified_by->where.start.line},
                              {"column", d.verified_by->where.start.column}};
         if (!d.verified_by->digest.empty()) dj["verified_by"]["digest"] = d.verified_by->digest;
      } else {
         dj["verified_by"] = nullptr;
      }
      downloads.push_back(std::move(dj));
   }
   auto& verifications = j["verifications"] = ojson::array();
   for (const auto& x : f.verifications) {
      ojson xj = {{"method", x.method}};
      at(xj, x.where);
      xj["subjects"] = x.subjects;
      if (!x.digest.empty()) xj["digest"] = x.digest;
      verifications.push_back(std::move(xj));
   }
   auto& installs = j["installs"] = ojson::array();
   for (const auto& i : f.installs) {
      ojson ij = {{"manager", i.manager}, {"package", i.package}, {"version", i.version}, {"pinned", i.pinned}};
      at(ij, i.where);
      installs.push_back(std::move(ij));
   }
   auto& cleanups = j["cleanups"] = ojson::array();
   for (const auto& c : f.cleanups) {
      ojson cj = {{"kind", c.kind}};
      at(cj, c.where);
      cleanups.push_back(std::move(cj));
   }
   auto& vars = j["variables"] = {{"set", ojson::array()}, {"referenced", ojson::array()}};
   for (const auto& s : f.variables_set) {
      ojson sj = {{"name", s.name}, {"value", s.value}};
      at(sj, s.where);
      vars["set"].push_back(std::move(sj));
   }
   for (const auto& r : f.variables_referenced) {
      ojson rj = {{"name", r.name}};
      at(rj, r.where);
      vars["referenced"].push_back(std::move(rj));
   }
   return j;
}

std::string joined(const std::vector<facts::shell_word>& words) {
   std::string out;
   for (const auto& w : words) {
      if (!out.empty()) out += ' ';
      out += w.text;
   }
   if (out.size() <= 100) return out;
   std::size_t cut = 97;
   while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
   return out.substr(0, cut) + "...";
}

}  // namespace

ojson inspect_json(const engine::document& doc) {
   ojson j;
   j["file"] = doc.source().path();
   j["kind"] = engine::to_string(doc.kind);
   auto& list = j["instructions"] = ojson::array();
   engine::for_each_run(doc, [&](const engine::run_view& v) { list.push_back(instruction_json(doc, v)); });
   return j;
}

void write_inspect_text(const engine::document& doc, std::ostream& out) {
   const std::string& path = doc.source().path();
   engine::for_each_run(doc, [&](const engine::run_view& v) {
      const auto& f = v.facts;
      std::string where;
      if (v.section != nullptr) where = fmt::format(" [{}]", v.section->platform.text);
      out << fmt::format("{}:{}: {} ({}{}){}\n", path, v.where.start.line, v.keyword,
                         v.keyword == "ADD" ? "builder" : facts::to_string(f.shell), f.parsed ? "" : ", not parsed",
                         where);
      if (!f.parsed) {
         out << fmt::format("  error     {}:{}: {}\n", f.error_where.start.line, f.error_where.start.column, f.error);
      }
      for (const auto& c : f.commands) {
         out << fmt::format("  command   {}{:<{}}  ({}:{})\n", std::string(static_cast<std::size_t>(2 * c.depth), ' '),
                            joined(c.words), 60 - 2 * std::min(c.depth, 20), c.where.start.line, c.where.start.column);
      }
      for (const auto& d : f.downloads) {
         const std::string url =
             d.expanded_url == d.url ? d.url : fmt::format("{} (written {})", d.expanded_url, d.url);
         out << fmt::format("  download  {}{}, {}  ({}:{})\n", url, d.output.empty() ? "" : " -> " + d.output,
                            d.verified_by ? fmt::format("verified by {} (line {})", d.verified_by->method,
                                                        d.verified_by->where.start.line)
                                          : std::string("NOT verified"),
                            d.where.start.line, d.where.start.column);
      }
      for (const auto& i : f.installs) {
         out << fmt::format("  install   {} {}{}  ({}:{})\n", i.manager, i.package,
                            i.pinned ? " " + i.version : std::string(" (not pinned)"), i.where.start.line,
                            i.where.start.column);
      }
      for (const auto& c : f.cleanups) {
         out << fmt::format("  cleanup   {}  ({}:{})\n", c.kind, c.where.start.line, c.where.start.column);
      }
   });
}

}  // namespace strata::report
