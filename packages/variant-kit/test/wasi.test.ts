import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { compileKernel, instantiateKernel, KernelError, moduleSha256, readKernel } from '../src/wasi.js';
import * as modules from './fixtures/modules.js';

const load = (bytes: Uint8Array<ArrayBuffer>) => instantiateKernel('k.wasm', compileKernel('k.wasm', bytes));

describe('readKernel', () => {
  it('names the file when it cannot be read', () => {
    assert.throws(() => readKernel('missing/nope.wasm'), (error: unknown) => {
      assert.ok(error instanceof KernelError);
      assert.match(error.message, /^missing\/nope\.wasm: cannot read module \(ENOENT/);
      return true;
    });
  });
});

describe('moduleSha256', () => {
  it('is the lowercase hex sha256 of the bytes', () => {
    assert.equal(moduleSha256(modules.reactorI32), createHash('sha256').update(modules.reactorI32).digest('hex'));
    assert.equal(moduleSha256(new Uint8Array()), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('compileKernel', () => {
  it('rejects bytes that are not WebAssembly, naming the file', () => {
    assert.throws(() => compileKernel('junk.wasm', new Uint8Array([1, 2, 3])), /^KernelError: junk\.wasm: not a valid WebAssembly module/);
  });
  it('rejects a module without a fibonacci export', () => {
    assert.throws(() => compileKernel('no.wasm', modules.noExport), { name: 'KernelError', message: 'no.wasm: no export fibonacci' });
  });
});

describe('instantiateKernel', () => {
  it('runs _initialize of a reactor before fibonacci is called', () => {
    assert.equal(load(modules.reactorI32)(20), 6765);
  });
  it('gives each call its own instance', () => {
    const module = compileKernel('k.wasm', modules.oncePerInstance);
    const first = instantiateKernel('k.wasm', module);
    assert.deepEqual([first(10), instantiateKernel('k.wasm', module)(11)], [55, 89]);
    // The fixture does notice sharing: a second call on one instance traps.
    assert.throws(() => first(12), { name: 'KernelError', message: 'k.wasm: fibonacci(12) failed: trap: unreachable' });
  });
  it('passes n as a BigInt to an i64 kernel and answers a number', () => {
    assert.equal(load(modules.libraryI64)(20), 6765);
  });
  it('reads an i32 result as unsigned (fib(47) needs all 32 bits)', () => {
    assert.equal(load(modules.signedResult)(47), 2971215073);
  });
  it('reports a trap with the file and the trap message', () => {
    const fibonacci = load(modules.trap);
    assert.throws(() => fibonacci(20), { name: 'KernelError', message: 'k.wasm: fibonacci(20) failed: trap: unreachable' });
  });
  it('reports imports WASI does not provide as an instantiation failure', () => {
    assert.throws(() => load(modules.foreignImport), /^KernelError: k\.wasm: cannot instantiate \(/);
  });
});
