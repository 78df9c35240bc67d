import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertError, assertReport, callsCases, type Decoys, leftInGroup, runVariant, startDecoys, usageCases, type VariantRun } from '@arena/variant-kit/testing';

const variant = 'cluster-js';
const pkg = fileURLToPath(new URL('..', import.meta.url));
const workerScript = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
const phases = ['startupMs', 'spawnMs', 'computeMs'];
const run = (...args: string[]) => runVariant(pkg, args);
// The run's own process group (runVariant starts it in one), where its forked workers stay even
// when orphaned: not every process of the machine running workerScript, as another checkout's tests may.
const noWorkerLeft = (done: VariantRun) => assert.deepEqual(leftInGroup(done.pid), [], 'no worker process left');

describe(`${variant} (built dist/main.js, run by its arena command)`, () => {
  // Unrelated processes running the same worker script, as another checkout's tests would.
  let decoys: Decoys | undefined;
  before(() => {
    decoys = startDecoys([workerScript]);
  });
  after(() => decoys?.stop());
  for (const workers of [1, 3]) {
    it(`reports fib(20) from each of ${workers} forked worker(s): the reference's answer, and leaves no worker process`, async () => {
      const done = run('--workload', 'fib', '--size', '20', '--workers', String(workers));
      await assertReport(done, { variant, workload: 'fib', size: 20, seed: null, workers }, phases);
      noWorkerLeft(done);
    });
  }
  it('runs fib by default, with one worker per available CPU', async () => {
    await assertReport(run('--size', '21'), { variant, workload: 'fib', size: 21, seed: null, workers: availableParallelism() }, phases);
  });
  it("reports nbody's two energies from each worker, bit for bit the reference's, and two seeds give two answers", async () => {
    const runs = [run('--workload', 'nbody', '--size', '1000', '--seed', '1', '--workers', '2'), run('--workload', 'nbody', '--size', '1000', '--seed', '3000000000', '--workers', '2')];
    const one = await assertReport(runs[0]!, { variant, workload: 'nbody', size: 1000, seed: 1, workers: 2 }, phases);
    const two = await assertReport(runs[1]!, { variant, workload: 'nbody', size: 1000, seed: 3000000000, workers: 2 }, phases);
    assert.notDeepEqual(one.results, two.results);
    for (const done of runs) noWorkerLeft(done);
  });
  for (const { args, expected } of callsCases()) {
    it(`--calls ${expected.calls}: ${expected.workload} from each of ${expected.workers} worker(s), every call's answer the reference's`, async () => {
      const done = run(...args);
      await assertReport(done, { variant, ...expected }, phases);
      noWorkerLeft(done);
    });
  }
  for (const [args, cause] of usageCases()) {
    it(`exits 2 on ${args.join(' ')}`, () => assertError(run(...args), 2, cause));
  }
});
