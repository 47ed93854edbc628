#!/usr/bin/env bash
# `cmake --install BUILD --prefix TMP`, then the installed strata checks a Dockerfile from standard
# input, and the man page and completions are in place. Usage: install_test.sh BUILD_DIR
set -euo pipefail
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$1" --prefix "$prefix" >/dev/null
set +e
out="$(printf 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n' | "$prefix/bin/strata" check -)"
status=$?
set -e
echo "$out"
[ "$status" -eq 1 ] || { echo "FAIL: exit $status, not 1"; exit 1; }
grep -q '^-:2:.*DL3008' <<<"$out" || { echo "FAIL: no DL3008 on standard input"; exit 1; }
for f in share/man/man1/strata.1 share/bash-completion/completions/strata share/zsh/site-functions/_strata; do
  [ -s "$prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
grep -q '^\.TH STRATA 1' "$prefix/share/man/man1/strata.1" || { echo "FAIL: not a man page"; exit 1; }
echo PASS
