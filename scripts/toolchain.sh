#!/usr/bin/env bash
# Runs its arguments with ARENA_TOOLCHAIN set to a fingerprint of the compilers the builds use, so
# that turbo's cache key of the tasks that declare it (the kernels, the Go and C variants) changes
# when Go, the C compilers, binaryen or any declared wasm producer's compiler change:
#   bash scripts/toolchain.sh turbo run build      what `pnpm build`, `pnpm test` and `pnpm turbo` do
#   bash scripts/toolchain.sh                      prints the fingerprint
# A tool that is not installed is recorded as "none" (the build that needs it says so when it fails).
# The fingerprint is computed on every call: a value inherited from the environment is replaced.
set -euo pipefail

# An unknown BENCH_* variable stops here, before turbo starts: turbo passes a task only the variables
# turbo.json declares, so a misspelt one (BENCH_WORKLOAD=fib) would be dropped in silence and the bench
# would run every workload. packages/suite/src/variables.ts is the list; the check prints one
# `error:` line and exits 2. Only when some BENCH_* (any case) is set, so a plain build pays nothing.
if (($# > 0)) && [[ -n "$(compgen -e | grep -i '^bench_' || true)" ]]; then
  (cd "$(dirname "${BASH_SOURCE[0]}")/.." && node --import tsx packages/suite/src/check-variables.ts)
fi

# The first line a command prints, or "none" when the tool is missing or fails.
first_line() {
  command -v "$1" >/dev/null 2>&1 || { echo none; return; }
  local out
  out=$("$@" 2>&1) || { echo none; return; }
  printf '%s\n' "${out%%$'\n'*}"
}

fingerprint() {
  local cgo_cc=none
  if command -v go >/dev/null 2>&1; then
    # cgo (go-wasmer, go-wasmtime) compiles and links with $(go env CC).
    local cc
    cc=$(go env CC 2>/dev/null || true)
    [[ -n "$cc" ]] && cgo_cc=$(first_line "${cc%% *}" --version)
  fi
  # The wasm producers' versions come from their declarations (packages/kernels/producers/), so a
  # new producer needs no edit here. Go's probe is `go env GOVERSION`: the Go that GOTOOLCHAIN selects.
  local producers
  producers=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && node --import tsx packages/kernels/scripts/fingerprint.ts) || producers=producers=unknown
  printf 'cgo-cc=%s;%s\n' "$cgo_cc" "$producers"
}

ARENA_TOOLCHAIN=$(fingerprint)
export ARENA_TOOLCHAIN
if (($# == 0)); then
  printf '%s\n' "$ARENA_TOOLCHAIN"
  exit 0
fi
exec "$@"
