// chunk-hash's kernel in JavaScript (cluster-js, threads-js, through @arena/variant-kit's stream
// driver): the rules of ../README.md, 32-bit FNV-1a carried across chunks in module state (each
// worker has its own module instance).
let h = 0;

/** Starts a hash: the FNV-1a offset basis. The size and seed change nothing: the host owns the stream. */
export function begin(_size, _seed) {
  h = 0x811c9dc5;
}

/** Folds the next bytes of the stream (a Uint8Array) into the hash, byte by byte, in order. */
export function chunk(bytes) {
  let x = h;
  for (let i = 0; i < bytes.length; i++) x = Math.imul(x ^ bytes[i], 16777619);
  h = x;
}

/** The hash after the last chunk, as a u32: the one result. */
export function end() {
  return [h >>> 0];
}
