// DL3010 (hadolint's id and message): a local archive is COPYed into the image and a later
// RUN of the same stage extracts it (tar -x, unzip, gunzip, ...): ADD extracts it itself.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"
#include "engine/context.hpp"
#include "engine/rule.hpp"
#include "engine/runs.hpp"
#include "facts/command_query.hpp"
#include "facts/paths.hpp"

namespace strata::rules {
namespace {
constexpr std::array<std::string_view, 15> archive_extensions = {
    ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz"};

/// The last segment of a path, quotes around it dropped (`"C:\dir\a.tar.gz"` -> `a.tar.gz`).
std::string_view file_part(std::string_view path) {
   while (!path.empty() && (path.front() == '"' || path.front() == '\'')) path.remove_prefix(1);
   while (!path.empty() && (path.back() == '"' || path.back() == '\'')) path.remove_suffix(1);
   return facts::basename_view(path);
}

bool is_archive(std::string_view name) {
   for (const auto ext : archive_extensions) {
      if (name.ends_with(ext)) return true;
   }
   return false;
}

/// An archive a COPY put into the stage: its file name and the COPY word naming it.
struct copied_archive {
   std::string name;
   const ast::word* word = nullptr;
   bool reported = false;
};

/// The archives of a local COPY (no --from): the destination when it names an archive
/// (`COPY x.tar.gz /opt/app.tar.gz`), else the sources that are archives.
void remember_archives(const ast::instruction& inst, std::vector<copied_archive>& out) {
   if (inst.find_flag("from") != nullptr || inst.words.size() < 2) return;
   const auto& target = inst.words.back();
   if (is_archive(file_part(target.text))) {
      out.push_back({std::string(file_part(target.text)), &target});
      return;
   }
   for (std::size_t i = 0; i + 1 < inst.words.size(); ++i) {
      const auto name = file_part(inst.words[i].text);
      if (is_archive(name)) out.push_back({std::string(name), &inst.words[i]});
   }
}

/// Whether `q` extracts or decompresses the files it names.
bool extracts(const facts::command_query& q) {
   if (q.program() == "tar") return q.has_option("-x") || q.has_option("--extract") || q.has_option("--get");
   return q.is_any({"unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat"});
}

/// The file names a command names: its operands and its options' values.
std::vector<std::string_view> named_files(const facts::command_query& q) {
   std::vector<std::string_view> out;
   for (const auto& a : q.arguments()) {
      if (!a.option) {
         out.push_back(file_part(a.name));
      } else if (a.value && !a.value->empty()) {
         out.push_back(file_part(*a.value));
      }
   }
   return out;
}

void visit_run(const ast::instruction& inst, std::vector<copied_archive>& archives, engine::context& cx) {
   for (const auto& view : cx.runs_of(inst)) {
      for (const auto& c : view.facts.commands) {
         if (c.in_string) continue;  // hadolint does not look into `sh -c` strings
         const facts::command_query q(c, view.facts.shell == facts::shell_kind::pwsh);
         if (!extracts(q)) continue;
         for (const auto file : named_files(q)) {
            for (auto& a : archives) {
               if (a.reported || a.name != file) continue;
               a.reported = true;
               cx.report(a.word->where, "Use `ADD` for extracting archives into an image.");
            }
         }
      }
   }
}

void check(const ast::dockerfile& df, engine::context& cx) {
   std::vector<copied_archive> archives;  // of the current stage
   for (const auto& inst : df.instructions) {
      if (inst.name == "from") {
         archives.clear();
      } else if (inst.name == "copy") {
         remember_archives(inst, archives);
      } else if (inst.name == "run") {
         visit_run(inst, archives, cx);
      }
   }
}
constexpr std::string_view tags[] = {"maintainability"};
}  // namespace

extern const engine::rule dl3010{
    .id = "DL3010",
    .name = "copy-archive-then-extract",
    .default_severity = engine::severity::info,
    .summary = "A local archive is COPYed and then extracted by a RUN",
    .help = "ADD a local tar archive: it is extracted into the destination in the same step.",
    .aliases = {},
    .tags = tags,
    .visit = {.dockerfile = check},
};
}  // namespace strata::rules
