#!/usr/bin/env bash
# A real `pre-commit run --all-files` in a scratch repository whose .pre-commit-config.yaml uses this
# repository's hook manifest (.pre-commit-hooks.yaml) at HEAD: the Dockerfile's finding is reported,
# README.md is left alone. Skipped (exit 77) without Debian's pre-commit or when the source is no git
# checkout with a commit. Usage: pre_commit_test.sh STRATA_BINARY SOURCE_DIR
set -euo pipefail
strata="$1"
source_dir="$2"
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "SKIP: pre-commit is not installed (Debian package pre-commit)"
  exit 77
fi
rev="$(git -C "$source_dir" rev-parse HEAD 2>/dev/null || true)"
if [ -z "$rev" ] || ! git -C "$source_dir" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null; then
  echo "SKIP: $source_dir has no committed .pre-commit-hooks.yaml"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" HOME="$work/home" PATH="$(dirname "$strata"):$PATH"
mkdir -p "$HOME" "$work/repo"
cd "$work/repo"
git init -q .
git config user.email test@example.com
git config user.name test
printf 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n' > Dockerfile
printf '# A project\n\nIt builds an image.\n' > README.md
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $source_dir
    rev: $rev
    hooks:
      - id: strata
YAML
git add -A
git commit -qm init
set +e
out="$(pre-commit run --all-files 2>&1)"
status=$?
set -e
echo "$out"
[ "$status" -ne 0 ] || { echo "FAIL: the hook passed on a Dockerfile with findings"; exit 1; }
grep -q 'Dockerfile:2:.*DL3008' <<<"$out" || { echo "FAIL: no DL3008 finding for the Dockerfile"; exit 1; }
if grep -q 'README.md' <<<"$out"; then echo "FAIL: README.md was linted"; exit 1; fi
echo "PASS"
