// What `strata verify` compares a published history with (see verify/session.hpp): given on
// the command line (`--library`, `--source`, `--dockerfile`, `--build-arg`, `--target`) or in
// the config file's `verify:` section (paths relative to the config file).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace strata::verify {

struct settings {
   std::vector<std::string> libraries;  ///< official-images `library/<repo>` files
   std::string source;                  ///< the source tree ("" when none)
   std::string dockerfile;              ///< a Dockerfile compared with every history ("" when none)
   std::map<std::string, std::string> build_args;
   std::optional<std::string> target;  ///< the build stage (default: the last one)
};

}  // namespace strata::verify
