import type { SampleStats, WallSeconds } from '@arena/contract';

function sorted(xs: readonly number[]): number[] {
  if (xs.length === 0) throw new Error('statistics of an empty sample');
  return [...xs].sort((a, b) => a - b);
}

const at = (s: number[], i: number): number => s[Math.min(Math.max(i, 0), s.length - 1)]!;

/** Median (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 ? at(s, mid) : (at(s, mid - 1) + at(s, mid)) / 2;
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('statistics of an empty sample');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n - 1 in the denominator); 0 for a single value. */
export function stddev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so large n stays exact enough. */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let logC = 0; // log C(n, 0)
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    sum += Math.exp(logC - n * Math.LN2);
  }
  return Math.min(sum, 1);
}

/**
 * 1-based ranks (lower, upper) of the distribution-free confidence interval of the median:
 * the largest k with P(X < k) <= alpha/2 for X ~ Bin(n, 1/2) gives x(k) and x(n-k+1).
 * Samples too small to reach the level (n < 6 at 95 %) get the full range.
 */
export function medianCiRanks(n: number, confidence = 0.95): { lower: number; upper: number } {
  const tail = (1 - confidence) / 2;
  let k = 0;
  while (k + 1 <= n && binomialHalfCdf(k, n) <= tail) k++;
  if (k === 0) return { lower: 1, upper: n };
  return { lower: k, upper: n - k + 1 };
}

/** The 95 % confidence interval of the median, from order statistics. */
export function medianCi95(xs: readonly number[]): { low: number; high: number } {
  const s = sorted(xs);
  const { lower, upper } = medianCiRanks(s.length);
  return { low: at(s, lower - 1), high: at(s, upper - 1) };
}

/** Median, mean, stddev, range and the median's 95 % CI of one sample. */
export function sampleStats(xs: readonly number[]): SampleStats {
  const s = sorted(xs);
  return { median: median(s), mean: mean(s), stddev: stddev(s), min: at(s, 0), max: at(s, s.length - 1), ci95: medianCi95(s) };
}

/** Half-width of the median's CI as a percentage of the median (the larger side). */
export function ciHalfWidthPct(stats: SampleStats): number {
  if (stats.median === 0) return 0;
  return (Math.max(stats.median - stats.ci95.low, stats.ci95.high - stats.median) / stats.median) * 100;
}

/** Coefficient of variation in percent. */
export function cvPct(stats: SampleStats): number {
  return stats.mean === 0 ? 0 : (stats.stddev / stats.mean) * 100;
}

/** Fewest rounds whose medians give a 95 % CI inside their range (binomial ranks need 6). */
export const MIN_CI_ROUNDS = 6;

/** The median of each round's runs, in round order. */
export function roundMedians(times: readonly number[], round: readonly number[]): number[] {
  const by = new Map<number, number[]>();
  times.forEach((t, i) => {
    const r = round[i]!;
    by.set(r, [...(by.get(r) ?? []), t]);
  });
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([, xs]) => median(xs));
}

/**
 * Statistics of a result measured in rounds. Median, mean, spread and range are over every run; the
 * median's 95 % CI is over round medians, because runs of one round share the machine's state of
 * that moment (adjacent runs correlate) and are not independent draws. With fewer than
 * MIN_CI_ROUNDS rounds no such interval exists, and the CI is the whole range of the runs.
 */
export function wallStats(times: readonly number[], round: readonly number[]): WallSeconds {
  if (times.length !== round.length) throw new Error(`${times.length} times but ${round.length} round numbers`);
  const all = sampleStats(times);
  const medians = roundMedians(times, round);
  const ci95 = medians.length >= MIN_CI_ROUNDS ? medianCi95(medians) : { low: all.min, high: all.max };
  return { ...all, ci95, times: [...times], round: [...round] };
}

/** Whether a result's CI says something: it rests on at least MIN_CI_ROUNDS rounds. */
export const ciIsInformative = (w: Pick<WallSeconds, 'round'>): boolean => new Set(w.round).size >= MIN_CI_ROUNDS;

/** Each round both ran in, in round order: a's median of that round over b's. */
export function roundRatios(a: Pick<WallSeconds, 'times' | 'round'>, b: Pick<WallSeconds, 'times' | 'round'>): number[] {
  const perRound = (w: Pick<WallSeconds, 'times' | 'round'>) => {
    const rounds = [...new Set(w.round)].sort((x, y) => x - y);
    const medians = roundMedians(w.times, w.round);
    return new Map(rounds.map((r, i) => [r, medians[i]!]));
  };
  const [ma, mb] = [perRound(a), perRound(b)];
  return [...ma.entries()].flatMap(([r, m]) => (mb.has(r) ? [m / mb.get(r)!] : []));
}

/**
 * How many times slower a is than b, paired by round: each round's median of a over that round's
 * median of b, so drift shared by the round cancels. The ratio is the median of those per-round
 * ratios and its 95 % CI is over them (binomial ranks); null when the two share fewer than
 * MIN_CI_ROUNDS rounds. Without shared rounds the ratio falls back to the ratio of the medians.
 */
export function ratioCi95(a: Pick<WallSeconds, 'times' | 'round' | 'median'>, b: Pick<WallSeconds, 'times' | 'round' | 'median'>): { ratio: number; ci95: { low: number; high: number } | null } {
  const ratios = roundRatios(a, b);
  return {
    ratio: ratios.length ? median(ratios) : a.median / b.median,
    ci95: ratios.length >= MIN_CI_ROUNDS ? medianCi95(ratios) : null,
  };
}
