import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Target } from '../../src/measure.ts';
import type { TargetState } from '../../src/rounds.ts';
import { type DecisionPlan, startFamilies, stopDecided, withoutFailed } from '../../src/decide/stop.ts';

const target = (key: string): Target => ({ key, variant: key, parameters: {}, command: '', asked: { variant: key, workload: 'w', size: 1, workers: 1 }, seeded: false, table: 't' });

/** A live state with one run per round at `base` times a small wobble. */
function measured(key: string, base: number, rounds: number): TargetState {
  const seed = [...key].reduce((a, c) => a + c.charCodeAt(0), 0) % 11;
  const times = Array.from({ length: rounds }, (_, i) => base * (1 + 0.01 * Math.sin((i + 1) * (1.3 + seed))));
  return { status: 'live', target: target(key), userSum: 0, systemSum: 0, reports: [], seeds: [], times, round: times.map((_, i) => i + 1) };
}

const plan: DecisionPlan = {
  rule: { alpha: 0.05, marginPct: 2, firstLook: 3, lastLook: 10 },
  questions: {
    t: [
      { kind: 'pair', id: 'wasm against native', a: 'wasm', b: 'native' },
      { kind: 'pair', id: 'close against native', a: 'close', b: 'native' },
    ],
  },
  keep: { t: ['c'] },
};

test('a result leaves once it has had the floor of rounds and nothing undecided compares it; the baseline stays while its table is needed', () => {
  const states = [measured('c', 0.2, 4), measured('wasm', 4, 4), measured('native', 1, 4), measured('close', 1.015, 4)];
  const { states: after, families } = stopDecided(states, startFamilies(plan), 4, plan, 4, false);
  assert.equal(families.t!.pairs['wasm against native']!.outcome, 'slower');
  const status = Object.fromEntries(after.map((s) => [s.target.key, s.status === 'stopped' ? s.reason : s.status]));
  assert.deepEqual(status, { c: 'live', wasm: 'decided', native: 'live', close: 'live' });
});

test('nobody leaves before the floor, everyone stops at the last look or when the suite budget is over', () => {
  const states = [measured('c', 0.2, 4), measured('wasm', 4, 4), measured('native', 1, 4), measured('close', 1.015, 4)];
  assert.ok(stopDecided(states, startFamilies(plan), 4, plan, 6, false).states.every((s) => s.status === 'live'));
  assert.ok(stopDecided(states, startFamilies(plan), 10, plan, 6, false).states.every((s) => s.status === 'stopped' && s.reason === 'max-runs'));
  assert.ok(stopDecided(states, startFamilies(plan), 6, plan, 6, true).states.every((s) => s.status === 'stopped' && s.reason === 'budget'));
});

test('a failed result takes its questions with it, so its partner is not held back', () => {
  assert.deepEqual(withoutFailed(plan.questions.t!, new Set(['close'])), [plan.questions.t![0]]);
  assert.deepEqual(withoutFailed([{ kind: 'fastest', id: 'f', members: ['a', 'b'] }], new Set(['a'])), []);
});
