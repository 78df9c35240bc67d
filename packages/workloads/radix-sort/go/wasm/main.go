// The Go-compiled wasm module of radix-sort (GOOS=wasip1 -buildmode=c-shared): the wasm interface of
// ../../README.md around the Go kernel.
package main

import radixsort "arena/workloads/radix-sort/go"

//go:wasmexport radix_sort
func radixSortExport(size, seed uint32) uint32 {
	return radixsort.RadixSort(size, seed)
}

func main() {}
