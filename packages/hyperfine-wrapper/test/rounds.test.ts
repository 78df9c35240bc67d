import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Batch, Target } from '../src/measure.ts';
import { applyBatch, finish, memoryReserveS, nextRoundS, planRound, startState, stopTables, suiteOver, tableStop, type Plan, type Progress, type TargetState } from '../src/rounds.ts';
import { measureRounds } from '../src/schedule.ts';

const target = (key: string, table = 'workers=2'): Target => ({
  key,
  variant: key,
  parameters: {},
  command: `bin/${key}`,
  asked: { variant: key, workload: 'fib', size: 40, workers: 2 },
  seeded: false,
  table,
});
const adaptive: Plan = { warmup: 2, runsPerRound: 3, minRounds: 6, maxRounds: 20, targetCiPct: 1, budgetS: 30, suiteBudgetS: null, memoryRuns: 0, decisions: null };
const ok = (times: number[]): Batch => ({ status: 'ok', times, userS: 1, systemS: 0, reports: [], seed: null });
const progress = (perRound: number[][]): Progress => ({
  times: perRound.flat(),
  round: perRound.flatMap((r, i) => r.map(() => i + 1)),
  userSum: 0,
  systemSum: 0,
  reports: [],
  seeds: [],
});
const steady = (rounds: number, t = 1): number[][] => Array.from({ length: rounds }, () => [t, t, t]);

test('planRound: every live target once, warmup only in round 1, even rounds reversed', () => {
  const states = [startState(target('a')), startState(target('b')), { status: 'failed', target: target('c'), error: 'x' } as TargetState];
  assert.deepEqual(planRound(states, 1, adaptive), [
    { key: 'a', warmup: 2, runs: 3 },
    { key: 'b', warmup: 2, runs: 3 },
  ]);
  assert.deepEqual(
    planRound(states, 2, adaptive).map((s) => [s.key, s.warmup]),
    [
      ['b', 0],
      ['a', 0],
    ],
  );
});

test('applyBatch: times are tagged with their round; a failed batch fails that target alone', () => {
  let s = applyBatch(startState(target('a')), 1, ok([1, 2, 3]));
  s = applyBatch(s, 2, ok([4, 5, 6]));
  assert.equal(s.status, 'live');
  if (s.status === 'live') assert.deepEqual(s.round, [1, 1, 1, 2, 2, 2]);
  const failed = applyBatch(s, 3, { status: 'failed', error: 'crashed' });
  assert.deepEqual(failed, { status: 'failed', target: target('a'), error: 'crashed' });
});

test('tableStop: nothing stops before the minimum rounds, not even the budget', () => {
  // 6 s per round against a budget of 30 s for one target: the budget is spent after round 5.
  const slow = progress(steady(5, 2));
  assert.equal(tableStop([slow], 1, 5, adaptive), null);
  assert.equal(tableStop([progress(steady(6, 2).map((r, i) => r.map((t) => t * (1 + i / 10))))], 1, 6, adaptive), 'budget');
});

test('tableStop: precision needs every target of the table within the target CI', () => {
  const tight = progress(steady(6));
  const wide = progress([
    [1, 1, 1],
    [1.1, 1.1, 1.1],
    [0.9, 0.9, 0.9],
    [1.2, 1.2, 1.2],
    [0.8, 0.8, 0.8],
    [1, 1, 1],
  ]);
  assert.equal(tableStop([tight], 1, 6, { ...adaptive, budgetS: null }), 'precision');
  assert.equal(tableStop([tight, wide], 2, 6, { ...adaptive, budgetS: null }), null);
  assert.equal(tableStop([tight, wide], 2, 20, { ...adaptive, budgetS: null }), 'max-runs');
});

test('tableStop: fixed rounds stop exactly at minRounds', () => {
  const fixed: Plan = { ...adaptive, targetCiPct: null, minRounds: 2, maxRounds: 2 };
  assert.equal(tableStop([progress(steady(1))], 1, 1, fixed), null);
  assert.equal(tableStop([progress(steady(2))], 1, 2, fixed), 'fixed-runs');
});

test('stopTables: a precise baseline does not stop before the noisy results of its table', () => {
  const wideRounds = [
    [1, 1, 1],
    [1.1, 1.1, 1.1],
    [0.9, 0.9, 0.9],
    [1.2, 1.2, 1.2],
    [0.8, 0.8, 0.8],
    [1, 1, 1],
  ];
  const states: TargetState[] = [
    { status: 'live', target: target('baseline'), ...progress(steady(6)) },
    { status: 'live', target: target('noisy'), ...progress(wideRounds) },
    { status: 'live', target: target('other-table', 'workers=1'), ...progress(steady(6)) },
  ];
  const after = stopTables(states, 6, { ...adaptive, budgetS: null });
  assert.deepEqual(
    after.map((s) => s.status),
    ['live', 'live', 'stopped'],
  );
});

test('measureRounds: every result of a table gets the same rounds and runs per round; a failing sibling drops out', async () => {
  const targets = ['go-native', 'threads-wasi', 'flaky'].map((k) => target(k));
  const noisy = (round: number) => [1 + (round % 3) / 10, 1, 1.1];
  const { states, order } = await measureRounds(targets.map(startState), { ...adaptive, budgetS: null, maxRounds: 9 }, async (t, step, round) => {
    if (t.key === 'flaky' && round === 4) return { status: 'failed', error: 'crashed in round 4' };
    return ok(t.key === 'go-native' ? [0.5, 0.5, 0.5].slice(0, step.runs) : noisy(round).slice(0, step.runs));
  });
  const results = states.map(finish);
  assert.deepEqual(
    results.map((r) => r.status),
    ['ok', 'ok', 'failed'],
  );
  const [base, wasi] = results;
  assert.ok(base?.status === 'ok' && wasi?.status === 'ok');
  if (base?.status === 'ok' && wasi?.status === 'ok') {
    // The baseline was precise from round 6 on but ran until its table stopped (max rounds, 9).
    assert.deepEqual(base.round, wasi.round);
    assert.deepEqual(base.round, [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9]);
    assert.equal(base.stop.reason, 'max-runs');
    assert.equal(wasi.stop.reason, 'max-runs');
  }
  assert.equal(order.filter((o) => o.endsWith(':flaky')).length, 4);
  assert.deepEqual(order.slice(0, 6), ['1:go-native', '1:threads-wasi', '1:flaky', '2:flaky', '2:threads-wasi', '2:go-native']);
});

test('suiteOver: no round starts that would end past the suite budget, and never before the minimum rounds', () => {
  const plan: Plan = { ...adaptive, budgetS: null, suiteBudgetS: 100, minRounds: 2 };
  const live = (times: number[]): TargetState => ({ status: 'live', target: target('a'), ...progress([times]) });
  const states = [live([1, 1, 1]), live([2, 2, 2]), { status: 'stopped', target: target('c'), reason: 'precision', ...progress([[5, 5, 5]]) } as TargetState];
  assert.equal(nextRoundS(states, plan), 3 * 1 + 3 * 2, 'stopped targets cost nothing');
  assert.equal(suiteOver(states, 2, plan, 91), false, '91 + 9 = 100 fits');
  assert.equal(suiteOver(states, 2, plan, 92), true);
  assert.equal(suiteOver(states, 1, plan, 1000), false, 'the minimum rounds come first');
  assert.equal(suiteOver(states, 5, { ...plan, suiteBudgetS: null }, 1e9), false);
});

test('suiteOver: the memory runs after the rounds are kept out of the budget, for every measured target, stopped ones too', () => {
  const plan: Plan = { ...adaptive, budgetS: null, suiteBudgetS: 100, minRounds: 2, memoryRuns: 3 };
  const live = (times: number[]): TargetState => ({ status: 'live', target: target('a'), ...progress([times]) });
  const stopped = { status: 'stopped', target: target('c'), reason: 'precision', ...progress([[5, 5, 5]]) } as TargetState;
  const failed: TargetState = { status: 'failed', target: target('d'), error: 'wrong answer' };
  const states = [live([1, 1, 1]), live([2, 2, 2]), stopped, failed];
  assert.equal(memoryReserveS(states, plan), 3 * (1 + 2 + 5), 'three runs of every target at its median; failed ones have none');
  assert.equal(suiteOver(states, 2, plan, 100 - 9 - 24), false, 'round (9 s) and memory runs (24 s) fit exactly');
  assert.equal(suiteOver(states, 2, plan, 100 - 9 - 24 + 1), true);
  assert.equal(memoryReserveS(states, { ...plan, memoryRuns: 0 }), 0);
});

test('stopTables: when the suite budget is over, every live table stops with reason budget; precise tables had stopped earlier', () => {
  const plan: Plan = { ...adaptive, budgetS: null, suiteBudgetS: 60, minRounds: 1 };
  const wide = {
    status: 'live',
    target: target('wide', 'nbody'),
    ...progress([
      [1, 2, 1],
      [2, 1, 2],
    ]),
  } as TargetState;
  const tight = { status: 'live', target: target('tight', 'fib'), ...progress(steady(6)) } as TargetState;
  const early = stopTables([wide, tight], 6, plan, 10);
  assert.deepEqual(
    early.map((s) => s.status === 'stopped' && s.reason),
    [false, 'precision'],
  );
  const late = stopTables(early, 7, plan, 59);
  assert.deepEqual(
    late.map((s) => s.status === 'stopped' && s.reason),
    ['budget', 'precision'],
  );
});
