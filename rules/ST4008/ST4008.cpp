// ST4008 layer-shared-across-architectures: one layer digest in two sections of one
// tag page whose CPU architectures differ (engine::architecture: `arm` for every arm
// variant), where the layer holds architecture-specific files: the layer of the base
// root filesystem entry, or a layer a RUN created (engine/base_layers.hpp maps layers
// to entries where the page allows). A blob's digest is its content: an s390x image
// with the arm64 rootfs runs arm64 binaries. Reported at the layer in each section,
// naming the other sections' platforms. COPY/ADD of files (an entrypoint script) and
// the 32-byte empty layer are the same on every architecture and are not compared.
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/base_layers.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {

struct holder {
   const ast::section* section;
   const ast::layer* layer;
   const ast::history_entry* entry;  ///< the entry that created it, or null when the page cannot tell
};

// Whether a layer's content depends on the architecture: a base rootfs or a RUN's output,
// unless it is empty (the 32-byte gzip of an empty tar that no-op RUNs of old builders left).
bool architecture_specific(const holder& h) {
   if (h.entry == nullptr) return false;
   if (h.layer->size && h.layer->size->bytes <= 32) return false;
   return engine::creates_root(*h.entry) || h.entry->keyword == "RUN";
}

// A history text for a message: whole up to 80 bytes, else its first 77 and `...`.
std::string shortened(std::string_view text) {
   if (text.size() <= 80) return std::string(text);
   std::size_t n = 77;
   while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 sequence
   return std::string(text.substr(0, n)) + "...";
}

void check(const ast::tag_page& page, engine::context& cx) {
   std::map<std::string, std::vector<holder>> by_digest;  // digest -> its sections, in section order
   for (const auto& s : page.sections) {
      if (s.is_attestation()) continue;
      const auto origins = engine::layer_origins(s);
      for (std::size_t i = 0; i < s.layers.size(); ++i) {
         by_digest[s.layers[i].digest.text].push_back({&s, &s.layers[i], origins[i]});
      }
   }
   for (const auto& [digest, holders] : by_digest) {
      if (holders.size() < 2) continue;
      const holder* made = nullptr;  // an occurrence whose origin is known and architecture-specific
      for (const auto& h : holders) {
         if (made == nullptr && architecture_specific(h)) made = &h;
      }
      if (made == nullptr) continue;
      for (const auto& h : holders) {
         const auto arch = engine::architecture(h.section->platform.text);
         std::string others;
         std::vector<engine::related_location> related;
         for (const auto& o : holders) {
            if (engine::architecture(o.section->platform.text) == arch) continue;
            others += (others.empty() ? "" : ", ") + o.section->platform.text;
            const engine::finding there = cx.locate(o.layer->digest.where, {}, o.section);
            related.push_back({there.file, there.start, there.stop, "the same layer in " + o.section->platform.text});
         }
         if (others.empty()) continue;
         const std::string what = engine::creates_root(*made->entry) ? "base root filesystem" : "RUN";
         engine::finding f =
             cx.locate(h.layer->digest.where,
                       fmt::format("layer {} ({} layer of `{}`) of {} is also a layer of {}: one blob cannot hold "
                                   "the binaries of two architectures",
                                   digest, what, shortened(made->entry->text), h.section->platform.text, others),
                       h.section);
         f.related = std::move(related);
         cx.report(std::move(f));
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "published-metadata"};
}  // namespace

extern const engine::rule st4008{
    .id = "ST4008",
    .name = "layer-shared-across-architectures",
    .default_severity = engine::severity::error,
    .summary = "One base rootfs or RUN layer appears in sections of one tag with different architectures",
    .help =
        "Republish the platform with its own architecture's image: the manifest list points at the wrong image "
        "(or the image was built from the wrong base).",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
