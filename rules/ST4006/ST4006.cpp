// ST4006 base-image-skew (formats.md C23): the Linux platforms of one tag were
// built on base images far apart in time. The base's date is the date of the
// first history entry of each section whose history starts with a base root
// filesystem (engine/base_layers.hpp; `FROM scratch` images without one take no
// part); sections whose dates lie within the threshold of each other form a group
// (chained), and the sections older than the newest group are reported: the
// newest platforms are never the stale ones. Pages that share one stale base (the
// same base layers in the stale section and in the newest group) inherit it from
// the base image's own history: one finding per distinct base layer set per run,
// at the first page seen, naming the pages that share it (the same image under
// several tags is named as such, not blamed on the base). Option `threshold-days`
// (default 7).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/base_layers.hpp"
#include "engine/context.hpp"
#include "engine/outliers.hpp"

namespace strata::rules {
namespace {

struct base {
   const ast::section* section;
   const ast::date_value* date;
};

// One stale base layer set: the finding at the first page seen, and the pages that share it.
struct shared_base {
   engine::finding first;
   std::vector<std::string> tags;  ///< the tag of each page holding it, in the order seen
   std::set<std::string> files;    ///< the pages holding it
   std::set<std::string> images;   ///< the stale images (section digest or Image ID) holding it
};

struct state {
   std::map<std::string, std::size_t> index;  ///< base layer set -> into `bases`
   std::vector<shared_base> bases;            ///< in the order first seen
};

// The base layer digests of a section (engine::base_layer_count), space-separated.
std::string base_layers(const ast::section& s) {
   std::string out;
   const std::size_t n = engine::base_layer_count(s);
   for (std::size_t i = 0; i < n; ++i) {
      if (!out.empty()) out += ' ';
      out += s.layers[i].digest.text;
   }
   return out;
}

void check(const ast::tag_page& page, engine::context& cx) {
   double threshold_days = 7;
   if (const auto v = cx.option("threshold-days")) threshold_days = std::stod(*v);  // validated by the config reader
   const auto threshold = static_cast<std::int64_t>(std::llround(threshold_days * 86400));
   std::vector<base> bases;
   for (const auto& s : page.sections) {
      if (s.is_windows() || s.is_attestation() || !engine::has_base_root(s)) continue;
      bases.push_back({&s, &s.history.front().created});
   }
   if (bases.size() < 2) return;
   std::stable_sort(bases.begin(), bases.end(),
                    [](const base& a, const base& b) { return a.date->epoch < b.date->epoch; });
   std::vector<std::vector<base>> groups{{bases.front()}};
   for (std::size_t i = 1; i < bases.size(); ++i) {
      if (bases[i].date->epoch - bases[i - 1].date->epoch > threshold) groups.emplace_back();
      groups.back().push_back(bases[i]);
   }
   if (groups.size() < 2) return;
   const std::vector<base>& newest = groups.back();
   const base& nearest = newest.front();  // the oldest base of the newest group: the nearest to every stale one
   std::string newest_layers;
   {
      std::set<std::string> digests;
      for (const auto& b : newest) digests.insert(base_layers(*b.section));
      for (const auto& d : digests) newest_layers += (newest_layers.empty() ? "" : " ") + d;
   }
   auto& st = cx.state<state>();
   const std::string file = page.source.path();
   for (std::size_t g = 0; g + 1 < groups.size(); ++g) {
      for (const auto& b : groups[g]) {
         const auto days = (nearest.date->epoch - b.date->epoch) / 86400;
         std::string key = base_layers(*b.section);
         // without layers the page alone names the base: it shares it with no other page
         key =
             key.empty() ? file + "#" + std::to_string(b.section - page.sections.data()) : key + " / " + newest_layers;
         const auto [it, added] = st.index.try_emplace(key, st.bases.size());
         if (added) {
            st.bases.push_back({cx.locate(b.date->where,
                                          fmt::format("the base image of {} is dated {}, {} days older than the base "
                                                      "of {} ({}; threshold {} days)",
                                                      b.section->platform.text, b.date->text, days,
                                                      engine::platforms_of(newest), nearest.date->text, threshold_days),
                                          b.section),
                                {},
                                {},
                                {}});
         }
         shared_base& shared = st.bases[it->second];
         if (shared.files.insert(file).second) shared.tags.push_back(page.ref.text);
         const auto& image = b.section->digest ? b.section->digest : b.section->image_id;
         shared.images.insert(image ? image->text : file);
      }
   }
}

void finish(engine::context& cx) {
   constexpr std::size_t named = 5;  // tags named in a message; the count says how many share it
   auto& st = cx.state<state>();
   for (auto& shared : st.bases) {
      engine::finding f = std::move(shared.first);
      if (shared.files.size() > 1) {
         std::string tags;
         for (std::size_t i = 0; i < shared.tags.size() && i < named; ++i) tags += (i > 0 ? ", " : "") + shared.tags[i];
         if (shared.tags.size() > named) tags += ", ...";
         // several images on one stale base: the base image was published with its platforms apart; one
         // image under several tags: that image's stale platform, named once
         f.message += shared.images.size() > 1
                          ? fmt::format(
                                ": the stale base comes from the base image's history (the same base "
                                "layers in {} tag pages: {})",
                                shared.files.size(), tags)
                          : fmt::format(" (the same image in {} tag pages: {})", shared.files.size(), tags);
      }
      cx.report(std::move(f));
   }
}
constexpr engine::rule_option options[] = {{"threshold-days", 0, 36500, "days (default 7)"}};
constexpr std::string_view tags[] = {"consistency", "published-metadata"};
}  // namespace

extern const engine::rule st4006{
    .id = "ST4006",
    .name = "base-image-skew",
    .default_severity = engine::severity::warning,
    .summary = "The Linux platforms of one tag were built on base images far apart in time",
    .help =
        "Rebuild the stale platforms on the current base image (threshold: rules.ST4006.threshold-days, default 7).",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check, .finish = finish},
    .options = options,
};
}  // namespace strata::rules
