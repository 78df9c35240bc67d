/* Naive doubly recursive fibonacci, exported to the WASI host as "fibonacci".
 * Built as a WASI reactor: clang --target=wasm32-wasi -O2 -mexec-model=reactor */
#include <stdint.h>

__attribute__((export_name("fibonacci")))
uint32_t fibonacci(uint32_t n) {
    if (n == 0) return 0;
    if (n == 1) return 1;
    return fibonacci(n - 1) + fibonacci(n - 2);
}
