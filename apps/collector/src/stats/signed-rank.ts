import { signedRankCounts } from '../report/hodges-lehmann.ts';
import { normalSf } from './normal.ts';

/** The alternative hypothesis about the location of d (about 0), as in R's wilcox.test. */
export type SignedRankAlternative = 'two-sided' | 'greater' | 'less';

/** How to compute the p-value. */
export interface SignedRankOptions {
  /** Default 'two-sided'. */
  alternative?: SignedRankAlternative;
  /**
   * 'auto' (default) is R's rule: exact when fewer than {@link SIGNED_RANK_EXACT_BELOW} non-zero
   * differences remain, none of the |d| are tied and no difference was zero; the normal approximation
   * otherwise. 'exact' counts the null distribution of the non-zero differences regardless of n and
   * zeros (R would fall back to the normal approximation when there were zeros); it throws on ties.
   * 'asymptotic' always uses the normal approximation.
   */
  method?: 'auto' | 'exact' | 'asymptotic';
}

/** The statistic, the p-value and how the p-value was computed. */
export interface SignedRankResult {
  /** V: the sum of the (mid-)ranks of |d| over the positive differences, as R's V. */
  statistic: number;
  /** The p-value for the chosen alternative. */
  p: number;
  /** 'exact' (counted null distribution) or 'asymptotic' (normal, tie and continuity corrected). */
  method: 'exact' | 'asymptotic';
  /** The number of non-zero differences the test used. */
  n: number;
}

/** R's wilcox.test takes the exact distribution only when n < 50 (`exact <- (n < 50)`). */
export const SIGNED_RANK_EXACT_BELOW = 50;

/** Mid-ranks (1-based, ties share their average rank) of the values and the tie term Σ(t³ − t). */
function midRanks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]![0] === order[start]![0]) end++;
    const t = end - start;
    for (let k = start; k < end; k++) ranks[order[k]![1]] = (start + 1 + end) / 2;
    tieTerm += t ** 3 - t;
    start = end;
  }
  return { ranks, tieTerm };
}

/**
 * The Wilcoxon signed-rank test of d against location 0, computed as R's `wilcox.test(d, mu = 0)`
 * (correct = TRUE): zero differences are dropped, V is the rank sum of the positive ones. Exact p
 * from the counted null distribution (two-sided: min(1, 2·min(P(V ≤ v), P(V ≥ v)))); otherwise the
 * normal approximation with mean n(n+1)/4, variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over the tie
 * groups of |d|, and a half-unit continuity correction towards the mean. With no non-zero
 * difference the p-value is 1. Throws on non-finite values.
 */
export function wilcoxonSignedRank(d: readonly number[], options: SignedRankOptions = {}): SignedRankResult {
  if (d.some((v) => !Number.isFinite(v))) throw new Error('the signed-rank test needs finite values');
  const alternative = options.alternative ?? 'two-sided';
  // Wilcoxon's own treatment of zeros (R's too): they carry no sign, so they are left out.
  const nonZero = d.filter((v) => v !== 0);
  const zeros = nonZero.length < d.length;
  const n = nonZero.length;
  const { ranks, tieTerm } = midRanks(nonZero.map(Math.abs));
  let statistic = 0;
  for (let i = 0; i < n; i++) if (nonZero[i]! > 0) statistic += ranks[i]!;
  const ties = tieTerm > 0;

  let method: 'exact' | 'asymptotic';
  if (options.method === 'exact') {
    // The counted distribution is that of distinct ranks 1..n; mid-ranks have another one.
    if (ties) throw new Error('the exact signed-rank distribution assumes no ties among |d|');
    method = 'exact';
  } else if (options.method === 'asymptotic') {
    method = 'asymptotic';
  } else {
    method = n < SIGNED_RANK_EXACT_BELOW && !ties && !zeros ? 'exact' : 'asymptotic';
  }
  // No non-zero difference: V = 0 is the only value possible, so nothing is evidence against the null.
  if (n === 0) return { statistic: 0, p: 1, method, n };

  let p: number;
  if (method === 'exact') {
    const counts = signedRankCounts(n);
    const total = 2 ** n;
    // Tails summed from their far ends, smallest terms first.
    const lower = (v: number) => {
      let s = 0;
      for (let k = 0; k <= v; k++) s += counts[k]!;
      return s / total;
    };
    const upper = (v: number) => {
      let s = 0;
      for (let k = counts.length - 1; k >= v; k--) s += counts[k]!;
      return s / total;
    };
    if (alternative === 'greater') p = upper(statistic);
    else if (alternative === 'less') p = lower(statistic);
    else p = Math.min(1, 2 * Math.min(lower(statistic), upper(statistic)));
  } else {
    const centred = statistic - (n * (n + 1)) / 4;
    const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
    // R's CORRECTION: towards the mean for two-sided (sign(z)·½), ±½ for the one-sided tails.
    const correction = alternative === 'greater' ? 0.5 : alternative === 'less' ? -0.5 : Math.sign(centred) * 0.5;
    const z = (centred - correction) / sigma;
    if (alternative === 'greater') p = normalSf(z);
    else if (alternative === 'less') p = normalSf(-z);
    else p = 2 * normalSf(Math.abs(z)); // = 2·min(pnorm(z), pnorm(−z))
  }
  return { statistic, p, method, n };
}
