#!/bin/sh
# Builds bin/go-wasmer (or $ARENA_GO_BIN/go-wasmer: build:go) and puts next to it a copy of the libwasmer.so that
# wasmer-go v1.0.4 ships inside its module. The binary's RUNPATH starts with
# $ORIGIN, so it loads bin/libwasmer.so from any working directory, without
# LD_LIBRARY_PATH and without the Go module cache.
set -eu
cd "$(dirname "$0")"
out=${ARENA_GO_BIN:-bin}
# The module ships linux-amd64 and linux-aarch64 libraries, but its cgo.go links only the first
# (the linux,arm64 LDFLAGS line is commented out, wasmer-go#281): name the directory ourselves.
case "$(go env GOARCH)" in
  amd64) arch=linux-amd64 ;;
  arm64) arch=linux-aarch64 ;;
  *) echo "go-wasmer: wasmer-go v1.0.4 ships no library for linux/$(go env GOARCH)" >&2; exit 1 ;;
esac
go mod download github.com/wasmerio/wasmer-go
libdir="$(go list -m -f '{{.Dir}}' github.com/wasmerio/wasmer-go)/wasmer/packaged/lib/$arch"
CGO_LDFLAGS="-L$libdir ${CGO_LDFLAGS:-}" go build -trimpath -ldflags='-r $ORIGIN' -o "$out/go-wasmer" .
install -m 0644 "$libdir/libwasmer.so" "$out/libwasmer.so"
