#!/usr/bin/env bash
# Runs one fuzzer for a while and prints how many inputs it executed.
#   bash fuzz/run.sh dockerfile|tag_page|history|sh|pwsh [SECONDS=60] [extra libFuzzer flags...]
# New corpus entries go to build-fuzz/corpus/TARGET/ (kept between runs), seeds
# are read from build-fuzz/seeds/TARGET/ (fuzz/seeds.sh), crashes, leaks and
# timeouts are written to build-fuzz/artifacts/TARGET/, the log to
# build-fuzz/logs/TARGET.log. Later flags override earlier ones (-max_len=4096).
# STRATA_FUZZ_TEXT_ONLY=1 skips inputs with a NUL byte or invalid UTF-8 (what the
# CLI never parses), to look past a known crash on such input.
# Reproduce a crash: build-fuzz/fuzz/TARGET_fuzzer build-fuzz/artifacts/TARGET/crash-...
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STRATA_FUZZ_BUILD_DIR:-$root/build-fuzz}"
target="${1:?usage: fuzz/run.sh dockerfile|tag_page|history|sh|pwsh [SECONDS] [libFuzzer flags...]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))

case "$target" in
   dockerfile|tag_page|history|sh|pwsh) ;;
   *) echo "fuzz/run.sh: unknown target '$target' (dockerfile, tag_page, history, sh, pwsh)" >&2; exit 2 ;;
esac
exe="$build/fuzz/${target}_fuzzer"
[[ -x "$exe" ]] || { echo "fuzz/run.sh: $exe missing; run fuzz/build.sh first" >&2; exit 1; }
[[ -d "$build/seeds/$target" ]] || bash "$root/fuzz/seeds.sh"

corpus="$build/corpus/$target"
artifacts="$build/artifacts/$target"
log="$build/logs/$target.log"
mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

start=$SECONDS
set +e
"$exe" "$corpus" "$build/seeds/$target" \
   -dict="$root/fuzz/$target.dict" \
   -max_total_time="$seconds" \
   -timeout=10 \
   -rss_limit_mb=2048 \
   -max_len=65536 \
   -artifact_prefix="$artifacts/" \
   -print_final_stats=1 \
   "$@" 2>&1 | tee "$log" | grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^==[0-9]+==|^SUMMARY|^ +what\(\)|Test unit written|^stat::'
status=${PIPESTATUS[0]}
set -e
elapsed=$(( SECONDS - start ))

runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
echo "----"
if [[ -n "$runs" ]]; then
   echo "$target: $runs executions in ${elapsed}s wall (libFuzzer average: ${rate:-?} exec/s)"
fi
if (( status != 0 )); then
   echo "$target: fuzzer exited with status $status; see $log and $artifacts/" >&2
fi
exit "$status"
