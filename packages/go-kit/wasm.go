package kit

import (
	"fmt"
	"strings"

	"arena/workloads/registry"
)

// The wasm interface of HOSTS.md, the same for every module producer: the
// module exports the workload's Export taking (size) or (size, seed) and
// returning the first result; a workload with several results also exports
// "<Export>_result"(i), which returns result i (1-based after the first) of
// the last call in that instance.

// ResultExport is the export that returns the further results of w.
func ResultExport(w registry.Workload) string { return w.Export + "_result" }

// KernelExports is what a module must export, as functions, for w: Export,
// and ResultExport when w has more than one result.
func KernelExports(w registry.Workload) []string {
	if w.Results > 1 {
		return []string{w.Export, ResultExport(w)}
	}
	return []string{w.Export}
}

// CheckExports returns an error naming the first of KernelExports(w) that
// isFunc says the module does not export as a function.
func CheckExports(w registry.Workload, isFunc func(name string) bool) error {
	for _, name := range KernelExports(w) {
		if !isFunc(name) {
			return fmt.Errorf("it does not export a function %q (the kernel of %s)", name, w.Name)
		}
	}
	return nil
}

// Params is the kernel's arguments: (size), or (size, seed) for a seeded
// workload.
func Params(w registry.Workload, size, seed uint32) []uint32 {
	if w.Seeded {
		return []uint32{size, seed}
	}
	return []uint32{size}
}

// WasmCall calls one export of one instance with the given arguments (i32
// values as the spec's u32) and returns its one result as a float64: an i32
// read as a u32 (uint32(...)), an f64 as it is. Its error is the cause alone;
// KernelWorker names the call.
type WasmCall func(args ...uint32) (float64, error)

// KernelWorker is the Worker of one instance: it calls kernel (the export
// Export) with Params, then, for a workload with several results, result
// (ResultExport) with i = 1..Results-1, in this order, in the calling
// goroutine. An error names the call that failed, e.g.
// "nbody(20, 7) failed: <cause>" or "nbody_result(1) failed: <cause>".
// result may be nil for a workload with one result.
func KernelWorker(w registry.Workload, kernel, result WasmCall) Worker {
	return func(size, seed uint32) ([]float64, error) {
		out := make([]float64, w.Results)
		args := Params(w, size, seed)
		v, err := kernel(args...)
		if err != nil {
			return nil, fmt.Errorf("%s(%s) failed: %w", w.Export, joinArgs(args), err)
		}
		out[0] = v
		for i := 1; i < w.Results; i++ {
			if out[i], err = result(uint32(i)); err != nil {
				return nil, fmt.Errorf("%s(%d) failed: %w", ResultExport(w), i, err)
			}
		}
		return out, nil
	}
}

func joinArgs(args []uint32) string {
	s := make([]string, len(args))
	for i, a := range args {
		s[i] = fmt.Sprint(a)
	}
	return strings.Join(s, ", ")
}

// WasmNumber reads a wasm result as cgo runtimes (wasmtime-go, wasmer-go)
// return it: an int32 (an i32) as a u32, as HOSTS.md asks (uint32(...)), an
// int64 as it is, a float32 or float64 as a float64.
func WasmNumber(v any) (float64, error) {
	switch v := v.(type) {
	case int32:
		return float64(uint32(v)), nil
	case int64:
		return float64(v), nil
	case float32:
		return float64(v), nil
	case float64:
		return v, nil
	}
	return 0, fmt.Errorf("returned %T, want a number", v)
}
