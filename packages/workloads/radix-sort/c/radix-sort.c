// radix-sort's kernel in C (c-native, and clang.wasm with -DARENA_WASM): the rules of ../README.md.
#include <stdint.h>
#include <stdlib.h>

/** Fills keys, sorts them (scratch is the ping-pong buffer) and returns their FNV-1a checksum. */
static uint32_t radix_sort_checksum(uint32_t *keys, uint32_t *scratch, uint32_t size, uint32_t seed) {
  uint32_t state = seed;
  for (uint32_t i = 0; i < size; i++) {
    uint32_t z = (state += 0x9e3779b9u);
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    keys[i] = z ^ (z >> 16);
  }
  uint32_t *src = keys, *dst = scratch;
  for (unsigned shift = 0; shift < 32; shift += 8) {
    uint32_t count[256] = {0};
    for (uint32_t i = 0; i < size; i++) count[(src[i] >> shift) & 255]++;
    uint32_t sum = 0;
    for (int d = 0; d < 256; d++) {
      uint32_t c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (uint32_t i = 0; i < size; i++) {
      uint32_t k = src[i];
      dst[count[(k >> shift) & 255]++] = k;
    }
    uint32_t *t = src; src = dst; dst = t;
  }
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < size; i++) h = (h ^ keys[i]) * 16777619u;
  return h;
}

/**
 * The uniform C entry (../../HOSTS.md): the checksum of `size` keys of `seed`, sorted, into out[0].
 * Buffers per call, so c-native's threads share nothing.
 */
void radix_sort_run(uint32_t size, uint32_t seed, double *out) {
  uint32_t *keys = malloc((size_t)size * sizeof *keys);
  uint32_t *scratch = malloc((size_t)size * sizeof *scratch);
  if (keys == NULL || scratch == NULL) abort(); // SIGABRT natively, a trap in wasm: no wrong answer
  out[0] = radix_sort_checksum(keys, scratch, size, seed);
  free(scratch);
  free(keys);
}

#ifdef ARENA_WASM
// The wasm interface (../README.md): radix_sort(keys, seed) returns the checksum. wasi-libc's malloc
// keeps freed memory in the instance, so a second call reuses the first one's pages.
__attribute__((export_name("radix_sort"))) uint32_t radix_sort_export(uint32_t size, uint32_t seed) {
  double out[1];
  radix_sort_run(size, seed, out);
  return (uint32_t)out[0];
}
#endif
