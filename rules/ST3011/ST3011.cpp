// ST3011 attestation-incomplete (formats.md C30): in an OCI image index with
// BuildKit attestations, every image is followed by one `unknown; unknown`
// attestation manifest with an empty history and in-toto layers (an SBOM and a
// provenance statement). Pages without any attestation are not checked.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {

constexpr std::string_view in_toto = "application/vnd.in-toto+json";

// `22.6 KB (22610 bytes)` -> `22.6 KB`
std::string_view short_size(const ast::layer& l) {
   if (!l.size) return "size not shown";
   std::string_view t = l.size->text;
   return t.substr(0, t.find(" ("));
}

std::size_t in_toto_layers(const ast::section& s) {
   return static_cast<std::size_t>(std::count_if(
       s.layers.begin(), s.layers.end(), [](const ast::layer& l) { return l.mime && l.mime->text == in_toto; }));
}

void check(const ast::tag_page& page, engine::context& cx) {
   const auto& sections = page.sections;
   // How many in-toto layers the attestations of this page usually carry.
   std::map<std::size_t, std::size_t> counts;  // layers -> attestations
   std::size_t attestations = 0;
   for (const auto& s : sections) {
      if (s.is_attestation()) {
         ++counts[in_toto_layers(s)];
         ++attestations;
      }
   }
   if (attestations == 0) return;
   const auto usual =
       std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });

   for (std::size_t i = 0; i < sections.size(); ++i) {
      const ast::section& s = sections[i];
      if (!s.is_attestation()) {
         if (i + 1 == sections.size() || !sections[i + 1].is_attestation()) {
            cx.report(
                s.header,
                fmt::format("the image for {} has no attestation manifest after it (an `unknown; unknown` section); "
                            "{} other image(s) of this index have one",
                            s.platform.text, attestations),
                &s);
         }
         continue;
      }
      const ast::section* image = i > 0 && !sections[i - 1].is_attestation() ? &sections[i - 1] : nullptr;
      const std::string of =
          image != nullptr ? "of " + image->platform.text : std::string("at section ") + std::to_string(i + 1);
      if (image == nullptr) {
         cx.report(
             s.header,
             fmt::format("attestation manifest {} follows no image (every attestation comes after its image)", of), &s);
      }
      if (!s.history.empty()) {
         cx.report(s.history.front().text_span,
                   fmt::format("attestation manifest {} has {} history entr{}; attestations have none", of,
                               s.history.size(), s.history.size() == 1 ? "y" : "ies"),
                   &s);
      }
      for (const auto& l : s.layers) {
         if (l.mime && l.mime->text != in_toto) {
            cx.report(l.mime->where,
                      fmt::format("attestation manifest {} has a {} layer; its layers are in-toto statements ({})", of,
                                  l.mime->text, in_toto),
                      &s);
         }
      }
      const std::size_t have = in_toto_layers(s);
      const std::size_t want = std::max<std::size_t>(usual->first, 2);  // an SBOM and a provenance statement
      if (have < want) {
         std::string sizes;
         for (const auto& l : s.layers) {
            if (!sizes.empty()) sizes += ", ";
            sizes += short_size(l);
         }
         const std::string others = usual->first >= 2 ? fmt::format("; {} of the page's {} attestations have {}",
                                                                    usual->second, attestations, usual->first)
                                                      : "";
         cx.report(s.layers.empty() ? s.layers_header : s.layers.front().digest.where,
                   fmt::format("attestation manifest {} has {} in-toto layer(s){}{}{}: an SBOM and a provenance "
                               "statement are expected{}",
                               of, have, sizes.empty() ? "" : " (", sizes, sizes.empty() ? "" : ")", others),
                   &s);
      }
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain"};
}  // namespace

extern const engine::rule st3011{
    .id = "ST3011",
    .name = "attestation-incomplete",
    .default_severity = engine::severity::info,
    .summary =
        "An image of an OCI index lacks its attestation manifest, or the attestation lacks the SBOM or provenance",
    .help =
        "Build with SBOM and provenance attestations for every platform (`docker buildx build --sbom=true "
        "--provenance=mode=max`).",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
    .security_severity = "2.0",
};
}  // namespace strata::rules
