import assert from 'node:assert/strict';
import { test } from 'node:test';
import { medianChart, reportCharts, timesChart } from '../../src/report/charts.ts';
import { HOST_PALETTE } from '../../src/report/colour.ts';
import { makeMatrixRun } from './fixtures/matrix-run.ts';

type Panel = {
  title: { text: string };
  data: { values: Array<{ workload: string }> };
  layer: Array<{ name: string; encoding: Record<string, { sort?: unknown; scale?: { domain: string[]; range: string[] } }> }>;
  encoding?: { y: { sort: unknown } };
};

test('the median chart: a panel per workload with its own rows, sorted by median, coloured by host', () => {
  const spec = medianChart(makeMatrixRun()).spec as unknown as { vconcat: Panel[]; resolve: unknown };
  assert.deepEqual(
    spec.vconcat.map((p) => p.title.text),
    ['fib', 'nbody', 'chunk-hash'],
  );
  for (const p of spec.vconcat) assert.ok(p.data.values.every((r) => r.workload === p.title.text));
  assert.deepEqual(
    spec.vconcat[1]!.layer.map((l) => l.name),
    ['bars_1', 'ci_1'],
    'mark names unique per panel',
  );
  assert.deepEqual(spec.vconcat[0]!.encoding!.y.sort, { field: 'medianMs', op: 'min', order: 'ascending' });
  const colour = spec.vconcat[0]!.layer[0]!.encoding.color!.scale!;
  assert.deepEqual(colour.domain, ['c-native', 'threads-js · node 20', 'threads-wasi · node 20', 'go-native · go 1.26', 'go-wazero · go 1.26']);
  assert.deepEqual(colour.range, HOST_PALETTE.slice(0, 5));
});

test('the times chart uses the same host colours; the report keeps its chart list', () => {
  const doc = makeMatrixRun();
  const times = timesChart(doc).spec as unknown as { vconcat: Panel[] };
  const median = medianChart(doc).spec as unknown as { vconcat: Panel[] };
  assert.deepEqual(times.vconcat[2]!.layer[0]!.encoding.color, median.vconcat[2]!.layer[0]!.encoding.color);
  assert.deepEqual(
    reportCharts(doc, [doc]).map((c) => c.name),
    ['median', 'times', 'phases', 'history'],
  );
});
