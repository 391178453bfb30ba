#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs what the browser tests need when it is
# missing (Debian's Chromium and CJK fonts, Node.js and npm, the npm packages pinned in
# tests/browser/package-lock.json), then runs every test binary — a failing one never hides the
# others. Extra arguments go to `cargo test` (e.g. ./test.sh --release, ./test.sh --test safety).
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
  need+=(fonts-noto-cjk)
fi
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "test.sh: please install ${need[*]} (the browser tests need them); running the tests anyway" >&2
  fi
fi

if command -v npm >/dev/null 2>&1 && { [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; }; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi

exec cargo test --no-fail-fast "$@"
