#!/bin/sh
# `build:go` of a Go variant: runs its `build` script again with the Go that GOTOOLCHAIN selects, into
# bin/go/<version>/ (ARENA_GO_BIN), for a bench with BENCH_GO. bin/go/ is emptied first, so turbo's
# cache entry of one toolchain never carries another toolchain's (possibly stale) binaries.
set -eu
version=$(go env GOVERSION)
rm -rf bin/go
ARENA_GO_BIN="bin/go/$version"
export ARENA_GO_BIN
exec sh -c "$(node -p 'require("./package.json").scripts.build')"
