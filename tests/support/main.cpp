// The main of strata_tests (Catch2's implementation is tests/support/catch2.cpp).
#include "support/catch2.hpp"

int main(int argc, char** argv) {
   return strata::test::run_catch2(argc, argv);
}
