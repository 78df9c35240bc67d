import type { PeakMemory, RunDocument, VariantResult, WallSeconds } from '@arena/contract';
import { ciHalfWidthPct, ciIsInformative } from '@arena/hyperfine-wrapper';
import { resultLabel } from '../format.ts';
import { geomean } from '../stats/geomean.ts';
import { mannWhitneyU, type MannWhitneyMethod } from '../stats/mann-whitney.ts';
import { cpuSeconds } from '../resources.ts';
import { resultKey } from './key.ts';
import { compareMemory, memoryWarning, type MemoryChange } from './memory.ts';
import { minAttainableP, pairSize, tooSmall } from './power.ts';

/**
 * One side of a diff row. `missing`: the run should have measured the result and has none;
 * `not-run`: the run was narrowed (BENCH_ONLY) to other variants.
 */
export type DiffSide =
  | {
      status: 'ok';
      medianS: number;
      ci95LowS: number;
      ci95HighS: number;
      ciHalfWidthPct: number;
      runs: number;
      /** Distinct rounds; the CI says something only from MIN_CI_ROUNDS on (ciInformative). */
      rounds: number;
      ciInformative: boolean;
      /** CPU seconds per run (user + system). */
      cpuS: number;
      /** The memory runs' peaks; null when not measured. */
      peakMemory: PeakMemory | null;
    }
  | { status: 'failed'; error: string }
  | { status: 'missing' }
  | { status: 'not-run' };

/**
 * What happened to a result from A to B. `compared`: ok on both sides; `now-failing`: ok in A,
 * failed in B; `gone`: in A, missing from B; `new`: missing from A, in B; `not-run`: a side was
 * narrowed to other variants; `fixed`: failed in A, ok in B; `still-failing`: failed on both.
 */
export type DiffChange = 'compared' | 'now-failing' | 'gone' | 'new' | 'not-run' | 'fixed' | 'still-failing';

/** One variant (with one parameter set) compared across the two runs. */
export interface DiffRow {
  key: string;
  label: string;
  variant: string;
  parameters: Record<string, string>;
  a: DiffSide;
  b: DiffSide;
  /** What happened to the result from A to B; only `compared` rows have a change of the median. */
  change: DiffChange;
  /** (B median / A median − 1) · 100; positive means B is slower. Null unless both are ok. */
  deltaPct: number | null;
  /** Two-sided Mann-Whitney U p-value on the per-run times. */
  p: number | null;
  pMethod: MannWhitneyMethod | null;
  /** Whether the 95 % CIs of the two medians overlap; null unless both are ok. */
  ciOverlap: boolean | null;
  /** p < alpha, the CIs do not overlap and |deltaPct| >= the noise threshold. */
  significant: boolean;
  /** The smallest p the exact U test can give for the two sample sizes; null unless both are ok. */
  minP: number | null;
  /** Whether the samples are too small to ever judge a change (see power.ts); false unless both are ok. */
  tooSmall: boolean;
  /** The change of peak memory (see compareMemory); null unless both sides measured it the same way. */
  memory: MemoryChange | null;
  /** The paired analysis, when both sides were measured in the same rounds (`arena compare`); null otherwise. */
  paired: PairedChange | null;
}

/**
 * One result measured on both sides in the same rounds: per round, B's median over A's; their
 * Hodges–Lehmann median (on logs) with the signed-rank 95 % interval, and the two-sided Wilcoxon
 * signed-rank p of "no change", raw and Holm-adjusted over the run's compared results.
 */
export interface PairedChange {
  /** Rounds both sides ran in: the number of per-round ratios. */
  rounds: number;
  /** B / A, the HL estimate of the per-round ratios. */
  ratio: number;
  /** The 95 % CI of the ratio; null when so few rounds cannot reach 95 %. */
  ci: { low: number; high: number } | null;
  /** Two-sided signed-rank p on the log ratios, before any adjustment. */
  p: number;
  /** p after Holm's adjustment over every compared result of the run (the family). */
  pHolm: number;
  /** The smallest p the exact signed-rank test can give with this many rounds (2 / 2ⁿ). */
  minP: number;
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
  /** The variants the run was narrowed to (BENCH_ONLY); null: every discovered variant. */
  only: string[] | null;
  /** The workloads the run was narrowed to (BENCH_WORKLOADS); null: every discovered workload. */
  workloads: string[] | null;
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
  /** How changes are judged: the two-sample U test on two runs, or the paired test of `arena compare`. */
  test: 'mann-whitney' | 'paired-signed-rank';
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

/** Whether the run was narrowed with BENCH_ONLY to a list without this variant, or with BENCH_WORKLOADS to one without this workload. */
export const narrowedOut = (doc: RunDocument, of: { variant: string; workload: string }) =>
  (doc.config.only !== null && !doc.config.only.includes(of.variant)) || (doc.config.workloads !== null && !doc.config.workloads.includes(of.workload));

function side(r: VariantResult | undefined, doc: RunDocument, of: { variant: string; workload: string }): DiffSide {
  if (!r) return narrowedOut(doc, of) ? { status: 'not-run' } : { status: 'missing' };
  if (r.status === 'failed') return { status: 'failed', error: r.error };
  const w = r.wallS;
  return {
    status: 'ok',
    medianS: w.median,
    ci95LowS: w.ci95.low,
    ci95HighS: w.ci95.high,
    ciHalfWidthPct: ciHalfWidthPct(w),
    runs: w.times.length,
    rounds: new Set(w.round).size,
    ciInformative: ciIsInformative(w),
    cpuS: cpuSeconds(r),
    peakMemory: r.peakMemory,
  };
}

function changeOf(a: DiffSide, b: DiffSide): DiffChange {
  // A deliberate narrowing explains an absence on either side before anything else does.
  if (a.status === 'not-run' || b.status === 'not-run') return 'not-run';
  if (a.status === 'ok' && b.status === 'ok') return 'compared';
  if (b.status === 'missing') return 'gone';
  if (a.status === 'missing') return 'new';
  if (a.status === 'ok') return 'now-failing';
  return b.status === 'ok' ? 'fixed' : 'still-failing';
}

/** Why the two runs may not be comparable: other machine, other config, dirty trees, interruptions. */
export function comparabilityWarnings(a: RunDocument, b: RunDocument): string[] {
  const warnings: string[] = [];
  if (a.id === b.id) warnings.push(`A and B are the same run (${a.id})`);
  if (a.machine.fingerprint !== b.machine.fingerprint) {
    const m = (d: RunDocument) => `${d.machine.cpuModel}, ${d.machine.logicalCores} cores, ${d.machine.os.platform} ${d.machine.os.release}, fingerprint ${d.machine.fingerprint}`;
    warnings.push(`the runs come from different machines or tool versions: A ${m(a)}; B ${m(b)}`);
  }
  for (const w of Object.keys(a.config.sizes).filter((x) => x in b.config.sizes)) {
    if (a.config.sizes[w] !== b.config.sizes[w]) warnings.push(`the configs differ: ${w}'s size = ${a.config.sizes[w]} in A, ${b.config.sizes[w]} in B`);
  }
  if (a.config.workers.join(',') !== b.config.workers.join(',')) {
    warnings.push(`the configs differ: workers = ${a.config.workers.join(',')} in A, ${b.config.workers.join(',')} in B`);
  }
  for (const [name, d] of [
    ['A', a],
    ['B', b],
  ] as const) {
    if (d.git.dirty) warnings.push(`${name} (${d.id}) was recorded on a dirty git tree: its commit does not describe the code measured`);
    if (d.status === 'interrupted') warnings.push(`${name} (${d.id}) was interrupted: some results may be missing`);
  }
  const memory = memoryWarning(a, b);
  if (memory) warnings.push(memory);
  return warnings;
}

const info = (doc: RunDocument, file: string): DiffRunInfo => ({
  id: doc.id,
  file,
  commit: doc.git.commit,
  dirty: doc.git.dirty,
  createdAt: doc.createdAt,
  only: doc.config.only,
  workloads: doc.config.workloads,
});

/** The verdict of the diff rules on one result's times in two separate runs (see {@link judgeChange}). */
export interface ChangeVerdict {
  deltaPct: number;
  p: number;
  pMethod: MannWhitneyMethod;
  ciOverlap: boolean;
  significant: boolean;
}

/**
 * The diff rules, for anything that compares two separate runs of one result (diff, history steps):
 * the change of the median, B over A, is significant when the two-sided U test gives p < alpha, the
 * medians' 95 % CIs do not overlap and |change| ≥ the noise threshold.
 */
export function judgeChange(a: WallSeconds, b: WallSeconds, alpha: number, noisePct: number): ChangeVerdict {
  const test = mannWhitneyU(a.times, b.times);
  const deltaPct = (b.median / a.median - 1) * 100;
  const ciOverlap = a.ci95.low <= b.ci95.high && b.ci95.low <= a.ci95.high;
  // The U test assumes both runs sample one steady machine; between runs a shared VM drifts.
  // So a change must also clear both medians' uncertainty (non-overlapping 95 % CIs, a
  // conservative test) and, like criterion's noise threshold, the drift `arena aa` measured.
  return { deltaPct, p: test.p, pMethod: test.method, ciOverlap, significant: test.p < alpha && !ciOverlap && Math.abs(deltaPct) >= noisePct };
}

/**
 * Compares run B against run A, benchstat style: one row per variant + parameters present in
 * either (A's order, then B's new ones), the change of the median and whether it is significant.
 */
export function compareRuns(a: { doc: RunDocument; file: string }, b: { doc: RunDocument; file: string }, alpha = 0.05, noise: NoiseSetting = NO_NOISE): DiffResult {
  const { noisePct } = noise;
  const byKeyA = new Map(a.doc.results.map((r) => [resultKey(r), r]));
  const byKeyB = new Map(b.doc.results.map((r) => [resultKey(r), r]));
  const keys = [...new Set([...byKeyA.keys(), ...byKeyB.keys()])];
  const rows = keys.map((key): DiffRow => {
    const ra = byKeyA.get(key);
    const rb = byKeyB.get(key);
    const any = (ra ?? rb)!;
    const [sa, sb] = [side(ra, a.doc, any), side(rb, b.doc, any)];
    const row: DiffRow = {
      key,
      label: resultLabel(any),
      variant: any.variant,
      parameters: any.parameters,
      a: sa,
      b: sb,
      change: changeOf(sa, sb),
      deltaPct: null,
      p: null,
      pMethod: null,
      ciOverlap: null,
      significant: false,
      minP: null,
      tooSmall: false,
      memory: null,
      paired: null,
    };
    if (ra?.status === 'ok' && rb?.status === 'ok') {
      Object.assign(row, judgeChange(ra.wallS, rb.wallS, alpha, noisePct));
      row.minP = minAttainableP(ra.wallS.times.length, rb.wallS.times.length);
      row.tooSmall = tooSmall(pairSize(ra.wallS, rb.wallS), alpha);
      row.memory = compareMemory(ra.peakMemory, rb.peakMemory);
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
  return {
    test: 'mann-whitney',
    a: info(a.doc, a.file),
    b: info(b.doc, b.file),
    alpha,
    noisePct,
    noiseSource: noise.source,
    ...(noise.file ? { noiseFile: noise.file } : {}),
    rows,
    geomean: geo,
    warnings: comparabilityWarnings(a.doc, b.doc),
  };
}

/**
 * The rows that fail the CI gate: significantly slower by more than failAbovePct, ok in A and
 * failing in B (the worst regression of all), or gone from B unless allowMissing (a variant removed
 * or renamed on purpose). A result absent because a run was narrowed with BENCH_ONLY never fails
 * it: narrowing is deliberate. A result new in B fails it only with `newFails` (compare: both sides
 * are measured by one harness at once, so a result on one side only is a difference to explain);
 * for diff there is nothing in A it could have got worse than.
 */
export function regressions(result: DiffResult, failAbovePct: number, allowMissing = false, newFails = false): DiffRow[] {
  return result.rows.filter(
    (r) =>
      (r.significant && r.deltaPct !== null && r.deltaPct > failAbovePct) || r.change === 'now-failing' || (r.change === 'gone' && !allowMissing) || (r.change === 'new' && newFails && !allowMissing),
  );
}
