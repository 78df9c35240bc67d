#!/usr/bin/env bash
# Installs what bench-arena needs on a fresh Debian or Ubuntu machine, then the workspace's dependencies.
#   bash scripts/setup.sh          tools for building, benchmarking and counting (valgrind)
#   bash scripts/setup.sh --test   also what the tests need: headless Chromium (the report test),
#                                  for scripts/workflow.test.ts the linters actionlint and
#                                  ShellCheck, and sudo; Bun and Deno for the conformance suite
# Runs as root, or as a user with passwordless sudo (a GitHub runner): apt-get then goes through
# `sudo -n`. Without either, it prints the apt-get command to run and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
ACTIONLINT_VERSION=v1.7.12
want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

say() { printf '[setup] %s\n' "$*" >&2; }

# How to run a command as root here: directly, through passwordless sudo, or not at all (returns 1).
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}
# Whether this user can create or change the path (the nearest existing ancestor when it is missing).
writable() { [[ -w "$1" ]] || { [[ ! -e "$1" && "$1" != / ]] && writable "$(dirname "$1")"; }; }
can_be_root() { [[ $(id -u) -eq 0 ]] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; }

# binaryen: clang runs wasm-opt when it finds it; installing it keeps clang.wasm the same on every machine.
apt_packages=(hyperfine clang lld wasi-libc libclang-rt-dev-wasm32 binaryen wabt valgrind)
((want_test)) && apt_packages+=(chromium shellcheck sudo)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null && can_be_root; then
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
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

# Rust is an optional wasm producer (packages/kernels/producers/rust.ts): add its target where rustup
# exists. Without rustup, or when the download fails, the kernels build skips rust with the reason.
if command -v rustup >/dev/null; then
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-wasip1; then
    say "adding the Rust target wasm32-wasip1"
    rustup target add wasm32-wasip1 >/dev/null 2>&1 || say "rustup target add wasm32-wasip1 failed: the rust modules will be skipped"
  fi
else
  say "rustup not found: the rust modules will be skipped (rustup.rs installs Rust)"
fi

if [[ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
  prefix=$(npm prefix -g)
  if writable "$prefix/lib/node_modules" && writable "$prefix/bin"; then
    # root, or a Node whose global prefix belongs to this user (nvm, actions/setup-node)
    say "installing pnpm $PNPM_VERSION"
    npm install -g -E "pnpm@$PNPM_VERSION" >/dev/null
  elif can_be_root; then
    # sudo resets the environment: keep the caller's PATH (this npm and its node) and the prefix.
    say "installing pnpm $PNPM_VERSION into $prefix (sudo)"
    as_root env "PATH=$PATH" npm install -g -E --prefix "$prefix" "pnpm@$PNPM_VERSION" >/dev/null
  else
    prefix="$HOME/.local"
    say "installing pnpm $PNPM_VERSION into $prefix (npm's global prefix is not writable and there is no passwordless sudo)"
    npm install -g -E --prefix "$prefix" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$prefix/bin:$PATH"
    [[ -n "${GITHUB_PATH:-}" ]] && echo "$prefix/bin" >>"$GITHUB_PATH"
    say "add $prefix/bin to PATH to use it outside this script"
  fi
  hash -r
  if [[ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]]; then
    say "pnpm $PNPM_VERSION was installed, but \`pnpm\` on PATH is $(command -v pnpm || echo missing) ($(pnpm --version 2>/dev/null || echo none))"
    exit 1
  fi
fi

if ((want_test)); then
  # actionlint checks .github/workflows (and shellcheck's findings in their run: blocks); it goes to
  # $(go env GOPATH)/bin, where scripts/workflow.test.ts looks for it when it is not on PATH.
  gobin="$(go env GOPATH)/bin"
  if [[ "$("$gobin/actionlint" -version 2>/dev/null | head -n 1)" != "$ACTIONLINT_VERSION" ]]; then
    say "installing actionlint $ACTIONLINT_VERSION into $gobin"
    GOBIN="$gobin" go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
  fi
fi

export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
pnpm exec turbo telemetry disable >/dev/null 2>&1 || true
if ((want_test)); then
  # Bun and Deno from the npm registry into .cache/runtimes/, as a BENCH_JS bench installs them: the
  # conformance suite checks the Node-style variants on every runtime installed there.
  pnpm exec tsx scripts/install-js.ts bun,deno
fi
say "ready"
