// ST2003 insecure-transport: a RUN downloads over plain http:// with nothing
// verifying the file, or turns TLS certificate checks off (`curl -k`,
// `wget --no-check-certificate`, `Invoke-WebRequest -SkipCertificateCheck`).
#include <cctype>

#include <fmt/format.h>

#include "ast/text.hpp"
#include "engine/context.hpp"

namespace strata::rules {
namespace {

using ast::lower;

bool local_host(std::string_view url) {
   url.remove_prefix(std::string_view("http://").size());
   return url.starts_with("localhost") || url.starts_with("127.") || url.starts_with("[::1]");
}

// The option that disables certificate checks, or "".
std::string insecure_option(const facts::command& c, bool pwsh) {
   const std::string name = lower(c.name);
   const bool curl = name == "curl" || name == "curl.exe";
   const bool wget = name == "wget" || name == "wget.exe";
   const bool iwr = pwsh && (name == "invoke-webrequest" || name == "iwr" || name == "invoke-restmethod" || name == "irm");
   for (std::size_t i = 1; i < c.words.size(); ++i) {
      const std::string& v = c.words[i].value;
      if (curl && (v == "--insecure" || v == "-k")) return v;
      if (curl && v.size() > 1 && v[0] == '-' && v[1] != '-') {
         for (char letter : v.substr(1)) {
            if (letter == 'k') return v;
            if (std::string_view("AbcCdDeEFHKmoPQrTuUwxXyYz").find(letter) != std::string_view::npos) break;  // takes a value
         }
      }
      if (wget && v == "--no-check-certificate") return v;
      if (iwr && lower(v) == "-skipcertificatecheck") return v;
   }
   return {};
}

void check(const engine::run_view& run, engine::context& cx) {
   const auto& f = run.facts;
   for (const auto& d : f.downloads) {
      const std::string url = lower(d.expanded_url);
      if (url.starts_with("http://") && !local_host(url) && !d.verified_by) {
         cx.report(d.url_where, fmt::format("{} downloads {} over plain HTTP and nothing verifies it: anyone on the path can change it",
                                            d.tool, d.expanded_url));
      }
   }
   for (const auto& c : f.commands) {
      const std::string option = insecure_option(c, f.shell == facts::shell_kind::pwsh);
      if (option.empty()) continue;
      cx.report(c.where, fmt::format("{} {} turns TLS certificate checks off", c.name, option));
   }
}
constexpr std::string_view tags[] = {"security", "supply-chain"};
}  // namespace

extern const engine::rule st2003{
    .id = "ST2003",
    .name = "insecure-transport",
    .default_severity = engine::severity::warning,
    .summary = "A download over plain HTTP with no verification, or with TLS certificate checks turned off",
    .help = "Use https:// and keep certificate checks on (drop -k / --no-check-certificate / -SkipCertificateCheck).",
    .aliases = {},
    .tags = tags,
    .visit = {.run = check},
};
}  // namespace strata::rules
