import type { WallSeconds } from '@arena/contract';
import { ciIsInformative, MIN_CI_ROUNDS } from '@arena/hyperfine-wrapper';

/** What a comparison of two samples needs from each: its runs and the round of each run. */
export type Sample = Pick<WallSeconds, 'times' | 'round'>;

/**
 * The smallest two-sided p the exact Mann-Whitney test can give for samples of m and n runs:
 * complete separation is one of the C(m+n, m) equally likely orderings, in each of two tails.
 */
export function minAttainableP(m: number, n: number): number {
  const [small, large] = m < n ? [m, n] : [n, m];
  let orderings = 1;
  for (let i = 1; i <= small; i++) orderings = (orderings * (large + i)) / i;
  return Math.min(1, 2 / orderings);
}

/** The sizes of two compared samples: what decides whether they can ever be judged. */
export interface PairSize {
  /** Runs in A and in B. */
  runs: [number, number];
  /** Both medians' CIs rest on at least MIN_CI_ROUNDS rounds. */
  ciInformative: boolean;
}

/** The PairSize of two measured samples. */
export const pairSize = (a: Sample, b: Sample): PairSize => ({
  runs: [a.times.length, b.times.length],
  ciInformative: ciIsInformative(a) && ciIsInformative(b),
});

/**
 * Whether a change between two samples can never be judged: the U test cannot reach p < alpha with
 * so few runs, or a median's CI rests on fewer than MIN_CI_ROUNDS rounds (it is the whole range).
 */
export const tooSmall = (s: PairSize, alpha: number): boolean => minAttainableP(...s.runs) >= alpha || !s.ciInformative;

/** A p-value to two significant digits: 0.1, 0.029. */
const p2 = (p: number) => String(Number(p.toPrecision(2)));

/**
 * One line saying which results (or "all results") are too small to judge and why, or null when
 * none is. `compared` are the results ok on both sides.
 */
export function smallSampleNote(compared: Array<PairSize & { label: string }>, alpha: number): string | null {
  const small = compared.filter((r) => tooSmall(r, alpha));
  if (!small.length) return null;
  const which = small.length === compared.length ? 'all results' : small.map((r) => r.label).join(', ');
  const reasons: string[] = [];
  // The pair of sample sizes with the largest attainable p stands for the rest.
  const worst = small.map((r) => ({ runs: r.runs, p: minAttainableP(...r.runs) })).sort((x, y) => y.p - x.p)[0]!;
  if (worst.p >= alpha) reasons.push(`${worst.runs[0]} + ${worst.runs[1]} runs cannot give p below ${p2(worst.p)} (alpha ${alpha})`);
  if (small.some((r) => !r.ciInformative)) reasons.push(`a median's CI needs at least ${MIN_CI_ROUNDS} rounds and spans the whole sample with fewer`);
  return `Note: the samples are too small to judge ${which}: ${reasons.join('; ')}. Use the default profile (BENCH_PROFILE=default) for judgements.`;
}
