import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertError, assertReport, callsCases, runVariant, usageCases } from '@arena/variant-kit/testing';

const variant = 'threads-js';
const pkg = fileURLToPath(new URL('..', import.meta.url));
const phases = ['startupMs', 'spawnMs', 'computeMs'];
const run = (...args: string[]) => runVariant(pkg, args);

describe(`${variant} (built dist/main.js, run by its arena command)`, () => {
  for (const workers of [1, 3]) {
    it(`reports fib(20) from each of ${workers} thread(s): the reference's answer`, async () => {
      await assertReport(run('--workload', 'fib', '--size', '20', '--workers', String(workers)), { variant, workload: 'fib', size: 20, seed: null, workers }, phases);
    });
  }
  it('runs fib by default, with one worker per available CPU', async () => {
    await assertReport(run('--size', '21'), { variant, workload: 'fib', size: 21, seed: null, workers: availableParallelism() }, phases);
  });
  it("reports nbody's two energies from each thread, bit for bit the reference's, and two seeds give two answers", async () => {
    const one = await assertReport(run('--workload', 'nbody', '--size', '1000', '--seed', '1', '--workers', '2'), { variant, workload: 'nbody', size: 1000, seed: 1, workers: 2 }, phases);
    const two = await assertReport(
      run('--workload', 'nbody', '--size', '1000', '--seed', '3000000000', '--workers', '2'),
      { variant, workload: 'nbody', size: 1000, seed: 3000000000, workers: 2 },
      phases,
    );
    assert.notDeepEqual(one.results, two.results);
  });
  for (const { args, expected } of callsCases()) {
    it(`--calls ${expected.calls}: ${expected.workload} from each of ${expected.workers} worker(s), every call's answer the reference's`, async () => {
      await assertReport(run(...args), { variant, ...expected }, phases);
    });
  }
  for (const [args, cause] of usageCases()) {
    it(`exits 2 on ${args.join(' ')}`, () => assertError(run(...args), 2, cause));
  }
});
