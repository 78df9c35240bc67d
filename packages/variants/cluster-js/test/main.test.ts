import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertError, assertReport, processesRunning, runVariant } from '@arena/variant-kit/testing';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const workerScript = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
const phases = ['startupMs', 'spawnMs', 'computeMs'];

describe('cluster-js (built dist/main.js, run by its arena command)', () => {
  for (const workers of [1, 3]) {
    it(`reports fibonacci(20) from each of ${workers} forked worker(s) and leaves no worker process`, () => {
      assertReport(runVariant(pkg, ['--n', '20', '--workers', String(workers)]), { variant: 'cluster-js', n: 20, workers }, phases);
      assert.deepEqual(processesRunning(workerScript), []);
    });
  }
  it('uses one worker per available CPU by default', () => {
    assertReport(runVariant(pkg, ['--n', '15']), { variant: 'cluster-js', n: 15, workers: availableParallelism() }, phases);
  });
  for (const [args, cause] of [
    [['--n', '-1'], /^error: --n must be an integer in 1\.\.47, got '-1'$/],
    [['--n', 'abc'], /^error: --n must be an integer in 1\.\.47, got 'abc'$/],
    [['--workers', '0'], /^error: --workers must be an integer >= 1, got '0'$/],
    [['--verbose'], /^error: unknown argument '--verbose'/],
    [['--module', 'packages/kernels/dist/clang.wasm'], /^error: unknown argument '--module'/],
  ] as const) {
    it(`exits 2 on ${args.join(' ')}`, () => assertError(runVariant(pkg, args), 2, cause));
  }
});
