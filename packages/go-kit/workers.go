package kit

import (
	"fmt"
	"runtime"
	"time"
)

// Worker is one prepared worker: it computes the workload once for size and
// seed and returns its results, the spec's results in order.
type Worker func(size, seed uint32) ([]float64, error)

// RunWorkers runs cfg.Workers goroutines, each locked to its own OS thread
// (runtimes reached through cgo keep per-thread state, e.g. wasmer's last
// error). Each calls prepare(i), typically instantiating a module. When all
// are ready and a GC has run, the jobs are dispatched at once and the results
// collected in worker order. Phases: SpawnMs from the first goroutine to the
// last one ready, InstantiateMs the slowest prepare, ComputeMs dispatch to last
// result. It returns at the first error (a panic in prepare or a Worker counts
// as one); workers still computing are left to die with the process.
func RunWorkers(cfg Config, prepare func(i int) (Worker, error)) ([][]float64, Phases, error) {
	type ready struct {
		took time.Duration
		err  error
	}
	readyc := make(chan ready, cfg.Workers)
	donec := make(chan error, cfg.Workers)
	start := make(chan struct{})
	abort := false // written before close(start), read after it
	results := make([][]float64, cfg.Workers)

	spawned := time.Now()
	for i := range cfg.Workers {
		go func() {
			runtime.LockOSThread()
			var work Worker
			t := time.Now()
			err := safely(func() (err error) { work, err = prepare(i); return })
			readyc <- ready{time.Since(t), err}
			<-start
			if err != nil || abort {
				return
			}
			donec <- safely(func() (err error) { results[i], err = work(cfg.Size, cfg.Seed); return })
		}()
	}

	var ph Phases
	var slowest time.Duration
	var failed error
	for range cfg.Workers {
		r := <-readyc
		slowest = max(slowest, r.took)
		if r.err != nil && failed == nil {
			failed = r.err
		}
	}
	ph.SpawnMs, ph.InstantiateMs = MsPtr(time.Since(spawned)), MsPtr(slowest)
	if failed != nil {
		abort = true
		close(start)
		return nil, ph, failed
	}

	// Finish any GC cycle setup started (instances' linear memories are Go
	// heap in wazero): its stop-the-world would wait for a worker inside a
	// wasm call, which cannot be preempted, and hold the others meanwhile.
	runtime.GC()
	dispatched := time.Now()
	close(start)
	for range cfg.Workers {
		if err := <-donec; err != nil {
			return nil, ph, err
		}
	}
	ph.ComputeMs = Ms(time.Since(dispatched))
	return results, ph, nil
}

// safely runs f, turning a panic into an error, so a runtime's panic becomes
// the contract's exit 1 with an error line rather than Go's exit 2.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}
