// How the default run spends its budget past the floor of rounds, by simulation with fixed seeds:
// today's whole suite under the default plan's budget in a slow, noisy hour (every time 1.5× the
// README run's, as the c736b2c run measured, so the budget binds), rounds given to the decisions
// nearest to being made per second ('nearest') against every needed result in every round until the
// budget is over ('all'). No process is timed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DecisionPlan, lognormalNoise, type NoiseScenario, PLANS, random, simulateBench, simulatedSuite } from '@arena/hyperfine-wrapper';
import { TODAY } from '../fixtures/suite-shape.ts';
import { isDecided, wrongIn } from './judge.ts';

const PLAN = PLANS.default;
// What the bench spends before its rounds (verification, references, build), as in the README's runs.
const FIXED_S = 110;
const NOISY: NoiseScenario = { name: 'CV 15 %, round drift 3 %, adjacent 0.5', noise: lognormalNoise(15), adjacent: 0.5, roundDriftSd: 0.03 };

async function spend(allocation: 'nearest' | 'all', reps: number, seed: number) {
  const suite = simulatedSuite(TODAY, PLAN.decisions);
  const results = suite.results.map((r) => ({ ...r, baseS: r.baseS * 1.5 }));
  const decisions = suite.decisions;
  const plan: DecisionPlan = { ...decisions, allocation };
  const truth = new Map(results.map((r) => [r.key, r.baseS]));
  const rand = random.mulberry32(seed);
  let [decided, findings, families, wrongFamilies, timedS] = [0, 0, 0, 0, 0];
  for (let i = 0; i < reps; i++) {
    const b = await simulateBench(results, PLAN, NOISY, rand, plan, FIXED_S);
    timedS += b.timedS / reps;
    for (const [table, qs] of Object.entries(decisions.questions)) {
      const fam = b.families![table]!;
      families++;
      if (wrongIn(qs, fam, truth, PLAN.decisions.marginPct) > 0) wrongFamilies++;
      for (const q of qs) {
        findings++;
        if (isDecided(q, fam)) decided++;
      }
    }
  }
  return { decided: decided / findings, wrong: wrongFamilies / families, families, timedS };
}

test("the budget's rounds go to the nearest decisions: more findings decided than giving every needed result every round, in the same budget, without more wrong families", async (t) => {
  const nearest = await spend('nearest', 40, 91);
  const all = await spend('all', 40, 91);
  const say = (x: typeof nearest) => `${(x.decided * 100).toFixed(1)} % decided, ${(x.wrong * 100).toFixed(1)} % of ${x.families} families wrong, ${(x.timedS / 60).toFixed(1)} min timed`;
  t.diagnostic(`nearest: ${say(nearest)}; all: ${say(all)}`);
  assert.ok(nearest.decided > all.decided, 'more decided');
  assert.ok(nearest.wrong <= 0.05 && all.wrong <= 0.05);
  assert.ok(nearest.timedS <= PLAN.suiteBudgetS! - FIXED_S, 'within the budget');
});
