// Command go-wasmtime calls the WASI module's fibonacci from one goroutine per
// job through wasmtime-go (cgo, Wasmtime's C API linked statically, Cranelift).
// One Engine compiles the Module once; each goroutine has its own Store,
// Linker with WASI, and instance.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	kit "arena/go-kit"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	v := kit.Variant{Name: "go-wasmtime", NeedsModule: true, Compute: compute}
	return kit.Run(v, args, stdout, stderr)
}

func compute(cfg kit.Config) ([]uint32, kit.Phases, error) {
	engine := wasmtime.NewEngine() // Cranelift, functions compiled in parallel

	t := time.Now()
	// cfg.Wasm: the bytes kit.Run read and hashed for the report's moduleSha256.
	module, err := wasmtime.NewModule(engine, cfg.Wasm)
	if err != nil {
		return nil, kit.Phases{}, fmt.Errorf("cannot compile it: %w", err)
	}
	compileMs := kit.MsPtr(time.Since(t))
	if !exportsFunc(module, "fibonacci") {
		return nil, kit.Phases{}, errors.New(`it does not export a function "fibonacci"`)
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
		fib := inst.GetFunc(store, "fibonacci")
		return func(n uint32) (uint32, error) {
			res, err := fib.Call(store, int32(n))
			if err != nil {
				return 0, fmt.Errorf("fibonacci(%d) failed: %s", n, cause(err))
			}
			v, ok := res.(int32)
			if !ok {
				return 0, fmt.Errorf("fibonacci(%d) returned %T, want i32", n, res)
			}
			return uint32(v), nil
		}, nil
	})
	ph.CompileMs = compileMs
	return results, ph, err
}

func exportsFunc(m *wasmtime.Module, name string) bool {
	for _, e := range m.Exports() {
		if e.Name() == name && e.Type().FuncType() != nil {
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
