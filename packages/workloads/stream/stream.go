// Package stream is the host side of a streamed workload in Go (packages/workloads/HOSTS.md,
// "Streamed input"): the seeded byte stream, generated chunk by chunk into one reused buffer, and
// the driver that hands each chunk to a kernel. The Go registry's Run of a streamed workload and the
// Go wasm hosts use it; kernels never do (the host owns the data).
package stream

import "encoding/binary"

// Generator is the stream of one seed: a splitmix32 generator whose u32 words, little-endian, are
// the stream's bytes.
type Generator struct{ state uint32 }

// New returns the stream of seed, at its first byte.
func New(seed uint32) Generator { return Generator{state: seed} }

// Fill writes the next len(p) bytes of the stream into p; len(p) must be a multiple of 4 (every
// chunkBytes is), so a chunk always starts on a word.
func (g *Generator) Fill(p []byte) {
	state := g.state
	for i := 0; i+4 <= len(p); i += 4 {
		state += 0x9e3779b9
		z := state
		z = (z ^ (z >> 16)) * 0x85ebca6b
		z = (z ^ (z >> 13)) * 0xc2b2ae35
		binary.LittleEndian.PutUint32(p[i:], z^(z>>16))
	}
	g.state = state
}

// Drive generates chunks chunks of chunkBytes of seed's stream, in order, into one buffer it reuses,
// and calls chunk with each: the buffer is only valid during the call.
func Drive(chunks, seed, chunkBytes uint32, chunk func(p []byte)) {
	g := New(seed)
	buf := make([]byte, chunkBytes)
	for range chunks {
		g.Fill(buf)
		chunk(buf)
	}
}

// Kernel is a streamed workload's Go kernel once begun (HOSTS.md): Chunk per chunk, End once.
type Kernel interface {
	Chunk(p []byte)
	End() []float64
}

// Run makes a streamed workload's uniform entry, func(size, seed) []float64, from its kernel's
// Begin: begin, drive size chunks of chunkBytes through Chunk, end. The Go registry's Run.
func Run[K Kernel](begin func(size, seed uint32) K, chunkBytes uint32) func(size, seed uint32) []float64 {
	return func(size, seed uint32) []float64 {
		k := begin(size, seed)
		Drive(size, seed, chunkBytes, k.Chunk)
		return k.End()
	}
}
