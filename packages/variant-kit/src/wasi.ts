import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WASI } from 'node:wasi';
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

/** The exports a workload's module must have: `kernel.export`, and `<export>_result` when it has more than one result. */
export function kernelExports(spec: WorkloadSpec): string[] {
  const name = spec.kernel.export;
  return spec.kernel.results.length > 1 ? [name, `${name}_result`] : [name];
}

/**
 * Compiles a module's bytes and checks that it exports the workload's kernel ({@link kernelExports})
 * as functions (errors as {@link KernelError}, naming the file and the export).
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
  return module;
}

/** Reads one result of the kind the spec gives: a u32 arrives from V8 as a signed i32 (fib(47) needs all 32 bits), an i64 as a BigInt. */
function reader(type: Scalar): (value: number | bigint) => number {
  if (type === 'u32') return (value) => (typeof value === 'bigint' ? Number(BigInt.asUintN(32, value)) : value >>> 0);
  return (value) => Number(value);
}

type WasmFunction = (...args: Array<number | bigint>) => number | bigint;

/**
 * Instantiates a compiled kernel with its own `WASI({ version: 'preview1' })`, runs the reactor's
 * `_initialize` when it exports one, and returns the workload's kernel: `(size, seed) => number[]`,
 * which calls `exports[spec.kernel.export]` with the spec's params (size, then seed when seeded) for
 * the first result and `<export>_result(i)` for result i (1-based after the first) of that call,
 * each read as its type says (a `u32` with `>>> 0`). Whatever fails (link error, missing export, a
 * trap in `_initialize` or in a call) becomes a {@link KernelError} naming `file`.
 */
export function instantiateKernel(file: string, module: WebAssembly.Module, spec: WorkloadSpec): Kernel {
  let exports: WebAssembly.Exports;
  const wasi = new WASI({ version: 'preview1' });
  try {
    const instance = new WebAssembly.Instance(module, wasi.getImportObject() as WebAssembly.Imports);
    exports = instance.exports;
    if (typeof exports._initialize === 'function') wasi.initialize(instance);
  } catch (error) {
    throw new KernelError(`${file}: cannot instantiate (${cause(error)})`);
  }
  const [name, resultName] = kernelExports(spec) as [string, string | undefined];
  const functionOf = (exportName: string): WasmFunction => {
    const exported = exports[exportName];
    if (typeof exported !== 'function') throw new KernelError(`${file}: no export ${exportName}`);
    return exported as WasmFunction;
  };
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
