/* The host side of a streamed workload in C (packages/workloads/HOSTS.md, "Streamed input"): the
 * seeded byte stream, generated chunk by chunk into one reused buffer. The C registry's run of a
 * streamed workload uses it; kernels never do (the host owns the data). */
#ifndef ARENA_STREAM_H
#define ARENA_STREAM_H

#include <stdint.h>

/* The stream of one seed: splitmix32's u32 words, little-endian, are its bytes. */
typedef struct {
  uint32_t state;
} arena_stream;

static inline void arena_stream_init(arena_stream *s, uint32_t seed) { s->state = seed; }

/* Writes the next len bytes of the stream into p; len is a multiple of 4 (every chunkBytes is). */
static inline void arena_stream_fill(arena_stream *s, uint8_t *p, uint32_t len) {
  uint32_t state = s->state;
  for (uint32_t i = 0; i + 4 <= len; i += 4) {
    uint32_t z = (state += 0x9e3779b9u);
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    z ^= z >> 16;
    /* Byte by byte: little-endian whatever the machine's order. */
    p[i] = (uint8_t)z;
    p[i + 1] = (uint8_t)(z >> 8);
    p[i + 2] = (uint8_t)(z >> 16);
    p[i + 3] = (uint8_t)(z >> 24);
  }
  s->state = state;
}

/* Defines `void <w_>_stream_run(uint32_t size, uint32_t seed, double *out)`, the uniform entry
 * of streamed workload <w_> (HOSTS.md): begin, then `size` chunks of `chunk_bytes` of seed's stream,
 * each generated into one reused buffer and handed to <w_>_chunk, then end. The buffer is a
 * thread's own static, not a local array: memory the stream is written to, as any host's buffer. */
#define ARENA_STREAM_RUN(w_, chunk_bytes)                                  \
  void w_##_stream_run(uint32_t size, uint32_t seed, double *out) {        \
    static _Thread_local uint8_t buf[chunk_bytes];                        \
    arena_stream g;                                                        \
    w_##_state s;                                                          \
    arena_stream_init(&g, seed);                                           \
    w_##_begin(&s, size, seed);                                            \
    for (uint32_t k = 0; k < size; k++) {                                  \
      arena_stream_fill(&g, buf, chunk_bytes);                             \
      w_##_chunk(&s, buf, chunk_bytes);                                    \
    }                                                                      \
    w_##_end(&s, out);                                                     \
  }

#endif
