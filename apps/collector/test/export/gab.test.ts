import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { gabExporter } from '../../src/export/gab.ts';
import { makeScalingRun } from '../fixtures/scaling-run.ts';

/**
 * github-action-benchmark, tool `customSmallerIsBetter` (its README, "Examples" → custom
 * benchmarks): a JSON array of `{ name, unit, value }` with optional `range` and `extra` strings.
 */
const entry = z.object({ name: z.string().min(1), unit: z.string().min(1), value: z.number(), range: z.string().optional(), extra: z.string().optional() }).strict();
const gab = z.array(entry);

test('gab: the documented customSmallerIsBetter shape, median in ms, CPU ms and peak memory MiB, unique names', () => {
  const doc = makeScalingRun({ 'go-native': 0.4, 'c-native': 0.3 });
  const out = gab.parse(JSON.parse(gabExporter.render(doc)));
  assert.equal(out.length, 4 * 3, 'time, CPU and memory of each of 4 ok results');
  assert.equal(new Set(out.map((e) => e.name)).size, out.length);
  const go = out.find((e) => e.name === 'go-native [workers=1] · fib')!;
  assert.equal(go.unit, 'ms');
  assert.equal(go.value, 400);
  assert.match(go.range!, /^± \d+(\.\d+)?$/);
  assert.match(go.extra!, /runs: 10/);
  assert.match(go.extra!, /^fib size: 30$/m);
});

test('gab: CPU is user + system ms; peak memory the median MiB with its range; no memory entry when not measured', () => {
  const doc = makeScalingRun({ 'go-native': 0.4 });
  const out = gab.parse(JSON.parse(gabExporter.render(doc)));
  assert.deepEqual(out.find((e) => e.name === 'go-native [workers=1] · fib · CPU time')!.value, 810);
  const memory = out.find((e) => e.name === 'go-native [workers=1] · fib · peak memory')!;
  assert.deepEqual([memory.unit, memory.value, memory.range], ['MiB', 60, '59.4–60.6']);
  assert.match(memory.extra!, /median of 3 memory runs, sampled-pss every 5 ms/);
  for (const r of doc.results) if (r.status === 'ok') r.peakMemory = null;
  assert.equal(gab.parse(JSON.parse(gabExporter.render(doc))).filter((e) => e.name.endsWith('peak memory')).length, 0);
});
