// Command go-native is the arena's pure Go variant: one goroutine per job,
// each computing fibonacci(n) with Go's naive recursion.
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
func compute(cfg kit.Config) ([]uint32, kit.Phases, error) {
	type result struct {
		worker int
		value  uint32
	}
	ch := make(chan result, cfg.Workers)
	results := make([]uint32, cfg.Workers)

	start := time.Now()
	for i := range cfg.Workers {
		go func() { ch <- result{i, kit.Fib(cfg.N)} }()
	}
	for range cfg.Workers {
		r := <-ch
		results[r.worker] = r.value
	}
	return results, kit.Phases{ComputeMs: kit.Ms(time.Since(start))}, nil
}
