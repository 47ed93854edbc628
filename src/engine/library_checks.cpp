#include "engine/library_checks.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "ast/text.hpp"

namespace strata::engine {

namespace {

bool is_hex(std::string_view s) {
   return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
   });
}

std::vector<std::string> texts(const std::vector<ast::library_value>& list) {
   std::vector<std::string> out;
   out.reserve(list.size());
   for (const auto& v : list) out.push_back(v.text);
   return out;
}

std::string join_code(const std::vector<std::string>& list) {
   std::string out;
   for (const auto& t : list) {
      if (!out.empty()) out += ", ";
      out += "`" + t + "`";
   }
   return out;
}

// `3.6.4` from `3.6.4-jessie`: digits and dots with at least one dot, an optional pre-release
// (`a2`, `rc1`) after the last digits. The number of components, or 0 when not a version.
std::size_t version_components(std::string_view v) {
   std::size_t i = 0;
   std::size_t components = 0;
   while (true) {
      const std::size_t start = i;
      while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
      if (i == start) return 0;
      ++components;
      if (i < v.size() && v[i] == '.') {
         ++i;
         continue;
      }
      break;
   }
   if (i < v.size()) {  // a pre-release: letters then digits
      const std::size_t letters = i;
      while (i < v.size() && v[i] >= 'a' && v[i] <= 'z') ++i;
      if (i == letters) return 0;
      while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
      if (i != v.size()) return 0;
   }
   return components >= 2 ? components : 0;
}

std::string unquote(std::string v) {
   if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
      return v.substr(1, v.size() - 2);
   }
   return v;
}

// `windowsservercore-ltsc2016` → {windowsservercore, ltsc2016}; `windowsservercore` → {windowsservercore, ""}.
std::optional<std::pair<std::string, std::string>> windows_constraint(std::string_view c) {
   for (const std::string_view kind : {"windowsservercore", "nanoserver"}) {
      if (c == kind) return std::pair{std::string(kind), std::string()};
      if (c.starts_with(kind) && c.size() > kind.size() + 1 && c[kind.size()] == '-') {
         return std::pair{std::string(kind), std::string(c.substr(kind.size() + 1))};
      }
   }
   return std::nullopt;
}

// The architecture bashbrew renders an entry's link for.
std::string link_architecture(const ast::library_entry& e, const std::optional<std::string>& architecture) {
   if (architecture) return *architecture;
   if (e.has_architecture("amd64") || e.architectures.empty()) return "amd64";
   return e.architectures.front().text;
}

std::string link_url(const ast::library_file& lib, std::size_t index, const std::string& arch) {
   const auto image = lib.image(index, arch);
   std::string base = image.git_repo.text;
   if (base.starts_with("git://")) base = "https://" + base.substr(6);
   while (base.ends_with(".git")) base.resize(base.size() - 4);
   if (!base.starts_with("https://github.com/")) return {};
   while (base.ends_with('/')) base.pop_back();
   return base + "/blob/" + image.git_commit.text + "/" + image.path();
}

rendered_item render_item(const ast::library_file& lib, std::size_t index, const std::optional<std::string>& arch,
                          bool first_tag_only) {
   const auto& e = lib.entries[index];
   rendered_item item;
   item.entry = index;
   item.tags = texts(e.tags);
   if (first_tag_only && item.tags.size() > 1) item.tags.resize(1);
   item.url = link_url(lib, index, link_architecture(e, arch));
   return item;
}

std::vector<std::string> texts(const std::vector<ast::readme_value>& list) {
   std::vector<std::string> out;
   out.reserve(list.size());
   for (const auto& v : list) out.push_back(v.text);
   return out;
}

bool same(const ast::simple_tags_item& r, const rendered_item& x) {
   return texts(r.tags) == x.tags && (x.url.empty() || r.link.url.text == x.url);
}

bool same(const ast::shared_tags_entry& r, const rendered_item& x) {
   return !x.tags.empty() && r.tag.text == x.tags.front() && (x.url.empty() || r.link.url.text == x.url);
}

bool same(const ast::shared_tags_group& r, const rendered_group& x) {
   if (texts(r.tags) != x.tags || r.entries.size() != x.entries.size()) return false;
   for (std::size_t i = 0; i < x.entries.size(); ++i) {
      if (!same(r.entries[i], x.entries[i])) return false;
   }
   return true;
}

struct comparer {
   const ast::docs_readme& readme;
   const ast::library_file& lib;
   std::string_view name;
   std::vector<readme_difference> out;

   [[nodiscard]] std::string at(std::size_t entry) const {
      return fmt::format("{}:{}", name, lib.entries[entry].where.start.line);
   }
   void add(const ast::span& where, std::string message) { out.push_back({where, std::move(message)}); }

   // What differs between a README bullet and the entry rendered with the same first tag.
   [[nodiscard]] std::string detail(const std::vector<std::string>& tags, const std::string& url,
                                    const rendered_item& x) const {
      std::string d;
      if (tags != x.tags) d = fmt::format("tags {} instead of {}", join_code(tags), join_code(x.tags));
      if (!x.url.empty() && url != x.url) {
         if (!d.empty()) d += ", and ";
         d += fmt::format("link {} instead of {}", url, x.url);
      }
      return d;
   }

   void simple(const std::vector<rendered_item>& expected) {
      const auto& got = readme.simple_tags;
      std::vector<bool> matched(expected.size(), false);
      for (std::size_t i = 0; i < got.size(); ++i) {
         if (i < expected.size() && same(got[i], expected[i])) {
            matched[i] = true;
            continue;
         }
         const auto exact =
             std::find_if(expected.begin(), expected.end(), [&](const rendered_item& x) { return same(got[i], x); });
         if (exact != expected.end()) {
            const auto j = static_cast<std::size_t>(exact - expected.begin());
            matched[j] = true;
            add(got[i].where, fmt::format("simple-tags bullet {} is the entry at {}, which the library renders as "
                                          "bullet {}{}",
                                          i + 1, at(exact->entry), j + 1,
                                          i < expected.size() ? fmt::format(" (bullet {} there is the entry at {})",
                                                                            i + 1, at(expected[i].entry))
                                                              : std::string()));
            continue;
         }
         const auto first = got[i].tags.empty() ? std::string() : got[i].tags.front().text;
         const auto near = std::find_if(expected.begin(), expected.end(), [&](const rendered_item& x) {
            return !x.tags.empty() && x.tags.front() == first;
         });
         if (near != expected.end()) {
            matched[static_cast<std::size_t>(near - expected.begin())] = true;
            add(got[i].where, fmt::format("simple-tags bullet {} has {} (the entry at {})", i + 1,
                                          detail(texts(got[i].tags), got[i].link.url.text, *near), at(near->entry)));
         } else {
            add(got[i].where, fmt::format("simple-tags bullet {} ({}) is no entry of {}{}", i + 1,
                                          join_code(texts(got[i].tags)), name, arch_note()));
         }
      }
      for (std::size_t j = 0; j < expected.size(); ++j) {
         if (matched[j]) continue;
         const ast::span& where = !got.empty() ? got[std::min(j, got.size() - 1)].where : readme.heading;
         add(where, fmt::format("the section lacks the simple-tags bullet {} for the entry at {} ({})", j + 1,
                                at(expected[j].entry), join_code(expected[j].tags)));
      }
   }

   void group_entries(std::size_t g, const ast::shared_tags_group& got, const rendered_group& x) {
      std::vector<bool> matched(x.entries.size(), false);
      for (std::size_t i = 0; i < got.entries.size(); ++i) {
         const auto& r = got.entries[i];
         if (i < x.entries.size() && same(r, x.entries[i])) {
            matched[i] = true;
            continue;
         }
         const auto exact =
             std::find_if(x.entries.begin(), x.entries.end(), [&](const rendered_item& e) { return same(r, e); });
         if (exact != x.entries.end()) {
            const auto j = static_cast<std::size_t>(exact - x.entries.begin());
            matched[j] = true;
            add(r.where,
                fmt::format("shared-tags group {} lists the entry at {} as its item {}, the library as item {}", g + 1,
                            at(exact->entry), i + 1, j + 1));
            continue;
         }
         const auto near = std::find_if(x.entries.begin(), x.entries.end(), [&](const rendered_item& e) {
            return !e.tags.empty() && e.tags.front() == r.tag.text;
         });
         if (near != x.entries.end()) {
            matched[static_cast<std::size_t>(near - x.entries.begin())] = true;
            add(r.where, fmt::format("shared-tags group {} item {} has {} (the entry at {})", g + 1, i + 1,
                                     detail({r.tag.text}, r.link.url.text, *near), at(near->entry)));
         } else {
            add(r.where, fmt::format("shared-tags group {} item {} (`{}`) is no entry of {} with the tags {}", g + 1,
                                     i + 1, r.tag.text, name, join_code(x.tags)));
         }
      }
      for (std::size_t j = 0; j < x.entries.size(); ++j) {
         if (matched[j]) continue;
         add(got.where, fmt::format("shared-tags group {} lacks the entry at {} (`{}`)", g + 1, at(x.entries[j].entry),
                                    x.entries[j].tags.empty() ? std::string() : x.entries[j].tags.front()));
      }
   }

   void shared(const std::vector<rendered_group>& expected) {
      const auto& got = readme.shared_tags;
      std::vector<bool> matched(expected.size(), false);
      for (std::size_t i = 0; i < got.size(); ++i) {
         const auto tags = texts(got[i].tags);
         const auto it =
             std::find_if(expected.begin(), expected.end(), [&](const rendered_group& x) { return x.tags == tags; });
         if (it == expected.end()) {
            add(got[i].where, fmt::format("shared-tags group {} ({}) is no group of {}{}", i + 1, join_code(tags), name,
                                          arch_note()));
            continue;
         }
         const auto j = static_cast<std::size_t>(it - expected.begin());
         matched[j] = true;
         if (j != i) {
            add(got[i].where,
                fmt::format("shared-tags group {} ({}) is group {} of the library", i + 1, join_code(tags), j + 1));
         }
         if (!same(got[i], *it)) group_entries(i, got[i], *it);
      }
      for (std::size_t j = 0; j < expected.size(); ++j) {
         if (matched[j]) continue;
         const ast::span& where = !got.empty() ? got[std::min(j, got.size() - 1)].where : readme.heading;
         add(where, fmt::format("the section lacks the shared-tags group {} ({}) of the entries at {}", j + 1,
                                join_code(expected[j].tags),
                                expected[j].entries.empty() ? std::string() : at(expected[j].entries.front().entry)));
      }
   }

   [[nodiscard]] std::string arch_note() const {
      return readme.architecture ? fmt::format(" for {}", readme.architecture->text) : std::string();
   }
};

}  // namespace

std::string library_repository(std::string_view path) {
   if (const auto slash = path.find_last_of("/\\"); slash != std::string_view::npos) path.remove_prefix(slash + 1);
   if (const auto at = path.find('@'); at != std::string_view::npos) path = path.substr(0, at);
   if (path.ends_with("-library") && path.size() > 8) path.remove_suffix(8);
   return std::string(path);
}

std::string version_variable(std::string_view repository) {
   std::string out;
   for (const char c : repository) {
      out += (c == '-' || c == '.') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
   }
   return out + "_VERSION";
}

std::optional<std::string> namespace_architecture(std::string_view ns) {
   static const std::map<std::string, std::string, std::less<>> known = {
       {"amd64", "amd64"},     {"arm32v5", "arm32v5"}, {"arm32v6", "arm32v6"},       {"arm32v7", "arm32v7"},
       {"arm64v8", "arm64v8"}, {"i386", "i386"},       {"mips64le", "mips64le"},     {"ppc64le", "ppc64le"},
       {"riscv64", "riscv64"}, {"s390x", "s390x"},     {"winamd64", "windows-amd64"}};
   const auto it = known.find(ns);
   if (it == known.end()) return std::nullopt;
   return it->second;
}

std::vector<tag_conflict> tag_conflicts(const ast::library_file& lib) {
   using key = std::tuple<std::string, std::string, std::vector<std::string>>;  // tag, architecture, constraints
   // Calls fn(entry index, tag item, shared, architecture, key) for each distinct tag item of each
   // entry and each of its architectures, in file order; constraints compare as a sorted set.
   const auto each = [&](auto&& fn) {
      for (std::size_t i = 0; i < lib.entries.size(); ++i) {
         const auto& e = lib.entries[i];
         auto constraints = texts(e.constraints);
         std::sort(constraints.begin(), constraints.end());
         constraints.erase(std::unique(constraints.begin(), constraints.end()), constraints.end());
         std::set<std::string> seen;
         for (const auto* list : {&e.tags, &e.shared_tags}) {
            for (const auto& t : *list) {
               if (!seen.insert(t.text).second) continue;
               for (const auto& a : e.architectures)
                  fn(i, t, list == &e.shared_tags, a.text, key{t.text, a.text, constraints});
            }
         }
      }
   };
   std::map<key, std::vector<std::size_t>> groups;  // -> entries, in file order
   each([&](std::size_t i, const ast::library_value&, bool, const std::string&, key k) {
      groups[std::move(k)].push_back(i);
   });
   std::vector<tag_conflict> out;
   each([&](std::size_t i, const ast::library_value& t, bool shared, const std::string& arch, const key& k) {
      const auto& entries = groups[k];
      if (entries.size() < 2) return;
      tag_conflict c;
      c.entry = i;
      c.tag = &t;
      c.shared = shared;
      c.architecture = arch;
      c.constraints = texts(lib.entries[i].constraints);
      for (const auto other : entries) {
         if (other != i) c.others.push_back(other);
      }
      out.push_back(std::move(c));
   });
   return out;
}

bool is_entry_source(const ast::library_file& lib, std::size_t index, std::string_view path) {
   return entry_source_match(lib, index, path) != source_match::none;
}

source_match entry_source_match(const ast::library_file& lib, std::size_t index, std::string_view path) {
   const auto& e = lib.entries[index];
   std::vector<std::string> arches = texts(e.architectures);
   if (arches.empty()) arches.emplace_back("amd64");
   for (const auto& arch : arches) {
      const auto image = lib.image(index, arch);
      const std::string suffix = image.path();
      if (suffix.empty() || !path.ends_with(suffix)) continue;
      const std::size_t cut = path.size() - suffix.size();
      if (cut > 0 && path[cut - 1] != '/') continue;
      // the component before the suffix, when it is a commit directory
      if (cut > 1) {
         const std::string_view head = path.substr(0, cut - 1);
         const auto slash = head.rfind('/');
         const std::string_view dir = slash == std::string_view::npos ? head : head.substr(slash + 1);
         if (dir.size() >= 12 && dir.size() <= 40 && is_hex(dir)) {
            std::string commit = image.git_commit.text;
            std::string prefix(dir);
            std::transform(commit.begin(), commit.end(), commit.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (!commit.starts_with(prefix)) continue;
            return source_match::commit;
         }
      }
      return source_match::path;
   }
   return source_match::none;
}

std::string_view pairing_note(source_match m) noexcept {
   return m == source_match::path ? " (paired by its path alone: no commit directory names its commit)" : "";
}

std::optional<tag_version> entry_tag_version(const ast::library_entry& entry) {
   std::optional<tag_version> best;
   std::size_t best_components = 0;
   for (const auto* list : {&entry.tags, &entry.shared_tags}) {
      for (const auto& t : *list) {
         const std::string_view v = std::string_view(t.text).substr(0, t.text.find('-'));
         const std::size_t n = version_components(v);
         if (n > best_components) {
            best_components = n;
            best = tag_version{&t, std::string(v)};
         }
      }
   }
   return best;
}

std::optional<env_setting> dockerfile_env(const ast::dockerfile& df, std::string_view name) {
   if (df.stages.empty()) return std::nullopt;
   const ast::stage& last = df.stages.back();
   std::optional<env_setting> out;
   for (std::size_t i = last.from_index; i < last.end_index && i < df.instructions.size(); ++i) {
      const auto& inst = df.instructions[i];
      if (inst.name != "env") continue;
      for (const auto& p : inst.pairs) {
         if (p.key != name) continue;
         ast::span where = p.key_span;
         where.end = p.value_span.end;
         where.stop = p.value_span.stop;
         out = env_setting{unquote(p.value), where};
      }
   }
   return out;
}

std::optional<version_mismatch> compare_version(const ast::library_entry& entry, const ast::dockerfile& df,
                                                std::string_view variable) {
   return compare_version(entry, dockerfile_env(df, variable), variable);
}

std::optional<version_mismatch> compare_version(const ast::library_entry& entry, const std::optional<env_setting>& env,
                                                std::string_view variable) {
   const auto tag = entry_tag_version(entry);
   if (!tag || !env) return std::nullopt;
   const std::string& v = env->value;
   if (v == tag->version || (v.starts_with(tag->version) && v[tag->version.size()] == '.')) return std::nullopt;
   return version_mismatch{*tag, *env, std::string(variable)};
}

std::vector<windows_base> dockerfile_windows_bases(const ast::dockerfile& df) {
   std::vector<windows_base> out;
   for (std::size_t s = 0; s < df.stages.size(); ++s) {
      const ast::stage& st = df.stages[s];
      std::string_view ref = st.image_expanded.empty() ? std::string_view(st.image) : st.image_expanded;
      // a reference to an earlier stage
      bool stage_ref = false;
      for (std::size_t k = 0; k < s; ++k) {
         if (!df.stages[k].name.empty() && ast::lower(df.stages[k].name) == ast::lower(ref)) stage_ref = true;
      }
      if (stage_ref) continue;
      std::string_view no_digest = ref.substr(0, ref.find('@'));
      const auto slash = no_digest.rfind('/');
      const auto colon = no_digest.rfind(':');
      std::string_view repo = no_digest;
      std::string_view tag;
      if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
         repo = no_digest.substr(0, colon);
         tag = no_digest.substr(colon + 1);
      }
      const std::string last =
          ast::lower(repo.substr(repo.rfind('/') == std::string_view::npos ? 0 : repo.rfind('/') + 1));
      std::string kind;
      if (last == "windowsservercore" || last == "servercore") kind = "windowsservercore";
      if (last == "nanoserver") kind = "nanoserver";
      if (kind.empty()) continue;
      windows_base b;
      b.kind = kind;
      b.version = std::string(tag.substr(0, tag.find('-')));
      b.image = st.image;
      b.where = st.image_span;
      out.push_back(std::move(b));
   }
   return out;
}

std::vector<constraint_mismatch> compare_windows_constraints(const ast::library_entry& entry,
                                                             const ast::dockerfile& df) {
   return compare_windows_constraints(entry, dockerfile_windows_bases(df));
}

std::vector<constraint_mismatch> compare_windows_constraints(const ast::library_entry& entry,
                                                             const std::vector<windows_base>& bases) {
   std::vector<std::pair<const ast::library_value*, std::pair<std::string, std::string>>> constraints;
   for (const auto& c : entry.constraints) {
      if (auto w = windows_constraint(c.text)) constraints.emplace_back(&c, std::move(*w));
   }
   std::vector<constraint_mismatch> out;
   for (const auto& [item, kv] : constraints) {
      const std::string& kind = kv.first;  // not a structured binding: lambdas capture it (clang 14)
      const std::string& version = kv.second;
      const auto ok = std::any_of(bases.begin(), bases.end(), [&](const windows_base& b) {
         return b.kind == kind && (version.empty() || b.version == version);
      });
      if (ok) continue;
      constraint_mismatch m;
      m.constraint = item;
      const auto near = std::find_if(bases.begin(), bases.end(), [&](const windows_base& b) { return b.kind == kind; });
      if (near != bases.end()) m.base = *near;
      out.push_back(std::move(m));
   }
   for (const auto& b : bases) {
      const auto ok = std::any_of(constraints.begin(), constraints.end(), [&](const auto& c) {
         return c.second.first == b.kind && (c.second.second.empty() || c.second.second == b.version);
      });
      if (ok) continue;
      // a base whose kind has a constraint of another version was reported with that constraint
      const auto reported = std::any_of(out.begin(), out.end(), [&](const constraint_mismatch& m) {
         return m.base && m.base->where.begin == b.where.begin;
      });
      if (reported) continue;
      constraint_mismatch m;
      m.base = b;
      out.push_back(std::move(m));
   }
   return out;
}

rendered_tags render_supported_tags(const ast::library_file& lib, const std::optional<std::string>& architecture) {
   rendered_tags out;
   const auto keep = [&](std::size_t i) { return !architecture || lib.entries[i].has_architecture(*architecture); };
   for (std::size_t i = 0; i < lib.entries.size(); ++i) {
      if (keep(i)) out.simple.push_back(render_item(lib, i, architecture, false));
   }
   // bashbrew's GetSharedTagGroups: shared tags keyed by their entries, in order of first appearance
   std::vector<std::string> all;
   std::set<std::string> seen;
   for (const auto& e : lib.entries) {
      for (const auto& t : e.shared_tags) {
         if (seen.insert(t.text).second) all.push_back(t.text);
      }
   }
   std::vector<std::pair<std::vector<std::size_t>, std::vector<std::string>>> groups;
   for (const auto& tag : all) {
      std::vector<std::size_t> entries;
      for (std::size_t i = 0; i < lib.entries.size(); ++i) {
         if (lib.entries[i].has_shared_tag(tag)) entries.push_back(i);
      }
      const auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == entries; });
      if (it == groups.end()) {
         groups.push_back({entries, {tag}});
      } else {
         it->second.push_back(tag);
      }
   }
   for (const auto& [entries, tags] : groups) {
      rendered_group g;
      g.tags = tags;
      for (const auto i : entries) {
         if (keep(i)) g.entries.push_back(render_item(lib, i, architecture, true));
      }
      if (!g.entries.empty()) out.shared.push_back(std::move(g));
   }
   return out;
}

std::vector<readme_difference> compare_readme(const ast::docs_readme& readme, const ast::library_file& lib,
                                              std::string_view library_name) {
   std::optional<std::string> arch;
   if (readme.architecture) arch = readme.architecture->text;
   const auto expected = render_supported_tags(lib, arch);
   comparer c{readme, lib, library_name, {}};
   if (readme.unsupported_architecture && !expected.simple.empty()) {
      c.add(readme.heading, fmt::format("the section says the image does not support {}, but {} has {} entr{} for it",
                                        readme.unsupported_architecture->text, library_name, expected.simple.size(),
                                        expected.simple.size() == 1 ? "y" : "ies"));
      return std::move(c.out);
   }
   c.simple(expected.simple);
   c.shared(expected.shared);
   return std::move(c.out);
}

std::size_t linked_commits_in(const ast::docs_readme& readme, const ast::library_file& lib) {
   std::set<std::string> linked;
   for (const auto& s : readme.simple_tags) {
      if (!s.link.commit.text.empty()) linked.insert(s.link.commit.text);
   }
   for (const auto& g : readme.shared_tags) {
      for (const auto& e : g.entries) {
         if (!e.link.commit.text.empty()) linked.insert(e.link.commit.text);
      }
   }
   std::set<std::string> commits;
   for (const auto& e : lib.entries) {
      commits.insert(e.git_commit.text);
      for (const auto& [arch, o] : e.overrides) {
         if (o.git_commit) commits.insert(o.git_commit->text);
      }
   }
   return static_cast<std::size_t>(
       std::count_if(linked.begin(), linked.end(), [&](const std::string& c) { return commits.count(c) > 0; }));
}

std::optional<std::size_t> library_for_readme(const ast::docs_readme& readme,
                                              std::span<const ast::library_file* const> libraries) {
   if (libraries.empty()) return std::nullopt;
   for (std::size_t i = 0; i < libraries.size(); ++i) {
      if (compare_readme(readme, *libraries[i], libraries[i]->source.path()).empty()) return i;
   }
   std::optional<std::size_t> best;
   std::size_t most = 0;
   for (std::size_t i = 0; i < libraries.size(); ++i) {
      const std::size_t n = linked_commits_in(readme, *libraries[i]);
      if (n > most) {
         most = n;
         best = i;
      }
   }
   if (best) return best;
   if (libraries.size() == 1) return 0;
   return std::nullopt;
}

bool library_has_tag(const ast::library_file& lib, std::string_view tag,
                     const std::optional<std::string>& architecture) {
   for (const auto i : lib.entries_for_tag(tag)) {
      if (!architecture || lib.entries[i].has_architecture(*architecture)) return true;
   }
   return false;
}

}  // namespace strata::engine
