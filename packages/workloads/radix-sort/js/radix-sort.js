// radix-sort's kernel in JavaScript (cluster-js, threads-js): the rules of ../README.md on two
// Uint32Arrays, with Math.imul and >>> 0 for the u32 arithmetic.

/** The FNV-1a checksum of the `size` keys of `seed` (u32), sorted by 4 LSD passes of 8-bit digits. */
export function radixSort(size, seed) {
  const keys = new Uint32Array(size);
  const scratch = new Uint32Array(size);
  let state = seed >>> 0;
  for (let i = 0; i < size; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    keys[i] = z ^ (z >>> 16);
  }
  const count = new Uint32Array(256);
  let src = keys,
    dst = scratch;
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let i = 0; i < size; i++) count[(src[i] >>> shift) & 255]++;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < size; i++) {
      const k = src[i];
      dst[count[(k >>> shift) & 255]++] = k;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  let h = 2166136261;
  for (let i = 0; i < size; i++) h = Math.imul(h ^ keys[i], 16777619);
  return h >>> 0;
}

/** The uniform entry (../../HOSTS.md): radix-sort's one result, the checksum. */
export function run(size, seed) {
  return [radixSort(size, seed)];
}
