/* fib's kernel in C (c-native, and clang.wasm with -DARENA_WASM): the rules of ../README.md.
 * Naive doubly recursive fibonacci; under ARENA_WASM it is the module's "fibonacci" export itself,
 * built as a WASI reactor: clang --target=wasm32-wasi -O2 -mexec-model=reactor -DARENA_WASM */
#include <stdint.h>

#ifdef ARENA_WASM
__attribute__((export_name("fibonacci")))
#else
static
#endif
uint32_t fibonacci(uint32_t n) {
    if (n == 0) return 0;
    if (n == 1) return 1;
    return fibonacci(n - 1) + fibonacci(n - 2);
}

#ifndef ARENA_WASM
/* The uniform C entry (../../HOSTS.md): fibonacci(size) into out[0]; fib takes no seed. */
void fib_run(uint32_t size, uint32_t seed, double *out) {
    (void)seed;
    out[0] = fibonacci(size);
}
#endif
