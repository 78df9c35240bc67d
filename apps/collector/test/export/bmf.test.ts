import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { bmfExporter } from '../../src/export/bmf.ts';
import { makeScalingRun } from '../fixtures/scaling-run.ts';

/**
 * Bencher Metric Format (bencher.dev/docs/reference/bencher-metric-format): an object keyed by
 * benchmark name; each holds measures keyed by slug; a metric is a value with optional lower and
 * upper values. The built-in `latency` measure is in nanoseconds.
 */
const metric = z.object({ value: z.number(), lower_value: z.number().optional(), upper_value: z.number().optional() }).strict();
const bmf = z.record(z.string().min(1), z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), metric));

test('bmf: the documented shape, latency in ns with the CI as bounds', () => {
  const doc = makeScalingRun({ 'go-native': 0.4 });
  const out = bmf.parse(JSON.parse(bmfExporter.render(doc)));
  assert.deepEqual(Object.keys(out), ['go-native [workers=1] · fib', 'go-native [workers=2] · fib']); // the failed result has no number
  const m = out['go-native [workers=1] · fib']!.latency!;
  assert.equal(m.value, 400_000_000);
  assert.ok(m.lower_value! <= m.value && m.value <= m.upper_value!);
  assert.ok(Number.isInteger(m.value));
  assert.equal(bmfExporter.mediaType, 'application/json');
});

test('bmf: cpu-time in ns like latency (user + system), peak-rss in bytes (median, min and max of the memory runs)', () => {
  const doc = makeScalingRun({ 'go-native': 0.4 });
  const out = bmf.parse(JSON.parse(bmfExporter.render(doc)));
  const measures = out['go-native [workers=1] · fib']!;
  assert.deepEqual(Object.keys(measures), ['latency', 'cpu-time', 'peak-rss']);
  assert.deepEqual(measures['cpu-time'], { value: 810_000_000 });
  const mib60 = 60 * 2 ** 20;
  assert.deepEqual(measures['peak-rss'], { value: mib60, lower_value: Math.round(mib60 * 0.99), upper_value: Math.round(mib60 * 1.01) });
  // A run recorded before memory was measured: no peak-rss, the rest as before.
  for (const r of doc.results) if (r.status === 'ok') r.peakMemory = null;
  assert.deepEqual(Object.keys(bmf.parse(JSON.parse(bmfExporter.render(doc)))['go-native [workers=1] · fib']!), ['latency', 'cpu-time']);
});
