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

test('gab: the documented customSmallerIsBetter shape, median in ms, unique names', () => {
  const doc = makeScalingRun({ 'go-native': 0.4, 'c-native': 0.3 });
  const out = gab.parse(JSON.parse(gabExporter.render(doc)));
  assert.equal(out.length, 4);
  assert.equal(new Set(out.map((e) => e.name)).size, out.length);
  const go = out.find((e) => e.name === 'go-native [workers=1] · fib')!;
  assert.equal(go.unit, 'ms');
  assert.equal(go.value, 400);
  assert.match(go.range!, /^± \d+(\.\d+)?$/);
  assert.match(go.extra!, /runs: 10/);
  assert.match(go.extra!, /^fib size: 30$/m);
});
