/** What a comparison of two results says: a / b faster, slower, equivalent within the margin, or not yet known. */
export type Outcome = 'equivalent' | 'faster' | 'slower' | 'undecided';

/** An interval of a ratio a / b. */
export interface RatioInterval {
  low: number;
  high: number;
}

/** The equivalence region of a margin δ (percent): [1/(1+δ), 1+δ], symmetric on the log scale. */
export function marginBounds(marginPct: number): RatioInterval {
  const up = 1 + marginPct / 100;
  return { low: 1 / up, high: up };
}

/**
 * The three outcomes and one margin, without overlap: equivalent when the equivalence interval
 * (two one-sided tests: the 1 − 2α interval) lies inside the margin — this takes precedence — else
 * faster or slower when the difference interval (1 − α) excludes 1, else undecided.
 */
export function outcomeOf(difference: RatioInterval, equivalence: RatioInterval, marginPct: number): Outcome {
  const m = marginBounds(marginPct);
  if (equivalence.low >= m.low && equivalence.high <= m.high) return 'equivalent';
  if (difference.high < 1) return 'faster';
  if (difference.low > 1) return 'slower';
  return 'undecided';
}

/**
 * Whether an outcome is wrong for a true ratio (the simulation's judge): faster when the truth is not
 * below 1, slower when it is not above 1, equivalent when it lies outside the margin.
 */
export function isWrong(outcome: Outcome, truth: number, marginPct: number): boolean {
  const m = marginBounds(marginPct);
  if (outcome === 'faster') return truth >= 1;
  if (outcome === 'slower') return truth <= 1;
  if (outcome === 'equivalent') return truth < m.low || truth > m.high;
  return false;
}
