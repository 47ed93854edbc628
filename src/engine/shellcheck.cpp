#include "engine/shellcheck.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ast/dockerfile.hpp"
#include "ast/text.hpp"
#include "engine/pragmas.hpp"
#include "engine/runs.hpp"

extern char** environ;

namespace strata::engine {

extern const rule shellcheck_rule{
    .id = "SC",
    .name = "shellcheck",
    .default_severity = severity::warning,
    .summary = "ShellCheck's findings in RUN scripts (--shellcheck)",
    .help = "See https://www.shellcheck.net/wiki/ for each SC code.",
};

namespace {

namespace fs = std::filesystem;

// Runs `argv` and returns its standard output; nullopt (with `error`) when it cannot be started.
std::optional<std::string> run(const std::vector<std::string>& argv, std::string& error) {
   int out[2];
   if (pipe(out) != 0) {
      error = "cannot create a pipe";
      return std::nullopt;
   }
   posix_spawn_file_actions_t actions;
   posix_spawn_file_actions_init(&actions);
   posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
   posix_spawn_file_actions_addclose(&actions, out[0]);
   posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
   std::vector<char*> args;
   for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
   args.push_back(nullptr);
   pid_t pid = 0;
   const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
   posix_spawn_file_actions_destroy(&actions);
   close(out[1]);
   if (rc != 0) {
      close(out[0]);
      error = fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
      return std::nullopt;
   }
   std::string text;
   char buf[65536];
   for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
   close(out[0]);
   int status = 0;
   waitpid(pid, &status, 0);
   if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) {
      error = fmt::format("cannot run {}", argv[0]);
      return std::nullopt;
   }
   return text;
}

severity level_of(const std::string& level) {
   if (level == "error") return severity::error;
   if (level == "warning") return severity::warning;
   if (level == "info") return severity::info;
   return severity::style;
}

// One script given to ShellCheck, and how its lines map back to the Dockerfile.
struct script {
   std::string text;
   std::size_t first_body_line = 0;  ///< 1-based line of the script where the body starts
   std::string_view body;
   ast::offset_map map;
};

// The byte offset in `body` of a 1-based line and a 1-based column in characters.
std::size_t body_offset(std::string_view body, std::size_t line, std::size_t column) {
   std::size_t at = 0;
   for (std::size_t l = 1; l < line; ++l) {
      const auto nl = body.find('\n', at);
      if (nl == std::string_view::npos) return body.size();
      at = nl + 1;
   }
   for (std::size_t c = 1; c < column && at < body.size() && body[at] != '\n'; ++c) {
      ++at;
      while (at < body.size() && (static_cast<unsigned char>(body[at]) & 0xC0) == 0x80) ++at;  // UTF-8 continuation
   }
   return at;
}

// The executable of the SHELL in effect per instruction (`/bin/sh` when none), hadolint's
// reset at FROM included, and the stages a shell pragma marks as not sh.
std::vector<std::string> shell_executables(const ast::dockerfile& df) {
   std::vector<std::string> out(df.instructions.size(), "/bin/sh");
   std::string current = "/bin/sh";
   std::string pragma_default;
   std::string pragma_stage;
   const auto pragmas = shell_pragmas(df);
   for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      const auto& inst = df.instructions[i];
      for (const auto& p : pragmas) {
         if (p.next_instruction != i) continue;
         (inst.name == "from" || df.stages.empty() || i < df.stages.front().from_index ? pragma_default
                                                                                       : pragma_stage) = p.shell;
      }
      if (inst.name == "from") {
         current = "/bin/sh";
         pragma_stage.clear();
      } else if (inst.name == "shell" && inst.form == ast::argument_form::exec && !inst.words.empty()) {
         current = inst.words[0].text;
      }
      const std::string& pragma = !pragma_stage.empty() ? pragma_stage : pragma_default;
      out[i] = pragma.empty() ? current : pragma;
   }
   return out;
}

bool not_sh(std::string_view executable) {
   const std::string e = ast::lower(executable);
   return e.find("pwsh") != std::string::npos || e.find("powershell") != std::string::npos ||
          e.find("cmd") != std::string::npos;
}

void add_scripts(const ast::instruction& inst, const std::string& executable, bool onbuild, std::vector<script>& out) {
   if (not_sh(executable)) return;
   for (auto& b : dockerfile_bodies(inst, facts::shell_kind::sh)) {
      if (b.shell != facts::shell_kind::sh) continue;
      // the command line of a RUN with heredocs lacks their bodies: ShellCheck would only say
      // that the heredoc is not terminated (the bodies that are scripts come as bodies of their own)
      if (!inst.heredocs.empty() && b.text.data() == inst.arguments.data()) continue;
      script s;
      const std::string_view first_word = std::string_view(executable).substr(0, executable.find(' '));
      s.text = fmt::format("#!{}\n", first_word);
      std::set<std::string, std::less<>> names = {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
                                                  "FTP_PROXY",  "ftp_proxy",  "NO_PROXY",    "no_proxy"};
      if (!onbuild) {
         if (inst.variables)
            for (const auto& [k, v] : *inst.variables) names.insert(k);
         if (inst.declared_args)
            for (const auto& [k, unused] : *inst.declared_args) names.insert(k);
      }
      for (const auto& n : names) s.text += fmt::format("export {}=1\n", n);
      s.first_body_line = names.size() + 2;
      s.body = b.text;
      std::string body(b.text);
      for (auto& c : body) c = c == '\t' ? ' ' : c;
      s.text += body;
      if (!s.text.ends_with('\n')) s.text += '\n';
      s.map = std::move(b.map);
      out.push_back(std::move(s));
   }
}

}  // namespace

std::optional<std::string> shellcheck_version(const shellcheck_options& o, std::string& error) {
   const auto out = run({o.binary, "--version"}, error);
   if (!out) return std::nullopt;
   const auto at = out->find("version:");
   if (at == std::string::npos) {
      error = fmt::format("{} --version did not print a ShellCheck version", o.binary);
      return std::nullopt;
   }
   return out->substr(at, out->find('\n', at) - at);
}

std::vector<finding> shellcheck_findings(const ast::dockerfile& df, const shellcheck_options& o, std::string& error) {
   std::vector<finding> found;
   const auto executables = shell_executables(df);
   std::vector<script> scripts;
   for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      const auto& inst = df.instructions[i];
      if (inst.name == "run") add_scripts(inst, executables[i], false, scripts);
      if (inst.name == "onbuild" && !inst.trigger.empty() && inst.trigger[0].name == "run")
         add_scripts(inst.trigger[0], executables[i], true, scripts);
   }
   if (scripts.empty()) return found;

   char dir_template[] = "/tmp/strata-shellcheck-XXXXXX";
   const char* dir = mkdtemp(dir_template);
   if (dir == nullptr) {
      error = "cannot create a temporary directory";
      return found;
   }
   std::vector<std::string> argv = {o.binary, "--format=json1", "--exclude=SC2187,SC1090,SC1091"};
   for (std::size_t i = 0; i < scripts.size(); ++i) {
      const std::string path = fmt::format("{}/{}.sh", dir, i);
      std::ofstream(path, std::ios::binary) << scripts[i].text;
      argv.push_back(path);
   }
   const auto out = run(argv, error);
   std::error_code ec;
   fs::remove_all(dir, ec);
   if (!out) return found;
   nlohmann::json doc = nlohmann::json::parse(*out, nullptr, false);
   if (doc.is_discarded() || !doc.contains("comments")) {
      error = "ShellCheck's output is not its json1 format";
      return found;
   }
   for (const auto& c : doc["comments"]) {
      const std::string file = c.value("file", "");
      const auto slash = file.rfind('/');
      const std::size_t k = std::strtoul(file.c_str() + (slash == std::string::npos ? 0 : slash + 1), nullptr, 10);
      if (k >= scripts.size()) continue;
      const auto& s = scripts[k];
      const std::size_t line = c.value("line", 1), end_line = c.value("endLine", line);
      if (line < s.first_body_line) continue;  // on the lines strata added
      const std::size_t begin = body_offset(s.body, line - s.first_body_line + 1, c.value("column", 1));
      std::size_t end = body_offset(s.body, end_line - s.first_body_line + 1, c.value("endColumn", 1));
      if (end < begin) end = begin;
      finding f;
      f.source_rule = &shellcheck_rule;
      f.code = fmt::format("SC{}", c.value("code", 0));
      f.level = level_of(c.value("level", "warning"));
      f.message = c.value("message", "");
      f.file = df.source.path();
      const ast::span where = df.source.make_span(s.map, begin, end);
      f.start = where.start;
      f.stop = where.stop;
      f.snippet = std::string(df.source.line_text(f.start.line));
      found.push_back(std::move(f));
   }
   return found;
}

}  // namespace strata::engine
