// Package main is the Go kernel: a WASI reactor exporting fibonacci.
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -o ../dist/go.wasm .
//
// Hosts must call the exported _initialize once before fibonacci.
package main

//go:wasmexport fibonacci
func fibonacci(n uint32) uint32 {
	if n == 0 {
		return 0
	}
	if n == 1 {
		return 1
	}
	return fibonacci(n-1) + fibonacci(n-2)
}

// main is required by package main but never runs in a reactor (c-shared) build.
func main() {}
