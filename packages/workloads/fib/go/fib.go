// Package fib is fib's kernel in Go (go-native): the rules of ../README.md.
package fib

// Fib is fibonacci(n) by the naive double recursion, base cases 0 and 1.
func Fib(n uint32) uint32 {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}

// Run is the uniform entry (../../HOSTS.md): fib's one result; fib takes no seed.
func Run(size, seed uint32) []float64 {
	return []float64{float64(Fib(size))}
}
