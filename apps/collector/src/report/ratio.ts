import type { PeakMemory, WallSeconds } from '@arena/contract';
import { MIN_CI_ROUNDS, roundRatios } from '@arena/hyperfine-wrapper';
import { oneSampleShift, twoSampleShift } from './hodges-lehmann.ts';

/** How a ratio's interval was found. */
export type RatioMethod =
  /** Hodges–Lehmann on the log ratios of the round medians (signed-rank CI): rounds share the machine's state, so pairing cancels drift. */
  | 'paired-rounds'
  /** Hodges–Lehmann on the log times of all runs (rank-sum CI), when fewer than MIN_CI_ROUNDS rounds are shared. */
  | 'runs'
  /** Memory: the ratio of medians, bounded by min/max over max/min of the few memory runs. */
  | 'range'
  /** One number per result is stored (a median or a mean): no interval. */
  | 'none'
  /** The result compared with itself. */
  | 'reference';

/** A ratio a / b with its interval; significant: the interval excludes 1 (null when there is no interval). */
export interface RatioCi {
  ratio: number;
  ci: { low: number; high: number } | null;
  significant: boolean | null;
  method: RatioMethod;
}

type Timed = Pick<WallSeconds, 'times' | 'round'>;

const excludesOne = (ci: { low: number; high: number }) => ci.low > 1 || ci.high < 1;

/** The same result on both sides: exactly 1. */
export const REFERENCE: RatioCi = { ratio: 1, ci: null, significant: false, method: 'reference' };

/**
 * How many times slower a is than b, in wall time, with a 95 % CI of the ratio: exp of a
 * Hodges–Lehmann shift of log times. Paired by round when they share at least MIN_CI_ROUNDS
 * rounds (results of one table always do), else over all runs as independent samples. An interval
 * that cannot reach 95 % (too few runs) is dropped and the ratio counts as not significant.
 */
export function timeRatio(a: Timed, b: Timed): RatioCi {
  if (a === b) return REFERENCE;
  const logRatios = roundRatios(a, b).map(Math.log);
  const paired = logRatios.length >= MIN_CI_ROUNDS;
  const shift = paired ? oneSampleShift(logRatios) : twoSampleShift(a.times.map(Math.log), b.times.map(Math.log));
  const ci = shift.confidence >= 0.95 - 1e-12 ? { low: Math.exp(shift.low), high: Math.exp(shift.high) } : null;
  return { ratio: Math.exp(shift.estimate), ci, significant: ci ? excludesOne(ci) : false, method: paired ? 'paired-rounds' : 'runs' };
}

/**
 * Peak memory a / b from the few memory runs: the ratio of the medians, bounded by the extreme
 * ratios (a's min over b's max, a's max over b's min). Significant only when the two ranges do not overlap.
 */
export function memoryRatio(a: Pick<PeakMemory, 'medianBytes' | 'minBytes' | 'maxBytes'>, b: Pick<PeakMemory, 'medianBytes' | 'minBytes' | 'maxBytes'>): RatioCi {
  if (a === b) return REFERENCE;
  return {
    ratio: a.medianBytes / b.medianBytes,
    ci: { low: a.minBytes / b.maxBytes, high: a.maxBytes / b.minBytes },
    significant: a.minBytes > b.maxBytes || a.maxBytes < b.minBytes,
    method: 'range',
  };
}

/** a / b of two single numbers (a compute median, a CPU mean): no interval, significance unknown. */
export function pointRatio(a: number, b: number): RatioCi {
  return { ratio: a / b, ci: null, significant: null, method: 'none' };
}
