import assert from 'node:assert/strict';
import { test } from 'node:test';
import { historyRows, medianRows, phaseRows, scalingRows, timeRows } from '../../src/report/data.ts';
import { makeRun } from '../fixtures/run.ts';
import { makeScalingRun } from '../fixtures/scaling-run.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

test('median, time and phase rows come from the ok results, in ms', () => {
  const doc = makeScalingRun({ a: 0.4 });
  assert.deepEqual(
    medianRows(doc).map((r) => [r.label, Math.round(r.medianMs)]),
    [
      ['a [workers=1] · fib', 400],
      ['a [workers=2] · fib', 222],
    ],
  );
  assert.equal(timeRows(doc).length, 20);
  assert.deepEqual(
    phaseRows(doc)
      .filter((r) => r.label === 'a [workers=2] · fib')
      .map((r) => r.phase),
    ['startup', 'spawn', 'compute'],
  );
});

test('median and time rows name their workload, their result within it and their host (the colour)', () => {
  const rows = medianRows(makeMatrixRun());
  const wasi = rows.find((r) => r.workload === 'nbody' && r.name === 'threads-wasi [module=go, node=20, go=1.26]')!;
  assert.equal(wasi.host, 'threads-wasi · node 20');
  assert.equal(wasi.label, 'threads-wasi [module=go, node=20, go=1.26] · nbody');
  const times = timeRows(makeMatrixRun()).filter((r) => r.name === wasi.name && r.workload === 'nbody');
  assert.equal(times.length, 20);
  assert.ok(times.every((t) => t.medianMs === wasi.medianMs && t.host === wasi.host));
});

test('scaling rows: one series per variant, speedup over 1 worker', () => {
  const rows = scalingRows(makeScalingRun({ a: 0.4, b: 0.2 }));
  assert.deepEqual(
    rows.map((r) => [r.series, r.workers]),
    [
      ['a · fib', 1],
      ['a · fib', 2],
      ['b · fib', 1],
      ['b · fib', 2],
    ],
  );
  assert.ok(Math.abs(rows[1]!.speedup - 1.8) < 1e-9);
  assert.equal(rows[0]!.speedup, 1);
  assert.deepEqual(scalingRows(makeRun({ a: 0.4 })), []); // one worker count: no scaling chart
});

test('history rows: every ok result of every run, oldest first', () => {
  const runs = [makeRun({ a: 0.4 }), makeRun({ a: 0.5, b: 0.1 }, { id: 'r2', createdAt: '2026-11-28T13:00:00.000Z' })];
  assert.deepEqual(
    historyRows(runs).map((r) => [r.runId, r.result, r.medianMs]),
    [
      ['20261127T130000Z-abc1234', 'a · fib', 400],
      ['r2', 'a · fib', 500],
      ['r2', 'b · fib', 100],
    ],
  );
});
