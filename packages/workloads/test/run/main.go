// Command run prints, for each `<workload> <size> <seed>` triple of its arguments, the workload's
// results through the generated Go registry as one JSON array per line: the way a Go host finds and
// runs a workload, for test/kernels.test.ts. Needs the registry (pnpm --filter @arena/workloads build).
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"arena/workloads/registry"
)

func main() {
	args := os.Args[1:]
	out := json.NewEncoder(os.Stdout)
	for i := 0; i+2 < len(args); i += 3 {
		w, ok := registry.All[args[i]]
		if !ok {
			fmt.Fprintf(os.Stderr, "unknown workload %q (known: %v)\n", args[i], registry.Names())
			os.Exit(2)
		}
		size, _ := strconv.ParseUint(args[i+1], 10, 32)
		seed, _ := strconv.ParseUint(args[i+2], 10, 32)
		_ = out.Encode(w.Run(uint32(size), uint32(seed)))
	}
}
