import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { answerOf, jsKernelFile, loadJsKernel, readWorkload, workloadsDir } from '../src/workload.js';
import { reference as fibReference } from '../../workloads/fib/reference.ts';
import { reference as nbodyReference } from '../../workloads/nbody/reference.ts';
import { reference as chunkHashReference } from '../../workloads/chunk-hash/reference.ts';
import { streamBytes } from '../../workloads/stream/stream.ts';
import { fibLike, pairLike } from './fixtures/specs.js';

const fixtures = { dir: fileURLToPath(new URL('./fixtures/workloads', import.meta.url)) };

describe('workloadsDir', () => {
  it('is the @arena/workloads package folder, reached through the dependency link', () => {
    assert.equal(realpathSync(workloadsDir()), realpathSync(fileURLToPath(new URL('../../workloads', import.meta.url))));
  });
});

describe('readWorkload', () => {
  it("reads a workload's spec with a plain JSON.parse", () => {
    const spec = readWorkload('nbody')!;
    assert.equal(spec.kernel.export, 'nbody');
    assert.equal(spec.seeded, true);
    assert.equal(spec.answer.type, 'f64[]');
  });
  it('answers undefined for an unknown workload or a name that is not one', () => {
    assert.equal(readWorkload('no-such-workload'), undefined);
    assert.equal(readWorkload('../variant-kit'), undefined);
    assert.equal(readWorkload('Fib'), undefined);
  });
});

describe('loadJsKernel', () => {
  it("runs fib's JavaScript kernel: the reference's answer", async () => {
    const run = await loadJsKernel('fib');
    for (const n of [1, 2, 20, 25]) assert.deepEqual(run(n, 0), [fibReference(n)], `fib(${n})`);
  });
  it("runs nbody's JavaScript kernel: the reference's bits, a different answer per seed", async () => {
    const run = await loadJsKernel('nbody');
    const [a, b] = [run(1000, 1), run(1000, 3_000_000_000)];
    assert.deepEqual(a, nbodyReference(1000, 1));
    assert.deepEqual(b, nbodyReference(1000, 3_000_000_000));
    assert.notDeepEqual(a, b);
  });
  it("drives chunk-hash's streamed JavaScript kernel: begin, a chunk per call, end — the reference's hash", async () => {
    const run = await loadJsKernel('chunk-hash');
    for (const [chunks, seed] of [
      [1, 0],
      [3, 42],
      [20, 4294967295],
    ] as const)
      assert.deepEqual(run(chunks, seed), [chunkHashReference(chunks, seed)]);
  });
  it("hands a streamed kernel size chunks of chunkBytes of the seed's stream, the kernel's results as they are", async () => {
    const sum = (p: Uint8Array) => p.reduce((a, b) => a + b, 0);
    assert.deepEqual((await loadJsKernel('bytesum', fixtures))(5, 3_000_000_000), [sum(streamBytes(3_000_000_000, 40)), 5]);
  });
  it('names the file and the entry of a streamed kernel without chunk', async () => {
    await assert.rejects(loadJsKernel('nochunk', fixtures), {
      message: `${jsKernelFile('nochunk', fixtures)}: no export chunk (a streamed workload's entries: begin(size, seed), chunk(bytes), end() → number[])`,
    });
  });
  it('loads a kernel from any workloads folder', async () => {
    assert.deepEqual((await loadJsKernel('count', fixtures))(5, 4294967295), [4]);
  });
  it('names the file of a missing kernel, or of a kernel without run', async () => {
    await assert.rejects(loadJsKernel('broken', fixtures), (error: Error) => error.message.startsWith(`${jsKernelFile('broken', fixtures)}: cannot load`));
    await assert.rejects(loadJsKernel('norun', fixtures), { message: `${jsKernelFile('norun', fixtures)}: no export run (the kernel's entry, run(size, seed) → number[])` });
  });
});

describe('answerOf', () => {
  it("types a worker's results by answer.type: u32 a number, f64[] the array", () => {
    assert.equal(answerOf(fibLike, [6765]), 6765);
    assert.deepEqual(answerOf(pairLike, [-0.16907516382852447, -0.16908760523460595]), [-0.16907516382852447, -0.16908760523460595]);
  });
  it('refuses another number of results than the spec has', () => {
    assert.throws(() => answerOf(pairLike, [1]), { message: 'pair: a worker returned 1 result(s), the spec has 2' });
    assert.throws(() => answerOf(fibLike, 5 as unknown as number[]), { message: 'fib: a worker returned 5, the spec has 1' });
  });
});
