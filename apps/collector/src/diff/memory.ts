import type { PeakMemory, RunDocument } from '@arena/contract';

/** The smallest change of the median peak memory that the diff calls a change. */
export const MEMORY_MIN_CHANGE_PCT = 5;

/** A result's peak memory from A to B. */
export interface MemoryChange {
  /** (B median / A median − 1) · 100; positive means B uses more. */
  deltaPct: number;
  /** Whether the ranges [min, max] of the two sides' memory runs overlap. */
  rangesOverlap: boolean;
  /** The ranges do not overlap and |deltaPct| ≥ MEMORY_MIN_CHANGE_PCT. */
  significant: boolean;
}

/**
 * Judges a change of peak memory. With 3–5 memory runs a side, no rank test can reach p < 0.05
 * (3 v 3 gives at best p = 0.1), so the rule is: every run of one side above every run of the other
 * (the ranges do not overlap) and the medians at least `minPct` % apart. Peaks measured by different
 * methods (a cgroup's peak counts page cache, PSS does not) are not compared: null, like a side with
 * no memory runs. Pure.
 */
export function compareMemory(a: PeakMemory | null, b: PeakMemory | null, minPct = MEMORY_MIN_CHANGE_PCT): MemoryChange | null {
  if (!a || !b || a.method !== b.method || a.medianBytes <= 0) return null;
  const deltaPct = (b.medianBytes / a.medianBytes - 1) * 100;
  const rangesOverlap = a.minBytes <= b.maxBytes && b.minBytes <= a.maxBytes;
  return { deltaPct, rangesOverlap, significant: !rangesOverlap && Math.abs(deltaPct) >= minPct };
}

/** The methods a run measured peak memory with. */
const methodsOf = (doc: RunDocument) => [...new Set(doc.results.flatMap((r) => (r.status === 'ok' && r.peakMemory ? [r.peakMemory.method] : [])))].sort();

/** A warning when both runs measured memory, with different methods: their peaks are not compared. */
export function memoryWarning(a: RunDocument, b: RunDocument): string | null {
  const [ma, mb] = [methodsOf(a), methodsOf(b)];
  if (!ma.length || !mb.length || ma.join() === mb.join()) return null;
  return `peak memory was measured by ${ma.join(', ')} in A and ${mb.join(', ')} in B: the methods count different things, so memory is not compared`;
}
