// Command go-wazero calls the workload's kernel in a WASI module from one
// goroutine per job through wazero, a WebAssembly runtime in pure Go (no cgo),
// using its optimizing compiler (or, with --setting interpreter, its
// interpreter; with --setting compilation-cache, its compiler with a cache on
// disk, in --cache-dir). The module is compiled once; each goroutine
// has its own instance. What to call comes from the generated registry
// (arena/workloads/registry): the workload's export with (size) or (size,
// seed), then "<export>_result"(i) for each further result; for a streamed
// workload, kit.StreamWorker copies each chunk in with api.Memory.Write.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	kit "arena/go-kit"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	v := kit.Variant{Name: "go-wazero", NeedsModule: true, Settings: settings, Compute: compute}
	return kit.Run(v, args, stdout, stderr)
}

// settings is what package.json's arena.settings declares.
var settings = map[string]kit.Setting{"interpreter": {}, "compilation-cache": {Cache: true}}

// runtimeConfig is the engine of cfg.Setting.
func runtimeConfig(ctx context.Context, cfg kit.Config) (wazero.RuntimeConfig, func(), error) {
	switch cfg.Setting {
	case "interpreter":
		return wazero.NewRuntimeConfigInterpreter(), func() {}, nil
	case "compilation-cache":
		cache, err := wazero.NewCompilationCacheWithDir(cfg.CacheDir)
		if err != nil {
			return nil, nil, fmt.Errorf("--cache-dir %s: %w", cfg.CacheDir, err)
		}
		return wazero.NewRuntimeConfigCompiler().WithCompilationCache(cache), func() { cache.Close(ctx) }, nil
	}
	return wazero.NewRuntimeConfigCompiler(), func() {}, nil
}

func compute(cfg kit.Config) ([][]float64, kit.Phases, error) {
	// The compiler may use every CPU for compiling functions (an experimental
	// knob; wazero compiles on one goroutine by default).
	ctx := experimental.WithCompilationWorkers(context.Background(), runtime.NumCPU())
	rtCfg, closeCache, err := runtimeConfig(ctx, cfg)
	if err != nil {
		return nil, kit.Phases{}, err
	}
	defer closeCache()
	rt := wazero.NewRuntimeWithConfig(ctx, rtCfg)
	defer rt.Close(ctx)
	// One wasi_snapshot_preview1 host module serves every instance.
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		return nil, kit.Phases{}, err
	}

	t := time.Now()
	// cfg.Wasm: the bytes kit.Run read and hashed for the report's moduleSha256.
	compiled, err := rt.CompileModule(ctx, cfg.Wasm)
	if err != nil {
		return nil, kit.Phases{}, fmt.Errorf("cannot compile it: %w", err)
	}
	compileMs := kit.MsPtr(time.Since(t))
	exported, memories := compiled.ExportedFunctions(), compiled.ExportedMemories()
	isFunc := func(name string) bool { return exported[name] != nil }
	if err := kit.CheckExports(cfg.Workload, isFunc, func(name string) bool { return memories[name] != nil }); err != nil {
		return nil, kit.Phases{}, err
	}
	// How to read each export's result, from its type.
	readers := map[string]func(uint64) float64{}
	for _, name := range kit.ValueExports(cfg.Workload) {
		if readers[name], err = reader(exported[name]); err != nil {
			return nil, kit.Phases{}, err
		}
	}

	// Anonymous instances (empty name) may coexist in one runtime; a reactor's
	// _initialize runs as the start function, _start is never called.
	modCfg := wazero.NewModuleConfig().WithName("").WithStartFunctions("_initialize")
	results, ph, err := kit.RunWorkers(cfg, func(int) (kit.Worker, error) {
		mod, err := rt.InstantiateModule(ctx, compiled, modCfg)
		if err != nil {
			return nil, fmt.Errorf("cannot instantiate it: %w", err)
		}
		call := func(name string) kit.WasmCall {
			f, read := mod.ExportedFunction(name), readers[name]
			return func(args ...uint32) (float64, error) {
				params := make([]uint64, len(args))
				for i, a := range args {
					params[i] = uint64(a) // an i32 (or i64) parameter: the u32's bits
				}
				res, err := f.Call(ctx, params...)
				if err != nil || read == nil { // read: nil for an export returning nothing
					return 0, trimTrace(err)
				}
				return read(res[0]), nil
			}
		}
		var result kit.WasmCall
		if cfg.Workload.Results > 1 {
			result = call(kit.ResultExport(cfg.Workload))
		}
		if !kit.Streamed(cfg.Workload) {
			return kit.KernelWorker(cfg.Workload, call(cfg.Workload.Export), result), nil
		}
		begin := call(kit.BeginExport(cfg.Workload))
		chunk, stack := mod.ExportedFunction(cfg.Workload.Export), make([]uint64, 2)
		mem := mod.ExportedMemory(kit.MemoryExport)
		return kit.StreamWorker(cfg.Workload, kit.StreamCalls{
			Buffer: call(kit.BufferExport(cfg.Workload)),
			Begin:  func(args ...uint32) error { _, err := begin(args...); return err },
			// CallWithStack: wazero's call without allocations, for the hot path.
			Chunk: func(ptr, n uint32) error {
				stack[0], stack[1] = uint64(ptr), uint64(n)
				return trimTrace(chunk.CallWithStack(ctx, stack))
			},
			End:    call(kit.EndExport(cfg.Workload)),
			Result: result,
			Write: func(offset uint32, p []byte) error {
				if !mem.Write(offset, p) {
					return fmt.Errorf("%d bytes at %d run past the end of linear memory (%d bytes)", len(p), offset, mem.Size())
				}
				return nil
			},
		}), nil
	})
	ph.CompileMs = compileMs
	return results, ph, err
}

// trimTrace is err's cause, without wazero's wasm stack trace.
func trimTrace(err error) error {
	if err == nil {
		return nil
	}
	cause, _, _ := strings.Cut(err.Error(), "\nwasm stack trace:")
	return errors.New(cause)
}

// reader converts the one result of an exported function to a float64: an
// i32 read as a u32, an f64 as it is.
func reader(f api.FunctionDefinition) (func(uint64) float64, error) {
	results := f.ResultTypes()
	if len(results) != 1 {
		return nil, fmt.Errorf("%s returns %d values, want 1", f.ExportNames()[0], len(results))
	}
	switch results[0] {
	case api.ValueTypeI32:
		return func(v uint64) float64 { return float64(uint32(v)) }, nil
	case api.ValueTypeI64:
		return func(v uint64) float64 { return float64(v) }, nil
	case api.ValueTypeF32:
		return func(v uint64) float64 { return float64(api.DecodeF32(v)) }, nil
	case api.ValueTypeF64:
		return api.DecodeF64, nil
	}
	return nil, fmt.Errorf("%s returns a %s, want a number", f.ExportNames()[0], api.ValueTypeName(results[0]))
}
