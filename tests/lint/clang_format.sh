#!/usr/bin/env bash
# ctest lint.clang-format: every C++ source of the project is formatted as .clang-format says
# (clang-format 14, Debian 12). Exits 77 (ctest: Skipped) when clang-format 14 is absent.
# Fix with: clang-format -i $(git ls-files '*.cpp' '*.hpp')
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! command -v clang-format >/dev/null 2>&1; then
  echo "SKIPPED: clang-format is not installed (Debian: apt-get install clang-format)"; exit 77
fi
major=$(clang-format --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
if [ "$major" != 14 ]; then
  echo "SKIPPED: clang-format $major found; the style is pinned to clang-format 14"; exit 77
fi
mapfile -t files < <(find grammar src rules tests bench fuzz -name '*.cpp' -o -name '*.hpp' | grep -v '/dockerfile-dump/' | sort)
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/strata-clang-format.$$; then
  grep -o '^[^:]*:[0-9]*:[0-9]*' /tmp/strata-clang-format.$$ | head -40
  echo "FAILED: $(grep -c 'error:' /tmp/strata-clang-format.$$) places not formatted; run: clang-format -i <file>"
  rm -f /tmp/strata-clang-format.$$; exit 1
fi
rm -f /tmp/strata-clang-format.$$
echo "clang-format: ${#files[@]} files formatted"
