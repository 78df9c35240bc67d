// chunk-hash's kernel in AssemblyScript (assemblyscript.wasm): the rules of ../README.md, with the
// wasm interface of a streamed workload (HOSTS.md) in static memory, no GC.

// The buffer the host copies each chunk into: the spec's input.chunkBytes, reserved in the data segment.
const buffer: usize = memory.data(1024);
let h: u32 = 0;

export function chunk_hash_buffer(): u32 {
  return <u32>buffer;
}

export function chunk_hash_begin(size: u32, seed: u32): void {
  h = 2166136261;
}

export function chunk_hash(ptr: u32, len: u32): void {
  let x = h;
  for (let i: u32 = 0; i < len; i++) {
    x ^= load<u8>(<usize>(ptr + i));
    x *= 16777619;
  }
  h = x;
}

export function chunk_hash_end(): u32 {
  return h;
}
