import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { Measured, Target } from '@arena/hyperfine-wrapper';
import { measureMemory, processRunOnce, type MemoryVerdict, type RunOnce } from '../../src/memory/runs.ts';

const sampled = { method: 'sampled-pss', intervalMs: 5 } as const;
const target = (key: string, workload = 'fib', seeded = false): Target => ({
  key,
  variant: key,
  parameters: {},
  command: `bin/${key} --workload ${workload}`,
  asked: { variant: key, workload, size: 10, workers: 2 },
  seeded,
  table: 'workers=2',
});
const ok = (t: Target, medianS = 0.2): Measured => ({
  status: 'ok',
  target: t,
  times: [medianS, medianS, medianS],
  round: [1, 1, 1],
  userS: 0.3,
  systemS: 0.01,
  reports: [],
  seeds: [],
  stop: { reason: 'fixed-runs', ciHalfWidthPct: 1, cvPct: 1 },
});
/** A RunOnce that answers from a script of verdicts and records every call. */
function scripted(verdicts: (command: string, k: number) => MemoryVerdict) {
  const calls: Array<{ command: string; seed: number | null; answer: unknown; timeoutMs: number; cgroupName: string }> = [];
  const runOnce: RunOnce = async (run, o) => {
    calls.push({ command: run.command, seed: run.expected.seed, answer: run.expected.answer, ...o });
    return verdicts(run.command, calls.filter((c) => c.command === run.command).length);
  };
  return { calls, runOnce };
}

test('every ok result gets its runs in a row, each checked; one seed and reference per workload for the phase', async () => {
  const references: Array<[string, number | null]> = [];
  const answers = (workload: string, _size: number, seed: number | null) => {
    references.push([workload, seed]);
    return workload === 'fib' ? 55 : [1, 2];
  };
  const failed: Measured = { status: 'failed', target: target('broken'), error: 'wrong answer' };
  const measured = [ok(target('a')), failed, ok(target('b', 'nbody', true), 3), ok(target('c', 'nbody', true))];
  const { calls, runOnce } = scripted((command, k) => ({ ok: true, bytes: command.startsWith('bin/a') ? [30, 10, 20][k - 1]! : 100 * k }));
  const seeds = [7, 8];
  const out = await measureMemory(measured, answers, { runs: 3, probe: sampled, timeoutS: null, runId: 'r1', drawSeed: () => seeds.shift()! }, runOnce);
  assert.deepEqual(
    references,
    [
      ['fib', null],
      ['nbody', 8],
    ],
    'one reference per workload and size, computed before any run',
  );
  assert.deepEqual(
    calls.map((c) => c.command),
    [...Array(3).fill('bin/a --workload fib'), ...Array(3).fill('bin/b --workload nbody --seed 8'), ...Array(3).fill('bin/c --workload nbody --seed 8')],
  );
  assert.deepEqual(
    calls.map((c) => c.cgroupName),
    Array.from({ length: 9 }, (_, i) => `arena-r1-${i + 1}`),
  );
  assert.deepEqual([calls[0]!.timeoutMs, calls[3]!.timeoutMs], [10_000, 30_000], '10× the median wall time, at least 10 s');
  assert.deepEqual(out.results, measured, 'nothing failed: the results are as measured');
  assert.deepEqual(out.peaks.get('a'), { method: 'sampled-pss', sampleIntervalMs: 5, bytes: [30, 10, 20], medianBytes: 20, minBytes: 10, maxBytes: 30 });
  assert.deepEqual(out.peaks.get('b')?.bytes, [100, 200, 300]);
  assert.equal(out.peaks.has('broken'), false);
});

test('a wrong answer in a memory run fails the result, like any run; the others go on; BENCH_TIMEOUT_S applies', async () => {
  const { calls, runOnce } = scripted((command, k) =>
    command.startsWith('bin/a') && k === 2 ? { ok: false, error: 'wrong answer: expected fib(10) = 55, got 56 from worker 0' } : { ok: true, bytes: 1 },
  );
  const out = await measureMemory([ok(target('a')), ok(target('b'))], () => 55, { runs: 3, probe: sampled, timeoutS: 4, runId: 'r1' }, runOnce);
  assert.deepEqual(out.results[0], { status: 'failed', target: target('a'), error: 'memory run 2 of 3: wrong answer: expected fib(10) = 55, got 56 from worker 0' });
  assert.equal(out.results[1]!.status, 'ok');
  assert.deepEqual([...out.peaks.keys()], ['b']);
  assert.equal(calls.length, 2 + 3, 'a failed result gets no more memory runs');
  assert.ok(calls.every((c) => c.timeoutMs === 4000));
});

test('BENCH_MEMORY_RUNS=0: no run at all; an abort stops the phase with an error', async () => {
  const none = scripted(() => ({ ok: true, bytes: 1 }));
  const measured = [ok(target('a'))];
  const out = await measureMemory(measured, () => 55, { runs: 0, probe: sampled, timeoutS: null, runId: 'r1' }, none.runOnce);
  assert.deepEqual([out.results, out.peaks.size, none.calls.length, out.memoryS], [measured, 0, 0, 0]);
  const ac = new AbortController();
  const aborting: RunOnce = async () => {
    ac.abort();
    return { ok: false, error: 'interrupted' };
  };
  await assert.rejects(
    measureMemory(measured, () => 55, { runs: 3, probe: sampled, timeoutS: null, runId: 'r1', signal: ac.signal }, aborting),
    /interrupted/,
  );
});

test("processRunOnce: the real process, verified by the harness's own check; a wrong answer or a crash is its error", async () => {
  const variant = fileURLToPath(new URL('../fixtures/fixture-variant.mjs', import.meta.url));
  const run = (mode: string) => ({
    command: `${process.execPath} ${variant} ${mode} --workload fib --size 10 --workers 2`,
    expected: { variant: `fx-${mode}`, workload: 'fib', size: 10, workers: 2, seed: null, answer: 55 },
  });
  const once = processRunOnce(sampled);
  const good = await once(run('good'), { timeoutMs: 20_000, cgroupName: 'unused' });
  assert.ok(good.ok && good.bytes > 10 * 2 ** 20, JSON.stringify(good));
  assert.deepEqual(await once(run('wrong'), { timeoutMs: 20_000, cgroupName: 'unused' }), { ok: false, error: 'wrong answer: expected fib(10) = 55, got 56 from worker 0' });
  const crash = await once(run('crash'), { timeoutMs: 20_000, cgroupName: 'unused' });
  assert.ok(!crash.ok && /exited with status 139/.test(crash.error));
});
