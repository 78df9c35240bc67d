// Command go-native is the arena's pure Go host: one goroutine per job, each
// running the workload's Go kernel (its Run, found in the generated registry
// arena/workloads/registry; fib: the naive recursion, nbody: the n-body steps).
package main

import (
	"io"
	"os"
	"time"

	kit "arena/go-kit"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	return kit.Run(kit.Variant{Name: "go-native", Compute: compute}, args, stdout, stderr)
}

// compute starts one goroutine per worker, like the article's full.go, each
// calling the kernel cfg.Calls times, and collects the results in worker
// order.
func compute(cfg kit.Config) ([][]float64, kit.Phases, error) {
	type result struct {
		worker int
		calls  kit.Calls
	}
	ch := make(chan result, cfg.Workers)
	calls := make([]kit.Calls, cfg.Workers)
	kernel := cfg.Workload.Run
	work := func(size, seed uint32) ([]float64, error) { return kernel(size, seed), nil }

	start := time.Now()
	for i := range cfg.Workers {
		go func() {
			c, _ := kit.Repeat(cfg, work) // work never fails
			ch <- result{i, c}
		}()
	}
	for range cfg.Workers {
		r := <-ch
		calls[r.worker] = r.calls
	}
	ph := kit.Phases{ComputeMs: kit.Ms(time.Since(start))}
	results, err := kit.FirstResults(calls, &ph)
	return results, ph, err
}
