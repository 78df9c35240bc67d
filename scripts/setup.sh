#!/usr/bin/env bash
# Installs what bench-arena needs on a fresh Debian machine, then the workspace's dependencies.
#   bash scripts/setup.sh          tools for building and benchmarking
#   bash scripts/setup.sh --test   also what the tests need (headless Chromium for the report test)
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

say() { printf '[setup] %s\n' "$*" >&2; }

# binaryen: clang runs wasm-opt when it finds it; installing it keeps clang.wasm the same on every machine.
apt_packages=(hyperfine clang lld wasi-libc libclang-rt-dev-wasm32 binaryen wabt)
((want_test)) && apt_packages+=(chromium)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing system packages: ${missing[*]}"
    say "install them with: sudo apt-get install ${missing[*]}"
    exit 1
  fi
fi

if ! command -v go >/dev/null; then
  say "Go 1.24+ is required (go.dev/dl); it is not on PATH"; exit 1
fi
go_minor=$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')
if ((go_minor < 24)); then
  say "Go 1.24+ is required for //go:wasmexport; found $(go env GOVERSION)"; exit 1
fi

if [[ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
  say "installing pnpm $PNPM_VERSION"
  npm install -g -E "pnpm@$PNPM_VERSION" >/dev/null
fi

export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
pnpm exec turbo telemetry disable >/dev/null 2>&1 || true
say "ready"
