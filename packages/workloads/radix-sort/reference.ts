// The radix-sort reference: the seeded keys, sorted, checksummed. The sorted order of a multiset of
// u32 is unique, so a typed-array sort gives the kernels' LSD radix sort's result (README.md's rules)
// by an independent route.

/** The `size` keys of README.md: splitmix32 seeded with `seed`, one u32 per key. */
export function keys(size: number, seed: number): Uint32Array {
  const out = new Uint32Array(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    out[i] = (z ^ (z >>> 16)) >>> 0;
  }
  return out;
}

/** Word-wise FNV-1a of the keys in order: h = (h ^ key) × 16777619 mod 2^32, from 2166136261. */
export function checksum(sorted: Uint32Array): number {
  let h = 2166136261;
  for (const k of sorted) h = Math.imul(h ^ k, 16777619) >>> 0;
  return h;
}

/** The workload's reference: the checksum every worker must report for `size` keys and `seed`. */
export const reference = (size: number, seed: number): number => checksum(keys(size, seed).sort());
