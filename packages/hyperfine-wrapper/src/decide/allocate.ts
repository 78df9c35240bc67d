import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { TargetState } from '../rounds.ts';
import { median } from '../stats.ts';
import { decidedCount, type DecisionRule, type FamilyState, familySize } from './family.ts';
import { lookLevels } from './spending.ts';
import { type DecisionPlan, logRatiosOf, neededKeys, withoutFailed } from './stop.ts';

/** One undecided comparison a / b, as the allocation sees it. */
export interface OpenComparison {
  table: string;
  a: string;
  b: string;
  /** Rounds a and b must still share before the current estimate would decide it; Infinity: not within the planned looks. */
  rounds: number;
}

/**
 * Rounds still needed to decide a comparison if its mean and spread stay as measured: the first look
 * N ≤ lastLook whose intervals (at that look's share of `level`) would exclude 1 or lie inside the
 * margin, minus the rounds already shared. A forecast for ordering only: decisions are made by the
 * test, on the data. Pure.
 */
export function roundsToDecide(logRatios: readonly number[], level: number, rule: DecisionRule): number {
  const n = logRatios.length;
  if (n < 2) return 1;
  const mean = logRatios.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(logRatios.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  if (sd === 0) return 1;
  const m = Math.abs(mean);
  const margin = Math.log(1 + rule.marginPct / 100);
  for (let look = n + 1; look <= rule.lastLook; look++) {
    const at = lookLevels(level, look, rule);
    if (!(at.difference > 0)) continue;
    const se = sd / Math.sqrt(look);
    if (m - tQuantile(1 - at.difference / 2, look - 1) * se > 0 || m + tQuantile(1 - at.equivalence, look - 1) * se <= margin) return look - n;
  }
  return Number.POSITIVE_INFINITY;
}

/** Every undecided comparison after a look: undecided pairs, and each open member of a fastest question against its leader. */
export function openComparisons(states: readonly TargetState[], families: Readonly<Record<string, FamilyState>>, d: DecisionPlan): OpenComparison[] {
  const failed = new Set(states.filter((s) => s.status === 'failed').map((s) => s.target.key));
  const ratios = logRatiosOf(states);
  const out: OpenComparison[] = [];
  for (const [table, all] of Object.entries(d.questions)) {
    const qs = withoutFailed(all, failed);
    const fam = families[table];
    if (!fam) continue;
    const level = d.rule.alpha / Math.max(familySize(qs) - decidedCount(fam), 1);
    const add = (a: string, b: string) => out.push({ table, a, b, rounds: roundsToDecide(ratios(a, b), level, d.rule) });
    for (const q of qs) {
      if (q.kind === 'pair') {
        if (fam.pairs[q.id]?.outcome === 'undecided') add(q.a, q.b);
        continue;
      }
      const f = fam.fastest[q.id];
      if (!f || f.leader === null) continue;
      for (const x of q.members) if (x !== f.leader && f.slots[x]?.state === 'open') add(x, f.leader);
    }
  }
  return out;
}

/**
 * Which live results the next round runs, within `remainingS` seconds of budget. Comparisons are taken
 * nearest-to-decided per second first (forecast rounds × the seconds one round of both costs; those
 * not decidable within the looks last, over the looks left) and admitted while the forecast seconds of
 * everything admitted fit. When all fit, every result a question needs runs (as without a budget);
 * otherwise the admitted comparisons' results and their tables' kept baselines. Empty: not even the
 * nearest one's round fits (the budget is over). Pure.
 */
export function allocateRound(states: readonly TargetState[], families: Readonly<Record<string, FamilyState>>, d: DecisionPlan, round: number, runsPerRound: number, remainingS: number): Set<string> {
  const live = new Map(states.flatMap((s) => (s.status === 'live' ? [[s.target.key, s] as const] : [])));
  const costS = (k: string): number => {
    const s = live.get(k);
    return s?.times.length ? median(s.times) * runsPerRound : 0;
  };
  const roundsLeft = Math.max(d.rule.lastLook - round + 1, 1);
  const comps = openComparisons(states, families, d)
    .filter((c) => live.has(c.a) && live.has(c.b))
    .map((c) => ({ ...c, horizon: Math.min(c.rounds, roundsLeft) }))
    .sort((x, y) => Number(x.rounds === Number.POSITIVE_INFINITY) - Number(y.rounds === Number.POSITIVE_INFINITY) || x.horizon * (costS(x.a) + costS(x.b)) - y.horizon * (costS(y.a) + costS(y.b)));
  // Per admitted result, the rounds it is forecast to run.
  const horizon = new Map<string, number>();
  const forecastS = (h: ReadonlyMap<string, number>) => [...h].reduce((a, [k, r]) => a + costS(k) * r, 0);
  let skipped = false;
  for (const c of comps) {
    const tried = new Map(horizon);
    for (const k of [c.a, c.b, ...(d.keep[c.table] ?? []).filter((k) => live.has(k))]) tried.set(k, Math.max(tried.get(k) ?? 0, c.horizon));
    if (forecastS(tried) <= remainingS) for (const [k, r] of tried) horizon.set(k, r);
    // The nearest comparison gets its next round whenever one round fits.
    else if (horizon.size === 0 && forecastS(new Map([...tried.keys()].map((k) => [k, 1]))) <= remainingS) for (const k of tried.keys()) horizon.set(k, 1);
    else skipped = true;
  }
  return skipped ? new Set(horizon.keys()) : neededKeys(states, families, d);
}
