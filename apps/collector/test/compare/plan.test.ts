import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PLAN, PLANS, PRECISE_PLAN, planRound, startState, type Target } from '@arena/hyperfine-wrapper';
import { comparePlan, holmRounds, interleave, pairCount, sideKey } from '../../src/compare/plan.ts';

const target = (key: string): Target => ({
  key,
  variant: key,
  parameters: {},
  command: `bin/${key}`,
  asked: { variant: key, workload: 'fib', size: 30, workers: 2 },
  seeded: false,
  table: 'fib',
  cwd: '/x',
});

test('holmRounds: the fewest rounds whose smallest exact signed-rank p (2/2ⁿ) survives Holm', () => {
  assert.equal(holmRounds(1, 0.05), 6); // 2/32 = 0.0625 ≥ 0.05; 2/64 = 0.031
  assert.equal(holmRounds(3, 0.05), 7); // needs < 0.0167: 2/128 = 0.0156
  assert.equal(holmRounds(76, 0.05), 12); // needs < 0.000658: 2/4096 = 0.000488
  assert.equal(holmRounds(0, 0.05), 6);
  for (const m of [1, 5, 40, 200]) {
    const n = holmRounds(m, 0.05);
    assert.ok(2 / 2 ** n < 0.05 / m && 2 / 2 ** (n - 1) >= 0.05 / m);
  }
});

test('comparePlan raises too few rounds, keeps enough, and gives each side a bench budget', () => {
  const quick = comparePlan(PLANS.quick, 2, 0.05);
  assert.equal(quick.plan.minRounds, 7);
  assert.equal(quick.plan.maxRounds, 7);
  assert.equal(quick.raisedFrom, 1);
  const full = comparePlan(PRECISE_PLAN, 3, 0.05);
  assert.equal(full.plan.minRounds, 8);
  assert.equal(full.plan.maxRounds, 20);
  assert.equal(full.raisedFrom, null);
  assert.equal(full.plan.suiteBudgetS, PRECISE_PLAN.suiteBudgetS! * 2);
  assert.equal(quick.plan.suiteBudgetS, null);
});

test('interleave puts each result of A right before its B, then the one-sided ones; the rounds alternate A B, B A', () => {
  const a = [target('x'), target('y'), target('gone')];
  const b = [target('y'), target('x'), target('new')];
  const both = interleave(a, b);
  assert.deepEqual(
    both.map((t) => t.key),
    [sideKey('A', 'x'), sideKey('B', 'x'), sideKey('A', 'y'), sideKey('B', 'y'), sideKey('A', 'gone'), sideKey('B', 'new')],
  );
  assert.equal(pairCount(a, b), 2);
  const states = both.map(startState);
  const order = (round: number) =>
    planRound(states, round, DEFAULT_PLAN)
      .map((s) => s.key)
      .filter((k) => k.endsWith(' x'));
  assert.deepEqual(order(1), ['A · x', 'B · x']);
  assert.deepEqual(order(2), ['B · x', 'A · x']);
  assert.deepEqual(order(3), ['A · x', 'B · x']);
});
