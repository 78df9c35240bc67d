import type { Plan, Target } from '@arena/hyperfine-wrapper';

/**
 * The fewest rounds with which the paired test can flag a change among `pairs` compared results:
 * the exact two-sided signed-rank p of n rounds is at least 2 / 2ⁿ, and Holm's first step needs
 * p < alpha / pairs. Pure.
 */
export function holmRounds(pairs: number, alpha: number): number {
  let n = 1;
  while (2 / 2 ** n >= alpha / Math.max(pairs, 1)) n++;
  return n;
}

/**
 * The plan of a compare: the bench's plan with at least holmRounds rounds (so every change can be
 * judged, however few rounds the profile asks for), and the suite budget doubled: each side gets
 * the time a bench of it would. Pure; `raisedFrom` says when the rounds were raised.
 */
export function comparePlan(plan: Plan, pairs: number, alpha: number): { plan: Plan; raisedFrom: number | null } {
  const minRounds = Math.max(plan.minRounds, holmRounds(pairs, alpha));
  return {
    plan: { ...plan, minRounds, maxRounds: Math.max(plan.maxRounds, minRounds), suiteBudgetS: plan.suiteBudgetS === null ? null : plan.suiteBudgetS * 2 },
    raisedFrom: minRounds > plan.minRounds ? plan.minRounds : null,
  };
}

/** A target of one side: its key prefixed with the side, so both sides' targets live in one schedule. */
export const sideKey = (side: 'A' | 'B', key: string): string => `${side} · ${key}`;

/**
 * Both sides' targets in one list, each result's A target right before its B target (then A's
 * results only B lacks, then B's new ones). The rounds run the list forward in odd rounds and
 * backward in even ones (planRound), so each pair alternates A B, B A, A B, …: the drift of the
 * machine falls on both sides alike. Pure.
 */
export function interleave(a: Target[], b: Target[]): Target[] {
  const byKey = new Map(b.map((t) => [t.key, t]));
  const out: Target[] = [];
  for (const t of a) {
    out.push(withSide('A', t));
    const other = byKey.get(t.key);
    if (other) out.push(withSide('B', other));
  }
  const inA = new Set(a.map((t) => t.key));
  for (const t of b) if (!inA.has(t.key)) out.push(withSide('B', t));
  return out;
}

/** Whether a target key (sideKey) is of `side`. */
export const onSide = (side: 'A' | 'B', key: string): boolean => key.startsWith(sideKey(side, ''));

const withSide = (side: 'A' | 'B', t: Target): Target => ({ ...t, key: sideKey(side, t.key) });

/** The number of results measured on both sides. */
export const pairCount = (a: Target[], b: Target[]): number => {
  const keys = new Set(b.map((t) => t.key));
  return a.filter((t) => keys.has(t.key)).length;
};
