import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { CSV_COLUMNS, csvExporter } from '../../src/export/csv.ts';
import { makeScalingRun } from '../fixtures/scaling-run.ts';

const num = z
  .string()
  .regex(/^-?\d+(\.\d+)?(e[-+]?\d+)?$/)
  .transform(Number);
const empty = z.literal('');
const common = {
  run_id: z.string().min(1),
  created_at: z.iso.datetime(),
  commit: z.string(),
  dirty: z.enum(['true', 'false']),
  variant: z.string().min(1),
  workload: z.string().min(1),
  size: z
    .string()
    .regex(/^[1-9]\d*$/)
    .transform(Number),
  parameters: z.string(),
  workers: z.string(),
};
/** One CSV record: numbers for an ok result; empty numbers and an error for a failed one. */
const numbers = <T extends z.ZodType>(t: T) => ({
  median_s: t,
  ci95_low_s: t,
  ci95_high_s: t,
  mean_s: t,
  stddev_s: t,
  min_s: t,
  max_s: t,
  runs: t,
  cv_pct: t,
  user_s_mean: t,
  system_s_mean: t,
  cpu_s_mean: t,
  compute_ms: t,
});
/** Peak memory: all filled (the interval only when sampled) or all empty (not measured). */
const memory = <T extends z.ZodType, U extends z.ZodType>(t: T, method: U, interval: z.ZodType = t) => ({
  peak_memory_method: method,
  peak_memory_runs: t,
  peak_memory_median_bytes: t,
  peak_memory_min_bytes: t,
  peak_memory_max_bytes: t,
  peak_memory_sample_interval_ms: interval,
});
const methods = z.enum(['cgroup-v2', 'cgroup-v1', 'sampled-pss']);
const record = z.union([
  z.object({ ...common, status: z.literal('ok'), ...numbers(num), ...memory(num, methods, num.or(empty)), error: empty }).strict(),
  z.object({ ...common, status: z.literal('ok'), ...numbers(num), ...memory(empty, empty), error: empty }).strict(),
  z.object({ ...common, status: z.literal('failed'), ...numbers(empty), ...memory(empty, empty), error: z.string().min(1) }).strict(),
]);

test('csv: RFC 4180 with a header, one record per result, failed ones with their error', () => {
  const doc = makeScalingRun({ 'go-native': 0.4 });
  const text = csvExporter.render(doc);
  assert.match(text, /\r\n$/);
  const header = text.split('\r\n')[0]!.split(',');
  assert.deepEqual(header, [...CSV_COLUMNS]);
  const rows = z.array(record).parse(parse(text, { columns: true, relax_column_count: false }));
  assert.equal(rows.length, doc.results.length);
  const ok = rows.find((r) => r.status === 'ok' && r.workers === '1');
  assert.ok(ok?.status === 'ok');
  assert.equal(ok.median_s, 0.4);
  assert.equal(ok.parameters, 'workers=1');
  assert.deepEqual([ok.workload, ok.size], ['fib', 30]);
  assert.equal(ok.cpu_s_mean, 0.4 * 2 + 0.01, 'user + system');
  assert.deepEqual([ok.peak_memory_method, ok.peak_memory_runs, ok.peak_memory_median_bytes, ok.peak_memory_sample_interval_ms], ['sampled-pss', 3, Math.round(60 * 2 ** 20), 5]);
  const failed = rows.find((r) => r.status === 'failed')!;
  assert.equal(failed.error, 'printed 832041 for fib(30), expected 832040\n<then more detail>'); // quoted, line break kept
  assert.equal(csvExporter.mediaType, 'text/csv');
});

test('csv: a result without memory runs (a run before schema 6) has empty memory columns', () => {
  const doc = makeScalingRun({ 'go-native': 0.4 });
  for (const r of doc.results) if (r.status === 'ok') r.peakMemory = null;
  const rows = z.array(record).parse(parse(csvExporter.render(doc), { columns: true }));
  const ok = rows.find((r) => r.status === 'ok')!;
  assert.deepEqual([ok.peak_memory_method, ok.peak_memory_median_bytes], ['', '']);
});
