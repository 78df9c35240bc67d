import type { StopReason, VariantReport } from '@arena/contract';
import { measureGroup, verifyOnce, type Group, type Target } from './measure.ts';
import { ciHalfWidthPct, cvPct, sampleStats } from './stats.ts';

/** How long and how often to measure. */
export interface Plan {
  warmup: number;
  minRuns: number;
  maxRuns: number;
  /** Runs per target per hyperfine call in adaptive or interleaved mode. */
  roundRuns: number;
  /** Stop a target once its median's 95 % CI half-width is at most this (percent); null: run minRuns. */
  targetCiPct: number | null;
  /** Stop a target once its timed runs add up to this many seconds; null: no budget. */
  budgetS: number | null;
  /** Measure in rounds across all groups, so drift of the machine falls on all of them alike. */
  interleave: boolean;
  /** Per-run timeout in seconds; null: 10 times the verification run, at least 10 s. */
  timeoutS: number | null;
}

export type Measured =
  | {
      status: 'ok';
      target: Target;
      times: number[];
      userS: number;
      systemS: number;
      reports: VariantReport[];
      stop: { reason: StopReason; ciHalfWidthPct: number; cvPct: number };
    }
  | { status: 'failed'; target: Target; error: string };

export interface Hooks {
  progress?: (message: string) => void;
  signal?: AbortSignal;
  /** The folder commands run from (the repository root). */
  cwd?: string;
}

interface State {
  target: Target;
  times: number[];
  userSum: number;
  systemSum: number;
  reports: VariantReport[];
  runTimeoutMs: number;
  done?: Measured;
}

const VERIFY_TIMEOUT_MS = 300_000;

function stopReason(s: State, plan: Plan): StopReason | null {
  const n = s.times.length;
  if (plan.targetCiPct === null) return n >= plan.minRuns ? 'fixed-runs' : null;
  if (n >= plan.minRuns && ciHalfWidthPct(sampleStats(s.times)) <= plan.targetCiPct) return 'precision';
  if (n >= plan.maxRuns) return 'max-runs';
  if (plan.budgetS !== null && s.times.reduce((a, b) => a + b, 0) >= plan.budgetS) return 'budget';
  return null;
}

function finish(s: State, reason: StopReason): Measured {
  const stats = sampleStats(s.times);
  return {
    status: 'ok',
    target: s.target,
    times: s.times,
    userS: s.userSum / s.times.length,
    systemS: s.systemSum / s.times.length,
    reports: s.reports,
    stop: { reason, ciHalfWidthPct: ciHalfWidthPct(stats), cvPct: cvPct(stats) },
  };
}

/**
 * Verifies every target once, then times them group by group (or in interleaved rounds) until each
 * one stops: fixed runs reached, precision reached, max runs, or its time budget. A target that
 * fails at any point is recorded as failed with the reason; the others go on.
 */
export async function runSchedule(groups: Group[], plan: Plan, hooks: Hooks = {}): Promise<{ results: Measured[]; order: string[] }> {
  const say = hooks.progress ?? (() => undefined);
  const states = new Map<string, State>();
  const all = groups.flatMap((g) => (g.parameter ? g.parameter.values.map((v) => v.target) : [g.target!]));
  for (const [i, target] of all.entries()) {
    say(`[${i + 1}/${all.length}] verifying ${target.key}`);
    const verifyTimeout = plan.timeoutS !== null ? plan.timeoutS * 1000 : VERIFY_TIMEOUT_MS;
    const { verdict, durationMs } = await verifyOnce(target, verifyTimeout, hooks.signal, hooks.cwd);
    const state: State = {
      target, times: [], userSum: 0, systemSum: 0, reports: [],
      runTimeoutMs: plan.timeoutS !== null ? plan.timeoutS * 1000 : Math.max(10 * durationMs, 10_000),
    };
    if (!verdict.ok) state.done = { status: 'failed', target, error: `verification run: ${verdict.error}` };
    states.set(target.key, state);
    if (hooks.signal?.aborted) throw new Error('interrupted');
  }

  const order: string[] = [];
  const active = (g: Group): Group | null => {
    if (!g.parameter) return states.get(g.target!.key)!.done ? null : g;
    const values = g.parameter.values.filter((v) => !states.get(v.target.key)!.done);
    return values.length ? { ...g, parameter: { ...g.parameter, values } } : null;
  };
  const runRound = async (g: Group, round: number) => {
    const targets = g.parameter ? g.parameter.values.map((v) => v.target) : [g.target!];
    const first = states.get(targets[0]!.key)!;
    const fixedOnce = plan.targetCiPct === null && !plan.interleave;
    const cap = plan.targetCiPct === null ? plan.minRuns : plan.maxRuns;
    const runs = fixedOnce ? cap - first.times.length : Math.min(plan.roundRuns, Math.max(1, cap - first.times.length));
    const warmup = round === 1 ? plan.warmup : 0;
    const timeoutMs = Math.max(...targets.map((t) => states.get(t.key)!.runTimeoutMs)) * (runs + warmup) * targets.length;
    for (const t of targets) order.push(`${round}:${t.key}`);
    const n = first.times.length;
    say(`round ${round}: timing ${targets.map((t) => t.key).join(', ')} — runs ${n + 1}..${n + runs}${warmup ? ` after ${warmup} warmup` : ''}`);
    const batches = await measureGroup(g, { warmup, runs, timeoutMs, signal: hooks.signal, cwd: hooks.cwd });
    if (hooks.signal?.aborted) throw new Error('interrupted');
    for (const t of targets) {
      const s = states.get(t.key)!;
      const b = batches.get(t.key)!;
      if (b.status === 'failed') {
        s.done = { status: 'failed', target: t, error: b.error };
        say(`  ${t.key}: failed — ${b.error.split('\n')[0]}`);
        continue;
      }
      s.times.push(...b.times);
      s.userSum += b.userS * b.times.length;
      s.systemSum += b.systemS * b.times.length;
      s.reports.push(...b.reports);
      const reason = stopReason(s, plan);
      const stats = sampleStats(s.times);
      say(`  ${t.key}: ${s.times.length} runs, median ${(stats.median * 1000).toFixed(1)} ms ± ${ciHalfWidthPct(stats).toFixed(2)} %${reason ? ` — done (${reason})` : ''}`);
      if (reason) s.done = finish(s, reason);
    }
  };

  if (plan.interleave) {
    for (let round = 1; ; round++) {
      const live = groups.map(active).filter((g): g is Group => g !== null);
      if (!live.length) break;
      for (const g of live) await runRound(g, round);
    }
  } else {
    for (const g0 of groups) {
      for (let round = 1; ; round++) {
        const g = active(g0);
        if (!g) break;
        await runRound(g, round);
      }
    }
  }
  return { results: all.map((t) => states.get(t.key)!.done!), order };
}
