// chunk-hash's kernel in C (c-native through the C registry's stream driver, and clang.wasm with
// -DARENA_WASM): the rules of ../README.md, 32-bit FNV-1a carried across chunks.
#include <stdint.h>

typedef struct {
  uint32_t h;
} chunk_hash_state;

/** Starts a hash: the FNV-1a offset basis. The size and seed change nothing: the host owns the stream. */
void chunk_hash_begin(chunk_hash_state *s, uint32_t size, uint32_t seed) {
  (void)size;
  (void)seed;
  s->h = 2166136261u;
}

/** Folds the next `len` bytes of the stream into the hash, byte by byte, in order. */
void chunk_hash_chunk(chunk_hash_state *s, const uint8_t *p, uint32_t len) {
  uint32_t h = s->h;
  for (uint32_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 16777619u;
  }
  s->h = h;
}

/** The hash after the last chunk: the one result. */
void chunk_hash_end(chunk_hash_state *s, double *out) { out[0] = s->h; }

#ifdef ARENA_WASM
// The wasm interface of a streamed workload (HOSTS.md): a static buffer of the spec's chunkBytes the
// host copies each chunk into, begin, one call per chunk, end.
static chunk_hash_state state;
static uint8_t buffer[1024];

__attribute__((export_name("chunk_hash_buffer"))) uint32_t chunk_hash_buffer_export(void) { return (uint32_t)(uintptr_t)buffer; }

__attribute__((export_name("chunk_hash_begin"))) void chunk_hash_begin_export(uint32_t size, uint32_t seed) {
  chunk_hash_begin(&state, size, seed);
}

__attribute__((export_name("chunk_hash"))) void chunk_hash_export(uint32_t ptr, uint32_t len) {
  chunk_hash_chunk(&state, (const uint8_t *)(uintptr_t)ptr, len);
}

__attribute__((export_name("chunk_hash_end"))) uint32_t chunk_hash_end_export(void) { return state.h; }
#endif
