import type { Plan } from './rounds.ts';

/** One verified target: its table and how long its verification run took. */
export interface VerifiedTarget {
  table: string;
  seconds: number;
  key?: string;
}

/**
 * How long the rounds of a bench should take, in seconds, from its verification runs (one run of each
 * target): at least every table's warmup and minimum rounds; at most, per table, the rounds until its
 * budget (budgetS × its targets of timed runs) or maxRounds, whichever comes first, and no more than
 * what the suite budget leaves after the `spentS` seconds already spent; plus the memory runs
 * (plan.memoryRuns per target, after the rounds). Printed before
 * timing starts, so a user knows what they are waiting for. Pure.
 */
export function expectedSeconds(targets: VerifiedTarget[], plan: Plan, spentS = 0): { low: number; high: number } {
  const tables = new Map<string, number[]>();
  for (const t of targets) tables.set(t.table, [...(tables.get(t.table) ?? []), t.seconds]);
  let low = 0;
  let high = 0;
  const memory = targets.reduce((a, t) => a + t.seconds * plan.memoryRuns, 0);
  for (const seconds of tables.values()) {
    const run = seconds.reduce((a, b) => a + b, 0);
    const perRound = run * plan.runsPerRound;
    const warmup = run * plan.warmup;
    const budgetRounds = plan.budgetS === null || perRound === 0 ? plan.maxRounds : Math.ceil((plan.budgetS * seconds.length) / perRound);
    const maxRounds = Math.min(plan.maxRounds, Math.max(plan.minRounds, budgetRounds));
    low += warmup + plan.minRounds * perRound;
    high += warmup + maxRounds * perRound;
  }
  // The suite budget caps the rounds, but never the minimum ones; the memory runs come after them.
  if (plan.suiteBudgetS !== null) high = Math.max(low, Math.min(high, plan.suiteBudgetS - spentS - memory));
  return { low: low + memory, high: high + memory };
}

/** `about 11 min`, `11–19 min` or `40 s–2 min`: seconds under 90 s, else minutes. */
export function formatExpected({ low, high }: { low: number; high: number }): string {
  const minutes = (s: number) => s >= 90;
  const words = (s: number) => (minutes(s) ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`);
  if (words(low) === words(high)) return `about ${words(low)}`;
  if (minutes(low)) return `${Math.round(low / 60)}–${words(high)}`;
  return `${words(low)}–${words(high)}`;
}
