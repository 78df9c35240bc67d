import assert from 'node:assert/strict';
import { test } from 'node:test';
import { variantReport } from '../src/report.ts';

const good = { variant: 'threads-wasi', n: 40, workers: 2, results: [102334155, 102334155], module: 'packages/kernels/dist/clang.wasm', phasesMs: { computeMs: 301.7, spawnMs: 18.5 } };

test('accepts a report line with one result per worker', () => {
  assert.deepEqual(variantReport.parse(good), good);
});

test('keeps extra numeric phases', () => {
  assert.equal(variantReport.parse({ ...good, phasesMs: { computeMs: 1, gcMs: 2 } }).phasesMs.gcMs, 2);
});

test('rejects a report whose results do not match the worker count', () => {
  const r = variantReport.safeParse({ ...good, results: [102334155] });
  assert.equal(r.success, false);
  assert.match(JSON.stringify(r.error?.issues), /one entry per worker/);
});

test('rejects a report without computeMs', () => {
  assert.equal(variantReport.safeParse({ ...good, phasesMs: { spawnMs: 1 } }).success, false);
});

test('rejects n outside 1..47, unknown fields and negative phases', () => {
  assert.equal(variantReport.safeParse({ ...good, n: 48 }).success, false);
  assert.equal(variantReport.safeParse({ ...good, extra: true }).success, false);
  assert.equal(variantReport.safeParse({ ...good, phasesMs: { computeMs: -1 } }).success, false);
});
