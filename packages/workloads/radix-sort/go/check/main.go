// Prints radix-sort's checksum for each `<keys> <seed>` pair of its arguments, one per line, for the
// workload's tests.
package main

import (
	"fmt"
	"os"
	"strconv"

	radixsort "arena/workloads/radix-sort/go"
)

func main() {
	for i := 1; i+1 < len(os.Args); i += 2 {
		size, _ := strconv.ParseUint(os.Args[i], 10, 32)
		seed, _ := strconv.ParseUint(os.Args[i+1], 10, 32)
		fmt.Println(radixsort.RadixSort(uint32(size), uint32(seed)))
	}
}
