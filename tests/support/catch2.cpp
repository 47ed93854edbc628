// Catch2's implementation, compiled once (OBJECT library strata_catch2) and linked into
// every test executable. CATCH_CONFIG_RUNNER: the implementation without a main; the
// executables bring theirs (tests/support/main.cpp, or the acceptance one that skips)
// and run the tests through run_catch2.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "support/catch2.hpp"

namespace strata::test {
int run_catch2(int argc, char** argv) {
   return Catch::Session().run(argc, argv);
}
}  // namespace strata::test
