// Package chunkhash is chunk-hash's kernel in Go (go-native through the Go registry's stream driver,
// and go.wasm): the rules of ../README.md, 32-bit FNV-1a carried across chunks.
package chunkhash

const (
	offsetBasis = 2166136261
	prime       = 16777619
)

// State is one hash in progress: a value per goroutine, as go-native's workers share the package.
type State struct{ h uint32 }

// Begin starts a hash. The size and seed change nothing: the host owns the stream.
func Begin(size, seed uint32) *State { return &State{h: offsetBasis} }

// Chunk folds the next bytes of the stream into the hash, byte by byte, in order.
func (s *State) Chunk(p []byte) {
	h := s.h
	for _, b := range p {
		h ^= uint32(b)
		h *= prime
	}
	s.h = h
}

// End returns the hash after the last chunk: the one result.
func (s *State) End() []float64 { return []float64{float64(s.h)} }
