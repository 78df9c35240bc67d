#!/bin/sh
# Builds bin/go-wasmer (or $ARENA_GO_BIN/go-wasmer: build:go) and puts next to it a copy of the libwasmer.so that
# wasmer-go v1.0.4 ships inside its module. The binary's RUNPATH starts with
# $ORIGIN, so it loads bin/libwasmer.so from any working directory, without
# LD_LIBRARY_PATH and without the Go module cache.
set -eu
cd "$(dirname "$0")"
out=${ARENA_GO_BIN:-bin}
go build -trimpath -ldflags='-r $ORIGIN' -o "$out/go-wasmer" .
lib="$(go list -m -f '{{.Dir}}' github.com/wasmerio/wasmer-go)/wasmer/packaged/lib/linux-amd64/libwasmer.so"
install -m 0644 "$lib" "$out/libwasmer.so"
