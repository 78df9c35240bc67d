// The sensitivity fixture: fib's C and Go kernels made slower by a known fraction of their compute.
// The extra work is `m` more calls of fib(n − SHIFT), m chosen from the naive recursion's call count
// C(n) = 2·fib(n + 1) − 1 so that it is `fraction` of fib(n)'s calls, and its sum is checked: a
// wrong sum makes the kernel's answer wrong, which the harness fails. So the slower variant does
// the same verified work plus a known extra, nothing the compiler may drop.
//   c-native and clang.wasm (threads-wasi [module=clang]) run fib.c; go-native runs fib.go. The
//   other modules (go.wasm has its own copy, assemblyscript.wasm) stay as they are: unchanged
//   results in the same family, which must not be flagged.

/** How far below n the extra calls recurse: fine enough steps of m for 2 % (m = 17 at n = 36). */
export const SHIFT = 14;

/** fib.c with the extra work in its `fibonacci` (the export of clang.wasm, and c-native's kernel). */
export function slowC(fraction: number): string {
  return `/* fib's kernel, slowed by ${fraction * 100} % of its calls for the sensitivity study (scripts/sensitivity/slowdown.ts). */
#include <stdint.h>

/* The kernel as it was: its own copy, called once, so the compiler treats it as before. */
static uint32_t fib_main(uint32_t n) {
    if (n == 0) return 0;
    if (n == 1) return 1;
    return fib_main(n - 1) + fib_main(n - 2);
}

/* The extra work: the same recursion, a separate copy. */
static uint32_t fib_extra(uint32_t n) {
    if (n == 0) return 0;
    if (n == 1) return 1;
    return fib_extra(n - 1) + fib_extra(n - 2);
}

static uint32_t fib_iter(uint32_t n) {
    uint32_t a = 0, b = 1;
    for (uint32_t i = 0; i < n; i++) { uint32_t t = a + b; a = b; b = t; }
    return a;
}

/* Calls of the naive recursion for n: 2·fib(n + 1) − 1. */
static double calls(uint32_t n) { return 2.0 * fib_iter(n + 1) - 1.0; }

#ifdef ARENA_WASM
__attribute__((export_name("fibonacci")))
#else
static
#endif
uint32_t fibonacci(uint32_t n) {
    uint32_t r = fib_main(n);
    if (n > ${SHIFT}) {
        /* volatile: the compiler may not compute the pure call once for all m */
        volatile uint32_t k = n - ${SHIFT};
        uint32_t m = (uint32_t)(${fraction} * calls(n) / calls(n - ${SHIFT}) + 0.5);
        uint32_t s = 0;
        for (uint32_t i = 0; i < m; i++) s += fib_extra(k);
        if (s != m * fib_iter(n - ${SHIFT})) return r + 1;
    }
    return r;
}

#ifndef ARENA_WASM
void fib_run(uint32_t size, uint32_t seed, double *out) {
    (void)seed;
    out[0] = fibonacci(size);
}
#endif
`;
}

/** fib.go with the same extra work in Run (go-native's entry). */
export function slowGo(fraction: number): string {
  return `// Package fib is fib's kernel in Go, slowed by ${fraction * 100} % of its calls for the sensitivity study (scripts/sensitivity/slowdown.ts).
package fib

// Fib is fibonacci(n) by the naive double recursion, base cases 0 and 1.
func Fib(n uint32) uint32 {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}

func fibIter(n uint32) uint32 {
	a, b := uint32(0), uint32(1)
	for i := uint32(0); i < n; i++ {
		a, b = b, a+b
	}
	return a
}

// calls of the naive recursion for n: 2·fib(n + 1) − 1.
func calls(n uint32) float64 { return 2*float64(fibIter(n+1)) - 1 }

// Run is the uniform entry: fib's one result, plus the extra verified calls.
func Run(size, seed uint32) []float64 {
	r := Fib(size)
	if size > ${SHIFT} {
		k := size - ${SHIFT}
		m := uint32(${fraction}*calls(size)/calls(k) + 0.5)
		var s uint32
		for i := uint32(0); i < m; i++ {
			s += Fib(k)
		}
		if s != m*fibIter(k) {
			r++
		}
	}
	return []float64{float64(r)}
}
`;
}

/** The extra calls as a fraction of fib(n)'s: what the fixture actually adds at size n. */
export function extraFraction(fraction: number, n: number): number {
  const fib = (k: number) => {
    let [a, b] = [0, 1];
    for (let i = 0; i < k; i++) [a, b] = [b, a + b];
    return a;
  };
  const calls = (k: number) => 2 * fib(k + 1) - 1;
  const m = Math.floor((fraction * calls(n)) / calls(n - SHIFT) + 0.5);
  return (m * calls(n - SHIFT)) / calls(n);
}

/** The files the fixture replaces, relative to the repository root. */
export const FILES = { c: 'packages/workloads/fib/c/fib.c', go: 'packages/workloads/fib/go/fib.go' };
