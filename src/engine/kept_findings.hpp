// Findings kept across the documents of a run, for rules that decide in
// `visitors::finish` which to report (ST4003, ST4005, ST4007).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/context.hpp"
#include "engine/finding.hpp"
#include "engine/outliers.hpp"

namespace strata::engine {

/// A store of findings made by `context::locate`. Their source lines (a history
/// entry's text can be kilobytes, repeated in every section and tag) are kept once.
class kept_findings {
public:
   /// Keeps `f`; returns its id (0, 1, 2 … in order).
   std::size_t keep(finding f) {
      auto [it, added] = line_ids_.try_emplace(std::move(f.snippet), lines_.size());
      if (added) lines_.push_back(&it->first);
      f.snippet.clear();
      kept_.push_back({std::move(f), it->second});
      return kept_.size() - 1;
   }

   /// The finding kept as `id`, its source line restored.
   [[nodiscard]] finding get(std::size_t id) const {
      finding f = kept_[id].f;
      f.snippet = *lines_[kept_[id].line];
      return f;
   }

   /// The message the finding kept as `id` was made with.
   [[nodiscard]] const std::string& message(std::size_t id) const { return kept_[id].f.message; }

   /// `file:line` of the finding kept as `id`, for messages that name the other side.
   [[nodiscard]] std::string place(std::size_t id) const {
      const finding& f = kept_[id].f;
      return f.file + ":" + std::to_string(f.start.line);
   }

   /// `python:3.6 linux; amd64`: the tag and platform of the tag page section the finding kept
   /// as `id` is in, for messages that name the other side; `place(id)` for other documents.
   [[nodiscard]] std::string section_name(std::size_t id) const {
      const finding& f = kept_[id].f;
      if (f.tag.empty() || f.platform.empty()) return place(id);
      return f.tag + " " + f.platform;
   }

   /// The place of the finding kept as `id` as a related location of another finding, with `message`.
   [[nodiscard]] related_location related(std::size_t id, std::string message) const {
      const finding& f = kept_[id].f;
      return {f.file, f.start, f.stop, std::move(message)};
   }

   /// `a.md:48`, or `a.md:48 and 7 other place(s)`: the first of `ids` and how many more.
   /// With `by_section`, the first is named by `section_name` instead.
   [[nodiscard]] std::string places(const std::vector<std::size_t>& ids, bool by_section = false) const {
      if (ids.empty()) return {};
      std::string out = by_section ? section_name(ids.front()) : place(ids.front());
      if (ids.size() > 1) out += " and " + std::to_string(ids.size() - 1) + " other place(s)";
      return out;
   }

private:
   struct entry {
      finding f;
      std::size_t line;
   };
   std::vector<entry> kept_;
   std::unordered_map<std::string, std::size_t> line_ids_;
   std::vector<const std::string*> lines_;  ///< keys of line_ids_ (node-based: stable addresses)
};

/// For the values one key takes across the inputs (value -> ids kept here), reports every
/// finding of each outlier value (engine/outliers.hpp). Its message is
/// `message(kept message, value, others)`, where `others` is `<shown> at <places>; …` for
/// the other values and `show(value, ids)` names one of them. The places are `file:line`, or
/// with `by_section` the tag and platform of a tag page section (`kept_findings::section_name`).
/// Each finding's `related` holds the first place of every other value, in the order `others` names them.
template <class Show, class Message>
void report_outliers(context& cx, const kept_findings& kept,
                     const std::map<std::string, std::vector<std::size_t>>& by_value, Show&& show, Message&& message,
                     bool by_section = false) {
   for (const std::string* value : outlier_values(by_value)) {
      std::string others;
      std::vector<related_location> related;
      for (const auto& [other, ids] : by_value) {
         if (other == *value) continue;
         if (!others.empty()) others += "; ";
         const std::string shown = show(other, ids);
         others += shown + (by_section ? " in " : " at ") + kept.places(ids, by_section);
         related.push_back(
             kept.related(ids.front(), by_section ? shown + " in " + kept.section_name(ids.front()) : shown));
      }
      for (const std::size_t id : by_value.at(*value)) {
         finding f = kept.get(id);
         f.message = message(f.message, *value, others);
         f.related = related;
         cx.report(std::move(f));
      }
   }
}

}  // namespace strata::engine
