import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedSeconds, formatExpected } from '../src/expect.ts';
import { PLANS } from '../src/plans.ts';

test('a fixed plan takes warmup plus its rounds, per table', () => {
  const plan = { warmup: 1, runsPerRound: 3, minRounds: 2, maxRounds: 2, targetCiPct: null, budgetS: null, suiteBudgetS: null, memoryRuns: 0, decisions: null };
  // Two tables: 1 s + 0.5 s and 2 s of runs: (1.5 + 2) × (1 warmup + 2 rounds × 3 runs) = 24.5 s.
  assert.deepEqual(
    expectedSeconds(
      [
        { table: 'a', seconds: 1 },
        { table: 'a', seconds: 0.5 },
        { table: 'b', seconds: 2 },
      ],
      plan,
    ),
    { low: 24.5, high: 24.5 },
  );
});

test('a per-result budget: at least the minimum rounds, at most the rounds until the budget (or maxRounds)', () => {
  const plan = { ...PLANS.precise, budgetS: 30, suiteBudgetS: null, memoryRuns: 0 }; // warmup 2, 3 runs per round, 8..20 rounds, 30 s per result
  // Two results of 1 s: a round costs 6 s; the budget is 60 s → 10 rounds.
  const two = expectedSeconds(
    [
      { table: 'w', seconds: 1 },
      { table: 'w', seconds: 1 },
    ],
    plan,
  );
  assert.deepEqual(two, { low: 2 * 2 + 8 * 6, high: 2 * 2 + 10 * 6 });
  // Fast results reach maxRounds before the budget: 20 rounds of 0.3 s.
  const fast = expectedSeconds([{ table: 'w', seconds: 0.1 }], plan);
  assert.ok(Math.abs(fast.high - (0.2 + 20 * 0.3)) < 1e-9);
  // Slow results stop at the minimum rounds even when the budget is spent earlier.
  const slow = expectedSeconds([{ table: 'w', seconds: 10 }], plan);
  assert.equal(slow.high, slow.low);
});

test('the estimate reads in seconds or minutes, as one value when low and high round alike', () => {
  assert.equal(formatExpected({ low: 30, high: 45 }), '30 s–45 s');
  assert.equal(formatExpected({ low: 600, high: 1140 }), '10–19 min');
  assert.equal(formatExpected({ low: 600, high: 610 }), 'about 10 min');
  assert.equal(formatExpected({ low: 40, high: 120 }), '40 s–2 min');
});

test('the suite budget caps the estimate at what is left of it, never below the minimum rounds', () => {
  const plan = { ...PLANS.precise, suiteBudgetS: 1800, memoryRuns: 0 }; // 8..20 rounds, 30 min for the whole suite
  // 100 results of 1 s: the minimum is 100 × (2 + 8 × 3) = 2600 s, past the budget: the minimum stands.
  const many = expectedSeconds(
    Array.from({ length: 100 }, () => ({ table: 'w', seconds: 1 })),
    plan,
    60,
  );
  assert.deepEqual(many, { low: 2600, high: 2600 });
  // 10 results of 1 s: 20 rounds would take 620 s; 1740 s are left after 60 s of verification.
  const few = expectedSeconds(
    Array.from({ length: 10 }, () => ({ table: 'w', seconds: 1 })),
    plan,
    60,
  );
  assert.deepEqual(few, { low: 260, high: 620 });
  // 40 results of 1 s: 20 rounds would take 2480 s; the budget leaves 1800 − 60 = 1740 s.
  const some = expectedSeconds(
    Array.from({ length: 40 }, () => ({ table: 'w', seconds: 1 })),
    plan,
    60,
  );
  assert.deepEqual(some, { low: 1040, high: 1740 });
});

test('the memory runs after the rounds are part of the estimate, and the suite budget keeps their time', () => {
  const plan = { ...PLANS.precise, suiteBudgetS: 1800, memoryRuns: 3 };
  // 40 results of 1 s: 120 s of memory runs; the rounds get 1800 − 60 − 120 = 1620 s at most.
  const some = expectedSeconds(
    Array.from({ length: 40 }, () => ({ table: 'w', seconds: 1 })),
    plan,
    60,
  );
  assert.deepEqual(some, { low: 1040 + 120, high: 1620 + 120 });
});
