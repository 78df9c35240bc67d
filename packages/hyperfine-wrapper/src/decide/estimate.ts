import type { Plan } from '../rounds.ts';
import { random } from '../random.ts';
import { lognormalNoise, type NoiseScenario, type SimulatedResult, simulateBench } from './simulate.ts';
import type { DecisionPlan } from './stop.ts';

/** The noise an estimate assumes: this VM on an ordinary hour (CV 5 %, round drift 3 %). */
export const TYPICAL_NOISE: NoiseScenario = { name: 'CV 5 %, round drift 3 %', noise: lognormalNoise(5), adjacent: 0.35, roundDriftSd: 0.03 };

/**
 * Seconds the rounds of a decisions bench should take: the real round loop simulated `reps` times on
 * the results' run times (a verification run each, or a suite's shape) under `noise`, with `spentS`
 * already on the suite budget's clock. Low and high are the fastest and slowest of the simulations.
 * Pure: the same input gives the same estimate.
 */
export async function estimateRoundsS(
  results: readonly SimulatedResult[],
  plan: Plan,
  decisions: DecisionPlan,
  o: { reps?: number; seed?: number; noise?: NoiseScenario; spentS?: number } = {},
): Promise<{ low: number; high: number; rounds: number }> {
  const rand = random.mulberry32(o.seed ?? 1);
  const runs: Array<{ s: number; rounds: number }> = [];
  for (let i = 0; i < (o.reps ?? 5); i++) {
    const b = await simulateBench(results, plan, o.noise ?? TYPICAL_NOISE, rand, decisions, o.spentS ?? 0);
    runs.push({ s: b.timedS, rounds: b.rounds });
  }
  runs.sort((a, b) => a.s - b.s);
  return { low: runs[0]!.s, high: runs[runs.length - 1]!.s, rounds: Math.max(...runs.map((r) => r.rounds)) };
}

/** What the whole command costs around its rounds, in seconds: the fixed parts a bench pays. */
export interface FixedCosts {
  /** turbo's cached build check (≈ 15 s here). */
  buildS: number;
  /** Reference answers for every round's seeds. */
  referencesS: number;
}

/**
 * The whole command's seconds for a suite (its results' run times and questions): the build, one
 * verification run per result (it doubles as the warmup), the references, the simulated rounds, and
 * plan.memoryRuns runs per result after them. Pure.
 */
export async function estimateBenchS(results: readonly SimulatedResult[], plan: Plan, decisions: DecisionPlan, fixed: FixedCosts, o: { reps?: number; seed?: number; noise?: NoiseScenario } = {}) {
  const oneRunEach = results.reduce((a, r) => a + r.baseS, 0);
  const before = fixed.buildS + oneRunEach + fixed.referencesS;
  const rounds = await estimateRoundsS(results, plan, decisions, { ...o, spentS: before });
  const memory = oneRunEach * plan.memoryRuns;
  return { low: before + rounds.low + memory, high: before + rounds.high + memory, rounds: rounds.rounds, perRoundS: oneRunEach };
}
