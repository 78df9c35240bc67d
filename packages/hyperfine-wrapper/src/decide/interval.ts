import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { RatioInterval } from './outcome.ts';

/** The two intervals a decision needs at one look, on the ratio scale, and the estimate. */
export interface LookIntervals {
  /** exp of the mean log ratio. */
  ratio: number;
  /** The 1 − α interval (a difference: does it exclude 1?). */
  difference: RatioInterval;
  /** The equivalence interval (two one-sided tests: does it lie inside the margin?). */
  equivalence: RatioInterval;
}

/**
 * Student-t intervals of the mean of n paired log ratios (one per shared round): the difference one at
 * two-sided level `alpha`, the equivalence one at one-sided level `oneSided` on each side (two one-sided
 * tests; α of a fixed-sample test, so its 1 − 2α interval, when not given). The rounds' drift cancels
 * in the pairing, and a log ratio's noise is near normal (the simulation checks the bimodal case).
 * Null below 2 rounds or with nothing to spend.
 */
export function lookIntervals(logRatios: readonly number[], alpha: number, oneSided = alpha): LookIntervals | null {
  const n = logRatios.length;
  if (n < 2 || !(alpha > 0) || !(oneSided > 0)) return null;
  const m = logRatios.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(logRatios.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
  const se = sd / Math.sqrt(n);
  const around = (q: number): RatioInterval => ({ low: Math.exp(m - q * se), high: Math.exp(m + q * se) });
  return { ratio: Math.exp(m), difference: around(tQuantile(1 - alpha / 2, n - 1)), equivalence: around(tQuantile(1 - oneSided, n - 1)) };
}
