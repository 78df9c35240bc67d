import type { CountedResult } from '@arena/contract';
import { resultLabel } from '../format.ts';

/** `--fail-above` of an instructions compare when none is given, in percent. */
export const DEFAULT_COUNT_FAIL_ABOVE_PCT = 0.5;
/** Counts that spread more than this (percent, on either side) are not a count to judge. */
export const SPREAD_LIMIT_PCT = 0.2;
/** A change is flagged only when it is more than this many times the larger side's spread. */
export const SPREAD_FACTOR = 3;

/** One figure of a result on both sides: A's and B's, the change, the larger spread, and the verdict. */
export interface CountChange {
  a: number;
  b: number;
  /** (B / A − 1) · 100: positive means B executes more instructions. */
  deltaPct: number;
  /** The larger of the two sides' spreads, in percent of their figure. */
  spreadPct: number;
  /** Beyond the rule in either direction: |Δ| > fail-above and > SPREAD_FACTOR × spread. */
  changed: boolean;
  /** Changed and more instructions: what fails the gate. */
  flagged: boolean;
}

/** What happened to a result's count from A to B (the time diff's words where they mean the same). */
export type CountRowChange = 'counted' | 'not-countable' | 'now-failing' | 'fixed' | 'still-failing' | 'gone' | 'new';

export interface CountRow {
  key: string;
  label: string;
  change: CountRowChange;
  /** The whole process at the large size (median of its runs). */
  whole: CountChange | null;
  /** The kernel: the large size's median count minus the small size's. Null when it is not seen (why says so). */
  kernel: CountChange | null;
  /** Why the row has no figure to judge (not countable, failed, kernel not seen). */
  why: string | null;
  flagged: boolean;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const range = (xs: readonly number[]): number => Math.max(...xs) - Math.min(...xs);

type Counted = Extract<CountedResult, { status: 'counted' }>;

function change(a: number, b: number, spreadPct: number, failAbovePct: number): CountChange {
  const deltaPct = (b / a - 1) * 100;
  const changed = Math.abs(deltaPct) > failAbovePct && Math.abs(deltaPct) > SPREAD_FACTOR * spreadPct;
  return { a, b, deltaPct, spreadPct, changed, flagged: changed && deltaPct > 0 };
}

/** The spread of one side's counts at one size, in percent of their median: (max − min) / median. */
export const spreadPct = (xs: readonly number[]): number => (range(xs) / median(xs)) * 100;

/**
 * Judges two counted sides of one result (pure). Not countable, with the reason, when either side's
 * counts spread more than SPREAD_LIMIT_PCT at either size. The whole process: the large size's
 * medians. The kernel: large − small medians, its spread the two sizes' ranges added over it (the
 * difference can be off by both); not seen when either side's kernel is not above zero.
 */
export function judgeCounted(a: Counted, b: Counted, failAbovePct: number): Pick<CountRow, 'change' | 'whole' | 'kernel' | 'why' | 'flagged'> {
  for (const [name, side] of [
    ['A', a],
    ['B', b],
  ] as const) {
    for (const level of ['small', 'large'] as const) {
      const s = spreadPct(side[level].instructions);
      if (s > SPREAD_LIMIT_PCT) {
        const why = `counts spread ${s.toFixed(2)} % on ${name} at size ${side[level].size} (over ${side[level].instructions.length} runs), above ${SPREAD_LIMIT_PCT} %: not a count to judge`;
        return { change: 'not-countable', whole: null, kernel: null, why, flagged: false };
      }
    }
  }
  const whole = change(median(a.large.instructions), median(b.large.instructions), Math.max(spreadPct(a.large.instructions), spreadPct(b.large.instructions)), failAbovePct);
  const kernelOf = (s: Counted) => {
    const k = median(s.large.instructions) - median(s.small.instructions);
    return { k, spreadPct: ((range(s.large.instructions) + range(s.small.instructions)) / k) * 100 };
  };
  const [ka, kb] = [kernelOf(a), kernelOf(b)];
  const seen = ka.k > 0 && kb.k > 0;
  const kernel = seen ? change(ka.k, kb.k, Math.max(ka.spreadPct, kb.spreadPct), failAbovePct) : null;
  const why = seen ? null : `the kernel is not seen: size ${a.large.size} counted no more than size ${a.small.size} on ${ka.k > 0 ? 'B' : 'A'}`;
  return { change: 'counted', whole, kernel, why, flagged: whole.flagged || (kernel?.flagged ?? false) };
}

/**
 * The rows of an instructions compare (pure): every result of either side, judged by judgeCounted
 * when both counted it; otherwise what happened to it, in the time diff's words.
 */
export function countRows(a: readonly CountedResult[], b: readonly CountedResult[], failAbovePct: number): CountRow[] {
  const keys = [...new Set([...a, ...b].map((r) => r.key))];
  return keys.map((key): CountRow => {
    const [ra, rb] = [a.find((r) => r.key === key), b.find((r) => r.key === key)];
    const any = (ra ?? rb)!;
    const head = { key, label: resultLabel(any) };
    const none = { whole: null, kernel: null, flagged: false };
    if (!ra) return { ...head, ...none, change: 'new', why: null };
    if (!rb) return { ...head, ...none, change: 'gone', why: null };
    const notCountable = [ra, rb].find((r) => r.status === 'not-countable');
    if (notCountable?.status === 'not-countable') return { ...head, ...none, change: 'not-countable', why: notCountable.why };
    if (ra.status === 'failed' && rb.status === 'failed') return { ...head, ...none, change: 'still-failing', why: `B: ${rb.error}` };
    if (rb.status === 'failed') return { ...head, ...none, change: 'now-failing', why: `B: ${rb.error}` };
    if (ra.status === 'failed') return { ...head, ...none, change: 'fixed', why: `A: ${ra.error}` };
    return { ...head, ...judgeCounted(ra as Counted, rb as Counted, failAbovePct) };
  });
}

/** The rows that fail the gate: flagged, now failing, or on one side only (unless allowMissing). */
export const countRegressions = (rows: readonly CountRow[], allowMissing: boolean): CountRow[] =>
  rows.filter((r) => r.flagged || r.change === 'now-failing' || (!allowMissing && (r.change === 'gone' || r.change === 'new')));
