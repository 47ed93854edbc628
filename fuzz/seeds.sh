#!/usr/bin/env bash
# Fills build-fuzz/seeds/{dockerfile,tag_page,history,sh,pwsh}/ with seed inputs (copies; the repo
# and /work/shared are never written): corpus/, rules/*/*.fail* and *.pass*
# fixtures, and, when /work/shared exists, a sample of its Dockerfile bench and
# repo-info tag pages. Files are named by content hash, so duplicates collapse.
#   fuzz/seeds.sh                    (env: STRATA_FUZZ_BUILD_DIR, STRATA_FUZZ_SAMPLE=200,
#                                     STRATA_FUZZ_SHARED=/work/shared, STRATA_FUZZ_MAX_SEED=65536)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STRATA_FUZZ_BUILD_DIR:-$root/build-fuzz}"
shared="${STRATA_FUZZ_SHARED:-$(cd "$root/.." && pwd)/shared}"
sample="${STRATA_FUZZ_SAMPLE:-200}"
max_seed="${STRATA_FUZZ_MAX_SEED:-65536}"   # bytes; larger seeds slow every mutation

seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/dockerfile" "$seeds/tag_page" "$seeds/history" "$seeds/sh" "$seeds/pwsh"

# add TARGET FILE...: copy files no larger than max_seed into seeds/TARGET.
add() {
   local target="$1"; shift
   local f
   for f in "$@"; do
      [[ -f "$f" ]] || continue
      (( $(stat -c %s "$f") <= max_seed )) || continue
      cp "$f" "$seeds/$target/$(sha1sum "$f" | cut -c1-40)"
   done
}

shopt -s nullglob
# The project's own inputs: Dockerfiles (and the binary ST0003 fixture) vs tag pages (.md).
mapfile -t own < <(find "$root/corpus" -type f ! -name README.md; ls "$root"/rules/*/*.fail* "$root"/rules/*/*.pass*)
for f in "${own[@]}"; do
   case "$f" in
      *.md) add tag_page "$f" ;;
      *) add dockerfile "$f" ;;
   esac
done
# The other history documents: strata's own fixtures of every kind but tag pages.
mapfile -t docs < <(find "$root/tests/fixtures" -type f ! -name README.md ! -path '*/tag-pages/*' | LC_ALL=C sort)
add history "${docs[@]}" "$root"/rules/ST0002/*library*

if [[ -d "$shared/corpus" ]]; then
   if [[ -d "$shared/corpus/dockerfiles-bench" ]]; then
      mapfile -t bench < <(find "$shared/corpus/dockerfiles-bench" -type f ! -name MANIFEST.md | LC_ALL=C sort)
      step=$(( ${#bench[@]} / (sample > 0 ? sample : 1) ))
      (( step > 0 )) || step=1
      picked=()
      for (( i = 0; i < ${#bench[@]} && ${#picked[@]} < sample; i += step )); do picked+=("${bench[i]}"); done
      add dockerfile "${picked[@]}"
      # RUN bodies: whole Dockerfiles are close enough to seed the shell grammars
      add sh "${picked[@]}"
      mapfile -t windows < <(grep -l 'SHELL \["powershell' "${bench[@]}" || true)
      add pwsh "${windows[@]}"
   fi
   if [[ -d "$shared/corpus/repo-info" ]]; then
      mapfile -t pages < <(find "$shared/corpus/repo-info" -type f ! -name MANIFEST.md | LC_ALL=C sort)
      add tag_page "${pages[@]}"
      add history "${pages[@]}"   # local/ pages; the E0 page is above the size limit
   fi
   if [[ -d "$shared/corpus/official-images" ]]; then
      mapfile -t libs < <(find "$shared/corpus/official-images" -type f ! -name MANIFEST.md | LC_ALL=C sort)
      add history "${libs[@]}" "$shared/corpus/seeds/004_29fe9165eda10bd8.txt"
   fi
fi

# The project's own Dockerfiles seed the shell grammars too.
mapfile -t own_dockerfiles < <(find "$root/corpus/dockerfiles" -type f | LC_ALL=C sort)
add sh "${own_dockerfiles[@]}"
for t in dockerfile tag_page history sh pwsh; do
   echo "seeds/$t: $(find "$seeds/$t" -type f | wc -l) files"
done
