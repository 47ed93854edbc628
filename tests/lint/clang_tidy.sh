#!/usr/bin/env bash
# ctest lint.clang-tidy: .clang-tidy (naming, cognitive complexity) holds for the facts layer,
# src/facts/*.cpp and the headers it includes from src/facts/. Usage: clang_tidy.sh BUILD_DIR
# (it needs BUILD_DIR/compile_commands.json). Exits 77 (ctest: Skipped) when clang-tidy is absent.
set -uo pipefail
build=$(readlink -f "$1")
cd "$(dirname "$0")/../.."
if ! command -v clang-tidy >/dev/null 2>&1; then
  echo "SKIPPED: clang-tidy is not installed (Debian: apt-get install clang-tidy)"; exit 77
fi
if [ ! -f "$build/compile_commands.json" ]; then
  echo "FAILED: $build/compile_commands.json is missing (configure with CMAKE_EXPORT_COMPILE_COMMANDS)"; exit 1
fi
status=0
for f in src/facts/*.cpp; do
  clang-tidy --quiet -p "$build" "$f" 2>/dev/null | grep -E 'warning:|error:' && status=1
done
[ $status = 0 ] && echo "clang-tidy: src/facts clean"
exit $status
