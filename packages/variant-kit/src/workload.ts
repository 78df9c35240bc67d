// The workloads a Node host runs, found at run time in the @arena/workloads package folder
// (packages/workloads/HOSTS.md): `<w>/workload.json`, read with a plain JSON.parse (the contract's
// zod schema validates the specs in @arena/workloads' own tests, never on the timed path), and
// `<w>/js/<w>.js`, the JavaScript kernel. No list of workloads is kept here: a new folder there is
// a new workload every Node variant runs, with no variant edited or rebuilt.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { driveStream } from './stream.js';

/** A scalar that crosses the host↔kernel boundary. */
export type Scalar = 'u32' | 'i32' | 'f64';

/**
 * The parts of a workload's spec (`<w>/workload.json`, the contract's `workloadSpec`) that a host
 * uses. The file is trusted as the contract's tests checked it.
 */
export interface WorkloadSpec {
  name: string;
  size: { name: string; max: number; profiles: { default: number; quick: number; article: number } };
  seeded: boolean;
  kernel: {
    export: string;
    params: Array<{ name: string; type: Scalar }>;
    results: Array<{ name: string; type: Scalar }>;
  };
  answer: { type: 'u32' | 'f64[]'; compare: 'exact' };
  /**
   * Present for a streamed workload (HOSTS.md, "Streamed input"): the host generates the seeded byte
   * stream and hands it to the kernel `chunkBytes` at a time; `size` counts chunks. Absent: the
   * kernel computes from (size, seed) in one call.
   */
  input?: { kind: 'stream'; chunkBytes: number };
}

/**
 * A workload's kernel, in any runtime: computes the work for `size` and `seed` (ignored by an
 * unseeded workload) and returns the spec's results in order (`kernel.results`).
 */
export type Kernel = (size: number, seed: number) => number[];

/** One worker's answer in the report line, typed by the spec's `answer.type`: `u32` → a number, `f64[]` → the results. */
export type Answer = number | number[];

/** Where to look the workloads up (tests give another folder; variants use the default). */
export interface WorkloadSource {
  /** The folder holding one folder per workload. */
  dir: string;
}

/** A workload name as the contract spells it; anything else (a path, `..`) is never looked up. */
export const WORKLOAD_NAME = /^[a-z][a-z0-9-]*$/;

let packageDir: string | undefined;

/**
 * The folder of the `@arena/workloads` package, resolved from this package the way Node resolves
 * any dependency (the workspace link `node_modules/@arena/workloads`), once.
 */
export function workloadsDir(): string {
  packageDir ??= dirname(createRequire(import.meta.url).resolve('@arena/workloads/package.json'));
  return packageDir;
}

const dirOf = (source?: WorkloadSource): string => source?.dir ?? workloadsDir();

/** The workloads there: every folder with a `workload.json`, sorted (for error messages; it reads a directory). */
export function workloadNames(source?: WorkloadSource): string[] {
  const dir = dirOf(source);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.filter((name) => WORKLOAD_NAME.test(name) && existsSync(join(dir, name, 'workload.json'))).sort();
}

/**
 * Reads workload `name`'s spec (`<dir>/<name>/workload.json`, one small file, plain JSON.parse), or
 * undefined when there is no such workload. A spec that cannot be parsed throws, naming the file.
 */
export function readWorkload(name: string, source?: WorkloadSource): WorkloadSpec | undefined {
  if (!WORKLOAD_NAME.test(name)) return undefined;
  const file = join(dirOf(source), name, 'workload.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as WorkloadSpec;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The path of workload `name`'s JavaScript kernel, `<dir>/<name>/js/<name>.js`. */
export const jsKernelFile = (name: string, source?: WorkloadSource): string => join(dirOf(source), name, 'js', `${name}.js`);

/** A streamed workload's JavaScript entries (HOSTS.md): begin once, chunk per chunk, end once. */
interface StreamEntries {
  begin: (size: number, seed: number) => void;
  chunk: (bytes: Uint8Array) => void;
  end: () => number[];
}

/**
 * Imports workload `name`'s JavaScript kernel and returns its `run(size, seed) → number[]` — or, for
 * a streamed workload (its spec's `input`), a kernel that calls `begin(size, seed)`, then `chunk`
 * with each of `size` chunks of the seed's stream (one reused Uint8Array), then returns `end()`. A
 * missing file or a module without those entries rejects with an error naming the file. Call it
 * before saying `ready`, so that loading the module is not part of the timed computation.
 */
export async function loadJsKernel(name: string, source?: WorkloadSource): Promise<Kernel> {
  const file = jsKernelFile(name, source);
  let kernel: Record<string, unknown>;
  try {
    kernel = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: cannot load the JavaScript kernel of ${name} (${error instanceof Error ? error.message : String(error)})`);
  }
  const input = readWorkload(name, source)?.input;
  if (input === undefined) {
    if (typeof kernel.run !== 'function') throw new Error(`${file}: no export run (the kernel's entry, run(size, seed) → number[])`);
    return kernel.run as Kernel;
  }
  for (const entry of ['begin', 'chunk', 'end']) {
    if (typeof kernel[entry] !== 'function') throw new Error(`${file}: no export ${entry} (a streamed workload's entries: begin(size, seed), chunk(bytes), end() → number[])`);
  }
  const { begin, chunk, end } = kernel as unknown as StreamEntries;
  const { chunkBytes } = input;
  return (size, seed) => {
    begin(size, seed);
    driveStream(size, seed, chunkBytes, chunk);
    return end();
  };
}

/**
 * A kernel's results as the worker's answer in the report: the first for `u32`, all of them for
 * `f64[]`. Throws when the count is not the spec's (`kernel.results`).
 */
export function answerOf(spec: WorkloadSpec, results: readonly number[]): Answer {
  if (!Array.isArray(results) || results.length !== spec.kernel.results.length) {
    const got = Array.isArray(results) ? `${results.length} result(s)` : `${JSON.stringify(results)}`;
    throw new Error(`${spec.name}: a worker returned ${got}, the spec has ${spec.kernel.results.length}`);
  }
  return spec.answer.type === 'u32' ? (results[0] as number) : [...results];
}
