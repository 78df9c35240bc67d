import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WASI } from 'node:wasi';

const require = createRequire(import.meta.url);

/** A kernel's `fibonacci`, called with a JS number and answering one (i32 read as unsigned, i64 as a number). */
export type Fibonacci = (n: number) => number;

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
 * Compiles a module's bytes and checks that it exports `fibonacci`
 * (errors as {@link KernelError}).
 */
export function compileKernel(file: string, bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module {
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (error) {
    throw new KernelError(`${file}: not a valid WebAssembly module (${cause(error)})`);
  }
  const exported = WebAssembly.Module.exports(module).some((e) => e.name === 'fibonacci' && e.kind === 'function');
  if (!exported) throw new KernelError(`${file}: no export fibonacci`);
  return module;
}

/**
 * Instantiates a compiled kernel with its own `WASI({ version: 'preview1' })`, runs the reactor's
 * `_initialize` when it exports one, and returns its `fibonacci`. Whatever fails (link error,
 * missing export, a trap in `_initialize`) becomes a {@link KernelError} naming `file`.
 */
export function instantiateKernel(file: string, module: WebAssembly.Module): Fibonacci {
  let exports: WebAssembly.Exports;
  const wasi = new WASI({ version: 'preview1' });
  try {
    const instance = new WebAssembly.Instance(module, wasi.getImportObject() as WebAssembly.Imports);
    exports = instance.exports;
    if (typeof exports._initialize === 'function') wasi.initialize(instance);
  } catch (error) {
    throw new KernelError(`${file}: cannot instantiate (${cause(error)})`);
  }
  const fibonacci = exports.fibonacci;
  if (typeof fibonacci !== 'function') throw new KernelError(`${file}: no export fibonacci`);
  const call = fibonacci as (n: number | bigint) => number | bigint;
  return (n) => {
    let result: number | bigint;
    try {
      try {
        result = call(n);
      } catch (error) {
        // An i64 parameter takes a BigInt: V8 refuses a number before running anything.
        if (!(error instanceof TypeError && /BigInt/.test(error.message))) throw error;
        result = call(BigInt(n));
      }
    } catch (error) {
      throw new KernelError(`${file}: fibonacci(${n}) failed: ${error instanceof WebAssembly.RuntimeError ? 'trap: ' : ''}${cause(error)}`);
    }
    // i32 results arrive signed: fib(47) needs all 32 bits.
    return typeof result === 'bigint' ? Number(result) : result < 0 ? result >>> 0 : result;
  };
}
