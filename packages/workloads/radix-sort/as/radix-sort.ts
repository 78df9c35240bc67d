// radix-sort's kernel in AssemblyScript (assemblyscript.wasm): the rules of ../README.md on two raw
// blocks of linear memory, kept for the instance and replaced only by a larger call (the stub runtime
// frees the most recent blocks only, which these are). Two blocks: one may hold at most 2^30 bytes.

const count = new StaticArray<u32>(256);
let keys: usize = 0;
let scratch: usize = 0;
let capacity: u32 = 0;

export function radix_sort(size: u32, seed: u32): u32 {
  if (size > capacity) {
    if (capacity != 0) {
      heap.free(scratch);
      heap.free(keys);
    }
    keys = heap.alloc(<usize>size << 2);
    scratch = heap.alloc(<usize>size << 2);
    capacity = size;
  }
  const end = <usize>size << 2;
  let state = seed;
  for (let p: usize = 0; p < end; p += 4) {
    state += 0x9e3779b9;
    let z = state;
    z = (z ^ (z >>> 16)) * 0x85ebca6b;
    z = (z ^ (z >>> 13)) * 0xc2b2ae35;
    store<u32>(keys + p, z ^ (z >>> 16));
  }
  let src = keys, dst = scratch;
  for (let shift: u32 = 0; shift < 32; shift += 8) {
    for (let d = 0; d < 256; d++) unchecked(count[d] = 0);
    for (let p: usize = 0; p < end; p += 4) {
      const d = (load<u32>(src + p) >>> shift) & 255;
      unchecked(count[d] = unchecked(count[d]) + 1);
    }
    let sum: u32 = 0;
    for (let d = 0; d < 256; d++) {
      const c = unchecked(count[d]);
      unchecked(count[d] = sum);
      sum += c;
    }
    for (let p: usize = 0; p < end; p += 4) {
      const k = load<u32>(src + p);
      const d = (k >>> shift) & 255;
      const at = unchecked(count[d]);
      unchecked(count[d] = at + 1);
      store<u32>(dst + (<usize>at << 2), k);
    }
    const t = src; src = dst; dst = t;
  }
  let h: u32 = 2166136261;
  for (let p: usize = 0; p < end; p += 4) h = (h ^ load<u32>(keys + p)) * 16777619;
  return h;
}
