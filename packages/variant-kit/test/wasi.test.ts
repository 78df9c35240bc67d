import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { compileKernel, instantiateKernel, instantiateWasi, kernelExports, KernelError, moduleSha256, readKernel, type WasiLike } from '../src/wasi.js';
import type { WorkloadSpec } from '../src/workload.js';
import * as modules from './fixtures/modules.js';
import { fibLike, mixLike, pairLike, streamLike } from './fixtures/specs.js';
import { streamBytes } from '../../workloads/stream/stream.ts';

const load = (bytes: Uint8Array<ArrayBuffer>, spec: WorkloadSpec = fibLike) => instantiateKernel('k.wasm', compileKernel('k.wasm', bytes, spec), spec);

describe('readKernel', () => {
  it('names the file when it cannot be read', () => {
    assert.throws(
      () => readKernel('missing/nope.wasm'),
      (error: unknown) => {
        assert.ok(error instanceof KernelError);
        assert.match(error.message, /^missing\/nope\.wasm: cannot read module \(ENOENT/);
        return true;
      },
    );
  });
});

describe('moduleSha256', () => {
  it('is the lowercase hex sha256 of the bytes', () => {
    assert.equal(moduleSha256(modules.reactorI32), createHash('sha256').update(modules.reactorI32).digest('hex'));
    assert.equal(moduleSha256(new Uint8Array()), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('kernelExports', () => {
  it("is the spec's export, and <export>_result when it has more than one result", () => {
    assert.deepEqual(kernelExports(fibLike), ['fibonacci']);
    assert.deepEqual(kernelExports(pairLike), ['pair', 'pair_result']);
  });
  it('is <export>_buffer, _begin, <export> and _end for a streamed workload (and _result)', () => {
    assert.deepEqual(kernelExports(streamLike), ['sum_buffer', 'sum_begin', 'sum', 'sum_end', 'sum_result']);
    assert.deepEqual(kernelExports({ ...streamLike, kernel: { ...streamLike.kernel, results: [{ name: 's', type: 'u32' }] } }), ['sum_buffer', 'sum_begin', 'sum', 'sum_end']);
  });
});

describe('compileKernel', () => {
  it('rejects bytes that are not WebAssembly, naming the file', () => {
    assert.throws(() => compileKernel('junk.wasm', new Uint8Array([1, 2, 3]), fibLike), /^KernelError: junk\.wasm: not a valid WebAssembly module/);
  });
  it("rejects a module without the spec's export, naming module and export", () => {
    assert.throws(() => compileKernel('no.wasm', modules.noExport, fibLike), { name: 'KernelError', message: 'no.wasm: no export fibonacci' });
    assert.throws(() => compileKernel('k.wasm', modules.reactorI32, pairLike), { name: 'KernelError', message: 'k.wasm: no export pair' });
  });
  it("rejects a streamed workload's module without a stream entry or without memory", () => {
    assert.throws(() => compileKernel('p.wasm', modules.pairF64, streamLike), { name: 'KernelError', message: 'p.wasm: no export sum_buffer' });
    assert.throws(() => compileKernel('s.wasm', modules.streamNoMemory, streamLike), { name: 'KernelError', message: "s.wasm: no export memory (a streamed workload's chunks are copied into it)" });
  });
  it('rejects a module of several results without <export>_result', () => {
    assert.throws(() => compileKernel('p.wasm', modules.pairWithoutResult, pairLike), { name: 'KernelError', message: 'p.wasm: no export pair_result' });
  });
});

describe('instantiateKernel', () => {
  it('runs _initialize of a reactor before the kernel is called, and answers its results as an array', () => {
    assert.deepEqual(load(modules.reactorI32)(20, 0), [6765]);
  });
  it('gives each call its own instance', () => {
    const module = compileKernel('k.wasm', modules.oncePerInstance, fibLike);
    const first = instantiateKernel('k.wasm', module, fibLike);
    assert.deepEqual([first(10, 0), instantiateKernel('k.wasm', module, fibLike)(11, 0)], [[55], [89]]);
    // The fixture does notice sharing: a second call on one instance traps.
    assert.throws(() => first(12, 0), { name: 'KernelError', message: 'k.wasm: fibonacci(12) failed: trap: unreachable' });
  });
  it('passes the size as a BigInt to an i64 kernel and answers a number', () => {
    assert.deepEqual(load(modules.libraryI64)(20, 0), [6765]);
  });
  it('reads a u32 result as unsigned (fib(47) needs all 32 bits)', () => {
    assert.deepEqual(load(modules.signedResult)(47, 0), [2971215073]);
  });
  it('passes size then seed to a seeded kernel, the seed as a u32 (3e9 crosses as a negative i32)', () => {
    assert.deepEqual(load(modules.mixU32, mixLike)(5, 3_000_000_000), [3_000_000_005]);
    assert.deepEqual(load(modules.mixU32, mixLike)(1, 4294967295), [0]);
  });
  it('reads further results with <export>_result(i), 1-based after the first, of the same call', () => {
    const pair = load(modules.pairF64, pairLike);
    assert.deepEqual(pair(10, 3_000_000_000), [10 / 3, 3_000_000_000]);
    assert.deepEqual(pair(1, 7), [1 / 3, 7]);
  });
  it("streams: begins, copies each chunk of the seed's stream to <export>_buffer()'s address and calls <export>(ptr, len), ends", () => {
    const sum = (p: Uint8Array) => p.reduce((a, b) => a + b, 0);
    const kernel = load(modules.streamSum, streamLike);
    assert.deepEqual(kernel(5, 3_000_000_000), [sum(streamBytes(3_000_000_000, 40)), 5]);
    assert.deepEqual(kernel(1, 7), [sum(streamBytes(7, 8)), 1], 'begin starts anew on the same instance');
  });
  it('streams on when memory grows during a call (the old view is detached)', () => {
    const sum = (p: Uint8Array) => p.reduce((a, b) => a + b, 0);
    assert.deepEqual(load(modules.streamGrow, streamLike)(6, 42), [sum(streamBytes(42, 48)), 6]);
  });
  it('refuses a buffer outside memory, and reports a trap in a chunk call, naming the call', () => {
    assert.throws(() => load(modules.streamOutside, streamLike)(2, 1), {
      name: 'KernelError',
      message: 'k.wasm: sum_buffer() failed: buffer at 65532 + 8 bytes is outside memory (65536 bytes)',
    });
    assert.throws(() => load(modules.streamTrap, streamLike)(2, 1), { name: 'KernelError', message: 'k.wasm: sum(64, 8) failed: trap: unreachable' });
  });
  it('reports a trap with the file and the trap message', () => {
    const kernel = load(modules.trap);
    assert.throws(() => kernel(20, 0), { name: 'KernelError', message: 'k.wasm: fibonacci(20) failed: trap: unreachable' });
  });
  it('reports a trap in <export>_result naming the call', () => {
    const kernel = load(modules.pairResultTraps, pairLike);
    assert.throws(() => kernel(20, 9), { name: 'KernelError', message: 'k.wasm: pair_result(1) failed: trap: unreachable' });
  });
  it('names module and export when an instance lacks the export (a module compiled for another spec)', () => {
    const module = compileKernel('k.wasm', modules.reactorI32, fibLike);
    assert.throws(() => instantiateKernel('k.wasm', module, pairLike), { name: 'KernelError', message: 'k.wasm: no export pair' });
  });
  it('reports imports WASI does not provide as an instantiation failure', () => {
    assert.throws(() => load(modules.foreignImport), /^KernelError: k\.wasm: cannot instantiate \(/);
  });
});

/** What a fake WASI object was asked, in order. */
type Calls = string[];

/** Records `name` in `calls` and answers `value`. */
const noted =
  <T>(calls: Calls, name: string, value: T) =>
  (): T => {
    calls.push(name);
    return value;
  };

/** Node's and Deno's shape: getImportObject() and initialize(instance), and a wasiImport it does not need used. */
function nodeShaped(calls: Calls): WasiLike {
  const wasiImport = { random_get: noted(calls, 'random_get', 0) };
  return {
    wasiImport,
    getImportObject: noted(calls, 'getImportObject', { wasi_snapshot_preview1: wasiImport }),
    initialize: (instance) => {
      calls.push('initialize');
      (instance.exports._initialize as () => void)();
    },
    setMemory: () => calls.push('setMemory'),
  };
}

/** Bun 1.4's shape: wasiImport, getImports, setMemory and start; no getImportObject, no initialize. */
function bunShaped(calls: Calls): WasiLike & { getImports: () => object; start: () => void } {
  return {
    wasiImport: { random_get: noted(calls, 'random_get', 0) },
    getImports: noted(calls, 'getImports', {}),
    setMemory: (memory) => calls.push(`setMemory(${memory.buffer.byteLength})`),
    start: () => calls.push('start'),
  };
}

describe('instantiateWasi', () => {
  it('uses getImportObject() and initialize() when the WASI object has them (Node, Deno)', () => {
    const calls: Calls = [];
    const instance = instantiateWasi(new WebAssembly.Module(modules.wasiReactor), nodeShaped(calls));
    assert.deepEqual(calls, ['getImportObject', 'initialize', 'random_get']);
    assert.equal((instance.exports.fibonacci as (n: number) => number)(20), 6765);
  });
  it('instantiates with wasiImport as wasi_snapshot_preview1, then setMemory(memory), then _initialize() when it has neither (Bun)', () => {
    const calls: Calls = [];
    const instance = instantiateWasi(new WebAssembly.Module(modules.wasiReactor), bunShaped(calls));
    assert.deepEqual(calls, ['setMemory(65536)', 'random_get']);
    assert.equal((instance.exports.fibonacci as (n: number) => number)(20), 6765);
  });
  it('calls neither initialize nor _initialize for a module without _initialize, in either shape', () => {
    for (const shape of [nodeShaped, bunShaped]) {
      const calls: Calls = [];
      const instance = instantiateWasi(new WebAssembly.Module(modules.libraryI64), shape(calls));
      assert.deepEqual(calls, shape === nodeShaped ? ['getImportObject'] : [], shape.name);
      assert.equal((instance.exports.fibonacci as (n: bigint) => bigint)(20n), 6765n);
    }
  });
  it('needs both getImportObject and initialize for the first way: one without initialize goes the second', () => {
    const calls: Calls = [];
    const wasi = { ...bunShaped(calls), getImportObject: noted(calls, 'getImportObject', {}) };
    instantiateWasi(new WebAssembly.Module(modules.wasiReactor), wasi);
    assert.deepEqual(calls, ['setMemory(65536)', 'random_get']);
  });
  it('refuses a WASI object with neither way, saying so', () => {
    assert.throws(() => instantiateWasi(new WebAssembly.Module(modules.reactorI32), {}), /neither getImportObject\(\) and initialize\(\) nor wasiImport/);
  });
  it("is node:wasi's own WASI({ version: 'preview1' }) by default: this Node's takes the first way", () => {
    const instance = instantiateWasi(new WebAssembly.Module(modules.reactorI32));
    assert.equal((instance.exports.fibonacci as (n: number) => number)(20), 6765);
  });
});

describe('instantiateKernel with either shape of WASI', () => {
  for (const shape of [nodeShaped, bunShaped]) {
    it(`answers through a ${shape.name === 'nodeShaped' ? 'Node/Deno' : 'Bun'}-shaped WASI object, _initialize run first`, () => {
      const calls: Calls = [];
      const kernel = instantiateKernel('k.wasm', compileKernel('k.wasm', modules.wasiReactor, fibLike), fibLike, shape(calls));
      assert.deepEqual(kernel(20, 0), [6765]);
      assert.ok(calls.includes('random_get'));
    });
  }
  it('reports a WASI object with neither way as an instantiation failure naming the file', () => {
    assert.throws(() => instantiateKernel('k.wasm', compileKernel('k.wasm', modules.reactorI32, fibLike), fibLike, {}), {
      name: 'KernelError',
      message: 'k.wasm: cannot instantiate (node:wasi has neither getImportObject() and initialize() nor wasiImport in this runtime)',
    });
  });
});
