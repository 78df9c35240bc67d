import type { StopReason, VariantReport } from '@arena/contract';
import type { DecisionRule } from './decide/family.ts';
import type { Batch, Target } from './measure.ts';
import { ciHalfWidthPct, cvPct, median, wallStats } from './stats.ts';

/**
 * How long and how often to measure. Every round gives every live target of a table `runsPerRound`
 * runs; a table's targets all stop at the same round, so their medians (and the ratios between them)
 * come from the same windows of a drifting machine, with equal weight per round.
 */
export interface Plan {
  /** Verified, untimed runs per target before its first round. */
  warmup: number;
  runsPerRound: number;
  /** Rounds always measured before any stop rule applies (precision, max rounds, budget). */
  minRounds: number;
  maxRounds: number;
  /** Stop a table once every target's median CI half-width is at most this (percent); null: fixed rounds. */
  targetCiPct: number | null;
  /** A table stops once its targets' timed runs add up to budgetS × its targets; null: no budget. */
  budgetS: number | null;
  /**
   * The whole bench's budget in seconds (verification, references and rounds): no round starts that
   * would end past it, so the tables still short of their precision get every round until then.
   * null: none.
   */
  suiteBudgetS: number | null;
  /** Verified runs per measured target after the rounds (peak memory): the suite budget keeps their time. */
  memoryRuns: number;
  /**
   * Stop on decisions (decide/stop.ts): a result leaves once minRounds are done and its findings are
   * decided under this rule, looked at every round up to maxRounds; null: the precision rule above.
   */
  decisions: DecisionRule | null;
}

/** Everything measured of one target so far. */
export interface Progress {
  times: number[];
  /** The round of each time. */
  round: number[];
  userSum: number;
  systemSum: number;
  reports: VariantReport[];
  /** The seed of each round measured (seeded workloads only). */
  seeds: number[];
}

/** One target's place in the schedule. */
export type TargetState =
  | ({ status: 'live'; target: Target } & Progress)
  | ({ status: 'stopped'; target: Target; reason: StopReason } & Progress)
  | { status: 'failed'; target: Target; error: string };

/** What one round asks for: which targets, in which order, with how many runs. */
export interface RoundStep {
  key: string;
  warmup: number;
  runs: number;
}

export const startState = (target: Target): TargetState => ({ status: 'live', target, times: [], round: [], userSum: 0, systemSum: 0, reports: [], seeds: [] });

/**
 * The steps of round `round` (1-based): every live target once (or those in `only`), warmup in the
 * first round only. Even rounds run the targets in reverse order, so no target always runs right
 * after the same one.
 */
export function planRound(states: readonly TargetState[], round: number, plan: Plan, only?: ReadonlySet<string>): RoundStep[] {
  const live = states.filter((s) => s.status === 'live' && (!only || only.has(s.target.key)));
  const ordered = round % 2 === 0 ? [...live].reverse() : live;
  return ordered.map((s) => ({ key: s.target.key, warmup: round === 1 ? plan.warmup : 0, runs: plan.runsPerRound }));
}

/** A target's state after one batch of round `round`: its runs appended, or failed (its siblings go on). */
export function applyBatch(state: TargetState, round: number, batch: Batch): TargetState {
  if (state.status !== 'live') return state;
  if (batch.status === 'failed') return { status: 'failed', target: state.target, error: batch.error };
  const k = batch.times.length;
  return {
    ...state,
    times: [...state.times, ...batch.times],
    round: [...state.round, ...batch.times.map(() => round)],
    userSum: state.userSum + batch.userS * k,
    systemSum: state.systemSum + batch.systemS * k,
    reports: [...state.reports, ...batch.reports],
    seeds: batch.seed === null ? state.seeds : [...state.seeds, batch.seed],
  };
}

/** The current CI half-width of a live target (percent of its median). */
export const ciPctOf = (p: Progress): number => ciHalfWidthPct(wallStats(p.times, p.round));

/**
 * Whether a table stops after `round` rounds, and why. Minimum rounds come first; then precision
 * (every live target's CI within the target), then max rounds, then the time budget.
 */
export function tableStop(live: ReadonlyArray<Progress>, tableSize: number, round: number, plan: Plan): StopReason | null {
  if (live.length === 0 || round < plan.minRounds) return null;
  if (plan.targetCiPct === null) return 'fixed-runs';
  const target = plan.targetCiPct;
  if (live.every((p) => ciPctOf(p) <= target)) return 'precision';
  if (round >= plan.maxRounds) return 'max-runs';
  const spentS = live.reduce((a, p) => a + p.times.reduce((x, t) => x + t, 0), 0);
  if (plan.budgetS !== null && spentS >= plan.budgetS * tableSize) return 'budget';
  return null;
}

/** Seconds the next round should take: every live target's runs at its median so far. */
export function nextRoundS(states: readonly TargetState[], plan: Plan): number {
  return states.reduce((a, s) => (s.status === 'live' && s.times.length ? a + median(s.times) * plan.runsPerRound : a), 0);
}

/** Seconds the memory runs after the rounds should take: plan.memoryRuns runs of every measured target at its median. */
export function memoryReserveS(states: readonly TargetState[], plan: Plan): number {
  return states.reduce((a, s) => (s.status !== 'failed' && s.times.length ? a + median(s.times) * plan.memoryRuns : a), 0);
}

/**
 * Whether the suite's budget ends the bench after `round`: once the minimum rounds are done, no round
 * starts that would end past plan.suiteBudgetS less the memory runs still to come, given `spentS`
 * seconds spent so far. Pure.
 */
export function suiteOver(states: readonly TargetState[], round: number, plan: Plan, spentS: number): boolean {
  if (plan.suiteBudgetS === null || round < plan.minRounds) return false;
  return spentS + nextRoundS(states, plan) + memoryReserveS(states, plan) > plan.suiteBudgetS;
}

/**
 * Applies tableStop to every table after `round`: the live targets of a table that stops become
 * stopped; every live target stops ('budget') when the suite's budget is over (suiteOver, given the
 * `spentS` seconds the bench has spent).
 */
export function stopTables(states: readonly TargetState[], round: number, plan: Plan, spentS = 0): TargetState[] {
  const over = suiteOver(states, round, plan, spentS);
  const tables = new Map<string, TargetState[]>();
  for (const s of states) tables.set(s.target.table, [...(tables.get(s.target.table) ?? []), s]);
  const reasons = new Map<string, StopReason | null>();
  for (const [table, members] of tables) {
    const live = members.filter((s): s is Extract<TargetState, { status: 'live' }> => s.status === 'live');
    reasons.set(table, tableStop(live, members.length, round, plan) ?? (over && live.length ? 'budget' : null));
  }
  return states.map((s) => {
    const reason = reasons.get(s.target.table);
    return s.status === 'live' && reason ? { ...s, status: 'stopped', reason } : s;
  });
}

/** A measured target, as the collector records it. */
export type Measured =
  | {
      status: 'ok';
      target: Target;
      times: number[];
      round: number[];
      userS: number;
      systemS: number;
      reports: VariantReport[];
      seeds: number[];
      stop: { reason: StopReason; ciHalfWidthPct: number; cvPct: number };
    }
  | { status: 'failed'; target: Target; error: string };

/** The final record of a target whose schedule is over. */
export function finish(s: TargetState): Measured {
  if (s.status === 'failed') return s;
  if (s.status === 'live') throw new Error(`${s.target.key} is still being measured`);
  const w = wallStats(s.times, s.round);
  return {
    status: 'ok',
    target: s.target,
    times: s.times,
    round: s.round,
    userS: s.userSum / s.times.length,
    systemS: s.systemSum / s.times.length,
    reports: s.reports,
    seeds: s.seeds,
    stop: { reason: s.reason, ciHalfWidthPct: ciHalfWidthPct(w), cvPct: cvPct(w) },
  };
}
