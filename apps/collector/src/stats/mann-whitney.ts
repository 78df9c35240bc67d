import { normalSf } from './normal.ts';

/** Which distribution a p-value came from. */
export type MannWhitneyMethod = 'exact' | 'asymptotic';

/** The alternative hypothesis, about x relative to y (as in scipy.stats.mannwhitneyu). */
export type Alternative = 'two-sided' | 'greater' | 'less';

/** The statistic, the p-value and how the p-value was computed. */
export interface MannWhitneyResult {
  /** U for the first sample: pairs (xᵢ, yⱼ) with xᵢ > yⱼ, ties counting ½ (R's W, scipy's statistic). */
  u1: number;
  /** U for the second sample: n₁·n₂ − u1. */
  u2: number;
  /** The p-value for the chosen alternative. */
  p: number;
  /** 'exact' (null distribution counted) or 'asymptotic' (normal, tie and continuity corrected). */
  method: MannWhitneyMethod;
  /** Whether any value occurs more than once across both samples. */
  ties: boolean;
}

/** How to compute the p-value; the defaults are scipy's. */
export interface MannWhitneyOptions {
  alternative?: Alternative;
  /**
   * 'auto' (default) follows scipy: exact when the smaller sample has at most 8 values and there
   * are no ties, asymptotic otherwise (also when counting the exact distribution would take too
   * long). 'exact' with ties throws.
   */
  method?: MannWhitneyMethod | 'auto';
  /** Half-unit continuity correction of the normal approximation (default true, as scipy and R). */
  continuity?: boolean;
}

/** scipy's 'auto' threshold: exact when one sample has at most this many values and no ties. */
export const EXACT_MAX_SMALLER = 8;
/** Above this many additions the exact count is skipped in 'auto' mode. */
const EXACT_MAX_WORK = 5e7;

/** Mid-ranks (1-based, ties get their average rank) and the tie term Σ(t³ − t). */
function rank(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]![0] === order[start]![0]) end++;
    const t = end - start;
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]![1]] = midRank;
    tieTerm += t ** 3 - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/**
 * Counts of the arrangements of m + n distinct values that give each U = 0..m·n (m ≤ n), by
 * f(u; i, j) = f(u − j; i − 1, j) + f(u; i, j − 1): the largest value is either from the first
 * sample (beating all j of the second) or from the second. Only additions, so no cancellation.
 */
export function uCounts(m: number, n: number): Float64Array {
  // f[i] holds f(·; i, j) for the current j; f(u; i, 0) = f(u; 0, j) = [u = 0].
  const f: Float64Array[] = Array.from({ length: m + 1 }, () => Float64Array.of(1));
  for (let j = 1; j <= n; j++) {
    for (let i = 1; i <= m; i++) {
      const next = new Float64Array(i * j + 1);
      next.set(f[i]!); // f(u; i, j − 1), degree i·(j − 1)
      const prev = f[i - 1]!; // f(u; i − 1, j), already advanced to j
      for (let u = 0; u < prev.length; u++) next[u + j]! += prev[u]!;
      f[i] = next;
    }
  }
  return f[m]!;
}

/** Exact P(U ≤ u) under the null hypothesis, for samples of sizes m and n without ties. */
function exactCdf(u: number, m: number, n: number): number {
  const counts = uCounts(Math.min(m, n), Math.max(m, n));
  let below = 0;
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k]!;
    if (k <= u) below += counts[k]!;
  }
  return below / total;
}

const exactWork = (m: number, n: number) => (Math.min(m, n) ** 2 * Math.max(m, n) ** 2) / 2;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum test) of two independent samples, computed like
 * scipy.stats.mannwhitneyu: the statistic is U of x; the two-sided p-value is twice the tail
 * beyond max(U₁, U₂), capped at 1. Exact: counted null distribution. Asymptotic: normal with
 * mean n₁n₂/2, the tie-corrected variance n₁n₂/12 · ((n+1) − Σ(t³−t)/(n(n−1))) and, by default,
 * the continuity correction ½.
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[], options: MannWhitneyOptions = {}): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new Error('Mann-Whitney U needs at least one value in each sample');
  if ([...x, ...y].some((v) => !Number.isFinite(v))) throw new Error('Mann-Whitney U needs finite values');
  const alternative = options.alternative ?? 'two-sided';
  const { ranks, tieTerm } = rank([...x, ...y]);
  const rankSumX = ranks.slice(0, n1).reduce((a, b) => a + b, 0);
  const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const ties = tieTerm > 0;

  let method: MannWhitneyMethod;
  if (options.method === 'exact') {
    if (ties) throw new Error('the exact Mann-Whitney distribution assumes no ties');
    method = 'exact';
  } else if (options.method === 'asymptotic') {
    method = 'asymptotic';
  } else {
    method = !ties && Math.min(n1, n2) <= EXACT_MAX_SMALLER && exactWork(n1, n2) <= EXACT_MAX_WORK ? 'exact' : 'asymptotic';
  }

  // The statistic whose upper tail is the p-value.
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  let p: number;
  if (method === 'exact') {
    // P(U ≥ u) = P(U ≤ n₁n₂ − u) by symmetry.
    p = exactCdf(n1 * n2 - u, n1, n2);
  } else {
    const n = n1 + n2;
    const mu = (n1 * n2) / 2;
    const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const numerator = u - mu - (options.continuity === false ? 0 : 0.5);
    p = sigma === 0 ? (numerator > 0 ? 0 : 1) : normalSf(numerator / sigma);
  }
  if (alternative === 'two-sided') p *= 2;
  return { u1, u2, p: Math.min(Math.max(p, 0), 1), method, ties };
}
