// Prints chunk-hash's Go kernel's answer for `check <piece> <text>`: text's bytes handed to Chunk
// `piece` bytes at a time (the last piece shorter), for the workload's tests.
package main

import (
	"fmt"
	"os"
	"strconv"

	chunkhash "arena/workloads/chunk-hash/go"
)

func main() {
	piece, _ := strconv.Atoi(os.Args[1])
	text := []byte(os.Args[2])
	s := chunkhash.Begin(1, 0)
	for len(text) > 0 {
		n := min(piece, len(text))
		s.Chunk(text[:n])
		text = text[n:]
	}
	fmt.Println(uint32(s.End()[0]))
}
