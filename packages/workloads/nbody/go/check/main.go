// Prints nbody's answer for `check <steps> <seed>` as a JSON array, for the workload's tests.
package main

import (
	"encoding/json"
	"os"
	"strconv"

	nbody "arena/workloads/nbody/go"
)

func main() {
	steps, _ := strconv.ParseUint(os.Args[1], 10, 32)
	seed, _ := strconv.ParseUint(os.Args[2], 10, 32)
	before, after := nbody.Nbody(uint32(steps), uint32(seed))
	_ = json.NewEncoder(os.Stdout).Encode([]float64{before, after})
}
