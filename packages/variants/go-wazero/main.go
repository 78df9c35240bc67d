// Command go-wazero calls the WASI module's fibonacci from one goroutine per
// job through wazero, a WebAssembly runtime in pure Go (no cgo), using its
// optimizing compiler. The module is compiled once; each goroutine has its own
// instance.
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
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	v := kit.Variant{Name: "go-wazero", NeedsModule: true, Compute: compute}
	return kit.Run(v, args, stdout, stderr)
}

func compute(cfg kit.Config) ([]uint32, kit.Phases, error) {
	// The compiler may use every CPU for compiling functions (an experimental
	// knob; wazero compiles on one goroutine by default).
	ctx := experimental.WithCompilationWorkers(context.Background(), runtime.NumCPU())
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigCompiler())
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
	if _, ok := compiled.ExportedFunctions()["fibonacci"]; !ok {
		return nil, kit.Phases{}, errors.New(`it does not export a function "fibonacci"`)
	}

	// Anonymous instances (empty name) may coexist in one runtime; a reactor's
	// _initialize runs as the start function, _start is never called.
	modCfg := wazero.NewModuleConfig().WithName("").WithStartFunctions("_initialize")
	results, ph, err := kit.RunWorkers(cfg, func(int) (kit.Worker, error) {
		mod, err := rt.InstantiateModule(ctx, compiled, modCfg)
		if err != nil {
			return nil, fmt.Errorf("cannot instantiate it: %w", err)
		}
		fib := mod.ExportedFunction("fibonacci")
		return func(n uint32) (uint32, error) {
			res, err := fib.Call(ctx, uint64(n))
			if err != nil {
				// The cause, without wazero's wasm stack trace.
				cause, _, _ := strings.Cut(err.Error(), "\nwasm stack trace:")
				return 0, fmt.Errorf("fibonacci(%d) failed: %s", n, cause)
			}
			if len(res) != 1 {
				return 0, fmt.Errorf("fibonacci(%d) returned %d values, want 1", n, len(res))
			}
			return uint32(res[0]), nil
		}, nil
	})
	ph.CompileMs = compileMs
	return results, ph, err
}
