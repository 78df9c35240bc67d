import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertError, assertReport, builtKernels, referenceAnswer, repoRoot, type VariantRun } from '../src/testing.js';
import { nbody } from '../../workloads/nbody/reference.ts';

const root = repoRoot(fileURLToPath(import.meta.url));
const run = (stdout: string, status = 0, stderr = ''): VariantRun => ({ cwd: root, status, signal: null, stdout, stderr });

describe('referenceAnswer', () => {
  it("is the workload's reference, typed by answer.type", async () => {
    assert.equal(await referenceAnswer(root, 'fib', 20, null), 6765);
    assert.deepEqual(await referenceAnswer(root, 'nbody', 1000, 42), nbody(1000, 42));
  });
});

describe('assertReport', () => {
  const fib = { variant: 'v', workload: 'fib', size: 20, seed: null, workers: 2 };
  const line = (fields: Record<string, unknown>) => `${JSON.stringify({ variant: 'v', workload: 'fib', size: 20, seed: null, workers: 2, results: [6765, 6765], ...fields, phasesMs: { computeMs: 1 } })}\n`;
  it('accepts a correct report line', async () => {
    await assertReport(run(`some log\n${line({})}`), fib, []);
  });
  it('refuses a wrong answer, a missing worker, wrong fields or another order', async () => {
    await assert.rejects(assertReport(run(line({ results: [6765, 6764] })), fib, []));
    await assert.rejects(assertReport(run(line({ results: [6765] })), fib, []));
    await assert.rejects(assertReport(run(line({ seed: 1 })), fib, []));
    await assert.rejects(assertReport(run(`${JSON.stringify({ workload: 'fib', variant: 'v', size: 20, seed: null, workers: 2, results: [6765, 6765], phasesMs: { computeMs: 1 } })}\n`), fib, []));
  });
  it('compares f64[] answers bit for bit', async () => {
    const expected = { variant: 'v', workload: 'nbody', size: 1000, seed: 42, workers: 1 };
    const [before, after] = nbody(1000, 42);
    const report = (results: unknown) => run(`${JSON.stringify({ ...expected, results, phasesMs: { computeMs: 1 } })}\n`);
    await assertReport(report([[before, after]]), expected, []);
    await assert.rejects(assertReport(report([[before, after + Number.EPSILON * Math.abs(after)]]), expected, []));
  });
});

describe('assertError', () => {
  it('wants the status, no stdout and one error line', () => {
    assertError(run('', 2, 'error: --size must be …\n'), 2, /--size/);
    assert.throws(() => assertError(run('{}\n', 2, 'error: --size\n'), 2, /--size/));
    assert.throws(() => assertError(run('', 1, 'error: --size\n'), 2, /--size/));
  });
});

describe('builtKernels', () => {
  it("lists the built modules of the kernels' manifest, of one workload if asked", (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kit-kernels-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(path.join(dir, 'packages/kernels/dist'), { recursive: true });
    writeFileSync(path.join(dir, 'packages/kernels/dist/manifest.json'), JSON.stringify({
      schemaVersion: 2,
      modules: [
        { workload: 'fib', producer: 'clang', status: 'built', file: 'fib/clang.wasm' },
        { workload: 'nbody', producer: 'clang', status: 'built', file: 'nbody/clang.wasm' },
        { workload: 'nbody', producer: 'tinygo', status: 'skipped', reason: 'no tinygo' },
      ],
    }));
    assert.deepEqual(builtKernels(dir, 'nbody'), [{ workload: 'nbody', producer: 'clang', file: 'packages/kernels/dist/nbody/clang.wasm' }]);
    assert.equal(builtKernels(dir).length, 2);
  });
});
