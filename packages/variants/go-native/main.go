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

// compute starts one goroutine per worker, like the article's full.go, and
// collects the results in worker order.
func compute(cfg kit.Config) ([][]float64, kit.Phases, error) {
	type result struct {
		worker int
		value  []float64
	}
	ch := make(chan result, cfg.Workers)
	results := make([][]float64, cfg.Workers)
	kernel, size, seed := cfg.Workload.Run, cfg.Size, cfg.Seed

	start := time.Now()
	for i := range cfg.Workers {
		go func() { ch <- result{i, kernel(size, seed)} }()
	}
	for range cfg.Workers {
		r := <-ch
		results[r.worker] = r.value
	}
	return results, kit.Phases{ComputeMs: kit.Ms(time.Since(start))}, nil
}
