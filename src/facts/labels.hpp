// Labels: the LABEL pairs of a Dockerfile as the builder sets them (quotes removed, ARG/ENV
// values substituted), and the value formats of hadolint's label schema (DL3048-DL3058).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/dockerfile.hpp"

namespace strata::facts {

/// One label set by a LABEL instruction.
struct label {
   std::string key;    ///< quotes removed, variables substituted
   std::string value;  ///< quotes removed, variables substituted ("" for an empty value)
   ast::span key_where;
   ast::span value_where;  ///< the value as written (the key's span when the value is empty)
};

/// The labels of a LABEL instruction (none for other instructions). `escape`: the
/// Dockerfile's escape character.
[[nodiscard]] std::vector<label> labels_of(const ast::instruction& inst, char escape);

/// hadolint's label key rule (DL3048): starts with a-z, ends with a-z or 0-9, only a-z 0-9 `.` `-`,
/// no `..` or `--`, and not in the reserved `com.docker.`, `io.docker.`, `org.dockerproject.` namespaces.
[[nodiscard]] bool valid_label_key(std::string_view key);

/// An absolute URI: a scheme (`[A-Za-z][A-Za-z0-9+.-]*`), `:`, then no white space (RFC 3986).
[[nodiscard]] bool is_uri(std::string_view v);
/// An RFC 3339 date-time: `2024-05-01T12:00:00Z`, fractions and `+02:00` offsets allowed.
[[nodiscard]] bool is_rfc3339(std::string_view v);
/// A Semantic Versioning 2.0.0 version: `1.2.3`, `1.0.0-rc.1+build.5` (no leading zeros).
[[nodiscard]] bool is_semver(std::string_view v);
/// A git commit hash as hadolint accepts it: 7 or 40 lowercase hex digits.
[[nodiscard]] bool is_git_hash(std::string_view v);
/// A single SPDX license identifier (`MIT`, `Apache-2.0`, `GPL-3.0-or-later`), from a table of
/// the common identifiers of the SPDX license list (case-sensitive, as SPDX ids are matched).
[[nodiscard]] bool is_spdx_license_id(std::string_view v);
/// An e-mail address in RFC 5322's addr-spec form: `local@domain`, dot-atom local part and domain.
[[nodiscard]] bool is_email(std::string_view v);

}  // namespace strata::facts
