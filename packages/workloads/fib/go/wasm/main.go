// The Go-compiled wasm module of fib (GOOS=wasip1 -buildmode=c-shared): a WASI reactor exporting
// fibonacci, the naive recursion of ../../README.md written out here (not fib.Fib) so that the
// module's code is the recursion itself, as packages/kernels/README.md dissects it.
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
