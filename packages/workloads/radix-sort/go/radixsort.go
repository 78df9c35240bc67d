// Package radixsort is radix-sort's kernel in Go (go-native, and go.wasm): the rules of ../README.md.
// No package state: go-native's goroutines all call it.
package radixsort

// Sort fills keys with the keys of seed, sorts them (scratch, as long, is the ping-pong buffer) and
// returns their FNV-1a checksum.
func Sort(keys, scratch []uint32, seed uint32) uint32 {
	scratch = scratch[:len(keys)]
	state := seed
	for i := range keys {
		state += 0x9e3779b9
		z := state
		z = (z ^ (z >> 16)) * 0x85ebca6b
		z = (z ^ (z >> 13)) * 0xc2b2ae35
		keys[i] = z ^ (z >> 16)
	}
	src, dst := keys, scratch
	for shift := uint(0); shift < 32; shift += 8 {
		var count [256]uint32
		for _, k := range src {
			count[byte(k>>shift)]++
		}
		sum := uint32(0)
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, k := range src {
			d := byte(k >> shift)
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	h := uint32(2166136261)
	for _, k := range keys {
		h = (h ^ k) * 16777619
	}
	return h
}

// RadixSort returns the checksum of size keys of seed, sorted, in buffers of its own.
func RadixSort(size, seed uint32) uint32 {
	return Sort(make([]uint32, size), make([]uint32, size), seed)
}

// Run is the uniform entry (../../HOSTS.md): radix-sort's one result, the checksum.
func Run(size, seed uint32) []float64 {
	return []float64{float64(RadixSort(size, seed))}
}
