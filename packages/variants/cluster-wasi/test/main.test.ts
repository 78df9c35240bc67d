import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertError, assertReport, builtKernels, callsCases, type Decoys, leftInGroup, repoRoot, runVariant, startDecoys, usageCases, type VariantRun } from '@arena/variant-kit/testing';

const variant = 'cluster-wasi';
const pkg = fileURLToPath(new URL('..', import.meta.url));
const phases = ['startupMs', 'spawnMs', 'compileMs', 'instantiateMs', 'computeMs'];
const root = repoRoot(pkg);
const run = (...args: string[]) => runVariant(pkg, args);
const workerScript = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
// The run's own process group (runVariant starts it in one), where its forked workers stay even
// when orphaned: not every process of the machine running workerScript, as another checkout's tests may.
const noWorkerLeft = (done: VariantRun) => assert.deepEqual(leftInGroup(done.pid), [], 'no worker process left');
const fibClang = 'packages/kernels/dist/fib/clang.wasm';

describe(`${variant} (built dist/main.js, run by its arena command)`, () => {
  // Unrelated processes running the same worker script, as another checkout's tests would.
  let decoys: Decoys | undefined;
  before(() => {
    decoys = startDecoys([workerScript]);
  });
  after(() => decoys?.stop());
  for (const workload of ['fib', 'nbody']) {
    it(`has modules to run: @arena/kernels built some for ${workload}`, () => assert.ok(builtKernels(root, workload).length > 0));
  }
  for (const { producer, file } of builtKernels(root, 'fib')) {
    for (const workers of [1, 3]) {
      it(`reports fib(20) from each of ${workers} worker(s) with the ${producer} module: the reference's answer`, async () => {
        const args = ['--workload', 'fib', '--module', file, '--size', '20', '--workers', String(workers)];
        const done = run(...args);
        await assertReport(done, { variant, workload: 'fib', size: 20, seed: null, workers, module: file }, phases);
        noWorkerLeft(done);
      });
    }
  }
  for (const { producer, file } of builtKernels(root, 'nbody')) {
    it(`reports nbody's two energies with the ${producer} module, bit for bit the reference's, and two seeds give two answers`, async () => {
      const answers: unknown[] = [];
      for (const seed of [1, 3000000000]) {
        const args = ['--workload', 'nbody', '--module', file, '--size', '1000', '--seed', String(seed), '--workers', '2'];
        const done = run(...args);
        answers.push((await assertReport(done, { variant, workload: 'nbody', size: 1000, seed, workers: 2, module: file }, phases)).results);
        noWorkerLeft(done);
      }
      assert.notDeepEqual(answers[0], answers[1]);
    });
  }
  for (const [name, args, cause] of [
    ['a missing module file', ['--module', 'packages/kernels/dist/fib/missing.wasm'], /^error: packages\/kernels\/dist\/fib\/missing\.wasm: cannot read module \(ENOENT/],
    ['a module without the fibonacci export', ['--module', 'packages/kernels/fixtures/no-export.wasm'], /^error: packages\/kernels\/fixtures\/no-export\.wasm: no export fibonacci$/],
    ['a trapping module', ['--module', 'packages/kernels/fixtures/trap.wasm'], /^error: packages\/kernels\/fixtures\/trap\.wasm: fibonacci\(20\) failed: trap: unreachable$/],
    ["another workload's module", ['--module', fibClang, '--workload', 'nbody', '--seed', '1'], /^error: packages\/kernels\/dist\/fib\/clang\.wasm: no export nbody$/],
  ] as const) {
    it(`exits 1 naming the file for ${name}, with no report and no worker left`, () => {
      const done = run('--size', '20', '--workers', '3', ...args);
      assertError(done, 1, cause);
      noWorkerLeft(done);
    });
  }
  it("exits 1 naming the worker and the call when a later call's answer differs from the first's (drift.wasm), with no worker left", () => {
    const done = run('--size', '20', '--workers', '3', '--calls', '3', '--module', 'packages/kernels/fixtures/drift.wasm');
    assertError(done, 1, /^error: worker [123] of 3: call 2's answer differs from call 1's$/);
    noWorkerLeft(done);
  });
  for (const { args, expected } of callsCases((workload) => `packages/kernels/dist/${workload}/clang.wasm`)) {
    it(`--calls ${expected.calls}: ${expected.workload} from each of ${expected.workers} worker(s), every call's answer the reference's`, async () => {
      const done = run(...args);
      await assertReport(done, { variant, ...expected }, phases);
      noWorkerLeft(done);
    });
  }
  for (const [args, cause] of usageCases((workload) => `packages/kernels/dist/${workload}/clang.wasm`)) {
    it(`exits 2 on ${args.join(' ')}`, () => assertError(run(...args), 2, cause));
  }
});
