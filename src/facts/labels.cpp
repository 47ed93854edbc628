#include "facts/labels.hpp"

#include <algorithm>
#include <array>

#include <re2/re2.h>

#include "parse/shell_lexer.hpp"

namespace strata::facts {

namespace {

std::string expand(const std::string& word, const ast::instruction& inst, char escape) {
   static const ast::environment none;
   parse::lex_options options;
   options.escape = escape;
   options.skip_unset_env = true;
   const auto r = parse::process_word(word, inst.variables ? *inst.variables : none, options);
   return r.error ? word : r.result;
}

bool full_match(std::string_view v, const RE2& re) {
   return RE2::FullMatch(re2::StringPiece(v.data(), v.size()), re);
}

// Common identifiers of the SPDX license list (https://spdx.org/licenses/), sorted.
constexpr std::array<std::string_view, 72> spdx_ids = {
    "0BSD",
    "AFL-3.0",
    "AGPL-1.0",
    "AGPL-3.0",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
    "Apache-1.0",
    "Apache-1.1",
    "Apache-2.0",
    "APSL-2.0",
    "Artistic-1.0",
    "Artistic-2.0",
    "BlueOak-1.0.0",
    "BSD-1-Clause",
    "BSD-2-Clause",
    "BSD-2-Clause-Patent",
    "BSD-3-Clause",
    "BSD-3-Clause-Clear",
    "BSD-4-Clause",
    "BSL-1.0",
    "BUSL-1.1",
    "CC-BY-3.0",
    "CC-BY-4.0",
    "CC-BY-SA-3.0",
    "CC-BY-SA-4.0",
    "CC0-1.0",
    "CDDL-1.0",
    "CDDL-1.1",
    "CECILL-2.1",
    "CPL-1.0",
    "ECL-2.0",
    "EFL-2.0",
    "EPL-1.0",
    "EPL-2.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "GFDL-1.3",
    "GPL-1.0",
    "GPL-2.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "HPND",
    "ISC",
    "LGPL-2.0",
    "LGPL-2.0-only",
    "LGPL-2.0-or-later",
    "LGPL-2.1",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "LPL-1.02",
    "MIT",
    "MIT-0",
    "MPL-1.1",
    "MPL-2.0",
    "MS-PL",
    "MS-RL",
    "NCSA",
    "OFL-1.1",
    "OpenSSL",
    "OSL-3.0",
    "PHP-3.01",
    "PostgreSQL",
    "Python-2.0",
    "Unlicense",
    "UPL-1.0",
    "Zlib",
};

}  // namespace

std::vector<label> labels_of(const ast::instruction& inst, char escape) {
   std::vector<label> out;
   if (inst.name != "label") return out;
   for (const auto& kv : inst.pairs) {
      label l;
      l.key = expand(kv.key, inst, escape);
      l.value = kv.has_value ? expand(kv.value, inst, escape) : std::string();
      l.key_where = kv.key_span;
      l.value_where = kv.value.empty() ? kv.key_span : kv.value_span;
      out.push_back(std::move(l));
   }
   return out;
}

bool valid_label_key(std::string_view key) {
   const auto lower_letter = [](char c) { return c >= 'a' && c <= 'z'; };
   const auto digit = [](char c) { return c >= '0' && c <= '9'; };
   if (key.empty() || !lower_letter(key.front())) return false;
   if (!lower_letter(key.back()) && !digit(key.back())) return false;
   if (!std::all_of(key.begin(), key.end(),
                    [&](char c) { return lower_letter(c) || digit(c) || c == '.' || c == '-'; }))
      return false;
   if (key.find("..") != std::string_view::npos || key.find("--") != std::string_view::npos) return false;
   for (std::string_view reserved : {"com.docker.", "io.docker.", "org.dockerproject."})
      if (key.starts_with(reserved)) return false;
   return true;
}

bool is_uri(std::string_view v) {
   static const RE2 re(R"([A-Za-z][A-Za-z0-9+.\-]*:[^\s]*)");
   return full_match(v, re);
}

bool is_rfc3339(std::string_view v) {
   static const RE2 re(
       R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d))");
   return full_match(v, re);
}

bool is_semver(std::string_view v) {
   static const RE2 re(
       R"((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?)");
   return full_match(v, re);
}

bool is_git_hash(std::string_view v) {
   return (v.size() == 7 || v.size() == 40) &&
          std::all_of(v.begin(), v.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_spdx_license_id(std::string_view v) {
   return std::find(spdx_ids.begin(), spdx_ids.end(), v) != spdx_ids.end();
}

bool is_email(std::string_view v) {
   static const RE2 re(
       R"([A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@[A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?)*)");
   return full_match(v, re);
}

}  // namespace strata::facts
