import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportLine, variantReport } from '../src/report.ts';

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

const sha = '9723e28f82cf9271ce5a616e9c374d2edd0a3d73da6bd1a51862f6a6bee576a6';

test('a report line with module must carry moduleSha256', () => {
  const r = reportLine.safeParse(good);
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues.map((i) => i.path), [['moduleSha256']]);
  assert.match(r.error!.issues[0]!.message, /moduleSha256 is required with module/);
  assert.deepEqual(reportLine.parse({ ...good, moduleSha256: sha }), { ...good, moduleSha256: sha });
});

test('a report line without module needs no moduleSha256', () => {
  const { module: _, ...native } = good;
  assert.equal(reportLine.safeParse(native).success, true);
});

test('moduleSha256 is 64 lowercase hex digits', () => {
  for (const bad of [sha.toUpperCase(), sha.slice(1), `${sha}0`, 'sha256:' + sha.slice(7)]) {
    assert.equal(reportLine.safeParse({ ...good, moduleSha256: bad }).success, false, bad);
  }
});

test('recorded reports from before moduleSha256 still parse (run documents)', () => {
  assert.equal(variantReport.safeParse(good).success, true);
});
