// The host side of a streamed workload in Node (packages/workloads/HOSTS.md, "Streamed input"): the
// seeded byte stream, generated chunk by chunk into one reused Uint8Array and handed to a chunk
// function — the JavaScript kernel's chunk, or a copy into linear memory and a wasm call.

/** Whether this machine stores a u32 little-endian, so the stream's words can be written whole. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Writes the stream's next `words.length` u32 words into `words` (over a chunk's bytes), from
 * generator state `state`; returns the state after them. On a big-endian machine the words are
 * byte-swapped so the bytes stay little-endian, as HOSTS.md fixes them.
 */
function fillWords(words: Uint32Array, state: number): number {
  for (let i = 0; i < words.length; i++) {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    words[i] = LITTLE_ENDIAN ? z : ((z & 0xff) << 24) | ((z & 0xff00) << 8) | ((z >>> 8) & 0xff00) | (z >>> 24);
  }
  return state;
}

/**
 * Hands `chunks` chunks of `chunkBytes` (a multiple of 4) of seed's stream to `chunk`, in order, each
 * generated just before its call into one buffer that is reused: `chunk` must not keep it.
 */
export function driveStream(chunks: number, seed: number, chunkBytes: number, chunk: (bytes: Uint8Array) => void): void {
  const bytes = new Uint8Array(chunkBytes);
  const words = new Uint32Array(bytes.buffer, 0, chunkBytes >>> 2);
  let state = seed | 0;
  for (let k = 0; k < chunks; k++) {
    state = fillWords(words, state);
    chunk(bytes);
  }
}
