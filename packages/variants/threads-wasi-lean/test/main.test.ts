import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertError, assertReport, builtKernels, callsCases, repoRoot, runVariant, usageCases } from '@arena/variant-kit/testing';
import { STEPS } from '../src/protocol.ts';

const variant = 'threads-wasi-lean';
const pkg = fileURLToPath(new URL('..', import.meta.url));
// No spawnMs: the threads never report ready (no barrier), they compute as soon as they can.
const phases = ['startupMs', 'compileMs', 'instantiateMs', 'computeMs'];
const root = repoRoot(pkg);
const run = (...args: string[]) => runVariant(pkg, args);
const fibClang = 'packages/kernels/dist/fib/clang.wasm';

describe(`${variant} (built dist/main.js, run by its arena command)`, () => {
  for (const workload of ['fib', 'nbody']) {
    it(`has modules to run: @arena/kernels built some for ${workload}`, () => assert.ok(builtKernels(root, workload).length > 0));
  }
  for (const { producer, file } of builtKernels(root, 'fib')) {
    for (const workers of [1, 3]) {
      it(`reports fib(20) from each of ${workers} thread(s) with the ${producer} module: the reference's answer`, async () => {
        const args = ['--workload', 'fib', '--module', file, '--size', '20', '--workers', String(workers)];
        await assertReport(run(...args), { variant, workload: 'fib', size: 20, seed: null, workers, module: file }, phases);
      });
    }
  }
  for (const { producer, file } of builtKernels(root, 'nbody')) {
    it(`reports nbody's two energies with the ${producer} module, bit for bit the reference's, and two seeds give two answers`, async () => {
      const answers: unknown[] = [];
      for (const seed of [1, 3000000000]) {
        const args = ['--workload', 'nbody', '--module', file, '--size', '1000', '--seed', String(seed), '--workers', '2'];
        answers.push((await assertReport(run(...args), { variant, workload: 'nbody', size: 1000, seed, workers: 2, module: file }, phases)).results);
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
    it(`exits 1 naming the file for ${name}, with no report`, () => {
      assertError(run('--size', '20', '--workers', '3', ...args), 1, cause);
    });
  }
  // The study's switch: every step turned off alone, and all of them, still gives every worker's own answer.
  const withOff = <T>(steps: string, f: () => T): T => {
    process.env.ARENA_LEAN_OFF = steps;
    try {
      return f();
    } finally {
      delete process.env.ARENA_LEAN_OFF;
    }
  };
  for (const steps of [...STEPS, STEPS.join(',')]) {
    it(`ARENA_LEAN_OFF=${steps}: fib(20) from each of 3 workers, also with --calls 3, and nbody from 2`, async () => {
      const fib = withOff(steps, () => run('--workload', 'fib', '--module', fibClang, '--size', '20', '--workers', '3'));
      await assertReport(fib, { variant, workload: 'fib', size: 20, seed: null, workers: 3, module: fibClang }, phases);
      const warm = withOff(steps, () => run('--workload', 'fib', '--module', fibClang, '--size', '20', '--workers', '3', '--calls', '3'));
      // Without the barrier a worker may start its calls before computeMs's clock does.
      await assertReport(warm, { variant, workload: 'fib', size: 20, seed: null, workers: 3, module: fibClang, calls: 3 }, phases, { callsWithinCompute: !steps.includes('no-barrier') });
      const drift = withOff(steps, () => run('--module', 'packages/kernels/fixtures/drift.wasm', '--size', '20', '--workers', '3', '--calls', '2'));
      assertError(drift, 1, /^error: worker [123] of 3: call 2's answer differs from call 1's$/);
      const nbody = withOff(steps, () => run('--workload', 'nbody', '--module', 'packages/kernels/dist/nbody/clang.wasm', '--size', '1000', '--seed', '7', '--workers', '2'));
      await assertReport(nbody, { variant, workload: 'nbody', size: 1000, seed: 7, workers: 2, module: 'packages/kernels/dist/nbody/clang.wasm' }, phases);
    });
  }
  it('ARENA_LEAN_OFF naming no step exits 2, naming the steps', () => {
    assertError(
      withOff('early-spawn,warp-drive', () => run('--module', fibClang, '--size', '20')),
      2,
      /^error: ARENA_LEAN_OFF: unknown step 'warp-drive' \(steps: early-spawn, no-barrier, main-share\)$/,
    );
  });
  it("exits 1 naming the worker and the call when a later call's answer differs from the first's (drift.wasm)", () => {
    assertError(run('--size', '20', '--workers', '3', '--calls', '3', '--module', 'packages/kernels/fixtures/drift.wasm'), 1, /^error: worker [123] of 3: call 2's answer differs from call 1's$/);
  });
  for (const { args, expected } of callsCases((workload) => `packages/kernels/dist/${workload}/clang.wasm`)) {
    it(`--calls ${expected.calls}: ${expected.workload} from each of ${expected.workers} worker(s), every call's answer the reference's`, async () => {
      await assertReport(run(...args), { variant, ...expected }, phases);
    });
  }
  for (const [args, cause] of usageCases((workload) => `packages/kernels/dist/${workload}/clang.wasm`)) {
    it(`exits 2 on ${args.join(' ')}`, () => assertError(run(...args), 2, cause));
  }
});
