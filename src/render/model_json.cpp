#include "render/model_json.hpp"

#include <cctype>

#include <optional>
#include <string>

namespace strata::render {

using ast::byte_range;
using ast::history_form;
using ast::history_prefix_kind;
using ast::history_shell;

namespace {

nlohmann::json range_json(byte_range r) {
   return nlohmann::json::array({r.begin, r.end});
}

nlohmann::json pair_json(const ast::history_pair& p) {
   return {{"key", p.key},
           {"value", p.value},
           {"has_value", p.has_value},
           {"legacy", p.legacy},
           {"key_range", range_json(p.key_range)},
           {"value_range", range_json(p.value_range)}};
}

nlohmann::json text_json(const ast::history_text& t) {
   return {{"text", t.text}, {"range", range_json(t.where)}};
}

const char* kind_name(history_prefix_kind k) {
   switch (k) {
      case history_prefix_kind::none:
         return "none";
      case history_prefix_kind::shell:
         return "shell";
      case history_prefix_kind::nop:
         return "nop";
      case history_prefix_kind::build_args:
         return "build_args";
      case history_prefix_kind::buildkit_run:
         return "buildkit_run";
      case history_prefix_kind::cmd_residue:
         return "cmd_residue";
      case history_prefix_kind::implicit_run:
         return "implicit_run";
      case history_prefix_kind::unparsed:
         return "unparsed";
   }
   return "unparsed";
}

const char* shell_name(history_shell s) {
   switch (s) {
      case history_shell::none:
         return "none";
      case history_shell::posix_sh:
         return "posix_sh";
      case history_shell::windows_cmd:
         return "windows_cmd";
      case history_shell::image_shell:
         return "image_shell";
      case history_shell::inferred:
         return "inferred";
   }
   return "none";
}

const char* form_name(history_form f) {
   switch (f) {
      case history_form::none:
         return "none";
      case history_form::shell:
         return "shell";
      case history_form::quoted_array:
         return "quoted_array";
      case history_form::bracket_list:
         return "bracket_list";
      case history_form::json_array:
         return "json_array";
      case history_form::port_map:
         return "port_map";
      case history_form::words:
         return "words";
      case history_form::source_hash:
         return "source_hash";
      case history_form::key_values:
         return "key_values";
      case history_form::trigger:
         return "trigger";
   }
   return "none";
}

nlohmann::json problem_json(const ast::history_problem& p) {
   return {{"reason", p.reason}, {"offset", p.offset}};
}

std::string layout_name(ast::readme_layout l) {
   switch (l) {
      case ast::readme_layout::simple_and_shared:
         return "simple-shared";
      case ast::readme_layout::flat:
         return "flat";
      case ast::readme_layout::none:
         break;
   }
   return "none";
}

nlohmann::json optional_text(const std::optional<ast::readme_value>& v) {
   if (!v) return nullptr;
   return v->text;
}

std::string format_name(ast::library_format f) {
   switch (f) {
      case ast::library_format::rfc2822:
         return "rfc2822";
      case ast::library_format::line_based:
         return "line-based";
      case ast::library_format::empty:
         break;
   }
   return "empty";
}

nlohmann::json strings_json(const std::optional<std::vector<std::string>>& v) {
   return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json span_json(const ast::span& s) {
   return {
       {"line", s.start.line}, {"column", s.start.column}, {"end_line", s.stop.line}, {"end_column", s.stop.column}};
}

nlohmann::json to_json(const ast::history_instruction& h) {
   nlohmann::json prefix = {{"kind", kind_name(h.prefix.kind)}, {"shell", shell_name(h.prefix.shell)}};
   if (h.prefix.leading_run) prefix["leading_run"] = range_json(*h.prefix.leading_run);
   if (h.prefix.build_arg_count) {
      prefix["build_arg_count"] = *h.prefix.build_arg_count;
      prefix["build_args_range"] = range_json(h.prefix.build_args_range);
      auto& a = prefix["build_args"] = nlohmann::json::array();
      for (const auto& p : h.prefix.build_args) a.push_back(pair_json(p));
   }
   if (h.prefix.shell != history_shell::none) prefix["shell_range"] = range_json(h.prefix.shell_range);
   if (h.prefix.nop) prefix["nop"] = range_json(*h.prefix.nop);
   nlohmann::json j = {{"text", h.text},
                       {"prefix", std::move(prefix)},
                       {"keyword", h.keyword},
                       {"keyword_range", range_json(h.keyword_range)},
                       {"implicit_keyword", h.implicit_keyword},
                       {"known", h.known},
                       {"arguments", h.arguments},
                       {"arguments_range", range_json(h.arguments_range)},
                       {"buildkit", h.buildkit},
                       {"form", form_name(h.form)}};
   if (!h.elements.empty() || h.form == history_form::quoted_array || h.form == history_form::bracket_list ||
       h.form == history_form::json_array || h.form == history_form::port_map || h.form == history_form::words) {
      auto& e = j["elements"] = nlohmann::json::array();
      for (const auto& t : h.elements) e.push_back(text_json(t));
   }
   if (h.form == history_form::key_values) {
      auto& p = j["pairs"] = nlohmann::json::array();
      for (const auto& pair : h.pairs) p.push_back(pair_json(pair));
   }
   if (h.source) {
      j["source"] = {{"kind", h.source->kind},
                     {"hash", text_json(h.source->hash)},
                     {"destination", text_json(h.source->destination)},
                     {"trailing_space", h.source->trailing_space}};
   }
   if (h.trigger_keyword && h.trigger_arguments) {
      j["trigger"] = {{"keyword", text_json(*h.trigger_keyword)}, {"arguments", text_json(*h.trigger_arguments)}};
   }
   if (h.body) j["body"] = text_json(*h.body);
   if (h.problem) j["problem"] = problem_json(*h.problem);
   return j;
}

nlohmann::json to_json(const ast::history_arg_line& line) {
   const char* kind = "other";
   switch (line.kind) {
      case ast::history_arg_line_kind::args:
         kind = "args";
         break;
      case ast::history_arg_line_kind::arg:
         kind = "arg";
         break;
      case ast::history_arg_line_kind::unable:
         kind = "unable";
         break;
      case ast::history_arg_line_kind::other:
         break;
   }
   nlohmann::json j = {{"text", line.text}, {"kind", kind}, {"pairs", nlohmann::json::array()}};
   for (const auto& p : line.pairs) j["pairs"].push_back(pair_json(p));
   if (line.problem) j["problem"] = problem_json(*line.problem);
   return j;
}

nlohmann::json to_json(const ast::docker_history& h) {
   nlohmann::json j = {{"path", h.source.path()}, {"order", "newest_first"}};
   switch (h.format) {
      case ast::docker_history_format::table:
         j["format"] = "table";
         break;
      case ast::docker_history_format::json_lines:
         j["format"] = "json_lines";
         break;
      case ast::docker_history_format::unknown:
         j["format"] = "unknown";
         break;
   }
   auto& columns = j["columns"] = nlohmann::json::array();
   for (const auto& c : h.columns) columns.push_back({{"name", c.name}, {"column", c.column}});
   auto& rows = j["rows"] = nlohmann::json::array();
   for (const auto& r : h.rows) {
      nlohmann::json row = {{"line", r.where.start.line},
                            {"end_line", r.where.stop.line},
                            {"image", r.image.text},
                            {"missing", r.missing},
                            {"created_by", r.created_by.text},
                            {"created_by_line", r.created_by.where.start.line},
                            {"created_by_column", r.created_by.where.start.column},
                            {"truncated", r.truncated},
                            {"instruction", to_json(r.instruction)},
                            {"comment", r.comment.text}};
      if (r.created) {
         row["created"] = {{"text", r.created->text}};
         if (r.created->age_seconds) row["created"]["age_seconds"] = *r.created->age_seconds;
      }
      if (r.created_at) {
         row["created_at"] = r.created_at->text;
         if (r.created_at->time && r.created_at->time->valid) row["created_at_epoch"] = r.created_at->time->epoch;
      }
      if (r.size) {
         row["size"] = {{"text", r.size->text}, {"approx_bytes", r.size->approx_bytes}};
         if (r.size->bytes) row["size"]["bytes"] = *r.size->bytes;
      }
      rows.push_back(std::move(row));
   }
   j["errors"] = errors_json(h.errors);
   return j;
}

nlohmann::json to_json(const ast::docs_readme& readme) {
   nlohmann::json j;
   j["path"] = readme.source.path();
   j["architecture"] = optional_text(readme.architecture);
   if (readme.has_section) {
      j["section"] = {{"line", readme.section.start.line}, {"end_line", readme.section.stop.line}};
   } else {
      j["section"] = nullptr;
   }
   j["layout"] = layout_name(readme.layout);
   j["unsupported_architecture"] = optional_text(readme.unsupported_architecture);
   j["no_supported_tags"] = readme.no_supported_tags;
   auto link_json = [](nlohmann::json& x, const ast::readme_link& l) {
      x["url"] = l.url.text;
      x["commit"] = l.commit.text;
      x["directory"] = l.directory;
      x["file"] = l.file;
   };
   auto tags = nlohmann::json::object();
   auto simple = nlohmann::json::array();
   for (const auto& item : readme.simple_tags) {
      nlohmann::json x;
      x["line"] = item.where.start.line;
      x["tags"] = texts_json(item.tags);
      link_json(x, item.link);
      for (const auto& t : item.tags) {
         nlohmann::json ref = {{"line", item.where.start.line}, {"shared", false}};
         link_json(ref, item.link);
         ref.erase("url");
         tags[t.text].push_back(std::move(ref));
      }
      simple.push_back(std::move(x));
   }
   j["simple_tags"] = std::move(simple);
   auto shared = nlohmann::json::array();
   for (const auto& group : readme.shared_tags) {
      nlohmann::json x;
      x["line"] = group.where.start.line;
      x["tags"] = texts_json(group.tags);
      auto entries = nlohmann::json::array();
      for (const auto& e : group.entries) {
         nlohmann::json y;
         y["line"] = e.where.start.line;
         y["tag"] = e.tag.text;
         link_json(y, e.link);
         entries.push_back(std::move(y));
      }
      for (const auto& t : group.tags) {
         for (const auto& e : group.entries) {
            nlohmann::json ref = {{"line", e.where.start.line}, {"shared", true}};
            link_json(ref, e.link);
            ref.erase("url");
            tags[t.text].push_back(std::move(ref));
         }
      }
      x["entries"] = std::move(entries);
      shared.push_back(std::move(x));
   }
   j["shared_tags"] = std::move(shared);
   j["tags"] = std::move(tags);
   j["errors"] = errors_json(readme.errors);
   return j;
}

nlohmann::json to_json(const ast::library_file& lib) {
   nlohmann::json j;
   j["path"] = lib.source.path();
   j["format"] = format_name(lib.format);
   j["maintainers"] = texts_json(lib.maintainers);
   if (lib.defaults) {
      auto fields = nlohmann::json::array();
      for (const auto& f : lib.defaults->fields) {
         fields.push_back({{"key", f.key}, {"value", f.value}, {"line", f.key_span.start.line}});
      }
      j["defaults"] = {{"line", lib.defaults->where.start.line},
                       {"end_line", lib.defaults->where.stop.line},
                       {"fields", std::move(fields)}};
   } else {
      j["defaults"] = nullptr;
   }
   auto entries = nlohmann::json::array();
   for (std::size_t i = 0; i < lib.entries.size(); ++i) {
      const auto& e = lib.entries[i];
      nlohmann::json x;
      x["index"] = i;
      x["line"] = e.where.start.line;
      x["end_line"] = e.where.stop.line;
      x["tags"] = texts_json(e.tags);
      x["shared_tags"] = texts_json(e.shared_tags);
      x["architectures"] = texts_json(e.architectures);
      x["constraints"] = texts_json(e.constraints);
      x["git_repo"] = e.git_repo.text;
      x["git_fetch"] = e.git_fetch.text;
      x["git_commit"] = e.git_commit.text;
      x["directory"] = e.directory.text;
      x["file"] = e.file.text;
      if (e.builder.present()) x["builder"] = e.builder.text;
      auto overrides = nlohmann::json::object();
      for (const auto& [arch, o] : e.overrides) {
         auto& a = overrides[arch];
         if (o.git_repo) a["git_repo"] = o.git_repo->text;
         if (o.git_fetch) a["git_fetch"] = o.git_fetch->text;
         if (o.git_commit) a["git_commit"] = o.git_commit->text;
         if (o.directory) a["directory"] = o.directory->text;
         if (o.file) a["file"] = o.file->text;
      }
      x["overrides"] = std::move(overrides);
      entries.push_back(std::move(x));
   }
   j["entries"] = std::move(entries);
   auto tags = nlohmann::json::object();
   for (const auto& [tag, indices] : lib.tag_map()) {
      auto list = nlohmann::json::array();
      for (const auto i : indices) {
         const auto& e = lib.entries[i];
         list.push_back({{"entry", i},
                         {"line", e.where.start.line},
                         {"commit", e.git_commit.text},
                         {"directory", e.directory.text},
                         {"file", e.file.text},
                         {"architectures", texts_json(e.architectures)}});
      }
      tags[tag] = std::move(list);
   }
   j["tags"] = std::move(tags);
   j["errors"] = errors_json(lib.errors);
   return j;
}

nlohmann::json to_json(const ast::image_config_file& file) {
   nlohmann::json j = {{"path", file.source.path()}};
   switch (file.kind) {
      case ast::image_config_kind::config:
         j["kind"] = "config";
         break;
      case ast::image_config_kind::inspect:
         j["kind"] = "inspect";
         break;
      case ast::image_config_kind::unknown:
         j["kind"] = "unknown";
         break;
   }
   auto& images = j["images"] = nlohmann::json::array();
   for (const auto& img : file.images) {
      nlohmann::json i = {
          {"line", img.where.start.line}, {"architecture", img.architecture},    {"os", img.os},
          {"variant", img.variant},       {"os_version", img.os_version},        {"os_features", img.os_features},
          {"author", img.author},         {"docker_version", img.docker_version}};
      if (file.kind == ast::image_config_kind::inspect) {
         i["id"] = img.id;
         i["repo_tags"] = img.repo_tags;
         i["repo_digests"] = img.repo_digests;
      }
      if (img.created) {
         i["created"] = img.created->text;
         if (img.created->valid) i["created_epoch"] = img.created->epoch;
      }
      if (img.config.present) {
         const auto& c = img.config;
         nlohmann::json labels = nlohmann::json::object();
         for (const auto& [k, v] : c.labels) labels[k] = v;
         i["config"] = {{"Env", c.env},
                        {"Cmd", strings_json(c.cmd)},
                        {"Entrypoint", strings_json(c.entrypoint)},
                        {"Shell", strings_json(c.shell)},
                        {"Labels", std::move(labels)},
                        {"WorkingDir", c.working_dir},
                        {"User", c.user},
                        {"StopSignal", c.stop_signal},
                        {"ExposedPorts", c.exposed_ports},
                        {"Volumes", c.volumes},
                        {"OnBuild", c.on_build},
                        {"ArgsEscaped", c.args_escaped}};
      } else {
         i["config"] = nullptr;
      }
      i["rootfs"] = {{"type", img.rootfs_type}, {"diff_ids", img.diff_ids}};
      auto& history = i["history"] = nlohmann::json::array();
      for (const auto& h : img.history) {
         nlohmann::json e = {{"index", h.index},
                             {"line", h.where.start.line},
                             {"empty_layer", h.empty_layer},
                             {"comment", h.comment},
                             {"author", h.author}};
         if (h.created) {
            e["created"] = h.created->text;
            if (h.created->valid) {
               e["created_epoch"] = h.created->epoch;
               e["created_nanos"] = h.created->nanos;
            }
         }
         if (h.created_by) {
            e["created_by"] = *h.created_by;
            e["created_by_line"] = h.created_by_span.start.line;
            e["created_by_column"] = h.created_by_span.start.column;
         }
         if (h.instruction) e["instruction"] = to_json(*h.instruction);
         if (h.layer) e["layer"] = *h.layer;
         history.push_back(std::move(e));
      }
      images.push_back(std::move(i));
   }
   j["errors"] = errors_json(file.errors);
   return j;
}

nlohmann::json to_json(const ast::instruction& inst) {
   nlohmann::json j = span_json(inst.where);
   j["instruction"] = inst.name;
   j["keyword"] = inst.keyword;
   j["start_line"] = inst.start_line;
   j["end_line_consumed"] = inst.end_line;
   j["form"] = inst.form == ast::argument_form::exec    ? "exec"
               : inst.form == ast::argument_form::shell ? "shell"
                                                        : "none";
   auto& flags = j["flags"] = nlohmann::json::array();
   for (const auto& f : inst.flags) {
      auto fj = span_json(f.where);
      fj["name"] = f.name;
      if (f.has_value) fj["value"] = f.value;
      flags.push_back(fj);
   }
   auto& words = j["words"] = nlohmann::json::array();
   for (const auto& w : inst.words) {
      auto wj = span_json(w.where);
      wj["text"] = w.text;
      words.push_back(wj);
   }
   if (!inst.pairs.empty()) {
      auto& pairs = j["pairs"] = nlohmann::json::array();
      for (const auto& kv : inst.pairs) {
         nlohmann::json pj = {{"key", kv.key}, {"line", kv.key_span.start.line}, {"column", kv.key_span.start.column}};
         if (kv.has_value) pj["value"] = kv.value;
         pairs.push_back(pj);
      }
   }
   for (const auto& h : inst.heredocs) {
      j["heredocs"].push_back({{"name", h.name},
                               {"chomp", h.chomp},
                               {"expand", h.expand},
                               {"body", h.body},
                               {"body_line", h.body_span.start.line}});
   }
   if (!inst.trigger.empty()) j["trigger"] = to_json(inst.trigger.front());
   if (inst.variables && !inst.variables->empty()) {
      // only the names the instruction mentions: the whole scope per instruction would make
      // the output quadratic in the number of ENV/ARG lines
      nlohmann::json vars = nlohmann::json::object();
      const auto mention = [&](std::string_view text) {
         for (std::size_t p = text.find('$'); p != std::string_view::npos; p = text.find('$', p + 1)) {
            std::size_t b = p + 1;
            if (b < text.size() && text[b] == '{') ++b;
            std::size_t e = b;
            while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) != 0 || text[e] == '_')) ++e;
            if (e == b) continue;
            if (const auto* v = inst.variables->find(text.substr(b, e - b))) vars[v->first] = v->second;
         }
      };
      mention(inst.arguments);
      for (const auto& f : inst.flags) mention(f.text);
      for (const auto& h : inst.heredocs) mention(h.body);
      if (!vars.empty()) j["variables"] = std::move(vars);
   }
   return j;
}

}  // namespace strata::render
