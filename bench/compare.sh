#!/usr/bin/env bash
# Whole-process timings of strata against its peers on the shared corpora, in one run, and the
# ratios issue 20 asks for:
#   - the 856 bench Dockerfiles: strata check vs dockerfilelint (one process, every file);
#   - the 3,256 tag pages of repo-info-2018: strata check vs `find ... | xargs wc -l` (the cost of
#     reading the input);
#   - one small Dockerfile: strata vs dockerfilelint;
#   - peak RSS of strata on each corpus (GNU time, the largest of 3 runs).
#
#   bash bench/compare.sh [RUNS=10]     env: STRATA (default build-release/strata, built if missing),
#                                       SHARED (default ../shared), PEERS_DIR (default /tmp/strata-peers),
#                                       JOBS (strata -j; default: one per core)
#
# The peers are the npm packages of ../shared/tools/peers (package-lock.json), installed with `npm ci`
# into PEERS_DIR: ../shared is read-only. Every timed command writes its output to a file, as
# ../shared/tools/peers/bench.sh does (through a pipe dockerfilelint stops at 64 KiB). Timer:
# hyperfine (median wall time of RUNS runs after one warm-up).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
shared="$(cd "${SHARED:-$root/../shared}" && pwd)"
strata="${STRATA:-$root/build-release/strata}"
peers="${PEERS_DIR:-/tmp/strata-peers}"
out="$(mktemp -d /tmp/strata-compare.XXXXXX)"
jobs=()
[[ -n "${JOBS:-}" ]] && jobs=(-j "$JOBS")

command -v hyperfine >/dev/null || { echo "bench/compare.sh: hyperfine missing (apt-get install hyperfine)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench/compare.sh: GNU time missing (apt-get install time)" >&2; exit 2; }
if [[ ! -x "$strata" ]]; then
   cmake --preset release >/dev/null && cmake --build --preset release -j "$(nproc)" --target strata >/dev/null
fi
if [[ ! -x "$peers/node_modules/.bin/dockerfilelint" ]]; then
   mkdir -p "$peers"
   cp "$shared/tools/peers/package.json" "$shared/tools/peers/package-lock.json" "$peers/"
   (cd "$peers" && npm ci --no-audit --no-fund --silent >/dev/null)
fi
dockerfilelint="$peers/node_modules/.bin/dockerfilelint"

bench="$shared/corpus/dockerfiles-bench"
pages="$shared/corpus/repo-info-2018"
small="$bench/docker-library+memcached/1/alpine/Dockerfile"
find "$bench" -type f ! -name MANIFEST.md | LC_ALL=C sort > "$out/bench-files.txt"
mapfile -t bench_files < "$out/bench-files.txt"
export SINK="$out/sink.out"

# median TIMER-LABEL CMD...: the median wall time in seconds of CMD (output to $SINK)
median() {
   local label="$1"; shift
   hyperfine --shell=bash --style none --runs "$runs" --warmup 1 --ignore-failure --export-json "$out/$label.json" \
      -- "$(printf '%q ' "$@") > \"\$SINK\" 2>&1" >/dev/null
   python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$out/$label.json"
}
# peak CMD...: the largest RSS in MB of 3 runs
peak() {
   local most=0 kb
   for _ in 1 2 3; do
      /usr/bin/time -o "$out/rss" -f %M "$@" > "$SINK" 2>&1 || true
      kb=$(tail -n 1 "$out/rss")
      (( kb > most )) && most=$kb
   done
   echo $(( (most + 1023) / 1024 ))
}

echo "# $(nproc) cores; $("$strata" --version | head -1); dockerfilelint $(node -p "require('$peers/node_modules/dockerfilelint/package.json').version"); runs: $runs"
s_bench=$(median strata-bench "$strata" check "${jobs[@]}" --exit-zero "$bench")
d_bench=$(median dockerfilelint-bench "$dockerfilelint" -o json "${bench_files[@]}")
s_pages=$(median strata-pages "$strata" check "${jobs[@]}" --exit-zero "$pages")
w_pages=$(median wc-pages sh -c "find '$pages' -type f -print0 | xargs -0 wc -l")
s_small=$(median strata-small "$strata" check --exit-zero "$small")
d_small=$(median dockerfilelint-small "$dockerfilelint" -o json "$small")
m_bench=$(peak "$strata" check "${jobs[@]}" --exit-zero "$bench")
m_pages=$(peak "$strata" check "${jobs[@]}" --exit-zero "$pages")

python3 - "$s_bench" "$d_bench" "$s_pages" "$w_pages" "$s_small" "$d_small" "$m_bench" "$m_pages" <<'EOF'
import sys
sb, db, sp, wp, ss, ds = map(float, sys.argv[1:7])
mb, mp = sys.argv[7:9]
rows = [
    ("bench Dockerfiles (856)", f"{sb:.3f} s", f"dockerfilelint {db:.3f} s", f"{db / sb:.1f}x faster", "goal >= 10x"),
    ("repo-info-2018 (3,256 pages)", f"{sp:.3f} s", f"find, xargs wc -l: {wp:.3f} s", f"{sp / wp:.1f}x wc's time", "goal <= 10x"),
    ("one small Dockerfile", f"{ss * 1000:.1f} ms", f"dockerfilelint {ds * 1000:.0f} ms", f"{ds / ss:.0f}x faster", "goal <= 5 ms"),
    ("peak RSS", f"bench {mb} MB", f"repo-info-2018 {mp} MB", "", "goal <= 64 MB"),
]
print("| case | strata | peer | ratio | goal |")
print("|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
EOF
rm -rf "$out"
