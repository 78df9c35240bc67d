// Shared by the tests: where things are, the manifest, the workloads and their reference answers, and
// a WASI preview1 host like the variants', calling a module through the wasm interface of HOSTS.md.
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { WorkloadSpec } from '@arena/contract';
import { discoverWorkloads, type Workload } from '@arena/workloads/scripts/discover.ts';
import { drive } from '@arena/workloads/stream/stream.ts';
// The Node variants' one way of setting WASI up (by what node:wasi has: Node, Deno or Bun), from source.
import { instantiateWasi } from '../../variant-kit/src/wasi.ts';
import type { Manifest } from '../scripts/manifest.ts';
import { discoverProducers } from '../scripts/producers.ts';

export const pkgDir = fileURLToPath(new URL('../', import.meta.url));
export const distDir = `${pkgDir}dist/`;
export const fixturesDir = `${pkgDir}fixtures/`;

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(`${distDir}manifest.json`, 'utf8')) as Manifest;
}

/** The declared producers (../producers/), in their order. */
export const producers = await discoverProducers();

/** The workload folders the build discovered, by name. */
export const workloads: Map<string, Workload> = new Map(discoverWorkloads().map((w) => [w.name, w]));

/** A workload's reference(size, seed), its answer as an array of results in spec order. */
export async function loadReference(w: Workload): Promise<(size: number, seed: number) => number[]> {
  const mod = (await import(pathToFileURL(path.join(w.dir, 'reference.ts')).href)) as { reference: (size: number, seed: number) => number | number[] };
  return (size, seed) => {
    const answer = mod.reference(size, seed);
    return Array.isArray(answer) ? answer : [answer];
  };
}

/**
 * The (size, seed) pairs every module of a workload is checked on: small sizes and the quick profile's,
 * each with seeds 0, 42 and 2^32 - 1 when the workload is seeded (0 alone when it is not).
 */
export function cases(spec: WorkloadSpec): Array<[size: number, seed: number]> {
  const sizes = [...new Set([1, 2, 10, spec.size.profiles.quick])].filter((s) => s <= spec.size.max);
  const seeds = spec.seeded ? [0, 42, 4294967295] : [0];
  return sizes.flatMap((size) => seeds.map((seed): [number, number] => [size, seed]));
}

/**
 * Instantiates a module under node:wasi (preview1) as the Node variants do — the kit's
 * instantiateWasi — and, for a reactor, runs _initialize.
 */
export async function instantiate(file: string): Promise<WebAssembly.Instance> {
  return instantiateWasi(await WebAssembly.compile(readFileSync(file)));
}

/** A scalar as its spec type reads it back from V8: a u32 comes back as a signed i32. */
const read = (type: 'u32' | 'i32' | 'f64', v: number): number => (type === 'u32' ? v >>> 0 : v);

/**
 * The functions a workload's module must export (HOSTS.md's wasm interface): `<export>`, or for a
 * streamed workload `<export>_buffer`, `_begin`, `<export>` and `_end`; and `<export>_result` when
 * it has more than one result.
 */
export function wasmExports(spec: WorkloadSpec): string[] {
  const name = spec.kernel.export;
  const entries = spec.input === undefined ? [name] : [`${name}_buffer`, `${name}_begin`, name, `${name}_end`];
  return spec.kernel.results.length > 1 ? [...entries, `${name}_result`] : entries;
}

/**
 * Runs the workload through the module and returns every result in spec order: the first from
 * `<export>(size[, seed])` — or, for a streamed workload, from `<export>_end()` after `_begin(size,
 * seed)` and one `<export>(ptr, len)` per chunk of the stream, each copied to `<export>_buffer()`'s
 * address first — and the others from `<export>_result(i)` (HOSTS.md's wasm interface).
 */
export function call(instance: WebAssembly.Instance, spec: WorkloadSpec, size: number, seed: number): number[] {
  const e = instance.exports as Record<string, (...args: number[]) => number>;
  const name = spec.kernel.export;
  let first: number;
  if (spec.input === undefined) {
    first = e[name]!(...(spec.seeded ? [size, seed] : [size]));
  } else {
    const memory = instance.exports.memory as WebAssembly.Memory;
    const ptr = e[`${name}_buffer`]!() >>> 0;
    e[`${name}_begin`]!(size, seed);
    drive(size, seed, spec.input.chunkBytes, (p) => {
      new Uint8Array(memory.buffer, ptr, p.length).set(p);
      e[name]!(ptr, p.length);
    });
    first = e[`${name}_end`]!();
  }
  return spec.kernel.results.map((r, i) => read(r.type, i === 0 ? first : e[`${name}_result`]!(i)));
}

/**
 * A temporary copy of this package's build (scripts/, producers/, package.json; node_modules linked),
 * building the real workloads into its own dist/: for tests that change the declarations or the PATH.
 */
export function kernelsCopy(prefix: string): string {
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), prefix)), 'kernels');
  for (const dir of ['scripts', 'producers']) cpSync(path.join(pkgDir, dir), path.join(copy, dir), { recursive: true });
  cpSync(path.join(pkgDir, 'package.json'), path.join(copy, 'package.json'));
  symlinkSync(path.join(pkgDir, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}
