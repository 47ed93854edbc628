#include "verify/source.hpp"

#include <dlfcn.h>
#include <git2.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include <fmt/format.h>

#include "engine/inputs.hpp"

namespace strata::verify {

namespace fs = std::filesystem;

namespace {

// libgit2 is loaded when a source directory is first opened, not at start-up: it and the
// libraries it needs (TLS, SSH, Kerberos) cost every strata process 5 ms of dynamic linking,
// while only `verify` with a git source uses it. STRATA_LIBGIT2_SONAME is the soname of the
// libgit2 strata was built against (CMakeLists.txt reads it from the library).
struct libgit2_api {
   decltype(&git_libgit2_init) init = nullptr;
   decltype(&git_repository_open_ext) repository_open_ext = nullptr;
   decltype(&git_repository_free) repository_free = nullptr;
   decltype(&git_revparse_single) revparse_single = nullptr;
   decltype(&git_error_last) error_last = nullptr;
   decltype(&git_object_free) object_free = nullptr;
   decltype(&git_object_type) object_type = nullptr;
   decltype(&git_blob_rawcontent) blob_rawcontent = nullptr;
   decltype(&git_blob_rawsize) blob_rawsize = nullptr;
   std::string error;  ///< why it could not be loaded ("" when it was)

   [[nodiscard]] bool loaded() const noexcept { return error.empty(); }
};

template <typename F>
bool resolve(void* handle, const char* name, F& slot, std::string& error) {
   slot = reinterpret_cast<F>(dlsym(handle, name));
   if (slot == nullptr && error.empty()) error = fmt::format("{}: {} not found", STRATA_LIBGIT2_SONAME, name);
   return slot != nullptr;
}

const libgit2_api& libgit2() {
   static const libgit2_api api = [] {
      libgit2_api a;
      void* handle = dlopen(STRATA_LIBGIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
         const char* why = dlerror();
         a.error = why != nullptr ? why : STRATA_LIBGIT2_SONAME ": cannot be loaded";
         return a;
      }
      resolve(handle, "git_libgit2_init", a.init, a.error);
      resolve(handle, "git_repository_open_ext", a.repository_open_ext, a.error);
      resolve(handle, "git_repository_free", a.repository_free, a.error);
      resolve(handle, "git_revparse_single", a.revparse_single, a.error);
      resolve(handle, "git_error_last", a.error_last, a.error);
      resolve(handle, "git_object_free", a.object_free, a.error);
      resolve(handle, "git_object_type", a.object_type, a.error);
      resolve(handle, "git_blob_rawcontent", a.blob_rawcontent, a.error);
      resolve(handle, "git_blob_rawsize", a.blob_rawsize, a.error);
      if (a.loaded()) a.init();
      return a;  // the handle stays open for the life of the process
   }();
   return api;
}

bool is_hex(std::string_view s) {
   return !s.empty() &&
          std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

std::string lower(std::string s) {
   std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
   return s;
}

}  // namespace

std::optional<source_tree> source_tree::open(const std::string& dir, std::string& error) {
   std::error_code ec;
   if (!fs::is_directory(dir, ec)) {
      error = dir + ": not a directory";
      return std::nullopt;
   }
   source_tree t;
   t.dir_ = dir;
   const auto& git = libgit2();
   if (!git.loaded()) {
      if (fs::exists(fs::path(dir) / ".git", ec) || fs::exists(fs::path(dir) / "HEAD", ec)) {
         error = dir + ": a git repository, but libgit2 cannot be loaded: " + git.error;
         return std::nullopt;
      }
      return t;  // a directory of checkouts (see checkout)
   }
   git_repository* repo = nullptr;
   if (git.repository_open_ext(&repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) == 0) {
      t.git_ = std::shared_ptr<void>(repo, [](void* r) { libgit2().repository_free(static_cast<git_repository*>(r)); });
   }
   return t;
}

std::optional<std::string> source_tree::checkout(std::string_view commit, std::string& error) const {
   const std::string c = lower(std::string(commit));
   std::optional<std::string> found;
   std::error_code ec;
   for (const auto& e : fs::directory_iterator(dir_, ec)) {
      if (!e.is_directory(ec)) continue;
      const std::string name = lower(e.path().filename().string());
      if (!is_hex(name) || name.size() < 7) continue;
      if (c.starts_with(name) || name.starts_with(c)) {
         if (found) {
            error = "commit " + std::string(commit) + " names two checkouts of " + dir_;
            return std::nullopt;
         }
         found = e.path().string();
      }
   }
   if (!found) error = "commit " + std::string(commit) + " is not in " + dir_;
   return found;
}

std::optional<std::string> source_tree::read(std::string_view commit, std::string_view path, std::string& error) const {
   if (!is_hex(commit) || commit.size() < 7) {
      error = "`" + std::string(commit) + "` is not a commit";
      return std::nullopt;
   }
   if (git_) {
      auto* repo = static_cast<git_repository*>(git_.get());
      const std::string spec = std::string(commit) + ":" + std::string(path);
      const auto& git = libgit2();
      git_object* obj = nullptr;
      if (git.revparse_single(&obj, repo, spec.c_str()) != 0) {
         const git_error* e = git.error_last();
         error = spec + ": " + (e != nullptr && e->message != nullptr ? e->message : "not found") + " in " + dir_;
         return std::nullopt;
      }
      std::unique_ptr<git_object, void (*)(git_object*)> guard(obj, git.object_free);
      if (git.object_type(obj) != GIT_OBJECT_BLOB) {
         error = spec + ": not a file in " + dir_;
         return std::nullopt;
      }
      const auto* blob = reinterpret_cast<const git_blob*>(obj);
      const auto* data = static_cast<const char*>(git.blob_rawcontent(blob));
      return std::string(data, static_cast<std::size_t>(git.blob_rawsize(blob)));
   }
   const auto dir = checkout(commit, error);
   if (!dir) return std::nullopt;
   const fs::path file = fs::path(*dir) / fs::path(std::string(path));
   std::string text, reason;
   if (!engine::read_file(file.string(), text, reason)) {
      error = fmt::format("{}: {} (in the checkout of {})", file.string(), reason, commit);
      return std::nullopt;
   }
   return text;
}

std::vector<std::pair<std::string, std::string>> source_tree::dockerfiles(std::size_t limit) const {
   std::vector<std::pair<std::string, std::string>> out;
   if (git_) return out;
   std::error_code ec;
   for (const auto& c : fs::directory_iterator(dir_, ec)) {
      const std::string name = c.path().filename().string();
      if (!c.is_directory(ec) || !is_hex(name) || name.size() < 7) continue;
      for (auto it = fs::recursive_directory_iterator(c.path(), fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator() && out.size() < limit; it.increment(ec)) {
         if (ec) break;
         const std::string f = it->path().filename().string();
         if (!it->is_regular_file(ec) || !(f == "Dockerfile" || f.ends_with(".Dockerfile"))) continue;
         out.emplace_back(name, fs::relative(it->path(), c.path(), ec).generic_string());
      }
   }
   std::sort(out.begin(), out.end());
   return out;
}

std::vector<std::string> source_tree::commits_with(std::string_view path) const {
   std::vector<std::string> out;
   if (git_) return out;
   std::error_code ec;
   for (const auto& c : fs::directory_iterator(dir_, ec)) {
      const std::string name = c.path().filename().string();
      if (c.is_directory(ec) && is_hex(name) && name.size() >= 7 &&
          fs::is_regular_file(c.path() / fs::path(std::string(path)), ec))
         out.push_back(name);
   }
   std::sort(out.begin(), out.end());
   return out;
}

std::string source_tree::name(std::string_view commit, std::string_view path) const {
   if (git_) return dir_ + "@" + std::string(commit.substr(0, 12)) + ":" + std::string(path);
   std::string ignored;
   const auto dir = checkout(commit, ignored);
   return (dir ? *dir : dir_ + "/" + std::string(commit.substr(0, 12))) + "/" + std::string(path);
}

std::string architecture_of(std::string_view platform) {
   if (platform.starts_with("windows")) return platform.ends_with("amd64") ? "windows-amd64" : "";
   const auto semi = platform.find("; ");
   if (semi == std::string_view::npos) return {};
   const std::string_view rest = platform.substr(semi + 2);
   if (rest == "amd64") return "amd64";
   if (rest == "386") return "i386";
   if (rest == "arm variant v5") return "arm32v5";
   if (rest == "arm variant v6") return "arm32v6";
   if (rest == "arm variant v7") return "arm32v7";
   if (rest == "arm64 variant v8" || rest == "arm64") return "arm64v8";
   if (rest == "ppc64le" || rest == "s390x" || rest == "riscv64" || rest == "mips64le") return std::string(rest);
   return {};
}

std::string windows_release(std::string_view platform) {
   static constexpr std::pair<std::string_view, std::string_view> builds[] = {
       {"14393", "ltsc2016"}, {"16299", "1709"}, {"17134", "1803"},     {"17763", "1809"},    {"18362", "1903"},
       {"18363", "1909"},     {"19041", "2004"}, {"20348", "ltsc2022"}, {"26100", "ltsc2025"}};
   if (!platform.starts_with("windows version 10.0.")) return {};
   const std::string_view build = platform.substr(std::string_view("windows version 10.0.").size(), 5);
   for (const auto& [b, name] : builds) {
      if (build == b) return std::string(name);
   }
   return {};
}

std::vector<candidate> candidates(const std::vector<const ast::library_file*>& libraries, std::string_view tag,
                                  std::string_view platform) {
   std::vector<candidate> out;
   const std::string arch = architecture_of(platform);
   const std::string release = windows_release(platform);
   for (const auto* lib : libraries) {
      for (const std::size_t i : lib->entries_for_tag(tag)) {
         const auto& e = lib->entries[i];
         // entries without Architectures before 2017 carried only `Constraints: windowsservercore`
         const bool arch_ok = e.has_architecture(arch) ||
                              (arch == "windows-amd64" && e.architectures_origin == ast::value_origin::builtin &&
                               !e.constraints.empty());
         if (arch.empty() || !arch_ok) continue;
         if (!release.empty()) {
            bool named = false, other = false;
            for (const auto& c : e.constraints) {
               const auto dash = c.text.rfind('-');
               if (dash == std::string::npos) continue;
               (c.text.substr(dash + 1) == release ? named : other) = true;
            }
            if (other && !named) continue;
         }
         const std::string a = e.has_architecture(arch) ? arch : std::string();
         candidate c{lib, i, arch, e.git_commit_for(a).text, {}};
         ast::library_image img;
         img.directory = e.directory_for(a);
         img.file = e.file_for(a);
         c.path = img.path();
         const bool seen = std::any_of(out.begin(), out.end(),
                                       [&](const candidate& o) { return o.commit == c.commit && o.path == c.path; });
         if (!seen && !c.commit.empty()) out.push_back(std::move(c));
      }
   }
   return out;
}

}  // namespace strata::verify
