import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WASI } from 'node:wasi';
import { driveStream } from './stream.js';
import type { Kernel, Scalar, WorkloadSpec } from './workload.js';

const require = createRequire(import.meta.url);

/** A failure of a WASI kernel; its message names the module file and the cause. */
export class KernelError extends Error {
  override name = 'KernelError';
}

function cause(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a module file; a missing or unreadable file becomes a {@link KernelError}. */
export function readKernel(file: string): Uint8Array<ArrayBuffer> {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new KernelError(`${file}: cannot read module (${cause(error)})`);
  }
}

/**
 * The lowercase hex sha256 of a module's bytes: the report's `moduleSha256`, which proves which
 * module ran. Hash the very bytes given to {@link compileKernel}. node:crypto loads on first use, so
 * threads that only instantiate never load it.
 */
export function moduleSha256(bytes: Uint8Array): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The functions a workload's module must export: `kernel.export` — for a streamed workload
 * `<export>_buffer`, `<export>_begin`, `<export>` and `<export>_end` (HOSTS.md, "Streamed input") —
 * and `<export>_result` when it has more than one result.
 */
export function kernelExports(spec: WorkloadSpec): string[] {
  const name = spec.kernel.export;
  const entries = spec.input === undefined ? [name] : [`${name}_buffer`, `${name}_begin`, name, `${name}_end`];
  return spec.kernel.results.length > 1 ? [...entries, `${name}_result`] : entries;
}

/**
 * Compiles a module's bytes and checks that it exports the workload's kernel ({@link kernelExports})
 * as functions, and for a streamed workload its `memory` (errors as {@link KernelError}, naming the
 * file and the export).
 */
export function compileKernel(file: string, bytes: Uint8Array<ArrayBuffer>, spec: WorkloadSpec): WebAssembly.Module {
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (error) {
    throw new KernelError(`${file}: not a valid WebAssembly module (${cause(error)})`);
  }
  const exported = WebAssembly.Module.exports(module);
  for (const name of kernelExports(spec)) {
    if (!exported.some((e) => e.name === name && e.kind === 'function')) throw new KernelError(`${file}: no export ${name}`);
  }
  if (spec.input !== undefined && !exported.some((e) => e.name === 'memory' && e.kind === 'memory')) {
    throw new KernelError(`${file}: no export memory (a streamed workload's chunks are copied into it)`);
  }
  return module;
}

/** Reads one result of the kind the spec gives: a u32 arrives from V8 as a signed i32 (fib(47) needs all 32 bits), an i64 as a BigInt. */
function reader(type: Scalar): (value: number | bigint) => number {
  if (type === 'u32') return (value) => (typeof value === 'bigint' ? Number(BigInt.asUintN(32, value)) : value >>> 0);
  return (value) => Number(value);
}

type WasmFunction = (...args: Array<number | bigint>) => number | bigint;

/**
 * The parts of a `node:wasi` WASI object that {@link instantiateWasi} uses. Runtimes differ: Node and
 * Deno have `getImportObject()` and `initialize(instance)`; Bun (1.4) has neither, but has the
 * preview1 functions as `wasiImport` and takes the instance's memory with `setMemory(memory)`.
 */
export interface WasiLike {
  getImportObject?: () => object;
  initialize?: (instance: WebAssembly.Instance) => void;
  wasiImport?: object;
  setMemory?: (memory: WebAssembly.Memory) => void;
}

/**
 * Instantiates a compiled module with a WASI preview1 object (by default its own
 * `new WASI({ version: 'preview1' })`, which Node 20 requires) and runs a reactor's `_initialize`
 * when it exports one. The WASI object is driven by what it has, never by the runtime's name: with
 * `getImportObject` and `initialize` (Node, Deno) as Node documents it; otherwise with `wasiImport`
 * (Bun) as the `wasi_snapshot_preview1` imports, then `setMemory(exports.memory)` when it has both,
 * then `_initialize()`. The one place in the repository that instantiates a WASI module; errors
 * are thrown as they come (a link error, a trap in `_initialize`).
 */
export function instantiateWasi(module: WebAssembly.Module, wasi: WasiLike = new WASI({ version: 'preview1' })): WebAssembly.Instance {
  if (typeof wasi.getImportObject === 'function' && typeof wasi.initialize === 'function') {
    const instance = new WebAssembly.Instance(module, wasi.getImportObject() as WebAssembly.Imports);
    if (typeof instance.exports._initialize === 'function') wasi.initialize(instance);
    return instance;
  }
  if (typeof wasi.wasiImport !== 'object' || wasi.wasiImport === null) {
    throw new Error('node:wasi has neither getImportObject() and initialize() nor wasiImport in this runtime');
  }
  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport as WebAssembly.ModuleImports });
  const { memory, _initialize } = instance.exports;
  if (memory instanceof WebAssembly.Memory && typeof wasi.setMemory === 'function') wasi.setMemory(memory);
  if (typeof _initialize === 'function') (_initialize as () => void)();
  return instance;
}

/**
 * Instantiates a compiled kernel with its own `WASI({ version: 'preview1' })` through
 * {@link instantiateWasi} (Node, Deno and Bun alike; `wasi` replaces it in tests), runs the
 * reactor's `_initialize` when it exports one, and returns the workload's kernel:
 * `(size, seed) => number[]`,
 * which calls `exports[spec.kernel.export]` with the spec's params (size, then seed when seeded) for
 * the first result — for a streamed workload, see {@link streamKernel} — and `<export>_result(i)` for
 * result i (1-based after the first) of that call, each read as its type says (a `u32` with `>>> 0`).
 * Whatever fails (link error, missing export, a trap in `_initialize` or in a call) becomes a
 * {@link KernelError} naming `file`.
 */
export function instantiateKernel(file: string, module: WebAssembly.Module, spec: WorkloadSpec, wasi?: WasiLike): Kernel {
  let exports: WebAssembly.Exports;
  try {
    exports = instantiateWasi(module, wasi).exports;
  } catch (error) {
    throw new KernelError(`${file}: cannot instantiate (${cause(error)})`);
  }
  const functionOf = (exportName: string): WasmFunction => {
    const exported = exports[exportName];
    if (typeof exported !== 'function') throw new KernelError(`${file}: no export ${exportName}`);
    return exported as WasmFunction;
  };
  for (const exportName of kernelExports(spec)) functionOf(exportName);
  if (spec.input !== undefined) return streamKernel(file, exports, spec);
  const name = spec.kernel.export;
  const resultName = spec.kernel.results.length > 1 ? `${name}_result` : undefined;
  const call = functionOf(name);
  const result = resultName === undefined ? undefined : functionOf(resultName);
  const read = spec.kernel.results.map((r) => reader(r.type));
  const seeded = spec.seeded;
  // An i64 parameter takes a BigInt: V8 refuses a number before running anything.
  const bigintRefused = (error: unknown) => error instanceof TypeError && /BigInt/.test(error.message);
  const invoke = (f: WasmFunction, args: number[]): number | bigint => {
    try {
      return f(...args);
    } catch (error) {
      if (!bigintRefused(error)) throw error;
      return f(...args.map((a) => BigInt(a)));
    }
  };
  return (size, seed) => {
    const args = seeded ? [size, seed] : [size];
    const results = new Array<number>(read.length);
    let i = 0;
    try {
      results[0] = read[0]!(invoke(call, args));
      for (i = 1; i < read.length; i++) results[i] = read[i]!(invoke(result!, [i]));
    } catch (error) {
      const what = i === 0 ? `${name}(${args.join(', ')})` : `${resultName}(${i})`;
      throw new KernelError(`${file}: ${what} failed: ${error instanceof WebAssembly.RuntimeError ? 'trap: ' : ''}${cause(error)}`);
    }
    return results;
  };
}

/**
 * A streamed workload's kernel on an instance whose exports {@link instantiateKernel} checked:
 * `<export>_buffer()` gives the address of the module's chunk buffer; `<export>_begin(size, seed)`;
 * then per chunk of the seed's stream, generated into the host's own Uint8Array, a copy into linear
 * memory at that address and `<export>(ptr, len)`; then `<export>_end()` for the first result and
 * `<export>_result(i)` for the others. A trap, or a buffer outside memory, is a {@link KernelError}.
 */
function streamKernel(file: string, exports: WebAssembly.Exports, spec: WorkloadSpec): Kernel {
  const name = spec.kernel.export;
  const f = (suffix: string) => exports[`${name}${suffix}`] as (...args: number[]) => number;
  const [buffer, begin, chunk, end, result] = [f('_buffer'), f('_begin'), f(''), f('_end'), f('_result')];
  const memory = exports.memory;
  if (!(memory instanceof WebAssembly.Memory)) throw new KernelError(`${file}: no export memory (a streamed workload's chunks are copied into it)`);
  const read = spec.kernel.results.map((r) => reader(r.type));
  const chunkBytes = spec.input!.chunkBytes;
  return (size, seed) => {
    let what = `${name}_buffer()`;
    const results = new Array<number>(read.length);
    try {
      const ptr = buffer() >>> 0;
      if (ptr + chunkBytes > memory.buffer.byteLength) throw new Error(`buffer at ${ptr} + ${chunkBytes} bytes is outside memory (${memory.buffer.byteLength} bytes)`);
      // A view made again only when memory grew (its old ArrayBuffer is then detached, length 0).
      let view = new Uint8Array(memory.buffer, ptr, chunkBytes);
      what = `${name}_begin(${size}, ${seed})`;
      begin(size, seed);
      what = `${name}(${ptr}, ${chunkBytes})`;
      driveStream(size, seed, chunkBytes, (bytes) => {
        if (view.byteLength === 0) view = new Uint8Array(memory.buffer, ptr, chunkBytes);
        view.set(bytes);
        chunk(ptr, chunkBytes);
      });
      what = `${name}_end()`;
      results[0] = read[0]!(end());
      for (let i = 1; i < read.length; i++) {
        what = `${name}_result(${i})`;
        results[i] = read[i]!(result(i));
      }
    } catch (error) {
      throw new KernelError(`${file}: ${what} failed: ${error instanceof WebAssembly.RuntimeError ? 'trap: ' : ''}${cause(error)}`);
    }
    return results;
  };
}
