// Command go-wasmer calls the workload's kernel in a WASI module from one
// goroutine per job through wasmer-go (cgo, Wasmer 2.0's C API in
// libwasmer.so, Cranelift), the runtime the article used. The module is
// compiled once; each goroutine has its own WASI environment and Instance,
// since an Instance must not be called from several goroutines at once. What
// to call comes from the generated registry (arena/workloads/registry): the
// workload's export with (size) or (size, seed), then "<export>_result"(i) for
// each further result, in the same Instance.
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	kit "arena/go-kit"

	"github.com/wasmerio/wasmer-go/wasmer"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	v := kit.Variant{Name: "go-wasmer", NeedsModule: true, Compute: compute}
	return kit.Run(v, args, stdout, stderr)
}

func compute(cfg kit.Config) ([][]float64, kit.Phases, error) {
	store := wasmer.NewStore(wasmer.NewEngine()) // Universal engine, Cranelift

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
	if err := kit.CheckExports(cfg.Workload, func(name string) bool { return exportsFunc(module, name) }); err != nil {
		return nil, kit.Phases{}, err
	}

	results, ph, err := kit.RunWorkers(cfg, func(i int) (kit.Worker, error) {
		imports, err := importsFor(store, module, wasi, i)
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
		call := func(name string) (kit.WasmCall, error) {
			f, err := inst.Exports.GetFunction(name)
			if err != nil {
				return nil, err
			}
			return func(args ...uint32) (float64, error) {
				// wasmer-go converts an int to the parameter's type: i32 (the
				// u32's bits) or i64.
				params := make([]any, len(args))
				for i, a := range args {
					params[i] = int(a)
				}
				res, err := f(params...)
				if err != nil {
					return 0, err
				}
				return kit.WasmNumber(res)
			}, nil
		}
		kernel, err := call(cfg.Workload.Export)
		if err != nil {
			return nil, err
		}
		var result kit.WasmCall
		if cfg.Workload.Results > 1 {
			if result, err = call(kit.ResultExport(cfg.Workload)); err != nil {
				return nil, err
			}
		}
		return kit.KernelWorker(cfg.Workload, kernel, result), nil
	})
	ph.CompileMs = compileMs
	return results, ph, err
}

// importsFor is a worker's own WASI environment (no args, env or files), or
// no imports at all for a module that does not use WASI.
func importsFor(store *wasmer.Store, module *wasmer.Module, wasi bool, worker int) (*wasmer.ImportObject, error) {
	if !wasi {
		return wasmer.NewImportObject(), nil
	}
	env, err := wasmer.NewWasiStateBuilder(fmt.Sprintf("worker-%d", worker)).Finalize()
	if err != nil {
		return nil, fmt.Errorf("cannot set up WASI: %w", err)
	}
	imports, err := env.GenerateImportObject(store, module)
	if err != nil {
		return nil, fmt.Errorf("cannot link WASI: %w", err)
	}
	return imports, nil
}

func exportsFunc(m *wasmer.Module, name string) bool {
	for _, e := range m.Exports() {
		if e.Name() == name && e.Type().Kind() == wasmer.FUNCTION {
			return true
		}
	}
	return false
}
