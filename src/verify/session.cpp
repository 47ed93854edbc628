#include "verify/session.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/config.hpp"
#include "engine/context.hpp"
#include "engine/document.hpp"
#include "engine/inputs.hpp"
#include "parse/dockerfile_parser.hpp"
#include "parse/library_parser.hpp"
#include "verify/source.hpp"

namespace strata::verify {

std::string_view to_string(status s) noexcept {
   switch (s) {
      case status::match:
         return "match";
      case status::drift:
         return "drift";
      case status::ambiguous:
         return "ambiguous";
      case status::unresolved:
         break;
   }
   return "unresolved";
}

namespace {

// The text of a file, or nullopt with `error` set to "PATH: reason".
std::optional<std::string> read_file(const std::string& path, std::string& error) {
   std::string text;
   if (!engine::read_file(path, text, error)) {
      error = path + ": " + error;
      return std::nullopt;
   }
   return text;
}

// `python:3.6-jessie` -> `3.6-jessie`; `registry:5000/x/y:tag` -> `tag`; "" without a tag.
std::string tag_of(std::string_view reference) {
   const auto slash = reference.rfind('/');
   const auto colon = reference.rfind(':');
   if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) return {};
   return std::string(reference.substr(colon + 1));
}

// `linux; arm variant v7` as repo-info writes a platform, from an image config's fields.
std::string platform_of(const ast::image_config& img) {
   if (img.os.empty()) return {};
   if (img.os == "windows") return "windows version " + img.os_version + "; " + img.architecture;
   std::string p = img.os + "; " + img.architecture;
   if (!img.variant.empty()) p += " variant " + img.variant;
   return p;
}

std::string place_of(const ast::dockerfile& df, std::size_t instruction) {
   const auto& i = df.instructions[instruction];
   return fmt::format("{}:{}:{}", df.source.path(), i.where.start.line, i.where.start.column);
}

struct attempt {
   const candidate* from = nullptr;
   std::string name;  ///< the Dockerfile's name in messages
   std::vector<predicted_entry> predicted;
   alignment aligned;
   std::shared_ptr<ast::dockerfile> df;
   [[nodiscard]] std::size_t cost() const { return aligned.differences.size(); }
};

}  // namespace

void collect_histories(const engine::document& doc, engine::context& cx) {
   if (const auto& s = cx.settings().verify) s->collect(doc, cx);
}

void session::collect(const engine::document& doc, engine::context& cx) {
   const std::string& path = doc.source().path();
   if (std::find(seen_.begin(), seen_.end(), path) != seen_.end()) return;
   seen_.push_back(path);
   if (doc.page) {
      const auto& page = *doc.page;
      for (std::size_t k = 0; k < page.sections.size(); ++k) {
         const auto& s = page.sections[k];
         if (s.is_attestation() || s.history.empty()) continue;
         history_section h;
         h.file = path;
         h.index = k + 1;
         h.reference = page.ref.text;
         h.tag = tag_of(page.ref.text);
         h.platform = s.platform.text;
         h.windows = s.is_windows();
         for (const auto& e : s.history) {
            h.instructions.push_back(e.instruction);
            h.texts.push_back(e.text);
            h.places.push_back(cx.locate(e.text_span, "", &s));
         }
         h.header = cx.locate(s.header, "", &s);
         sections_.push_back(std::move(h));
      }
   } else if (doc.history) {
      history_section h;
      h.file = path;
      for (auto it = doc.history->rows.rbegin(); it != doc.history->rows.rend(); ++it) {
         h.instructions.push_back(it->instruction);
         h.texts.push_back(it->created_by.text);
         h.places.push_back(cx.locate(it->created_by.where, ""));
         h.windows =
             h.windows || it->created_by.text.starts_with("powershell") || it->created_by.text.starts_with("cmd /S /C");
      }
      if (h.instructions.empty()) return;
      h.header = h.places.front();
      sections_.push_back(std::move(h));
   } else if (doc.config) {
      for (std::size_t k = 0; k < doc.config->images.size(); ++k) {
         const auto& img = doc.config->images[k];
         history_section h;
         h.file = path;
         h.index = k + 1;
         if (!img.repo_tags.empty()) {
            h.reference = img.repo_tags.front();
            h.tag = tag_of(h.reference);
         }
         h.platform = platform_of(img);
         h.windows = img.os == "windows";
         for (const auto& item : img.history) {
            ast::history_instruction unreadable;
            unreadable.prefix.kind = ast::history_prefix_kind::unparsed;
            h.instructions.push_back(item.instruction ? *item.instruction : unreadable);
            h.texts.push_back(item.created_by.value_or(""));
            h.places.push_back(cx.locate(item.created_by_span.start.line > 0 ? item.created_by_span : item.where, ""));
         }
         if (h.instructions.empty()) continue;
         h.header = cx.locate(img.where, "");
         sections_.push_back(std::move(h));
      }
   }
}

const std::vector<section_result>& session::results() {
   if (!results_) compute();
   return *results_;
}

void session::compute() {
   results_.emplace();
   std::vector<ast::library_file> libraries;
   for (const auto& p : settings_.libraries) {
      std::string error;
      const auto text = read_file(p, error);
      if (!text) {
         errors_.push_back(error);
         continue;
      }
      libraries.push_back(parse::parse_library_file(p, *text));
   }
   std::vector<const ast::library_file*> libs;
   for (const auto& l : libraries) libs.push_back(&l);
   std::optional<source_tree> tree;
   if (!settings_.source.empty()) {
      std::string error;
      tree = source_tree::open(settings_.source, error);
      if (!tree) errors_.push_back(error);
   }
   std::shared_ptr<ast::dockerfile> given;
   if (!settings_.dockerfile.empty()) {
      std::string error;
      if (const auto text = read_file(settings_.dockerfile, error)) {
         given = std::make_shared<ast::dockerfile>(parse::parse_dockerfile(settings_.dockerfile, *text));
      } else {
         errors_.push_back(error);
      }
   }
   std::map<std::string, std::shared_ptr<ast::dockerfile>> parsed;  // by source name
   for (const auto& h : sections_) {
      section_result r;
      r.section = &h;
      std::vector<observed_entry> observed;
      for (std::size_t i = 0; i < h.instructions.size(); ++i) observed.push_back({&h.instructions[i], h.texts[i]});
      prediction_options po;
      po.build_args = settings_.build_args;
      po.target = settings_.target;
      po.windows = h.windows;
      std::vector<attempt> attempts;
      std::vector<candidate> cands;
      if (given) {
         attempt a;
         a.name = settings_.dockerfile;
         a.df = given;
         attempts.push_back(std::move(a));
      } else if (settings_.dockerfile.empty()) {
         if (libs.empty()) {
            r.unresolved.push_back("no library file (--library) or Dockerfile (--dockerfile) to compare with");
         } else if (h.tag.empty()) {
            r.unresolved.push_back("the history names no tag to look up in the library files");
         } else {
            cands = candidates(libs, h.tag, h.platform);
            if (cands.empty()) {
               r.unresolved.push_back(fmt::format(
                   "no entry of the library file(s) has tag `{}` for {} ({})", h.tag,
                   h.platform.empty() ? "this platform" : h.platform,
                   architecture_of(h.platform).empty() ? "architecture unknown" : architecture_of(h.platform)));
            } else if (!tree) {
               r.unresolved.push_back(
                   fmt::format("library entry {}:{} names {}@{}, but no source tree (--source) "
                               "was given to read it",
                               cands.front().library->source.path(),
                               cands.front().library->entries[cands.front().entry].where.start.line, cands.front().path,
                               cands.front().commit.substr(0, 12)));
            }
         }
         for (const auto& c : cands) {
            if (!tree) break;
            const std::string name = tree->name(c.commit, c.path);
            auto& df = parsed[name];
            if (!df) {
               std::string error;
               const auto text = tree->read(c.commit, c.path, error);
               if (!text) {
                  r.unresolved.push_back(fmt::format("library entry {}:{}: {}", c.library->source.path(),
                                                     c.library->entries[c.entry].where.start.line, error));
                  parsed.erase(name);
                  continue;
               }
               df = std::make_shared<ast::dockerfile>(parse::parse_dockerfile(name, *text));
            }
            attempt a;
            a.from = &c;
            a.name = name;
            a.df = df;
            attempts.push_back(std::move(a));
         }
      }
      for (auto& a : attempts) {
         std::string error;
         a.predicted = predict(*a.df, po, error);
         if (!error.empty()) r.unresolved.push_back(a.name + ": " + error);
         a.aligned = align(a.predicted, observed);
      }
      std::erase_if(attempts, [](const attempt& a) { return a.predicted.empty(); });
      // An exact match elsewhere in the source tree (a directory of checkouts): by content when no
      // library entry led to a source, or the same path at another commit when the library's differs.
      auto exact_in = [&](const std::vector<std::pair<std::string, std::string>>& sources) -> std::optional<attempt> {
         for (const auto& [commit, path] : sources) {
            const std::string name = tree->name(commit, path);
            auto& df = parsed[name];
            if (!df) {
               std::string error;
               const auto text = tree->read(commit, path, error);
               if (!text) continue;
               df = std::make_shared<ast::dockerfile>(parse::parse_dockerfile(name, *text));
            }
            attempt a;
            a.name = name;
            a.df = df;
            std::string error;
            a.predicted = predict(*df, po, error);
            if (a.predicted.empty()) continue;
            a.aligned = align(a.predicted, observed);
            if (a.cost() == 0) return a;
         }
         return std::nullopt;
      };
      const bool checkouts = tree && !tree->git() && given == nullptr;
      if (attempts.empty() && checkouts && !observed.empty()) {
         if (auto found = exact_in(tree->dockerfiles())) {
            r.found_by_content = found->name;
            attempts.push_back(std::move(*found));
         }
      }
      const auto best = std::min_element(attempts.begin(), attempts.end(),
                                         [](const attempt& x, const attempt& y) { return x.cost() < y.cost(); });
      const auto ties =
          std::count_if(attempts.begin(), attempts.end(), [&](const attempt& a) { return a.cost() == best->cost(); });
      r.state = best->cost() == 0 ? status::match : ties > 1 ? status::ambiguous : status::drift;
      if (attempts.size() > 1) {
         r.why =
             r.state == status::ambiguous
                 ? fmt::format("{} library entries fit as well as each other ({} differences each)", ties, best->cost())
                 : fmt::format("picked {} of {} candidate sources: the one the history matches{}", best->name,
                               attempts.size(), best->cost() == 0 ? "" : " best");
      }
      if (best->from != nullptr) {
         r.library_file = best->from->library->source.path();
         r.library_commit = best->from->commit;
         r.source_commit = best->from->commit;
         r.source_path = best->from->path;
      }
      if (best->cost() > 0 && best->from != nullptr && checkouts && r.state == status::drift) {
         std::vector<std::pair<std::string, std::string>> others;
         for (const auto& c : tree->commits_with(best->from->path)) {
            if (!best->from->commit.starts_with(c)) others.emplace_back(c, best->from->path);
         }
         if (const auto other = exact_in(others)) {
            r.matches_instead = other->name;
         } else if (const auto any = exact_in(tree->dockerfiles())) {
            r.matches_instead = any->name;  // another directory: the library revision given is not the build's
         }
      }
      r.dockerfile = best->name;
      r.base = best->aligned.base;
      r.own = best->aligned.own;
      r.matched = best->aligned.matched;
      r.pairs = best->aligned.pairs;
      for (const auto& p : best->predicted) r.predicted_texts.push_back(p.text);
      r.observed_texts = h.texts;
      if (r.state != status::ambiguous) {
         for (std::size_t k = 0; k < best->aligned.pairs.size(); ++k) {
            const auto& [pi, oi] = best->aligned.pairs[k];
            const auto& pair = best->aligned.pairs[k];  // lambdas capture this, not the bindings (clang 14)
            const auto diff = std::find_if(
                best->aligned.differences.begin(), best->aligned.differences.end(),
                [&](const entry_difference& d) { return d.predicted == pair.first && d.observed == pair.second; });
            if (diff == best->aligned.differences.end()) continue;
            section_difference d;
            d.what = diff->what;
            d.detail = diff->detail;
            if (pi) {
               d.predicted = best->predicted[*pi].text;
               d.dockerfile_place = place_of(*best->df, best->predicted[*pi].instruction);
            }
            if (oi) {
               d.observed = h.texts[*oi];
               d.place = h.places[*oi];
            } else {
               // missing: at the next recorded entry, or the section's header at the end
               std::optional<std::size_t> next;
               for (std::size_t q = k + 1; q < best->aligned.pairs.size() && !next; ++q)
                  next = best->aligned.pairs[q].second;
               d.place = next ? h.places[*next] : h.header;
            }
            r.differences.push_back(std::move(d));
         }
      }
      results_->push_back(std::move(r));
   }
   // A section that matches another source than its library entry names is a stale build when
   // another section of its page matches the library (ST5001 reports it); when none does, the
   // library revision given is not the one of the build: the section matches, ST5003 says so.
   for (auto& r : *results_) {
      if (r.state != status::drift || r.matches_instead.empty()) continue;
      const bool sibling = std::any_of(results_->begin(), results_->end(), [&](const section_result& o) {
         return &o != &r && o.section->file == r.section->file && o.state == status::match &&
                o.found_by_content.empty() && o.library_mismatch.empty() && o.library_file.has_value();
      });
      if (sibling) continue;
      r.library_mismatch = fmt::format(
          "the library entry names {}, but the history matches {}: the library revision given is "
          "not the one the image was built with",
          r.dockerfile, r.matches_instead);
      r.state = status::match;
      r.dockerfile = r.matches_instead;
      r.matches_instead.clear();
      r.differences.clear();
      r.matched = r.own;
   }
}

}  // namespace strata::verify
