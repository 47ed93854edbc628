// Acceptance on ../shared/corpus/repo-info: the failing examples formats.md §4 names are
// found, at their lines, and the pages it says pass are silent (C11-C15, C17, C30, C35).
// Part of strata_acceptance, which skips (exit 77) when ../shared is absent.
#include <catch2/catch.hpp>

#include "acceptance/acceptance.hpp"

namespace {
const std::string repo_info = "../shared/corpus/repo-info";
using strata::acceptance::places_of;
using Places = std::set<std::string>;
}  // namespace

TEST_CASE("repo-info: cross-platform pins and versions (C11, C12, C13, C14)", "[acceptance]") {
   const auto doc = strata::acceptance::check_json(repo_info);
   // C11: ppc64le/riscv64 3.14.6; arm v7 3.3.6; amd64 3.6.3; four versions on two platforms each
   CHECK(places_of(doc, "ST4001") ==
         Places{"3-slim@34fa04a4e3c6.md:411", "3-slim@34fa04a4e3c6.md:484", "3.3-onbuild@80812c2da382.md:147",
                "3.6.2-onbuild@09f863c1fe62.md:52", "windowsservercore@b40276da32d1.md:40",
                "windowsservercore@b40276da32d1.md:113", "windowsservercore@b40276da32d1.md:186",
                "windowsservercore@b40276da32d1.md:259", "windowsservercore@b40276da32d1.md:332",
                "windowsservercore@b40276da32d1.md:405", "windowsservercore@b40276da32d1.md:478",
                "windowsservercore@b40276da32d1.md:557"});
   // C12: PYTHON_SHA256 143b… vs 3b48…; GPG_KEY 26DEA9D4… vs 0D96DF4D… (Linux and Windows never compared).
   // They fail only with C11, on the platforms whose version differs: ST4001's findings name them, and
   // ST4002 does not report those sections again.
   CHECK(places_of(doc, "ST4002").empty());
   std::set<std::string> pins;
   for (const auto& f : doc["findings"]) {
      if (f["rule"] != "ST4001") continue;
      const std::string message = f["message"];
      const auto at = message.find("; its pins differ too: ");
      if (at != std::string::npos) pins.insert(message.substr(at + 23, message.find(' ', at + 23) - at - 23));
   }
   CHECK(pins == std::set<std::string>{"GPG_KEY", "PYTHON_SHA256"});
   // C13: only 3.6.2-onbuild's amd64 (3.6.3); `3-slim`, `3.3-onbuild`, `rc`, `latest` carry their series
   CHECK(places_of(doc, "ST4003") == Places{"3.6.2-onbuild@09f863c1fe62.md:52"});
   // C14 passes everywhere (3.7.0a4 / 3.7.0 in rc@1dd9025f0b91, 3.6.4, …)
   CHECK(places_of(doc, "ST4004").empty());
}

TEST_CASE("repo-info: attestations, rootfs entries, checksums, base layers (C17, C20, C30, C35)", "[acceptance]") {
   const auto doc = strata::acceptance::check_json(repo_info);
   // C30: arm v6's attestation carries the 22.6 KB provenance layer only
   CHECK(places_of(doc, "ST3011") == Places{"3-alpine3.24@27b273677675.md:167"});
   // C35 passes on all eight sections of 3-slim@34fa04a4e3c6 (riscv64 at its own epoch)
   CHECK(places_of(doc, "ST3012").empty());
   // C17: one hash per get-pip URL and per python tarball across the corpus
   CHECK(places_of(doc, "ST4005").empty());
   // C20: the stretch rootfs layer aa18ad1a… dated 07 Sep 2017 here, 13 Sep in 3.3-onbuild and
   // 3.6.2-onbuild; the 2016 base layer 3889bb8d… dated 22 Nov here, 13 Dec 2016 in four pages
   CHECK(places_of(doc, "ST4007") == Places{"latest@cfbe47600229.md:31", "windowsservercore@416c957b7806.md:22"});
}
