import type { RunDocument, VariantResult } from '@arena/contract';
import { resultLabel } from '../format.ts';
import { geomean } from '../stats/geomean.ts';
import { mannWhitneyU, type MannWhitneyMethod } from '../stats/mann-whitney.ts';
import { resultKey } from './key.ts';

/** One side of a diff row. */
export type DiffSide =
  | { status: 'ok'; medianS: number; ci95LowS: number; ci95HighS: number; ciHalfWidthPct: number; runs: number }
  | { status: 'failed'; error: string }
  | { status: 'missing' };

/** One variant (with one parameter set) compared across the two runs. */
export interface DiffRow {
  key: string;
  label: string;
  variant: string;
  parameters: Record<string, string>;
  a: DiffSide;
  b: DiffSide;
  /** (B median / A median − 1) · 100; positive means B is slower. Null unless both are ok. */
  deltaPct: number | null;
  /** Two-sided Mann-Whitney U p-value on the per-run times. */
  p: number | null;
  pMethod: MannWhitneyMethod | null;
  /** Whether the 95 % CIs of the two medians overlap; null unless both are ok. */
  ciOverlap: boolean | null;
  /** p < alpha, the CIs do not overlap and |deltaPct| >= the noise threshold. */
  significant: boolean;
}

/** The geometric mean of the medians over the rows ok on both sides. */
export interface DiffGeomean {
  aS: number;
  bS: number;
  deltaPct: number;
  rows: number;
}

/** A brief of one compared run. */
export interface DiffRunInfo {
  id: string;
  file: string;
  commit: string | null;
  dirty: boolean;
  createdAt: string;
}

/** The noise threshold in effect and where it came from. */
export interface NoiseSetting {
  /** Changes smaller than this (percent) are not significant, whatever p says. */
  noisePct: number;
  /** `option`: --noise; `learned`: by `arena aa` on the machine both runs were made on; `none`: 0. */
  source: 'option' | 'learned' | 'none';
  /** The learned file, when source is `learned`. */
  file?: string;
}

/** No noise threshold: the statistics alone decide. */
export const NO_NOISE: NoiseSetting = { noisePct: 0, source: 'none' };

/** Everything `arena diff` prints, in every format. */
export interface DiffResult {
  a: DiffRunInfo;
  b: DiffRunInfo;
  alpha: number;
  /** Changes smaller than this (percent) are not significant, whatever p says. */
  noisePct: number;
  /** Where noisePct came from (see NoiseSetting). */
  noiseSource: NoiseSetting['source'];
  /** The learned noise file, when noiseSource is `learned`. */
  noiseFile?: string;
  rows: DiffRow[];
  geomean: DiffGeomean | null;
  warnings: string[];
}

function side(r: VariantResult | undefined): DiffSide {
  if (!r) return { status: 'missing' };
  if (r.status === 'failed') return { status: 'failed', error: r.error };
  const w = r.wallS;
  const ciHalfWidthPct = w.median > 0 ? (Math.max(w.median - w.ci95.low, w.ci95.high - w.median) / w.median) * 100 : 0;
  return { status: 'ok', medianS: w.median, ci95LowS: w.ci95.low, ci95HighS: w.ci95.high, ciHalfWidthPct, runs: w.times.length };
}

/** Why the two runs may not be comparable: other machine, other config, dirty trees, interruptions. */
export function comparabilityWarnings(a: RunDocument, b: RunDocument): string[] {
  const warnings: string[] = [];
  if (a.id === b.id) warnings.push(`A and B are the same run (${a.id})`);
  if (a.machine.fingerprint !== b.machine.fingerprint) {
    const m = (d: RunDocument) => `${d.machine.cpuModel}, ${d.machine.logicalCores} cores, ${d.machine.os.platform} ${d.machine.os.release}, fingerprint ${d.machine.fingerprint}`;
    warnings.push(`the runs come from different machines or tool versions: A ${m(a)}; B ${m(b)}`);
  }
  if (a.config.n !== b.config.n) warnings.push(`the configs differ: n = ${a.config.n} in A, ${b.config.n} in B`);
  if (a.config.workers.join(',') !== b.config.workers.join(',')) {
    warnings.push(`the configs differ: workers = ${a.config.workers.join(',')} in A, ${b.config.workers.join(',')} in B`);
  }
  for (const [name, d] of [['A', a], ['B', b]] as const) {
    if (d.git.dirty) warnings.push(`${name} (${d.id}) was recorded on a dirty git tree: its commit does not describe the code measured`);
    if (d.status === 'interrupted') warnings.push(`${name} (${d.id}) was interrupted: some results may be missing`);
  }
  return warnings;
}

const info = (doc: RunDocument, file: string): DiffRunInfo => ({ id: doc.id, file, commit: doc.git.commit, dirty: doc.git.dirty, createdAt: doc.createdAt });

/**
 * Compares run B against run A, benchstat style: one row per variant + parameters present in
 * either (A's order, then B's new ones), the change of the median and whether it is significant.
 */
export function compareRuns(
  a: { doc: RunDocument; file: string },
  b: { doc: RunDocument; file: string },
  alpha = 0.05,
  noise: NoiseSetting = NO_NOISE,
): DiffResult {
  const { noisePct } = noise;
  const byKeyA = new Map(a.doc.results.map((r) => [resultKey(r), r]));
  const byKeyB = new Map(b.doc.results.map((r) => [resultKey(r), r]));
  const keys = [...new Set([...byKeyA.keys(), ...byKeyB.keys()])];
  const rows = keys.map((key): DiffRow => {
    const ra = byKeyA.get(key);
    const rb = byKeyB.get(key);
    const any = (ra ?? rb)!;
    const row: DiffRow = {
      key, label: resultLabel(any), variant: any.variant, parameters: any.parameters,
      a: side(ra), b: side(rb), deltaPct: null, p: null, pMethod: null, ciOverlap: null, significant: false,
    };
    if (ra?.status === 'ok' && rb?.status === 'ok') {
      const test = mannWhitneyU(ra.wallS.times, rb.wallS.times);
      row.deltaPct = (rb.wallS.median / ra.wallS.median - 1) * 100;
      row.p = test.p;
      row.pMethod = test.method;
      row.ciOverlap = ra.wallS.ci95.low <= rb.wallS.ci95.high && rb.wallS.ci95.low <= ra.wallS.ci95.high;
      // The U test assumes both runs sample one steady machine; between runs a shared VM drifts.
      // So a change must also clear both medians' uncertainty (non-overlapping 95 % CIs, a
      // conservative test) and, like criterion's noise threshold, the drift `arena aa` measured.
      row.significant = test.p < alpha && !row.ciOverlap && Math.abs(row.deltaPct) >= noisePct;
    }
    return row;
  });
  const both = rows.filter((r) => r.a.status === 'ok' && r.b.status === 'ok' && r.a.medianS > 0 && r.b.medianS > 0);
  const medians = (s: 'a' | 'b') => both.map((r) => (r[s] as Extract<DiffSide, { status: 'ok' }>).medianS);
  const geo = both.length
    ? (() => {
        const aS = geomean(medians('a'));
        const bS = geomean(medians('b'));
        return { aS, bS, deltaPct: (bS / aS - 1) * 100, rows: both.length };
      })()
    : null;
  return { a: info(a.doc, a.file), b: info(b.doc, b.file), alpha, noisePct, noiseSource: noise.source, ...(noise.file ? { noiseFile: noise.file } : {}), rows, geomean: geo, warnings: comparabilityWarnings(a.doc, b.doc) };
}

/** Rows that got significantly slower by more than failAbovePct (the CI gate). */
export function regressions(result: DiffResult, failAbovePct: number): DiffRow[] {
  // A result that worked in A and fails in B is the worst regression of all.
  return result.rows.filter(
    (r) => (r.significant && r.deltaPct !== null && r.deltaPct > failAbovePct) || (r.a.status === 'ok' && r.b.status === 'failed'),
  );
}
