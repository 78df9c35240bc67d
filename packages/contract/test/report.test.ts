import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportLine, variantReport } from '../src/report.ts';

const good = {
  variant: 'threads-wasi',
  workload: 'fib',
  size: 40,
  seed: null,
  workers: 2,
  results: [102334155, 102334155],
  module: 'packages/kernels/dist/fib/clang.wasm',
  phasesMs: { computeMs: 301.7, spawnMs: 18.5 },
};

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

test('rejects a size below 1, a seed outside u32, unknown fields and negative phases', () => {
  assert.equal(variantReport.safeParse({ ...good, size: 0 }).success, false);
  assert.equal(variantReport.safeParse({ ...good, seed: 2 ** 32 }).success, false);
  assert.equal(variantReport.safeParse({ ...good, n: 40 }).success, false);
  assert.equal(variantReport.safeParse({ ...good, extra: true }).success, false);
  assert.equal(variantReport.safeParse({ ...good, phasesMs: { computeMs: -1 } }).success, false);
});

const sha = '9723e28f82cf9271ce5a616e9c374d2edd0a3d73da6bd1a51862f6a6bee576a6';

test('a report line with module must carry moduleSha256', () => {
  const r = reportLine.safeParse(good);
  assert.equal(r.success, false);
  assert.deepEqual(
    r.error?.issues.map((i) => i.path),
    [['moduleSha256']],
  );
  assert.match(r.error!.issues[0]!.message, /moduleSha256 is required with module/);
  assert.deepEqual(reportLine.parse({ ...good, moduleSha256: sha }), { ...good, moduleSha256: sha });
});

test('a report line without module needs no moduleSha256', () => {
  const { module: _, ...native } = good;
  assert.equal(reportLine.safeParse(native).success, true);
});

test('moduleSha256 is 64 lowercase hex digits', () => {
  for (const bad of [sha.toUpperCase(), sha.slice(1), `${sha}0`, `sha256:${sha.slice(7)}`]) {
    assert.equal(reportLine.safeParse({ ...good, moduleSha256: bad }).success, false, bad);
  }
});

test('recorded reports from before moduleSha256 still parse (run documents)', () => {
  assert.equal(variantReport.safeParse(good).success, true);
});

test("answers take the workload spec's type: a u32 per worker, or an array of doubles", () => {
  const nbody = {
    ...good,
    workload: 'nbody',
    size: 1000,
    seed: 42,
    results: [
      [-0.169075164, -0.169087605],
      [-0.169075164, -0.169087605],
    ],
  };
  assert.equal(variantReport.safeParse(nbody).success, true);
  assert.equal(variantReport.safeParse({ ...good, results: [-1, 1] }).success, false, 'a u32 is not negative');
  assert.equal(variantReport.safeParse({ ...good, results: [1.5, 1] }).success, false, 'a u32 is an integer');
});
