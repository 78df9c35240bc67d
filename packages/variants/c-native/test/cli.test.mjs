// Runs the built bin/c-native (pnpm build first) by its arena command against the contract of
// packages/workloads/HOSTS.md, on every workload with a C kernel (those in the C registry), each
// worker's answer checked bit for bit against the workload's reference.ts (hence `--import tsx`).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readWorkload, workloadNames, workloadsDir } from '@arena/variant-kit';
import { assertError, assertReport, referenceAnswer, reportOf, runVariant } from '@arena/variant-kit/testing';

const variant = 'c-native';
const pkg = fileURLToPath(new URL('..', import.meta.url));
const run = (...args) => runVariant(pkg, args);
const phases = ['computeMs'];
const SEEDS = [12345, 3000000000];

// The workloads the C registry holds: those with a C kernel, <w>/c/<w>.c.
const dir = workloadsDir();
const workloads = workloadNames({ dir })
  .filter((name) => existsSync(join(dir, name, 'c', `${name}.c`)))
  .map((name) => readWorkload(name, { dir }));

describe(`${variant} (built bin/c-native, run by its arena command)`, () => {
  it('has workloads to run: fib and nbody at least', () => {
    for (const name of ['fib', 'nbody'])
      assert.ok(
        workloads.some((w) => w.name === name),
        name,
      );
  });

  for (const spec of workloads) {
    const { name, seeded } = spec;
    const size = Math.min(20, spec.size.max);
    const seedArgs = (seed) => (seeded ? ['--seed', String(seed)] : []);
    const expected = (size, seed, workers) => ({ variant, workload: name, size, seed: seeded ? seed : null, workers });

    it(`${name}: each of 1 and 3 thread(s) reports the reference's answer${seeded ? ', and two seeds give two answers' : ''}`, async () => {
      const one = await assertReport(run('--workload', name, '--size', String(size), '--workers', '1', ...seedArgs(SEEDS[0])), expected(size, SEEDS[0], 1), phases);
      const equalsForm = [`--workload=${name}`, `--size=${size}`, '--workers=3', ...(seeded ? [`--seed=${SEEDS[1]}`] : [])];
      const three = await assertReport(run(...equalsForm), expected(size, SEEDS[1], 3), phases);
      if (seeded) assert.notDeepEqual(one.results[0], three.results[0], 'the seed changes the answer');
    });

    it(`${name}: --calls 3 reports calls, firstCallMs and laterCallMs, and the first call's answer`, async () => {
      const run3 = run('--workload', name, '--size', String(size), '--workers', '2', '--calls', '3', ...seedArgs(SEEDS[0]));
      assert.equal(run3.status, 0, run3.stderr);
      const { results, phasesMs, ...rest } = reportOf(run3);
      assert.deepEqual(rest, { ...expected(size, SEEDS[0], 2), calls: 3 });
      assert.deepEqual(Object.keys(reportOf(run3)), ['variant', 'workload', 'size', 'seed', 'workers', 'results', 'calls', 'phasesMs']);
      const answer = await referenceAnswer(run3.cwd, name, size, seeded ? SEEDS[0] : null);
      assert.deepEqual(results, [answer, answer]);
      assert.deepEqual(Object.keys(phasesMs).sort(), ['computeMs', 'firstCallMs', 'laterCallMs']);
      for (const ms of Object.values(phasesMs)) assert.ok(typeof ms === 'number' && ms >= 0);
      // One call is the default: nothing about calls in the report.
      await assertReport(run('--workload', name, '--size', String(size), '--workers', '1', '--calls=1', ...seedArgs(SEEDS[0])), expected(size, SEEDS[0], 1), phases);
    });

    it(`${name}: honours --size (${size + 1})`, async () => {
      await assertReport(run('--workload', name, '--size', String(size + 1), '--workers', '2', ...seedArgs(SEEDS[0])), expected(size + 1, SEEDS[0], 2), phases);
    });

    const sizes = `--size must be an integer in 1\\.\\.${spec.size.max} \\(${name}'s ${spec.size.name}\\)`;
    const cases = [
      [['--size', '-1'], new RegExp(`^error: ${sizes}, got '-1'$`)],
      [['--size', 'abc'], new RegExp(`^error: ${sizes}, got 'abc'$`)],
      [['--size', '0'], new RegExp(`^error: ${sizes}, got '0'$`)],
      [[`--size=${spec.size.max + 1}`], new RegExp(`^error: ${sizes}, got '${spec.size.max + 1}'$`)],
      [['--size='], new RegExp(`^error: ${sizes}, got ''$`)],
    ].map(([args, cause]) => [['--workload', name, ...seedArgs(1), ...args], cause]);
    if (seeded) {
      cases.push(
        [['--workload', name, '--size', '1'], new RegExp(`^error: --seed is required: ${name} is seeded \\(an integer in 0\\.\\.4294967295\\)$`)],
        [['--workload', name, '--seed', '4294967296'], /^error: --seed must be an integer in 0\.\.4294967295, got '4294967296'$/],
        [['--workload', name, '--seed', '-1'], /^error: --seed must be an integer in 0\.\.4294967295, got '-1'$/],
        [['--workload', name, '--seed'], /^error: --seed needs a value: an integer in 0\.\.4294967295$/],
      );
    } else {
      cases.push([['--workload', name, '--seed', '1'], new RegExp(`^error: --seed is not accepted: ${name} is not seeded$`)]);
    }
    for (const [args, cause] of cases) it(`exits 2 on ${args.join(' ')}`, () => assertError(run(...args), 2, cause));
  }

  it('runs fib when --workload is not given', async () => {
    await assertReport(run('--size', '20', '--workers', '2'), { variant, workload: 'fib', size: 20, seed: null, workers: 2 }, phases);
  });

  const names = workloads.map((w) => w.name).join(', ');
  for (const [args, cause] of [
    [['--workload', 'no-such-workload'], new RegExp(`^error: --workload must be one of ${names}, got 'no-such-workload'$`)],
    [['--workload='], new RegExp(`^error: --workload needs a value: one of ${names}$`)],
    [['--workers', '0'], /^error: --workers must be an integer >= 1, got '0'$/],
    [['--workers=x'], /^error: --workers must be an integer >= 1, got 'x'$/],
    [['--workers'], /^error: --workers needs a value: an integer >= 1$/],
    [['--bogus', '1'], /^error: unknown argument '--bogus' \(allowed: --workload, --size, --seed, --workers, --calls\)$/],
    [['--calls', '0'], /^error: --calls must be an integer >= 1, got '0'$/],
    [['--calls', 'x'], /^error: --calls must be an integer >= 1, got 'x'$/],
    [['--calls'], /^error: --calls needs a value: an integer >= 1$/],
    // c-native implements no engine settings.
    [['--setting', 'fast'], /^error: unknown argument '--setting'/],
    [['--cache-dir', 'c'], /^error: unknown argument '--cache-dir'/],
    [['--n', '20'], /^error: unknown argument '--n'/],
    [['--module', 'x.wasm'], /^error: unknown argument '--module'/],
    [['40'], /^error: unexpected argument '40'$/],
    [['--', '--size', '3'], /^error: unexpected argument '--'$/],
  ]) {
    it(`exits 2 on ${args.join(' ')}`, () => assertError(run(...args), 2, cause));
  }
});
