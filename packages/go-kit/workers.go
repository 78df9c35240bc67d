package kit

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"time"
)

// Worker is one prepared worker: it computes the workload once for size and
// seed and returns its results, the spec's results in order, in a slice of
// its own each call (Repeat keeps every call's to compare them).
type Worker func(size, seed uint32) ([]float64, error)

// Calls is what one worker's calls of the kernel gave: each call's results
// and how long it took, in call order.
type Calls struct {
	Results [][]float64
	Took    []time.Duration
}

// Repeat calls work cfg.Calls times (at least once) with cfg's size and seed,
// timing each call alone. It compares nothing, so that no verification is
// timed, even in computeMs: FirstResults does, once every worker is done.
func Repeat(cfg Config, work Worker) (Calls, error) {
	n := max(cfg.Calls, 1)
	c := Calls{Results: make([][]float64, n), Took: make([]time.Duration, n)}
	for k := range n {
		t := time.Now()
		r, err := work(cfg.Size, cfg.Seed)
		c.Took[k] = time.Since(t)
		if err != nil {
			return Calls{}, err
		}
		c.Results[k] = r
	}
	return c, nil
}

// DifferentAnswer is a later call answering otherwise than the first: Run
// prints it in the words of HOSTS.md alone, without the module's name.
type DifferentAnswer struct{ Worker, Workers, Call int } // 1-based

func (d *DifferentAnswer) Error() string {
	return fmt.Sprintf("worker %d of %d: call %d's answer differs from call 1's", d.Worker, d.Workers, d.Call)
}

// FirstResults checks that every worker's later calls answered exactly as
// its first, bit for bit (-0 is not 0), and returns each worker's first
// results. With more than one call it sets ph's FirstCallMs, the slowest
// worker's first call, and LaterCallMs, the median of all workers' calls
// 2..N pooled (of an even count, the mean of the middle two).
func FirstResults(calls []Calls, ph *Phases) ([][]float64, error) {
	results := make([][]float64, len(calls))
	var first time.Duration
	var later []time.Duration
	for i, c := range calls {
		for k, r := range c.Results[1:] {
			if !slices.EqualFunc(r, c.Results[0], func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }) {
				return nil, &DifferentAnswer{Worker: i + 1, Workers: len(calls), Call: k + 2}
			}
		}
		results[i] = c.Results[0]
		first = max(first, c.Took[0])
		later = append(later, c.Took[1:]...)
	}
	if len(later) > 0 {
		slices.Sort(later)
		mid := len(later) / 2
		median := later[mid]
		if len(later)%2 == 0 {
			median = (later[mid-1] + later[mid]) / 2
		}
		ph.FirstCallMs, ph.LaterCallMs = MsPtr(first), MsPtr(median)
	}
	return results, nil
}

// RunWorkers runs cfg.Workers goroutines, each locked to its own OS thread
// (runtimes reached through cgo keep per-thread state, e.g. wasmer's last
// error). Each calls prepare(i), typically instantiating a module. When all
// are ready and a GC has run, the jobs are dispatched at once and the results
// collected in worker order. Each worker calls its Worker cfg.Calls times
// (Repeat) and reports its first call's results, after FirstResults checked
// the later ones. Phases: SpawnMs from the first goroutine to the last one
// ready, InstantiateMs the slowest prepare, ComputeMs dispatch to the last
// worker's last call, and FirstResults' FirstCallMs and LaterCallMs. It
// returns at the first error (a panic in prepare or a Worker counts as one);
// workers still computing are left to die with the process.
func RunWorkers(cfg Config, prepare func(i int) (Worker, error)) ([][]float64, Phases, error) {
	type ready struct {
		took time.Duration
		err  error
	}
	readyc := make(chan ready, cfg.Workers)
	donec := make(chan error, cfg.Workers)
	start := make(chan struct{})
	abort := false // written before close(start), read after it
	calls := make([]Calls, cfg.Workers)

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
			donec <- safely(func() (err error) { calls[i], err = Repeat(cfg, work); return })
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
	results, err := FirstResults(calls, &ph)
	if err != nil {
		return nil, ph, err
	}
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
