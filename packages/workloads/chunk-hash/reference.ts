// chunk-hash's reference: the stream of HOSTS.md ("Streamed input", ../stream/stream.ts) handed over
// chunk by chunk, as a host does, and folded into a 32-bit FNV-1a hash carried across chunks
// (README.md's rules).
import { drive } from '../stream/stream.ts';

/** The spec's input.chunkBytes: bytes per chunk, i.e. per call. */
export const CHUNK_BYTES = 1024;
/** FNV-1a's 32-bit offset basis: the hash of no bytes. */
export const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

/** FNV-1a over `bytes` in order, from hash `h` (the offset basis for a new hash): a u32. */
export function fnv1a(bytes: Uint8Array, h = FNV_OFFSET): number {
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h >>> 0;
}

/** The hash of `chunks` chunks of seed's stream, folded one chunk at a time. */
export function chunkHash(chunks: number, seed: number, chunkBytes = CHUNK_BYTES): number {
  let h = FNV_OFFSET;
  drive(chunks, seed, chunkBytes, (p) => {
    h = fnv1a(p, h);
  });
  return h;
}

/** The workload's reference: the hash every worker must report for `chunks` and `seed`. */
export const reference = (chunks: number, seed: number): number => chunkHash(chunks, seed);
