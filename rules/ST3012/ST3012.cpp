// ST3012 rootfs-entry-mismatch (formats.md C35): the debuerreotype base entry of a
// Debian image, `RUN # debian.sh --arch '<arch>' out/ '<suite>' '@<epoch>'`, is
// dated at its epoch (the snapshot timestamp the root filesystem was built from),
// and `<arch>` is the dpkg architecture of the section's platform.
#include <array>
#include <utility>

#include <fmt/format.h>
#include <re2/re2.h>

#include "ast/tag_page.hpp"
#include "engine/context.hpp"
#include "parse/values.hpp"

namespace strata::rules {
namespace {

// dpkg architecture -> the platform repo-info prints for it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> dpkg_platforms = {{
    {"amd64", "linux; amd64"},
    {"armel", "linux; arm variant v5"},
    {"armhf", "linux; arm variant v7"},
    {"arm64", "linux; arm64 variant v8"},
    {"i386", "linux; 386"},
    {"ppc64el", "linux; ppc64le"},
    {"riscv64", "linux; riscv64"},
    {"s390x", "linux; s390x"},
    {"mips64el", "linux; mips64le"},
    {"loong64", "linux; loong64"},
}};

std::string_view dpkg_arch_of(std::string_view platform) {
   for (const auto& [arch, p] : dpkg_platforms) {
      if (p == platform || (p.ends_with(" variant v8") && platform == p.substr(0, p.size() - 11))) return arch;
   }
   return {};
}

void check(const ast::tag_page& page, engine::context& cx) {
   static const RE2 debian_sh(R"(#\s*debian\.sh\s.*)");
   static const RE2 arch_option(R"(--arch[= ]'?([A-Za-z0-9_]+)'?)");
   static const RE2 epoch_word(R"('?@([0-9]{1,12})'?)");
   for (const auto& s : page.sections) {
      for (const auto& e : s.history) {
         const std::string& args = e.arguments;
         if (e.keyword != "RUN" || !RE2::FullMatch(args, debian_sh)) continue;
         const ast::source_file& src = page.source;
         re2::StringPiece arch;
         re2::StringPiece input(args);
         if (RE2::PartialMatch(input, arch_option, &arch)) {
            const std::string_view named(arch.data(), arch.size());
            const std::string_view expected = dpkg_arch_of(s.platform.text);
            if (!expected.empty() && named != expected) {  // platforms missing from the table are not judged
               const std::size_t at = e.arguments_span.begin + static_cast<std::size_t>(arch.data() - args.data());
               cx.report(src.make_span(at, at + arch.size()),
                         fmt::format("debian.sh built the root filesystem for --arch {} but the platform is {} (dpkg "
                                     "architecture {})",
                                     named, s.platform.text, expected),
                         &s);
            }
         }
         re2::StringPiece epoch_text;
         if (RE2::PartialMatch(input, epoch_word, &epoch_text)) {
            const std::int64_t epoch = std::stoll(std::string(epoch_text.data(), epoch_text.size()));
            if (epoch != e.created.epoch) {
               cx.report(e.created.where,
                         fmt::format("the root filesystem entry is dated {} but its snapshot timestamp @{} is {}",
                                     e.created.text, std::string_view(epoch_text.data(), epoch_text.size()),
                                     parse::format_rfc1123(epoch)),
                         &s);
            }
         }
      }
   }
}
constexpr std::string_view tags[] = {"correctness", "reproducibility"};
}  // namespace

extern const engine::rule st3012{
    .id = "ST3012",
    .name = "rootfs-entry-mismatch",
    .default_severity = engine::severity::warning,
    .summary =
        "A debuerreotype `RUN # debian.sh` entry is not dated at its snapshot epoch, or names another architecture",
    .help =
        "Publish the root filesystem built for the platform's dpkg architecture, with the history date of its snapshot "
        "epoch.",
    .aliases = {},
    .tags = tags,
    .visit = {.tag_page = check},
};
}  // namespace strata::rules
