import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

const script = new URL('./fixtures/jobs.ts', import.meta.url).pathname;
const run = (scenario: string) => spawnSync(process.execPath, ['--import', 'tsx', script, scenario], { encoding: 'utf8' });
const stopped = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('stopped'))
    .sort();

describe('runJobs', () => {
  it('dispatches once all are ready, reports results in worker order, stops every worker, exits 0', () => {
    const child = run('ok');
    assert.equal(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout);
    assert.deepEqual(report.results, [500, 501, 502]);
    assert.deepEqual(Object.keys(report), ['variant', 'workload', 'size', 'seed', 'workers', 'results', 'phasesMs']);
    assert.equal(report.variant, 'fake');
    assert.equal(report.workload, 'fib');
    assert.equal(report.size, 5);
    assert.equal(report.seed, null);
    assert.equal(report.workers, 3);
    assert.ok(!('module' in report));
    assert.deepEqual(Object.keys(report.phasesMs), ['startupMs', 'spawnMs', 'compileMs', 'instantiateMs', 'computeMs']);
    assert.equal(report.phasesMs.startupMs, 1.5);
    assert.equal(report.phasesMs.compileMs, 0.5);
    assert.equal(report.phasesMs.instantiateMs, 2.25, 'the slowest worker');
    assert.ok(report.phasesMs.computeMs > 0 && report.phasesMs.spawnMs > 0);
    assert.deepEqual(stopped(child.stderr), ['stopped 0', 'stopped 1', 'stopped 2']);
    const jobs = child.stderr
      .split('\n')
      .filter((line) => line.startsWith('job '))
      .sort();
    assert.deepEqual(
      jobs,
      [0, 1, 2].map((i) => `job ${i} {"workload":"fib","size":5,"seed":null,"calls":1,"workers":3,"worker":${i + 1}}`),
      'every worker gets the same job, and its own number',
    );
  });

  it('reports a seeded workload with its seed, each answer the array of its results (f64[])', () => {
    const child = run('seeded');
    assert.equal(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout);
    assert.equal(report.workload, 'pair');
    assert.equal(report.seed, 7);
    assert.deepEqual(report.results, [
      [5, 7],
      [5.25, 7],
      [5.5, 7],
    ]);
    assert.match(child.stderr, /^job 0 \{"workload":"pair","size":5,"seed":7,"calls":1,"workers":3,"worker":1\}$/m);
  });

  it('with --calls 3: sends the calls in the job, reports calls: 3 and the first call of each worker as its answer', () => {
    const child = run('calls');
    assert.equal(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout);
    assert.deepEqual(Object.keys(report), ['variant', 'workload', 'size', 'seed', 'workers', 'results', 'calls', 'phasesMs']);
    assert.equal(report.calls, 3);
    assert.deepEqual(report.results, [500, 501, 502]);
    assert.deepEqual(Object.keys(report.phasesMs), ['startupMs', 'spawnMs', 'compileMs', 'instantiateMs', 'computeMs', 'firstCallMs', 'laterCallMs']);
    assert.match(child.stderr, /^job 0 \{"workload":"fib","size":5,"seed":null,"calls":3,"workers":3,"worker":1\}$/m);
  });

  it("with --calls 3: firstCallMs is the slowest worker's first call, laterCallMs the median of every worker's later calls", () => {
    const child = run('calls-timed');
    assert.equal(child.status, 0, child.stderr);
    const { phasesMs } = JSON.parse(child.stdout);
    assert.equal(phasesMs.firstCallMs, 12);
    // Later calls 1, 5, 2, 5, 3, 5: an even count, the mean of the middle two.
    assert.equal(phasesMs.laterCallMs, 4);
  });

  it("fails naming the worker and the call whose answer differs from call 1's, after stopping every worker, without a report", () => {
    const child = run('calls-differ');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: worker 2 of 3: call 2's answer differs from call 1's$/m);
    assert.deepEqual(stopped(child.stderr), ['stopped 0', 'stopped 1', 'stopped 2']);
  });

  it('fails when a worker does not time each of its calls', () => {
    const child = run('calls-untimed');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: worker 2 of 3: no duration for each of its 3 calls \(callsMs\)$/m);
  });

  it('fails naming a worker that returned another number of results than the spec has', () => {
    const child = run('wrong-count');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: worker 2 of 3: fib: a worker returned 2 result\(s\), the spec has 1$/m);
    assert.deepEqual(stopped(child.stderr), ['stopped 0', 'stopped 1', 'stopped 2']);
  });

  it("fails with a worker's error message, after stopping every worker, without a report", () => {
    const child = run('error');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.deepEqual(stopped(child.stderr), ['stopped 0', 'stopped 1', 'stopped 2']);
    assert.match(child.stderr, /^error: k\.wasm: trap: unreachable$/m);
  });

  it('fails naming a worker lost before its result', () => {
    const child = run('lost');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: worker 3 of 3 \(pid 42\) died: killed by SIGKILL$/m);
  });

  it('ignores a worker that ends after returning its result', () => {
    const child = run('lost-after-result');
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(JSON.parse(child.stdout).results, [500, 501, 502]);
  });

  it('takes phases from a hook that resolves them', () => {
    const child = run('async');
    assert.equal(child.status, 0, child.stderr);
    assert.equal(JSON.parse(child.stdout).phasesMs.compileMs, 0.75);
  });

  it('fails when the hook run while workers boot rejects', () => {
    const child = run('reject');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: k\.wasm: cannot read module \(ENOENT\)$/m);
  });

  it('fails when the hook run while workers boot throws', () => {
    const child = run('throw');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: k\.wasm: no export fibonacci$/m);
    assert.deepEqual(stopped(child.stderr), ['stopped 0', 'stopped 1', 'stopped 2']);
  });

  it("reports --module with the hook's moduleSha256, which is no phase", () => {
    const child = run('hashed-by-hook');
    assert.equal(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout);
    assert.deepEqual(Object.keys(report), ['variant', 'workload', 'size', 'seed', 'workers', 'results', 'module', 'moduleSha256', 'phasesMs']);
    assert.equal(report.module, 'k.wasm');
    assert.equal(report.moduleSha256, '9'.repeat(64));
    assert.ok(!('moduleSha256' in report.phasesMs));
  });

  it("reports the moduleSha256 the workers' ready messages agree on", () => {
    const child = run('hashed-by-workers');
    assert.equal(child.status, 0, child.stderr);
    assert.equal(JSON.parse(child.stdout).moduleSha256, '1'.repeat(64));
  });

  it('fails when two workers compiled different modules, naming both hashes', () => {
    const child = run('hashes-differ');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    // In the order the workers got ready, which timers decide.
    const [one, two] = ['1'.repeat(64), '2'.repeat(64)];
    assert.match(child.stderr, new RegExp(`^error: k\\.wasm: workers compiled different modules \\(sha256 (${one} and ${two}|${two} and ${one})\\)$`, 'm'));
  });

  it('fails rather than report a --module run without its sha256', () => {
    const child = run('not-hashed');
    assert.equal(child.status, 1);
    assert.equal(child.stdout, '');
    assert.match(child.stderr, /^error: k\.wasm: no worker or hook reported the module's sha256 \(moduleSha256\)$/m);
  });
});
