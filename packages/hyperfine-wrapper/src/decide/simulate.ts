import type { Target } from '../measure.ts';
import { random } from '../random.ts';
import { finish, type Plan, startState, type TargetState } from '../rounds.ts';
import { measureRounds } from '../schedule.ts';
import type { FamilyState } from './family.ts';
import type { DecisionPlan } from './stop.ts';

/** One way this VM produces run times, on the log scale: log t = log base + round drift + noise. */
export interface NoiseScenario {
  name: string;
  /** Log-scale noise of one run, before correlation with the run before it. */
  noise: (rand: () => number) => number;
  /** Correlation of a run's noise with the previous run's (the run before it in the round). */
  adjacent: number;
  /** Standard deviation of the log drift shared by every run of one round. */
  roundDriftSd: number;
  /** A steady drift per round on the log scale (the machine slowing over an hour), shared by all. */
  trendPerRound?: number;
}

/** A simulated result: its key, its table and its true median run time. */
export interface SimulatedResult {
  key: string;
  table: string;
  baseS: number;
}

export const lognormalNoise = (cvPct: number) => (rand: () => number) => random.normal(rand) * Math.sqrt(Math.log(1 + (cvPct / 100) ** 2));

/** Most runs near the base, one in five about 1.5× slower (a busy moment, a GC at the wrong time). */
export const bimodalNoise = (rand: () => number) => (rand() < 0.2 ? Math.log(1.5) : 0) + random.normal(rand) * 0.03;

/** What a simulated bench did: the final states and families, its rounds and its timed seconds. */
export interface SimulatedBench {
  states: TargetState[];
  families: Record<string, FamilyState> | null;
  rounds: number;
  timedS: number;
}

/**
 * Runs the real round loop (measureRounds, with `decisions` or the precision rule) on synthetic times:
 * no process is timed. Every run draws its noise under the scenario; `elapsedS` (the suite budget's
 * clock) is the sum of the simulated times plus `fixedS`. Pure given `rand`.
 */
export async function simulateBench(results: readonly SimulatedResult[], plan: Plan, scenario: NoiseScenario, rand: () => number, decisions?: DecisionPlan, fixedS = 0): Promise<SimulatedBench> {
  const base = new Map(results.map((r) => [r.key, r.baseS]));
  const targets: Target[] = results.map((r) => ({
    key: r.key,
    variant: r.key,
    parameters: {},
    command: '',
    asked: { variant: r.key, workload: r.table, size: 1, workers: 1 },
    seeded: false,
    table: r.table,
  }));
  const drift = new Map<number, number>();
  let prev = 0;
  let timedS = 0;
  let rounds = 0;
  const { states, families } = await measureRounds(
    targets.map(startState),
    plan,
    async (target, step, round) => {
      if (!drift.has(round)) {
        drift.set(round, random.normal(rand) * scenario.roundDriftSd + (scenario.trendPerRound ?? 0) * round);
        prev = scenario.noise(rand);
      }
      rounds = Math.max(rounds, round);
      const times: number[] = [];
      for (let i = 0; i < step.runs + step.warmup; i++) {
        prev = scenario.adjacent * prev + Math.sqrt(1 - scenario.adjacent ** 2) * scenario.noise(rand);
        const t = base.get(target.key)! * Math.exp(drift.get(round)! + prev);
        timedS += t;
        if (i >= step.warmup) times.push(t);
      }
      return { status: 'ok', times, userS: 0, systemS: 0, reports: [], seed: null };
    },
    { elapsedS: () => fixedS + timedS, ...(decisions ? { decisions } : {}) },
  );
  return { states, families, rounds, timedS };
}

/** The simulated results as the collector would record them (every target finished). */
export const finished = (b: SimulatedBench) => b.states.map(finish);
