import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { measureGroup, verifyOnce, type Target } from '../src/measure.ts';
import { runSchedule, type Plan } from '../src/schedule.ts';

const fixture = fileURLToPath(new URL('./fixtures/variant.mjs', import.meta.url));
const target = (mode: string, extra = ''): Target => ({
  key: `fixture-${mode}`, variant: 'fixture', parameters: {},
  command: `${process.execPath} ${fixture} ${mode} --n 10 --workers 2${extra}`,
  expected: { variant: 'fixture', n: 10, workers: 2 },
});
const plan: Plan = { warmup: 1, minRuns: 3, maxRuns: 3, roundRuns: 3, targetCiPct: null, budgetS: null, interleave: false, timeoutS: null };

test('a correct fixture is timed and every run verified', async () => {
  const t = target('good');
  const batch = (await measureGroup({ template: t.command, target: t }, { warmup: 1, runs: 3, timeoutMs: 30_000 })).get(t.key);
  assert.equal(batch?.status, 'ok');
  if (batch?.status === 'ok') {
    assert.equal(batch.times.length, 3);
    assert.equal(batch.reports.length, 3);
  }
});

test('a fixture with a wrong answer is reported failed, never timed', async () => {
  const { results } = await runSchedule([{ template: target('wrong').command, target: target('wrong') }], plan);
  assert.equal(results[0]?.status, 'failed');
  assert.match(results[0]?.status === 'failed' ? results[0].error : '', /verification run: wrong answer: expected fibonacci\(10\) = 55, got 56/);
});

test('a wrong answer that appears only during timing fails the target', async () => {
  const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-')), 'seen');
  const t = target('flaky', ` --marker ${marker}`);
  const { results } = await runSchedule([{ template: t.command, target: t }], plan);
  assert.equal(results[0]?.status, 'failed');
  assert.match(results[0]?.status === 'failed' ? results[0].error : '', /during timing: wrong answer/);
});

test('a crashing fixture reports its exit status and stderr; the others still run', async () => {
  const { results } = await runSchedule(
    [{ template: target('crash').command, target: target('crash') }, { template: target('good').command, target: target('good') }],
    plan,
  );
  assert.deepEqual(results.map((r) => r.status), ['failed', 'ok']);
  assert.match(results[0]?.status === 'failed' ? results[0].error : '', /exited with status 3[\s\S]*boom: the fixture crashed/);
});

test('garbage output fails with the reason', async () => {
  const v = await verifyOnce(target('garbage'), 30_000);
  assert.deepEqual(v.verdict.ok, false);
  assert.match(!v.verdict.ok ? v.verdict.error : '', /not JSON/);
});
