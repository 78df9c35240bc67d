package kit

import (
	"fmt"
	"strings"

	"arena/workloads/registry"
	"arena/workloads/stream"
)

// The wasm interface of HOSTS.md, the same for every module producer: the
// module exports the workload's Export taking (size) or (size, seed) and
// returning the first result; a workload with several results also exports
// "<Export>_result"(i), which returns result i (1-based after the first) of
// the last call in that instance.

// ResultExport is the export that returns the further results of w.
func ResultExport(w registry.Workload) string { return w.Export + "_result" }

// Streamed tells whether w takes its input as a stream of chunks
// (HOSTS.md, "Streamed input"): then Export is called once per chunk.
func Streamed(w registry.Workload) bool { return w.ChunkBytes > 0 }

// The further exports of a streamed workload.
func BufferExport(w registry.Workload) string { return w.Export + "_buffer" }
func BeginExport(w registry.Workload) string  { return w.Export + "_begin" }
func EndExport(w registry.Workload) string    { return w.Export + "_end" }

// MemoryExport is the linear memory a host copies chunks into: the name
// every producer (clang, Go, AssemblyScript) gives it.
const MemoryExport = "memory"

// KernelExports is what a module must export, as functions, for w: Export,
// for a streamed workload BufferExport, BeginExport and EndExport too, and
// ResultExport when w has more than one result.
func KernelExports(w registry.Workload) []string {
	names := []string{w.Export}
	if Streamed(w) {
		names = append(names, BufferExport(w), BeginExport(w), EndExport(w))
	}
	if w.Results > 1 {
		names = append(names, ResultExport(w))
	}
	return names
}

// ValueExports is those of KernelExports(w) whose one result a host reads:
// all but a streamed workload's BeginExport and Export, which return nothing.
func ValueExports(w registry.Workload) []string {
	if !Streamed(w) {
		return KernelExports(w)
	}
	names := []string{BufferExport(w), EndExport(w)}
	if w.Results > 1 {
		names = append(names, ResultExport(w))
	}
	return names
}

// CheckExports returns an error naming the first of KernelExports(w) that
// isFunc says the module does not export as a function or, for a streamed
// workload, MemoryExport when isMemory says it is not an exported memory.
func CheckExports(w registry.Workload, isFunc, isMemory func(name string) bool) error {
	for _, name := range KernelExports(w) {
		if !isFunc(name) {
			return fmt.Errorf("it does not export a function %q (the kernel of %s)", name, w.Name)
		}
	}
	if Streamed(w) && !isMemory(MemoryExport) {
		return fmt.Errorf("it does not export its memory as %q (%s streams its input into it)", MemoryExport, w.Name)
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

// WasmProc calls one export that returns nothing; its error is the cause
// alone, like WasmCall's.
type WasmProc func(args ...uint32) error

// StreamCalls is one instance of a streamed workload's module, as a runtime
// reaches it.
type StreamCalls struct {
	Buffer WasmCall // BufferExport(): the address of the chunk buffer
	Begin  WasmProc // BeginExport(Params...)
	// Chunk calls Export(ptr, n) for one chunk: two fixed arguments, so the
	// hot path builds no slice of arguments beyond what the runtime asks.
	Chunk  func(ptr, n uint32) error
	End    WasmCall // EndExport(): the first result
	Result WasmCall // ResultExport(i); nil for a workload with one result
	// Write copies p into linear memory at offset through the runtime's
	// view of the memory (see CopyInto). p is the host's buffer, reused for
	// every chunk: Write must copy it, never keep it.
	Write func(offset uint32, p []byte) error
}

// StreamWorker is the Worker of one instance of a streamed workload (HOSTS.md,
// "Streamed input"): Begin(Params), Buffer() once, then for each of the size
// chunks it generates the chunk into one host []byte (package
// arena/workloads/stream), copies it into linear memory at the buffer with
// Write and calls Chunk(buffer, ChunkBytes); then End() and Result(i) for
// i = 1..Results-1. An error names the call that failed, e.g.
// "chunk_hash(1024, 1024) failed at chunk 3: <cause>".
func StreamWorker(w registry.Workload, c StreamCalls) Worker {
	return func(size, seed uint32) ([]float64, error) {
		args := Params(w, size, seed)
		if err := c.Begin(args...); err != nil {
			return nil, fmt.Errorf("%s(%s) failed: %w", BeginExport(w), joinArgs(args), err)
		}
		at, err := c.Buffer()
		if err != nil {
			return nil, fmt.Errorf("%s() failed: %w", BufferExport(w), err)
		}
		ptr, n := uint32(at), w.ChunkBytes
		gen := stream.New(seed)
		buf := make([]byte, n)
		for k := range size {
			gen.Fill(buf)
			if err := c.Write(ptr, buf); err != nil {
				return nil, fmt.Errorf("copying chunk %d into linear memory at %d failed: %w", k, ptr, err)
			}
			if err := c.Chunk(ptr, n); err != nil {
				return nil, fmt.Errorf("%s(%d, %d) failed at chunk %d: %w", w.Export, ptr, n, k, err)
			}
		}
		out := make([]float64, w.Results)
		if out[0], err = c.End(); err != nil {
			return nil, fmt.Errorf("%s() failed: %w", EndExport(w), err)
		}
		for i := 1; i < w.Results; i++ {
			if out[i], err = c.Result(uint32(i)); err != nil {
				return nil, fmt.Errorf("%s(%d) failed: %w", ResultExport(w), i, err)
			}
		}
		return out, nil
	}
}

// CopyInto copies p into mem, a runtime's view of linear memory, at offset;
// it fails, copying nothing, when that runs past mem's end.
func CopyInto(mem []byte, offset uint32, p []byte) error {
	if uint64(offset)+uint64(len(p)) > uint64(len(mem)) {
		return fmt.Errorf("%d bytes at %d run past the end of linear memory (%d bytes)", len(p), offset, len(mem))
	}
	copy(mem[offset:], p)
	return nil
}

func joinArgs(args []uint32) string {
	s := make([]string, len(args))
	for i, a := range args {
		s[i] = fmt.Sprint(a)
	}
	return strings.Join(s, ", ")
}

// NumberCall is the WasmCall of a cgo runtime's call (wasmtime-go,
// wasmer-go), which returns its result as an untyped value: read by
// WasmNumber, an error passed on as it is.
func NumberCall(f func(args ...uint32) (any, error)) WasmCall {
	return func(args ...uint32) (float64, error) {
		res, err := f(args...)
		if err != nil {
			return 0, err
		}
		return WasmNumber(res)
	}
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
