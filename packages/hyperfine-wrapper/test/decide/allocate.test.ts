import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allocateRound, openComparisons, roundsToDecide } from '../../src/decide/allocate.ts';
import { type DecisionRule, sequentialTest } from '../../src/decide/family.ts';
import { type DecisionPlan, startFamilies, stopDecided } from '../../src/decide/stop.ts';
import type { Target } from '../../src/measure.ts';
import type { TargetState } from '../../src/rounds.ts';

const RULE: DecisionRule = { alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 20 };

/** n log ratios with exactly this mean and sample standard deviation: pairs above and below it (and the mean itself when n is odd). */
function ratiosWith(mean: number, sd: number, n: number): number[] {
  const paired = n - (n % 2);
  const a = sd * Math.sqrt((n - 1) / paired);
  return Array.from({ length: n }, (_, i) => (i >= paired ? mean : mean + (i % 2 === 0 ? a : -a)));
}

test('roundsToDecide: the forecast is the first look at which the real test would decide data of the same mean and spread', () => {
  for (const [mean, sd] of [
    [0.05, 0.05],
    [-0.06, 0.05],
    [0.005, 0.01],
    [0.15, 0.15],
  ] as const) {
    const r = roundsToDecide(ratiosWith(mean, sd, 6), 0.05 / 3, RULE);
    assert.ok(Number.isFinite(r) && r >= 1, `${mean} ± ${sd}: ${r}`);
    const at = (n: number) => sequentialTest(ratiosWith(mean, sd, n), 0.05 / 3, RULE, n).outcome;
    assert.notEqual(at(6 + r), 'undecided', `${mean} ± ${sd} decided after ${r} more rounds`);
    if (r > 1) assert.equal(at(6 + r - 1), 'undecided', `${mean} ± ${sd} not decided a round earlier`);
  }
});

test('roundsToDecide: a ratio on the margin with wide noise is not decidable within the looks; a plain one needs a round', () => {
  assert.equal(roundsToDecide(ratiosWith(Math.log(1.02), 0.1, 6), 0.05, RULE), Number.POSITIVE_INFINITY);
  assert.equal(roundsToDecide(ratiosWith(Math.log(4), 0.01, 6), 0.05, RULE), 1);
  assert.equal(roundsToDecide(ratiosWith(0.05, 0.05, 20), 0.05, RULE), Number.POSITIVE_INFINITY, 'no look left');
});

const target = (key: string): Target => ({ key, variant: key, parameters: {}, command: '', asked: { variant: key, workload: 'w', size: 1, workers: 1 }, seeded: false, table: 't' });

/** A live state with one run per round: base × exp(log ratio of that round). */
function measured(key: string, base: number, logs: readonly number[]): TargetState {
  const times = logs.map((l) => base * Math.exp(l));
  return { status: 'live', target: target(key), userSum: 0, systemSum: 0, reports: [], seeds: [], times, round: times.map((_, i) => i + 1) };
}

const plan: DecisionPlan = {
  rule: RULE,
  questions: {
    t: [
      { kind: 'pair', id: 'near', a: 'near', b: 'native' },
      { kind: 'pair', id: 'costly-near', a: 'costly', b: 'costly-native' },
      { kind: 'pair', id: 'tie', a: 'tie', b: 'native' },
    ],
  },
  keep: { t: ['c'] },
};

// After six rounds: `near` is 6 % off its native (a few rounds from decided), `costly` the same but
// ten times the seconds, `tie` 1.9 % off with wide noise (not decidable by the last look).
function sixRounds(): TargetState[] {
  const zero = [0, 0, 0, 0, 0, 0];
  return [
    measured('c', 0.1, zero),
    measured('native', 1, zero),
    measured('near', 1, ratiosWith(0.06, 0.06, 6)),
    measured('costly-native', 10, zero),
    measured('costly', 10, ratiosWith(0.06, 0.06, 6)),
    measured('tie', 1, ratiosWith(Math.log(1.019), 0.08, 6)),
  ];
}

test('allocateRound: with budget for everything, every result an undecided question needs runs', () => {
  const states = sixRounds();
  const { families } = stopDecided(states, startFamilies(plan), 6, plan, 6, false);
  assert.equal(openComparisons(states, families, plan).length, 3);
  assert.deepEqual([...allocateRound(states, families, plan, 7, 1, 1e6)].sort(), ['c', 'costly', 'costly-native', 'native', 'near', 'tie']);
});

test('allocateRound: a tight budget goes to the decision nearest per second, with its baseline; the undecidable tie and the costly twin wait', () => {
  const states = sixRounds();
  const { families } = stopDecided(states, startFamilies(plan), 6, plan, 6, false);
  const near = roundsToDecide(ratiosWith(0.06, 0.06, 6), 0.05 / 3, RULE);
  // Enough for `near`, `native` and `c` over their forecast rounds, not for the costly pair's.
  const run = allocateRound(states, families, plan, 7, 1, near * 2.1 + 5);
  assert.deepEqual([...run].sort(), ['c', 'native', 'near']);
});

test('allocateRound: the nearest comparison still gets one round when that is all that fits; nothing fits, nothing runs', () => {
  const states = sixRounds();
  const { families } = stopDecided(states, startFamilies(plan), 6, plan, 6, false);
  assert.deepEqual([...allocateRound(states, families, plan, 7, 1, 2.2)].sort(), ['c', 'native', 'near']);
  assert.equal(allocateRound(states, families, plan, 7, 1, 1).size, 0);
});
