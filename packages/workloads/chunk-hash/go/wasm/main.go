// The Go-compiled wasm module of chunk-hash (GOOS=wasip1 -buildmode=c-shared): the wasm interface of
// a streamed workload (../../../HOSTS.md) around the Go kernel.
package main

import (
	"unsafe"

	chunkhash "arena/workloads/chunk-hash/go"
)

// The buffer the host copies each chunk into: a global, so its address is fixed (Go's heap and
// globals do not move) for the instance's life. Its size is the spec's input.chunkBytes.
var buffer [1024]byte

var state *chunkhash.State

func base() uint32 { return uint32(uintptr(unsafe.Pointer(&buffer[0]))) }

//go:wasmexport chunk_hash_buffer
func chunkHashBuffer() uint32 { return base() }

//go:wasmexport chunk_hash_begin
func chunkHashBegin(size, seed uint32) { state = chunkhash.Begin(size, seed) }

// A chunk is read through the buffer's slice: a pointer outside it panics (a trap) rather than
// reading any memory.
//
//go:wasmexport chunk_hash
func chunkHash(ptr, length uint32) {
	off := ptr - base()
	state.Chunk(buffer[off : off+length])
}

//go:wasmexport chunk_hash_end
func chunkHashEnd() uint32 { return uint32(state.End()[0]) }

func main() {}
