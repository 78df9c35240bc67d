import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { tryParseArgs, type ParseOptions } from '../src/args.js';
import { readWorkload, workloadNames } from '../src/workload.js';

const fixtures = { dir: fileURLToPath(new URL('./fixtures/workloads', import.meta.url)) };
const ok = (argv: string[], options: ParseOptions = {}) => {
  const result = tryParseArgs({ argv, ...options });
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.args;
};
const message = (argv: string[], options: ParseOptions = {}) => {
  const result = tryParseArgs({ argv, ...options });
  assert.ok(!result.ok, `expected a usage error for ${JSON.stringify(argv)}`);
  return result.message;
};
const fib = readWorkload('fib')!;
const nbody = readWorkload('nbody')!;

describe('tryParseArgs (the workloads of @arena/workloads)', () => {
  it("defaults to fib at its spec's default size, unseeded, one worker per available CPU", () => {
    assert.deepEqual(ok([]), { workload: 'fib', spec: fib, size: fib.size.profiles.default, seed: null, workers: availableParallelism(), calls: 1, exitWorkers: false });
  });
  it("accepts both --name value and --name=value, size from 1 to the spec's max", () => {
    assert.deepEqual(ok(['--workload', 'fib', '--size', '1', '--workers=3']), { workload: 'fib', spec: fib, size: 1, seed: null, workers: 3, calls: 1, exitWorkers: false });
    assert.deepEqual(ok(['--workload=fib', '--size=47', '--workers', '1']), { workload: 'fib', spec: fib, size: 47, seed: null, workers: 1, calls: 1, exitWorkers: false });
  });
  it('takes a seeded workload with its seed, 0 to 2^32-1, and its own size range and default', () => {
    assert.deepEqual(ok(['--workload', 'nbody', '--seed', '42', '--workers', '2']), {
      workload: 'nbody',
      spec: nbody,
      size: nbody.size.profiles.default,
      seed: 42,
      workers: 2,
      calls: 1,
      exitWorkers: false,
    });
    assert.equal(ok(['--workload', 'nbody', '--seed', '0', '--size', String(nbody.size.max)]).size, nbody.size.max);
    assert.equal(ok(['--workload', 'nbody', '--seed', '4294967295']).seed, 4294967295);
  });
  it('requires --module for WASI variants and keeps its path as given', () => {
    assert.deepEqual(ok(['--module', 'packages/kernels/dist/fib/clang.wasm', '--size', '20'], { wasm: true }), {
      workload: 'fib',
      spec: fib,
      size: 20,
      seed: null,
      workers: availableParallelism(),
      calls: 1,
      exitWorkers: false,
      module: 'packages/kernels/dist/fib/clang.wasm',
    });
    assert.match(message([], { wasm: true }), /^--module is required/);
    assert.match(message(['--module'], { wasm: true }), /^--module needs a value/);
    assert.match(message(['--module', 'k.wasm', '--setting', 'jitless'], { wasm: true }), /^unknown argument '--setting' \(allowed: .*--calls, --module\)$/);
    assert.match(message(['--module', 'k.wasm', '--cache-dir', 'cache'], { wasm: true }), /^unknown argument '--cache-dir'/);
  });
  it('takes --calls, 1 by default, as --calls N or --calls=N', () => {
    assert.equal(ok([]).calls, 1);
    assert.equal(ok(['--calls', '3']).calls, 3);
    assert.equal(ok(['--calls=1']).calls, 1);
    assert.equal(ok(['--workload', 'nbody', '--seed', '1', '--calls', '200']).calls, 200);
  });
  it('takes --exit-workers, without a value (false when absent)', () => {
    assert.equal(ok([]).exitWorkers, false);
    assert.equal(ok(['--exit-workers']).exitWorkers, true);
    assert.equal(ok(['--module', 'k.wasm', '--exit-workers'], { wasm: true }).exitWorkers, true);
    assert.equal(message(['--exit-workers=yes']), "--exit-workers takes no value, got 'yes'");
  });
  it('names the known workloads when the one asked for is unknown', () => {
    const names = workloadNames();
    assert.ok(names.includes('fib') && names.includes('nbody'), names.join(', '));
    assert.equal(message(['--workload', 'nope']), `--workload must be one of ${names.join(', ')}, got 'nope'`);
    assert.equal(message(['--workload', '../fib']), `--workload must be one of ${names.join(', ')}, got '../fib'`);
    assert.equal(message(['--workload']), `--workload needs a value: one of ${names.join(', ')}`);
  });
  for (const [argv, expected] of [
    [['--size', '-1'], "--size must be an integer in 1..47 (fib's n), got '-1'"],
    [['--size', 'abc'], "--size must be an integer in 1..47 (fib's n), got 'abc'"],
    [['--size', '0'], "--size must be an integer in 1..47 (fib's n), got '0'"],
    [['--size', '48'], "--size must be an integer in 1..47 (fib's n), got '48'"],
    [['--size', '4.5'], "--size must be an integer in 1..47 (fib's n), got '4.5'"],
    [['--size', '1e1'], "--size must be an integer in 1..47 (fib's n), got '1e1'"],
    [['--size'], "--size needs a value: an integer in 1..47 (fib's n)"],
    [['--workload', 'nbody', '--seed', '1', '--size', '100000001'], "--size must be an integer in 1..100000000 (nbody's steps), got '100000001'"],
    [['--seed', '1'], '--seed is not accepted: fib is not seeded'],
    [['--workload', 'fib', '--seed', '0'], '--seed is not accepted: fib is not seeded'],
    [['--workload', 'nbody'], '--seed is required: nbody is seeded (an integer in 0..4294967295)'],
    [['--workload', 'nbody', '--seed', '-1'], "--seed must be an integer in 0..4294967295, got '-1'"],
    [['--workload', 'nbody', '--seed', '4294967296'], "--seed must be an integer in 0..4294967295, got '4294967296'"],
    [['--workload', 'nbody', '--seed', 'x'], "--seed must be an integer in 0..4294967295, got 'x'"],
    [['--workload', 'nbody', '--seed'], '--seed needs a value: an integer in 0..4294967295'],
    [['--workers', '0'], "--workers must be an integer >= 1, got '0'"],
    [['--workers', '-2'], "--workers must be an integer >= 1, got '-2'"],
    [['--workers', ''], "--workers must be an integer >= 1, got ''"],
    [['--calls', '0'], "--calls must be an integer >= 1, got '0'"],
    [['--calls', 'x'], "--calls must be an integer >= 1, got 'x'"],
    [['--calls', '1.5'], "--calls must be an integer >= 1, got '1.5'"],
    [['--calls'], '--calls needs a value: an integer >= 1'],
    [['--setting', 'jitless'], "unknown argument '--setting' (allowed: --workload, --size, --seed, --workers, --exit-workers, --calls)"],
    [['--cache-dir', 'cache'], "unknown argument '--cache-dir' (allowed: --workload, --size, --seed, --workers, --exit-workers, --calls)"],
    [['--n', '20'], "unknown argument '--n' (allowed: --workload, --size, --seed, --workers, --exit-workers, --calls)"],
    [['--threads', '2'], "unknown argument '--threads' (allowed: --workload, --size, --seed, --workers, --exit-workers, --calls)"],
    [['-s', '2'], "unknown argument '-s' (allowed: --workload, --size, --seed, --workers, --exit-workers, --calls)"],
    [['--module', 'a.wasm'], "unknown argument '--module' (allowed: --workload, --size, --seed, --workers, --exit-workers, --calls)"],
    [['40'], "unexpected argument '40'"],
    [['--', '--size', '3'], "unexpected argument '--'"],
  ] as const) {
    it(`rejects ${argv.join(' ')}: ${expected}`, () => assert.equal(message([...argv]), expected));
  }
});

describe('tryParseArgs (a workloads folder of fixtures)', () => {
  it('finds a workload there, whatever its name: no list to edit', () => {
    const args = ok(['--workload', 'count', '--seed', '7'], { workloads: fixtures });
    assert.deepEqual({ ...args, spec: args.spec.name }, { workload: 'count', spec: 'count', size: 100, seed: 7, workers: availableParallelism(), calls: 1, exitWorkers: false });
  });
  it('lists only folders with a workload.json, sorted', () => {
    assert.deepEqual(workloadNames(fixtures), ['broken', 'bytesum', 'count', 'nochunk', 'norun']);
    assert.equal(message(['--workload', 'not-a-workload'], { workloads: fixtures }), "--workload must be one of broken, bytesum, count, nochunk, norun, got 'not-a-workload'");
    assert.equal(message(['--workload', 'fib'], { workloads: fixtures }), "--workload must be one of broken, bytesum, count, nochunk, norun, got 'fib'");
  });
  it('throws, naming the file, on a workload.json that is not JSON', () => {
    assert.throws(() => tryParseArgs({ argv: ['--workload', 'broken'], workloads: fixtures }), /broken\/workload\.json: not valid JSON/);
  });
});

describe('parseArgs', () => {
  const script = new URL('./fixtures/parse-args.ts', import.meta.url).pathname;
  const run = (argv: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, ['--import', 'tsx', script, ...argv], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('returns the arguments', () => {
    const child = run(['--workload', 'nbody', '--size', '7', '--seed', '3000000000', '--workers', '2', '--calls', '4']);
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout), { workload: 'nbody', spec: 'nbody', size: 7, seed: 3000000000, workers: 2, calls: 4, exitWorkers: false });
  });
  for (const [argv, error] of [
    [['--size', 'abc'], "error: --size must be an integer in 1..47 (fib's n), got 'abc'\n"],
    [['--workload', 'nbody', '--size', '10'], 'error: --seed is required: nbody is seeded (an integer in 0..4294967295)\n'],
    [['--workload', 'fib', '--seed', '1'], 'error: --seed is not accepted: fib is not seeded\n'],
    [['--calls', '0'], "error: --calls must be an integer >= 1, got '0'\n"],
    [['--calls'], 'error: --calls needs a value: an integer >= 1\n'],
    [['--setting', 'jitless'], "error: unknown argument '--setting' (allowed: --workload, --size, --seed, --workers, --exit-workers, --calls)\n"],
    [['--workload', 'no-such-workload'], /^error: --workload must be one of (.+, )?fib, nbody(, .+)?, got 'no-such-workload'\n$/],
  ] as const) {
    it(`prints one error line naming the argument and exits 2: ${argv.join(' ')}`, () => {
      const child = run([...argv]);
      assert.equal(child.status, 2);
      assert.equal(child.stdout, '');
      if (typeof error === 'string') assert.equal(child.stderr, error);
      else assert.match(child.stderr, error);
    });
  }
  it('exits 1 on a broken workload.json (the folder is broken, not the command line)', () => {
    const child = run(['--workload', 'broken'], { WORKLOADS_DIR: fixtures.dir });
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: .*broken\/workload\.json: not valid JSON/);
  });
});
