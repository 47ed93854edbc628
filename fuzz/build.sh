#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz/ (ASan + UBSan +
# coverage instrumentation everywhere, tests off, no -Werror) and prepares the
# seed corpora under build-fuzz/seeds/.
#   bash fuzz/build.sh            (env: STRATA_FUZZ_BUILD_DIR, CC, CXX, JOBS)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STRATA_FUZZ_BUILD_DIR:-$root/build-fuzz}"
export CC="${CC_FUZZ:-clang}" CXX="${CXX_FUZZ:-clang++}"

if ! command -v "$CXX" >/dev/null; then
   echo "fuzz/build.sh: $CXX not found (libFuzzer needs clang; apt-get install clang libclang-rt-dev)" >&2
   exit 1
fi

generator=()
if command -v ninja >/dev/null && [[ ! -f "$build/CMakeCache.txt" ]]; then generator=(-G Ninja); fi

# RelWithDebInfo without -DNDEBUG: assertions stay on while fuzzing.
cmake -S "$root" -B "$build" "${generator[@]}" \
   -DCMAKE_BUILD_TYPE=RelWithDebInfo \
   "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g" \
   -DSTRATA_FUZZ=ON \
   -DSTRATA_BUILD_TESTS=OFF \
   -DSTRATA_WERROR=OFF \
   -DSTRATA_SANITIZE=OFF
cmake --build "$build" --target fuzzers --parallel "${JOBS:-$(nproc)}"

bash "$root/fuzz/seeds.sh"
echo "fuzzers: $build/fuzz/dockerfile_fuzzer $build/fuzz/tag_page_fuzzer $build/fuzz/history_fuzzer $build/fuzz/sh_fuzzer $build/fuzz/pwsh_fuzzer"
