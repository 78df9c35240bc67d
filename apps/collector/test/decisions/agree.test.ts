import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ComparisonDecisionDoc, RunDecisions } from '@arena/contract';
import { agreement } from '../../src/decisions/agree.ts';

const rule = { method: 'sequential' as const, alpha: 0.05, marginPct: 2, firstLook: 6, lastLook: 20 };
const d = (outcome: ComparisonDecisionDoc['outcome']): ComparisonDecisionDoc => ({ a: 'x', b: 'y', outcome, ratio: 1, interval: null, round: outcome === 'undecided' ? null : 6, alpha: 0.01 });

/** A run's decisions: pairs by id → outcome, and one fastest family with its leader and tied members (null: undecided). */
function run(pairs: Record<string, ComparisonDecisionDoc['outcome']>, fastest: { leader: string; tied: string[] } | null): RunDecisions {
  const members = ['a', 'b', 'c'].map((key) => {
    const state = fastest === null ? 'open' : key === fastest.leader ? 'leader' : fastest.tied.includes(key) ? 'tied' : 'slower';
    return { key, state: state as 'leader' | 'open' | 'slower' | 'tied', than: null, decision: null };
  });
  return {
    rule,
    workloads: [
      {
        workload: 'fib',
        table: 'fib n=40 ×2',
        pairs: Object.entries(pairs).map(([id, o]) => ({ id, ...d(o) })),
        fastest: [{ id: 'fastest node', family: 'node', leader: fastest?.leader ?? null, decided: fastest !== null, members }],
      },
    ],
  };
}

test('findings both runs decided are compared; undecided ones on either side are counted apart, never as disagreements', () => {
  const a = run({ p1: 'slower', p2: 'faster', p3: 'undecided', p4: 'equivalent' }, { leader: 'a', tied: [] });
  const b = run({ p1: 'slower', p2: 'undecided', p3: 'faster', p4: 'slower' }, { leader: 'a', tied: [] });
  const g = agreement(a, b);
  assert.deepEqual({ both: g.both, agree: g.agree, onlyA: g.onlyA, onlyB: g.onlyB }, { both: 3, agree: 2, onlyA: 1, onlyB: 1 });
  assert.deepEqual(g.disagreements, [{ finding: 'fib n=40 ×2: p4', a: 'equivalent', b: 'slower' }]);
});

test('a fastest family agrees when its winners (leader and those tied with it) are the same, whichever is the leader', () => {
  const a = run({}, { leader: 'a', tied: ['b'] });
  assert.equal(agreement(a, run({}, { leader: 'b', tied: ['a'] })).agree, 1);
  const g = agreement(a, run({}, { leader: 'a', tied: [] }));
  assert.deepEqual(g.disagreements, [{ finding: 'fib n=40 ×2: fastest node', a: 'a = b', b: 'a' }]);
  assert.equal(agreement(a, run({}, null)).both, 0);
});
