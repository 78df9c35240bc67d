// Command go-wasmer calls the workload's kernel in a WASI module from one
// goroutine per job through wasmer-go (cgo, Wasmer 2.0's C API in
// libwasmer.so, Cranelift), the runtime the article used. The module is
// compiled once; each goroutine has its own WASI environment and Instance,
// since an Instance must not be called from several goroutines at once. What
// to call comes from the generated registry (arena/workloads/registry): the
// workload's export with (size) or (size, seed), then "<export>_result"(i) for
// each further result, in the same Instance; for a streamed workload,
// kit.StreamWorker copies each chunk in through Memory.Data. Setting:
// singlepass (Wasmer's Singlepass compiler instead of Cranelift).
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	kit "arena/go-kit"

	"github.com/wasmerio/wasmer-go/wasmer"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	v := kit.Variant{Name: "go-wasmer", NeedsModule: true, Settings: settings, Compute: compute}
	return kit.Run(v, args, stdout, stderr)
}

// settings is what package.json's arena.settings declares.
var settings = map[string]kit.Setting{"singlepass": {}}

// newEngine is the engine of cfg.Setting.
func newEngine(cfg kit.Config) (*wasmer.Engine, error) {
	if cfg.Setting != "singlepass" {
		return wasmer.NewEngine(), nil // Universal engine, Cranelift
	}
	// UseSinglepassCompiler panics when the library lacks it.
	if !wasmer.IsCompilerAvailable(wasmer.SINGLEPASS) {
		return nil, fmt.Errorf("--setting singlepass: this libwasmer has no Singlepass compiler")
	}
	return wasmer.NewEngineWithConfig(wasmer.NewConfig().UseSinglepassCompiler()), nil
}

func compute(cfg kit.Config) ([][]float64, kit.Phases, error) {
	engine, err := newEngine(cfg)
	if err != nil {
		return nil, kit.Phases{}, err
	}
	store := wasmer.NewStore(engine)

	t := time.Now()
	// cfg.Wasm: the bytes kit.Run read and hashed for the report's moduleSha256.
	module, err := wasmer.NewModule(store, cfg.Wasm)
	if err != nil {
		return nil, kit.Phases{}, fmt.Errorf("cannot compile it: %w", err)
	}
	compileMs := kit.MsPtr(time.Since(t))
	// Wasmer 2.0 generates WASI imports only for a module that imports WASI
	// (a Go-built kernel does; the clang and AssemblyScript ones import nothing).
	wasi := wasmer.GetWasiVersion(module) != wasmer.WASI_VERSION_INVALID
	isFunc := func(name string) bool { return exports(module, name, wasmer.FUNCTION) }
	isMemory := func(name string) bool { return exports(module, name, wasmer.MEMORY) }
	if err := kit.CheckExports(cfg.Workload, isFunc, isMemory); err != nil {
		return nil, kit.Phases{}, err
	}

	results, ph, err := kit.RunWorkers(cfg, func(i int) (kit.Worker, error) {
		imports, env, err := importsFor(store, module, wasi, i)
		if err != nil {
			return nil, err
		}
		inst, err := wasmer.NewInstance(module, imports)
		if err != nil {
			return nil, fmt.Errorf("cannot instantiate it: %w", err)
		}
		if init, err := inst.Exports.GetFunction("_initialize"); err == nil {
			if _, err := init(); err != nil {
				return nil, fmt.Errorf("_initialize failed: %w", err)
			}
		}
		// The kernel's functions, looked up once per Instance.
		fns := map[string]wasmer.NativeFunction{}
		for _, name := range kit.KernelExports(cfg.Workload) {
			if fns[name], err = inst.Exports.GetFunction(name); err != nil {
				return nil, err
			}
		}
		invoke := func(name string) func(args ...uint32) (any, error) {
			f := fns[name]
			return func(args ...uint32) (any, error) {
				// wasmer-go converts an int to the parameter's type: i32 (the
				// u32's bits) or i64.
				params := make([]any, len(args))
				for i, a := range args {
					params[i] = int(a)
				}
				return f(params...)
			}
		}
		call := func(name string) kit.WasmCall { return kit.NumberCall(invoke(name)) }
		var result kit.WasmCall
		if cfg.Workload.Results > 1 {
			result = call(kit.ResultExport(cfg.Workload))
		}
		if !kit.Streamed(cfg.Workload) {
			return held(kit.KernelWorker(cfg.Workload, call(cfg.Workload.Export), result), store, module, env, inst), nil
		}
		begin, chunk := invoke(kit.BeginExport(cfg.Workload)), fns[cfg.Workload.Export]
		mem, err := inst.Exports.GetMemory(kit.MemoryExport)
		if err != nil {
			return nil, err
		}
		return held(kit.StreamWorker(cfg.Workload, kit.StreamCalls{
			Buffer: call(kit.BufferExport(cfg.Workload)),
			Begin:  func(args ...uint32) error { _, err := begin(args...); return err },
			Chunk: func(ptr, n uint32) error {
				_, err := chunk(int(ptr), int(n))
				return err
			},
			End:    call(kit.EndExport(cfg.Workload)),
			Result: result,
			// The view is taken again for every chunk: a call may grow, and so
			// move, the memory.
			Write: func(offset uint32, p []byte) error { return kit.CopyInto(mem.Data(), offset, p) },
		}), store, module, env, inst), nil
	})
	ph.CompileMs = compileMs
	return results, ph, err
}

// held is work keeping objects reachable until it returns. wasmer-go frees a
// Store, Module, WASI environment or Instance in a finalizer once Go no longer
// references it, even while functions it exported run; and a worker's calls
// reference none of them. A streamed workload allocates per call, so the GC
// does run mid-work: without this, it crashes.
func held(work kit.Worker, objects ...any) kit.Worker {
	return func(size, seed uint32) ([]float64, error) {
		defer runtime.KeepAlive(objects)
		return work(size, seed)
	}
}

// importsFor is a worker's own WASI environment (no args, env or files) and
// its imports, or no imports at all (and a nil environment) for a module that
// does not use WASI.
func importsFor(store *wasmer.Store, module *wasmer.Module, wasi bool, worker int) (*wasmer.ImportObject, *wasmer.WasiEnvironment, error) {
	if !wasi {
		return wasmer.NewImportObject(), nil, nil
	}
	env, err := wasmer.NewWasiStateBuilder(fmt.Sprintf("worker-%d", worker)).Finalize()
	if err != nil {
		return nil, nil, fmt.Errorf("cannot set up WASI: %w", err)
	}
	imports, err := env.GenerateImportObject(store, module)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot link WASI: %w", err)
	}
	return imports, env, nil
}

// exports tells whether m exports name as an extern of that kind.
func exports(m *wasmer.Module, name string, kind wasmer.ExternKind) bool {
	for _, e := range m.Exports() {
		if e.Name() == name && e.Type().Kind() == kind {
			return true
		}
	}
	return false
}
