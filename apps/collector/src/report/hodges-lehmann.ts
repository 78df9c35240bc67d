import { uCounts } from '../stats/mann-whitney.ts';
import { normalSf } from '../stats/normal.ts';

/**
 * Hodges–Lehmann location shifts with their distribution-free confidence intervals, computed as R's
 * wilcox.test(conf.int = TRUE) does when it is exact (Bauer 1972): the interval is a pair of order
 * statistics of the Walsh averages (one sample) or of the pairwise differences (two samples), their
 * ranks read off the signed-rank / rank-sum null distribution. Larger samples use the normal
 * approximation of those ranks (Hollander & Wolfe; SAS's "Moses" limits).
 */

/** An estimate with its interval and the confidence the interval actually has (order statistics make it discrete). */
export interface ShiftCi {
  estimate: number;
  low: number;
  high: number;
  /** The achieved coverage: at least the nominal one, except when the sample is too small to reach it. */
  confidence: number;
  method: 'exact' | 'asymptotic';
}

/** The nominal confidence (default 0.95) and how to find the ranks: 'auto' (default) is exact up to {@link EXACT_MAX_N} values. */
export interface ShiftOptions {
  confidence?: number;
  method?: 'auto' | 'exact' | 'asymptotic';
}

/** Samples up to this size get the exact null distribution (R's default threshold). */
export const EXACT_MAX_N = 50;

const median = (sorted: readonly number[]): number => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Counts of the subsets of {1..n} by their sum 0..n(n+1)/2: 2ⁿ × the null distribution of the signed-rank statistic. */
export function signedRankCounts(n: number): Float64Array {
  const counts = new Float64Array((n * (n + 1)) / 2 + 1);
  counts[0] = 1;
  for (let k = 1, top = 0; k <= n; k++) {
    top += k;
    for (let s = top; s >= k; s--) counts[s]! += counts[s - k]!;
  }
  return counts;
}

/**
 * The 1-based rank of the lower limit from a null distribution given as counts: R's q = smallest
 * value with P(T ≤ q) ≥ α/2 (at least 1), and the confidence it achieves, 1 − 2·P(T ≤ q − 1).
 * q − 1 is the two-sided critical value of the printed tables (reject when T ≤ q − 1).
 */
export function exactRank(counts: Float64Array, alpha: number): { rank: number; confidence: number } {
  const total = counts.reduce((a, b) => a + b, 0);
  let below = 0; // P(T ≤ q − 1) × total
  let q = 0;
  while (q < counts.length && (below + counts[q]!) / total < alpha / 2) below += counts[q++]!;
  if (q === 0) return { rank: 1, confidence: 1 - (2 * counts[0]!) / total };
  return { rank: q, confidence: 1 - (2 * below) / total };
}

/** z with P(Z > z) = p, by bisection on the normal tail (p in (0, ½]). */
function normalUpper(p: number): number {
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalSf(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The normal approximation of the lower rank (Hollander & Wolfe): the largest integer ≤ mean − z·sd
 * of the statistic (at least 1), with the confidence the normal assigns to it.
 */
function asymptoticRank(mean: number, sd: number, alpha: number, count: number): { rank: number; confidence: number } {
  const rank = Math.min(Math.max(Math.floor(mean - normalUpper(alpha / 2) * sd), 1), Math.ceil(count / 2));
  return { rank, confidence: 1 - 2 * normalSf((mean - rank + 0.5) / sd) };
}

function check(xs: readonly number[], what: string): void {
  if (xs.length === 0) throw new Error(`${what} needs at least one value`);
  if (xs.some((v) => !Number.isFinite(v))) throw new Error(`${what} needs finite values`);
}

/**
 * One sample (or paired differences): the pseudo-median (median of the Walsh averages) and its
 * signed-rank interval. Assumes the differences are symmetric about their centre.
 */
export function oneSampleShift(d: readonly number[], options: ShiftOptions = {}): ShiftCi {
  check(d, 'the one-sample Hodges–Lehmann estimate');
  const n = d.length;
  const walsh: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh.push((d[i]! + d[j]!) / 2);
  walsh.sort((a, b) => a - b);
  const m = walsh.length;
  const alpha = 1 - (options.confidence ?? 0.95);
  const exact = options.method === 'exact' || (options.method !== 'asymptotic' && n <= EXACT_MAX_N);
  const { rank, confidence: achieved } = exact ? exactRank(signedRankCounts(n), alpha) : asymptoticRank(m / 2, Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24), alpha, m);
  return { estimate: median(walsh), low: walsh[rank - 1]!, high: walsh[m - rank]!, confidence: achieved, method: exact ? 'exact' : 'asymptotic' };
}

/**
 * Two independent samples: the shift x − y as the median of all differences xᵢ − yⱼ, and its
 * rank-sum (Mann-Whitney) interval.
 */
export function twoSampleShift(x: readonly number[], y: readonly number[], options: ShiftOptions = {}): ShiftCi {
  check(x, 'the two-sample Hodges–Lehmann estimate');
  check(y, 'the two-sample Hodges–Lehmann estimate');
  const diffs: number[] = [];
  for (const a of x) for (const b of y) diffs.push(a - b);
  diffs.sort((a, b) => a - b);
  const m = diffs.length;
  const alpha = 1 - (options.confidence ?? 0.95);
  const exact = options.method === 'exact' || (options.method !== 'asymptotic' && x.length <= EXACT_MAX_N && y.length <= EXACT_MAX_N);
  const { rank, confidence: achieved } = exact
    ? exactRank(uCounts(Math.min(x.length, y.length), Math.max(x.length, y.length)), alpha)
    : asymptoticRank(m / 2, Math.sqrt((m * (x.length + y.length + 1)) / 12), alpha, m);
  return { estimate: median(diffs), low: diffs[rank - 1]!, high: diffs[m - rank]!, confidence: achieved, method: exact ? 'exact' : 'asymptotic' };
}
