// The Go-compiled wasm module of nbody (GOOS=wasip1 -buildmode=c-shared): the wasm interface of
// ../../README.md around the Go kernel.
package main

import nbody "arena/workloads/nbody/go"

var last [2]float64

//go:wasmexport nbody
func nbodyExport(steps, seed uint32) float64 {
	last[0], last[1] = nbody.Nbody(steps, seed)
	return last[0]
}

//go:wasmexport nbody_result
func nbodyResult(i uint32) float64 {
	if i < 2 {
		return last[i]
	}
	return 0
}

func main() {}
