// The stream of a streamed workload in TypeScript (HOSTS.md, "Streamed input"), for the references
// and the tests: the Node hosts' own copy is @arena/variant-kit's stream driver, Go's and C's are
// stream.go and stream.h beside this file.

/**
 * Writes the stream's next `p.length` bytes (a multiple of 4) into p, from generator state `state`
 * (the seed at the stream's start): splitmix32's u32 words, little-endian. Returns the state after them.
 */
export function fill(p: Uint8Array, state: number): number {
  for (let i = 0; i + 4 <= p.length; i += 4) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    p[i] = z & 0xff;
    p[i + 1] = (z >>> 8) & 0xff;
    p[i + 2] = (z >>> 16) & 0xff;
    p[i + 3] = z >>> 24;
  }
  return state;
}

/** The first `length` bytes (a multiple of 4) of seed's stream. */
export function streamBytes(seed: number, length: number): Uint8Array {
  const p = new Uint8Array(length);
  fill(p, seed >>> 0);
  return p;
}

/** Hands `chunks` chunks of `chunkBytes` of seed's stream to `chunk`, in order, in one reused buffer. */
export function drive(chunks: number, seed: number, chunkBytes: number, chunk: (p: Uint8Array) => void): void {
  const p = new Uint8Array(chunkBytes);
  let state = seed >>> 0;
  for (let k = 0; k < chunks; k++) {
    state = fill(p, state);
    chunk(p);
  }
}
