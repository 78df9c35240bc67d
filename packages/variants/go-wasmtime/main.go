// Command go-wasmtime calls the workload's kernel in a WASI module from one
// goroutine per job through wasmtime-go (cgo, Wasmtime's C API linked
// statically, Cranelift). One Engine compiles the Module once; each goroutine
// has its own Store, Linker with WASI, and instance. What to call comes from
// the generated registry (arena/workloads/registry): the workload's export
// with (size) or (size, seed), then "<export>_result"(i) for each further
// result; for a streamed workload, kit.StreamWorker copies each chunk in
// through Memory.UnsafeData. Settings: opt-none (Cranelift without
// optimizations), pulley (Wasmtime's Pulley interpreter instead of native
// code), cache (Wasmtime's compilation cache in --cache-dir).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	kit "arena/go-kit"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	v := kit.Variant{Name: "go-wasmtime", NeedsModule: true, Settings: settings, Compute: compute}
	return kit.Run(v, args, stdout, stderr)
}

// settings is what package.json's arena.settings declares.
var settings = map[string]kit.Setting{"opt-none": {}, "pulley": {}, "cache": {Cache: true}}

// newEngine is the engine of cfg.Setting; each fails rather than fall back to
// the defaults.
func newEngine(cfg kit.Config) (*wasmtime.Engine, error) {
	if cfg.Setting == "" {
		return wasmtime.NewEngine(), nil // Cranelift, functions compiled in parallel
	}
	config := wasmtime.NewConfig()
	switch cfg.Setting {
	case "opt-none":
		config.SetCraneliftOptLevel(wasmtime.OptLevelNone)
	case "pulley":
		if err := config.SetTarget("pulley64"); err != nil {
			return nil, fmt.Errorf("--setting pulley: this wasmtime cannot target Pulley: %s", cause(err))
		}
	case "cache":
		// Wasmtime reads its cache settings only from a TOML file; loading
		// one enables the cache (Wasmtime 39 refuses the older "enabled").
		dir, err := filepath.Abs(cfg.CacheDir)
		if err != nil {
			return nil, err
		}
		quoted, _ := json.Marshal(dir) // a JSON string is a TOML basic string
		toml := filepath.Join(dir, "wasmtime-cache.toml")
		if err := os.WriteFile(toml, []byte("[cache]\ndirectory = "+string(quoted)+"\n"), 0o644); err != nil {
			return nil, fmt.Errorf("--cache-dir: %w", err)
		}
		if err := config.CacheConfigLoad(toml); err != nil {
			msg, _, _ := strings.Cut(err.Error(), "\nStack backtrace:")
			return nil, fmt.Errorf("--setting cache: %s", msg)
		}
	}
	return wasmtime.NewEngineWithConfig(config), nil
}

func compute(cfg kit.Config) ([][]float64, kit.Phases, error) {
	engine, err := newEngine(cfg)
	if err != nil {
		return nil, kit.Phases{}, err
	}

	t := time.Now()
	// cfg.Wasm: the bytes kit.Run read and hashed for the report's moduleSha256.
	module, err := wasmtime.NewModule(engine, cfg.Wasm)
	if err != nil {
		return nil, kit.Phases{}, fmt.Errorf("cannot compile it: %w", err)
	}
	compileMs := kit.MsPtr(time.Since(t))
	isFunc := func(name string) bool {
		return exports(module, name, func(t *wasmtime.ExternType) bool { return t.FuncType() != nil })
	}
	isMemory := func(name string) bool {
		return exports(module, name, func(t *wasmtime.ExternType) bool { return t.MemoryType() != nil })
	}
	if err := kit.CheckExports(cfg.Workload, isFunc, isMemory); err != nil {
		return nil, kit.Phases{}, err
	}

	results, ph, err := kit.RunWorkers(cfg, func(int) (kit.Worker, error) {
		store := wasmtime.NewStore(engine)
		store.SetWasi(wasmtime.NewWasiConfig()) // no args, env, files
		linker := wasmtime.NewLinker(engine)
		if err := linker.DefineWasi(); err != nil {
			return nil, err
		}
		inst, err := linker.Instantiate(store, module)
		if err != nil {
			return nil, fmt.Errorf("cannot instantiate it: %w", err)
		}
		if init := inst.GetFunc(store, "_initialize"); init != nil {
			if _, err := init.Call(store); err != nil {
				return nil, fmt.Errorf("_initialize failed: %s", cause(err))
			}
		}
		invoke := func(name string) func(args ...uint32) (any, error) {
			f := inst.GetFunc(store, name)
			return func(args ...uint32) (any, error) {
				// An int becomes the parameter's type, i32 (the u32's bits) or i64.
				params := make([]any, len(args))
				for i, a := range args {
					params[i] = int(a)
				}
				res, err := f.Call(store, params...)
				if err != nil {
					return nil, fmt.Errorf("%s", cause(err))
				}
				return res, nil
			}
		}
		call := func(name string) kit.WasmCall { return kit.NumberCall(invoke(name)) }
		proc := func(name string) kit.WasmProc {
			f := invoke(name)
			return func(args ...uint32) error { _, err := f(args...); return err }
		}
		var result kit.WasmCall
		if cfg.Workload.Results > 1 {
			result = call(kit.ResultExport(cfg.Workload))
		}
		if !kit.Streamed(cfg.Workload) {
			return kit.KernelWorker(cfg.Workload, call(cfg.Workload.Export), result), nil
		}
		chunk := inst.GetFunc(store, cfg.Workload.Export)
		mem := inst.GetExport(store, kit.MemoryExport).Memory()
		return kit.StreamWorker(cfg.Workload, kit.StreamCalls{
			Buffer: call(kit.BufferExport(cfg.Workload)),
			Begin:  proc(kit.BeginExport(cfg.Workload)),
			Chunk: func(ptr, n uint32) error {
				if _, err := chunk.Call(store, int(ptr), int(n)); err != nil {
					return fmt.Errorf("%s", cause(err))
				}
				return nil
			},
			End:    call(kit.EndExport(cfg.Workload)),
			Result: result,
			// The view is taken again for every chunk: a call may grow, and so
			// move, the memory.
			Write: func(offset uint32, p []byte) error { return kit.CopyInto(mem.UnsafeData(store), offset, p) },
		}), nil
	})
	ph.CompileMs = compileMs
	return results, ph, err
}

// exports tells whether m exports name as an extern of the kind is accepts.
func exports(m *wasmtime.Module, name string, is func(*wasmtime.ExternType) bool) bool {
	for _, e := range m.Exports() {
		if e.Name() == name && is(e.Type()) {
			return true
		}
	}
	return false
}

// cause is the "wasm trap: ..." line of a wasmtime error, without the wasm and
// Rust backtraces around it, or else the error's first line.
func cause(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "wasm trap: "); i >= 0 {
		msg = msg[i:]
	}
	line, _, _ := strings.Cut(msg, "\n")
	return line
}
