#!/usr/bin/env bash
# SARIF of the seeds must pass ../shared/tools/sarif/validate.sh --github.
# Exits 77 (ctest: skipped) when ../shared or node is not available.
set -u
strata="$1"
shared="$(pwd)/../shared"
if [ ! -d "$shared/corpus/seeds" ] || [ ! -x "$shared/tools/sarif/validate.sh" ] && [ ! -f "$shared/tools/sarif/validate.sh" ]; then
  echo "SKIPPED: ../shared is not present beside the checkout" >&2
  exit 77
fi
if ! command -v node >/dev/null 2>&1; then
  echo "SKIPPED: node is not installed (the SARIF validator needs it)" >&2
  exit 77
fi
out="$(mktemp "${TMPDIR:-/tmp}/strata-seeds.XXXXXX.sarif")"
trap 'rm -f "$out"' EXIT
"$strata" check --format sarif --exit-zero "$shared/corpus/seeds" "corpus" > "$out" || exit 1
bash "$shared/tools/sarif/validate.sh" --github "$out"
