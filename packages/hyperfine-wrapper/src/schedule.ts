import type { Batch, Target } from './measure.ts';
import { expectedSeconds, formatExpected, type VerifiedTarget } from './expect.ts';
import { measureTarget, verifyOnce } from './measure.ts';
import { applyBatch, ciPctOf, finish, planRound, startState, stopTables, type Measured, type Plan, type RoundStep, type TargetState } from './rounds.ts';
import { median } from './stats.ts';

export type { Measured, Plan } from './rounds.ts';

export interface Hooks {
  progress?: (message: string) => void;
  signal?: AbortSignal;
  /** The folder commands run from (the repository root). */
  cwd?: string;
}

/** Measures one step of a round; the process edge in runSchedule, synthetic in simulations. */
export type MeasureStep = (target: Target, step: RoundStep, round: number) => Promise<Batch>;

/**
 * The round loop: plan a round, measure its steps, apply each batch, stop the tables that are done;
 * until no target is live. Returns the final states and the order (`round:key`) things ran in.
 */
export async function measureRounds(
  initial: TargetState[],
  plan: Plan,
  measure: MeasureStep,
  say: (message: string) => void = () => undefined,
): Promise<{ states: TargetState[]; order: string[] }> {
  let states = initial;
  const order: string[] = [];
  for (let round = 1; states.some((s) => s.status === 'live'); round++) {
    for (const step of planRound(states, round, plan)) {
      const i = states.findIndex((s) => s.target.key === step.key);
      const before = states[i]!;
      order.push(`${round}:${step.key}`);
      const next = applyBatch(before, round, await measure(before.target, step, round));
      states = states.map((s, j) => (j === i ? next : s));
      if (next.status === 'failed') say(`  ${step.key}: failed — ${next.error.split('\n')[0]}`);
    }
    const after = stopTables(states, round, plan);
    for (const [i, s] of after.entries()) {
      if (s.status === 'failed') continue;
      const was = states[i]!.status;
      const note = s.status === 'stopped' && was === 'live' ? ` — done (${s.reason})` : '';
      if (was === 'live') say(`  ${s.target.key}: ${s.times.length} runs, median ${(median(s.times) * 1000).toFixed(1)} ms ± ${ciPctOf(s).toFixed(2)} %${note}`);
    }
    states = after;
  }
  return { states, order };
}

const VERIFY_TIMEOUT_MS = 300_000;

/**
 * Verifies every target once, then times them in rounds (measureRounds) with one hyperfine call per
 * target and round. A target that fails at any point is recorded as failed with the reason; the
 * others, its siblings included, go on.
 */
export async function runSchedule(targets: Target[], plan: Plan & { timeoutS: number | null }, hooks: Hooks = {}): Promise<{ results: Measured[]; order: string[] }> {
  const say = hooks.progress ?? (() => undefined);
  const initial: TargetState[] = [];
  const runTimeoutMs = new Map<string, number>();
  const verified: VerifiedTarget[] = [];
  for (const [i, target] of targets.entries()) {
    say(`[${i + 1}/${targets.length}] verifying ${target.key}`);
    const verifyTimeout = plan.timeoutS !== null ? plan.timeoutS * 1000 : VERIFY_TIMEOUT_MS;
    const { verdict, durationMs } = await verifyOnce(target, verifyTimeout, hooks.signal, hooks.cwd);
    if (hooks.signal?.aborted) throw new Error('interrupted');
    runTimeoutMs.set(target.key, plan.timeoutS !== null ? plan.timeoutS * 1000 : Math.max(10 * durationMs, 10_000));
    initial.push(verdict.ok ? startState(target) : { status: 'failed', target, error: `verification run: ${verdict.error}` });
    if (verdict.ok) verified.push({ table: target.table, seconds: durationMs / 1000 });
  }
  if (verified.length) say(`timing should take ${formatExpected(expectedSeconds(verified, plan))} (from the verification runs: warmup, then ${plan.minRounds === plan.maxRounds ? plan.minRounds : `${plan.minRounds}..${plan.maxRounds}`} rounds of ${plan.runsPerRound} runs per result)`);
  const measure: MeasureStep = async (target, step, round) => {
    say(`round ${round}: timing ${target.key} — ${step.runs} runs${step.warmup ? ` after ${step.warmup} warmup` : ''}`);
    const timeoutMs = runTimeoutMs.get(target.key)! * (step.runs + step.warmup);
    const batch = await measureTarget(target, { warmup: step.warmup, runs: step.runs, timeoutMs, signal: hooks.signal, cwd: hooks.cwd });
    if (hooks.signal?.aborted) throw new Error('interrupted');
    return batch;
  };
  const { states, order } = await measureRounds(initial, plan, measure, say);
  return { results: states.map(finish), order };
}
