#!/bin/sh
# Builds bin/go-wasmer and puts next to it a copy of the libwasmer.so that
# wasmer-go v1.0.4 ships inside its module. The binary's RUNPATH starts with
# $ORIGIN, so it loads bin/libwasmer.so from any working directory, without
# LD_LIBRARY_PATH and without the Go module cache.
set -eu
cd "$(dirname "$0")"
go build -trimpath -ldflags='-r $ORIGIN' -o bin/go-wasmer .
lib="$(go list -m -f '{{.Dir}}' github.com/wasmerio/wasmer-go)/wasmer/packaged/lib/linux-amd64/libwasmer.so"
install -m 0644 "$lib" bin/libwasmer.so
