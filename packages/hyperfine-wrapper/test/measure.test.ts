import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { measureTarget, runOf, verifyOnce, type Target } from '../src/measure.ts';
import { runSchedule, type Answers, type Plan } from '../src/schedule.ts';

const fixture = fileURLToPath(new URL('./fixtures/variant.mjs', import.meta.url));
const target = (mode: string, extra = '', workload = 'fib'): Target => ({
  key: `fixture-${mode}`,
  variant: 'fixture',
  parameters: {},
  command: `${process.execPath} ${fixture} ${mode} --workload ${workload} --size 10 --workers 2${extra}`,
  asked: { variant: 'fixture', workload, size: 10, workers: 2 },
  seeded: workload === 'echo',
  table: 'workers=2',
});
const plan = { warmup: 1, runsPerRound: 3, minRounds: 1, maxRounds: 1, targetCiPct: null, budgetS: null, suiteBudgetS: null, memoryRuns: 0, decisions: null, timeoutS: null } satisfies Plan & {
  timeoutS: null;
};
/** The fixture's references: fib(size), and [size, seed] for the seeded echo workload. */
const answers: Answers = (workload, size, seed) => (workload === 'echo' ? [size, seed!] : ({ 10: 55 } as Record<number, number>)[size]!);
const runSchedule_ = (targets: Target[], p: typeof plan, drawSeed?: () => number) => runSchedule(targets, p, answers, { drawSeed });

test('a correct fixture is timed and every run verified', async () => {
  const t = runOf(target('good'), 0, 55);
  const batch = await measureTarget(t, { warmup: 1, runs: 3, timeoutMs: 30_000 });
  assert.equal(batch?.status, 'ok');
  if (batch?.status === 'ok') {
    assert.equal(batch.times.length, 3);
    assert.equal(batch.reports.length, 3);
  }
});

test('a fixture with a wrong answer is reported failed, never timed', async () => {
  const { results } = await runSchedule_([target('wrong')], plan);
  assert.equal(results[0]?.status, 'failed');
  assert.match(results[0]?.status === 'failed' ? results[0].error : '', /verification run: wrong answer: expected fib\(10\) = 55, got 56/);
});

test('a wrong answer that appears only during timing fails the target', async () => {
  const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-')), 'seen');
  const t = target('flaky', ` --marker ${marker}`);
  const { results } = await runSchedule_([t], plan);
  assert.equal(results[0]?.status, 'failed');
  assert.match(results[0]?.status === 'failed' ? results[0].error : '', /during timing: wrong answer/);
});

test('a crashing fixture reports its exit status and stderr; the others still run', async () => {
  const { results } = await runSchedule_([target('crash'), target('good')], plan);
  assert.deepEqual(
    results.map((r) => r.status),
    ['failed', 'ok'],
  );
  assert.match(results[0]?.status === 'failed' ? results[0].error : '', /exited with status 3[\s\S]*boom: the fixture crashed/);
});

test('garbage output fails with the reason', async () => {
  const v = await verifyOnce(runOf(target('garbage'), 0, 55), 30_000);
  assert.deepEqual(v.verdict.ok, false);
  assert.match(!v.verdict.ok ? v.verdict.error : '', /not JSON/);
});

test('a target that crashes in a later round fails alone: its table-sibling keeps every round', async () => {
  const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-')), 'calls');
  // verification (1) + round 1 (1 warmup + 2 runs) = 4 calls fine, then it crashes in round 2.
  const late = { ...target('crash-later', ` --marker ${marker} --after 4`), key: 'late' };
  const good = target('good');
  const p3 = { ...plan, runsPerRound: 2, minRounds: 3, maxRounds: 3 };
  const { results, order } = await runSchedule_([late, good], p3);
  assert.equal(results[0]?.status, 'failed');
  assert.match(results[0]?.status === 'failed' ? results[0].error : '', /during timing: .*exited with status 3|boom/);
  const ok = results[1]!;
  assert.equal(ok.status, 'ok');
  if (ok.status === 'ok') assert.deepEqual(ok.round, [1, 1, 2, 2, 3, 3]);
  assert.deepEqual(order, ['1:late', '1:fixture-good', '2:fixture-good', '2:late', '3:fixture-good']);
});

test("a seeded target gets a fresh seed every round, its runs are checked against that seed's reference, and the seeds are recorded", async () => {
  let next = 100;
  const p3 = { ...plan, runsPerRound: 2, minRounds: 3, maxRounds: 3 };
  const { results } = await runSchedule_([target('good', '', 'echo')], p3, () => next++);
  const r = results[0]!;
  assert.equal(r.status, 'ok');
  if (r.status !== 'ok') return;
  // 100 was the verification run's seed; then one per round.
  assert.deepEqual(r.seeds, [101, 102, 103]);
  assert.deepEqual(
    r.reports.map((x) => x.seed),
    [101, 101, 102, 102, 103, 103],
  );
  assert.deepEqual(
    r.reports.map((x) => x.results[0]),
    [
      [10, 101],
      [10, 101],
      [10, 102],
      [10, 102],
      [10, 103],
      [10, 103],
    ],
  );
});

test("a variant that replays a cached answer passes one seed and fails on the next round's", async () => {
  const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'arena-')), 'first');
  let next = 1;
  const { results } = await runSchedule_([target('replay', ` --marker ${marker}`, 'echo')], { ...plan, minRounds: 2, maxRounds: 2 }, () => next++);
  assert.equal(results[0]?.status, 'failed');
  assert.match(results[0]?.status === 'failed' ? results[0].error : '', /during timing: .*seed 2\) = \[10,2\], got \[10,1\]/);
});

test('the schedule accounts for its time: verification, references and rounds', async () => {
  const { accounting } = await runSchedule_([target('good', '', 'echo')], plan);
  assert.ok(accounting.verificationS > 0 && accounting.roundsS > 0 && accounting.referencesS >= 0);
  assert.ok(accounting.totalS >= accounting.verificationS + accounting.roundsS);
});
