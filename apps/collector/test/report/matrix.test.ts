import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunDocument } from '@arena/contract';
import { buildMatrix, cellAt, reportMatrices } from '../../src/report/matrix.ts';
import { makeScalingRun } from '../fixtures/scaling-run.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

test('rows are hosts, columns workload × producer (native first), a cell per result', () => {
  const doc = makeMatrixRun();
  const m = buildMatrix(doc, 'wall')!;
  assert.deepEqual(m.hosts, ['c-native', 'threads-js · node 20', 'threads-wasi · node 20', 'go-native · go 1.26', 'go-wazero · go 1.26']);
  assert.deepEqual(
    m.columns.filter((c) => c.workload === 'fib').map((c) => c.producer),
    ['native', 'clang', 'assemblyscript', 'go'],
  );
  assert.equal(m.columns.length, 12);
  assert.equal(m.cells.length, doc.results.length);
  const ref = cellAt(m, 'c-native', { workload: 'fib', producer: 'native' })!;
  assert.deepEqual([ref.status, ref.ratio?.method, ref.ratio?.ratio], ['ok', 'reference', 1]);
  const wasi = cellAt(m, 'threads-wasi · node 20', { workload: 'fib', producer: 'clang' })!;
  assert.ok(Math.abs(wasi.ratio!.ratio - 1.5) < 0.01, `fixture median 0.45 s over 0.30 s, got ${wasi.ratio!.ratio}`);
  assert.equal(wasi.ratio!.method, 'paired-rounds');
  assert.equal(cellAt(m, 'go-wazero · go 1.26', { workload: 'nbody', producer: 'go' })!.status, 'failed');
  assert.equal(cellAt(m, 'c-native', { workload: 'fib', producer: 'clang' }), undefined);
});

test('compute, CPU and memory: their own values; no memory matrix when nothing was measured', () => {
  const doc = makeMatrixRun();
  const at = (metric: 'compute' | 'cpu' | 'memory') => cellAt(buildMatrix(doc, metric)!, 'threads-js · node 20', { workload: 'fib', producer: 'native' })!;
  assert.ok(Math.abs(at('compute').ratio!.ratio - 1.4 / 0.3) < 1e-9); // computeMs is m × 900 in the fixture
  assert.equal(at('compute').ratio!.method, 'none');
  assert.ok(Math.abs(at('cpu').ratio!.ratio - (1.4 * 2.2 + 0.01) / (0.3 * 2 + 0.01)) < 1e-9);
  assert.equal(at('memory').ratio!.method, 'range');
  assert.equal(cellAt(buildMatrix(doc, 'memory')!, 'threads-wasi · node 20', { workload: 'fib', producer: 'go' })!.status, 'not-measured');
  const old: RunDocument = { ...doc, results: doc.results.map((r) => (r.status === 'ok' ? { ...r, peakMemory: null } : r)) };
  assert.equal(buildMatrix(old, 'memory'), null);
  assert.deepEqual(
    reportMatrices(old).map((m) => m.metric),
    ['wall', 'compute', 'cpu'],
  );
});

test('without an ok c-native a cell has no ratio; with worker counts, c-native of the same count', () => {
  const doc = makeMatrixRun();
  const noC: RunDocument = { ...doc, results: doc.results.map((r) => (r.variant === 'c-native' && r.workload === 'nbody' ? { ...r, status: 'failed' as const, error: 'crashed' } : r)) };
  const m = buildMatrix(noC, 'wall')!;
  assert.equal(cellAt(m, 'threads-js · node 20', { workload: 'nbody', producer: 'native' })!.status, 'no-baseline');
  const scaling = buildMatrix(makeScalingRun({ 'c-native': 0.3, 'go-native': 0.45 }), 'wall')!;
  assert.deepEqual(scaling.hosts, ['c-native · 1 worker', 'c-native · 2 workers', 'go-native · 1 worker', 'go-native · 2 workers', 'broken-variant']);
  const two = cellAt(scaling, 'go-native · 2 workers', { workload: 'fib', producer: 'native' })!;
  assert.ok(Math.abs(two.ratio!.ratio - 1.5) < 1e-6, 'go-native at 2 workers over c-native at 2 workers');
});
