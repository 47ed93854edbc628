// Running Catch2 from a test executable's main (Catch::Session is declared only in the
// implementation file, tests/support/catch2.cpp, compiled once as strata_catch2).
#pragma once

namespace strata::test {

/// Runs the test cases linked into the executable with Catch2's command line; returns
/// Catch2's exit status (the number of failed test cases, capped at 255).
int run_catch2(int argc, char** argv);

}  // namespace strata::test
