import { randomInt } from 'node:crypto';
import type { WorkerAnswer } from '@arena/contract';
import type { Batch, Target } from './measure.ts';
import { expectedSeconds, formatExpected, type VerifiedTarget } from './expect.ts';
import { measureTarget, runOf, verifyOnce } from './measure.ts';
import { applyBatch, ciPctOf, finish, memoryReserveS, planRound, startState, stopTables, suiteOver, type Measured, type Plan, type RoundStep, type TargetState } from './rounds.ts';
import type { FamilyState } from './decide/family.ts';
import { type DecisionPlan, startFamilies, stopDecided } from './decide/stop.ts';
import { estimateRoundsS } from './decide/estimate.ts';
import { allocateRound } from './decide/allocate.ts';
import { median } from './stats.ts';

export type { Measured, Plan } from './rounds.ts';

/** A workload's reference: the answer every worker must report for this size and seed (null: unseeded). */
export type Answers = (workload: string, size: number, seed: number | null) => WorkerAnswer;

export interface Hooks {
  progress?: (message: string) => void;
  signal?: AbortSignal;
  /** The folder commands run from (the repository root). */
  cwd?: string;
  /** Draws a seed (a u32); crypto-random by default, fixed in tests. */
  drawSeed?: () => number;
  /** Stop on decisions (the default profile): what the findings ask, per table; see measureRounds. */
  decisions?: DecisionPlan;
  /** Called after every target's verification run, before anything is timed; throwing there ends the bench untimed. */
  verified?: (states: readonly TargetState[]) => void;
}

/** Where a bench's time went, in seconds: what the run document records as its accounting. */
export interface Accounting {
  verificationS: number;
  referencesS: number;
  roundsS: number;
  totalS: number;
}

/** Measures one step of a round; the process edge in runSchedule, synthetic in simulations. */
export type MeasureStep = (target: Target, step: RoundStep, round: number) => Promise<Batch>;

export interface RoundOptions {
  say?: (message: string) => void;
  /** Seconds the bench has spent so far, for the suite budget; by default the timed runs' sum. */
  elapsedS?: () => number;
  /** Called before each round with its live targets (the schedule draws the round's seeds there). */
  beforeRound?: (round: number, live: Target[]) => void;
  /**
   * Stop on decisions instead of precision: a result leaves once plan.minRounds are done and its
   * findings are decided (stopDecided); absent: the tables' precision rule (stopTables).
   */
  decisions?: DecisionPlan;
}

/**
 * The round loop: plan a round, measure its steps, apply each batch, stop the tables that are done
 * (and every table once the suite's budget is over); until no target is live. Returns the final
 * states and the order (`round:key`) things ran in.
 */
export async function measureRounds(
  initial: TargetState[],
  plan: Plan,
  measure: MeasureStep,
  o: RoundOptions = {},
): Promise<{ states: TargetState[]; order: string[]; families: Record<string, FamilyState> | null }> {
  const say = o.say ?? (() => undefined);
  let timedS = 0;
  const elapsedS = o.elapsedS ?? (() => timedS);
  let states = initial;
  let families = o.decisions ? startFamilies(o.decisions) : null;
  const order: string[] = [];
  // The results the next round runs, once the decisions rule allocates them; null: every live one.
  let only: Set<string> | null = null;
  for (let round = 1; states.some((s) => s.status === 'live'); round++) {
    const steps = planRound(states, round, plan, only ?? undefined);
    o.beforeRound?.(
      round,
      steps.map((st) => states.find((s) => s.target.key === st.key)!.target),
    );
    for (const step of steps) {
      const i = states.findIndex((s) => s.target.key === step.key);
      const before = states[i]!;
      order.push(`${round}:${step.key}`);
      const batch = await measure(before.target, step, round);
      if (batch.status === 'ok') timedS += batch.times.reduce((a, t) => a + t, 0);
      const next = applyBatch(before, round, batch);
      states = states.map((s, j) => (j === i ? next : s));
      if (next.status === 'failed') say(`  ${step.key}: failed — ${next.error.split('\n')[0]}`);
    }
    let after: TargetState[];
    if (o.decisions && families) {
      ({ states: after, families } = stopDecided(states, families, round, o.decisions, plan.minRounds, false));
      only = null;
      if (o.decisions.allocation === 'all') {
        if (suiteOver(after, round, plan, elapsedS())) after = after.map((s) => (s.status === 'live' ? { ...s, status: 'stopped', reason: 'budget' } : s));
      } else if (round >= plan.minRounds && plan.suiteBudgetS !== null && after.some((s) => s.status === 'live')) {
        // Past the floor the budget's rounds go to the decisions nearest to being made per second.
        const remainingS = plan.suiteBudgetS - elapsedS() - memoryReserveS(after, plan);
        only = allocateRound(after, families, o.decisions, round + 1, plan.runsPerRound, remainingS);
        if (only.size === 0) after = after.map((s) => (s.status === 'live' ? { ...s, status: 'stopped', reason: 'budget' } : s));
        else {
          const waiting = after.filter((s) => s.status === 'live' && !only!.has(s.target.key)).length;
          if (waiting) say(`round ${round + 1}: ${only.size} results run, ${waiting} wait (their decisions are further off than the ${Math.round(remainingS)} s of budget left allow)`);
        }
      }
    } else after = stopTables(states, round, plan, elapsedS());
    const ran = new Set(steps.map((st) => st.key));
    for (const [i, s] of after.entries()) {
      if (s.status === 'failed') continue;
      const was = states[i]!.status;
      const note = s.status === 'stopped' && was === 'live' ? ` — done (${s.reason})` : '';
      if (was === 'live' && (ran.has(s.target.key) || note)) say(`  ${s.target.key}: ${s.times.length} runs, median ${(median(s.times) * 1000).toFixed(1)} ms ± ${ciPctOf(s).toFixed(2)} %${note}`);
    }
    states = after;
  }
  return { states, order, families };
}

const VERIFY_TIMEOUT_MS = 300_000;

/**
 * Verifies every target once, then times them in rounds (measureRounds) with one hyperfine call per
 * target and round. Every round draws one fresh seed per seeded workload (all its targets share it, so
 * their ratios compare the same work) and computes that seed's reference before any of the round is
 * timed; so a variant cannot replay an answer, and no reference is computed while something is timed.
 * A target that fails at any point is recorded as failed with the reason; the others, its siblings
 * included, go on.
 */
export async function runSchedule(
  targets: Target[],
  plan: Plan & { timeoutS: number | null },
  answers: Answers,
  hooks: Hooks = {},
): Promise<{ results: Measured[]; order: string[]; accounting: Accounting; families: Record<string, FamilyState> | null }> {
  const say = hooks.progress ?? (() => undefined);
  const drawSeed = hooks.drawSeed ?? (() => randomInt(0, 2 ** 32));
  const started = performance.now();
  const elapsedS = () => (performance.now() - started) / 1000;
  let referencesS = 0;
  const reference = (workload: string, size: number, seed: number | null): WorkerAnswer => {
    const t = performance.now();
    const answer = answers(workload, size, seed);
    referencesS += (performance.now() - t) / 1000;
    return answer;
  };
  // The seed and reference of each (workload, size) for the round being measured.
  let current = new Map<string, { seed: number; answer: WorkerAnswer }>();
  const runFor = (target: Target) => {
    const id = `${target.asked.workload}\u0000${target.asked.size}`;
    let drawn = current.get(id);
    if (drawn === undefined) {
      const seed = drawSeed();
      drawn = { seed, answer: reference(target.asked.workload, target.asked.size, target.seeded ? seed : null) };
      current.set(id, drawn);
    }
    return runOf(target, drawn.seed, drawn.answer);
  };

  const initial: TargetState[] = [];
  const runTimeoutMs = new Map<string, number>();
  const verified: VerifiedTarget[] = [];
  for (const [i, target] of targets.entries()) {
    say(`[${i + 1}/${targets.length}] verifying ${target.key}`);
    const verifyTimeout = plan.timeoutS !== null ? plan.timeoutS * 1000 : VERIFY_TIMEOUT_MS;
    const { verdict, durationMs } = await verifyOnce(runFor(target), verifyTimeout, hooks.signal, target.cwd ?? hooks.cwd);
    if (hooks.signal?.aborted) throw new Error('interrupted');
    runTimeoutMs.set(target.key, plan.timeoutS !== null ? plan.timeoutS * 1000 : Math.max(10 * durationMs, 10_000));
    initial.push(verdict.ok ? startState(target) : { status: 'failed', target, error: `verification run: ${verdict.error}` });
    if (verdict.ok) verified.push({ table: target.table, seconds: durationMs / 1000, key: target.key });
  }
  const verificationS = elapsedS() - referencesS;
  hooks.verified?.(initial);
  if (verified.length && hooks.decisions) {
    // The decisions rule's rounds depend on what gets decided when: simulated on the verification times.
    const sim = verified.map((v) => ({ key: v.key!, table: v.table, baseS: v.seconds }));
    const rounds = await estimateRoundsS(sim, plan, hooks.decisions, { spentS: elapsedS() });
    const memory = verified.reduce((a, v) => a + v.seconds * plan.memoryRuns, 0);
    say(
      `timing should take ${formatExpected({ low: rounds.low + memory, high: rounds.high + memory })} (simulated from the verification runs: at least ${plan.minRounds} rounds of ${plan.runsPerRound} run per result, then only the results whose findings are undecided, nearest decisions first, up to ${plan.maxRounds} rounds${plan.suiteBudgetS === null ? '' : `, within the suite budget of ${formatExpected({ low: plan.suiteBudgetS, high: plan.suiteBudgetS })}`})`,
    );
  } else if (verified.length) {
    const expected = expectedSeconds(verified, plan, elapsedS());
    say(
      `timing should take ${formatExpected(expected)} (from the verification runs: warmup, then ${plan.minRounds === plan.maxRounds ? plan.minRounds : `${plan.minRounds}..${plan.maxRounds}`} rounds of ${plan.runsPerRound} runs per result${plan.suiteBudgetS === null ? '' : `, within the suite budget of ${formatExpected({ low: plan.suiteBudgetS, high: plan.suiteBudgetS })}`})`,
    );
  }
  const measure: MeasureStep = async (target, step, round) => {
    say(`round ${round}: timing ${target.key} — ${step.runs} runs${step.warmup ? ` after ${step.warmup} warmup` : ''}`);
    const timeoutMs = runTimeoutMs.get(target.key)! * (step.runs + step.warmup);
    const batch = await measureTarget(runFor(target), { warmup: step.warmup, runs: step.runs, timeoutMs, signal: hooks.signal, cwd: target.cwd ?? hooks.cwd });
    if (hooks.signal?.aborted) throw new Error('interrupted');
    return batch;
  };
  const beforeRound = (round: number, live: Target[]) => {
    current = new Map();
    for (const target of live) runFor(target);
    if (round === 1 || live.some((t) => t.seeded)) say(`round ${round}: seeds and references ready (${referencesS.toFixed(1)} s of references so far)`);
  };
  const [roundsStart, referencesBefore] = [elapsedS(), referencesS];
  const { states, order, families } = await measureRounds(initial, plan, measure, { say, elapsedS, beforeRound, ...(hooks.decisions ? { decisions: hooks.decisions } : {}) });
  const totalS = elapsedS();
  const roundsS = totalS - roundsStart - (referencesS - referencesBefore);
  return { results: states.map(finish), order, accounting: { verificationS, referencesS, roundsS, totalS }, families };
}
