// `strata verify`: published history (tag pages, `docker history --no-trunc` output, image
// configs / `docker inspect`) against the Dockerfiles it was built from (verify/session.hpp).
//
//   strata verify [--library FILE...] [--source DIR] [--dockerfile FILE] [--build-arg K=V]
//                 [--target STAGE] [-f text|full|json|sarif] [check's options] HISTORY...
//
// Output: the findings of ST5001-ST5003 (and of any rule selected) as `check` writes them;
// json adds `"sections": [{"file", "index", "tag", "platform", "status", "library"?, "source"?,
// "entries": {"base", "own", "matched"}, ...}]`; text and full add one line per section and a
// side-by-side listing of each drifting section. Exit codes as `check` (2 also when a library
// file, the source tree or the Dockerfile cannot be read).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/check_command.hpp"

namespace CLI {
class App;
}

namespace strata::cli {

struct verify_options {
   check_options check;
   std::vector<std::string> libraries;
   std::string source;
   std::string dockerfile;
   // --build-arg and --target: check_options::build_args and check_options::target
};

void add_verify_options(CLI::App& cmd, verify_options& o);

[[nodiscard]] int run_verify(verify_options o);

}  // namespace strata::cli
