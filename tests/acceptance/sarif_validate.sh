#!/usr/bin/env bash
# SARIF of ../shared/corpus/seeds, corpus/ and ../shared/corpus/dockerfiles-bench (one log each)
# must pass ../shared/tools/sarif/validate.sh --github --strict: no error and no warning.
# Exits 77 (ctest: skipped) when ../shared or node is not available.
set -u
strata="$1"
shared="$(pwd)/../shared"
if [ ! -d "$shared/corpus/seeds" ] || [ ! -f "$shared/tools/sarif/validate.sh" ]; then
  echo "SKIPPED: ../shared is not present beside the checkout" >&2
  exit 77
fi
if ! command -v node >/dev/null 2>&1; then
  echo "SKIPPED: node is not installed (the SARIF validator needs it)" >&2
  exit 77
fi
dir="$(mktemp -d "${TMPDIR:-/tmp}/strata-sarif.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
logs=()
# One log per input set; dockerfiles-bench is split in two halves of its directories, since the
# multitool skips a log over 10 MB.
bench="$shared/corpus/dockerfiles-bench"
mapfile -t bench_dirs < <(find "$bench" -mindepth 1 -maxdepth 1 -type d | sort)
half=$(( (${#bench_dirs[@]} + 1) / 2 ))
sets=("$shared/corpus/seeds" "corpus" "${bench_dirs[*]:0:$half}" "${bench_dirs[*]:$half}")
names=(seeds corpus dockerfiles-bench-1 dockerfiles-bench-2)
for i in "${!sets[@]}"; do
  read -r -a inputs <<< "${sets[$i]}"
  [ ${#inputs[@]} -gt 0 ] && [ -e "${inputs[0]}" ] || continue
  out="$dir/${names[$i]}.sarif"
  # exit status 2 is an input that could not be read: still a log to validate (a notification)
  "$strata" check --format sarif --exit-zero "${inputs[@]}" > "$out"
  status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    echo "strata check failed on ${names[$i]} (exit $status)" >&2
    exit 1
  fi
  logs+=("$out")
done
bash "$shared/tools/sarif/validate.sh" --github --strict "${logs[@]}"
