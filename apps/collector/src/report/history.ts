import type { RunConfig, RunDocument, VariantResult, WallSeconds } from '@arena/contract';
import { judgeChange } from '../diff/compare.ts';
import { resultKey } from '../diff/key.ts';
import { resultLabel } from '../format.ts';

/** How a run decided how long to measure: a fixed number of rounds, until a CI target, or the article's method. */
export type ProfileMethod = 'fixed runs' | 'adaptive' | 'article';

export const profileMethod = (c: RunConfig): ProfileMethod => (c.profile === 'article' ? 'article' : c.targetCiPct === null ? 'fixed runs' : 'adaptive');

/**
 * What a result's time depends on besides its code and toolchain. A history series holds all of it
 * fixed: a line through n=30 and n=40, or through two CPUs, would draw a configuration change as a
 * speed-up.
 */
export interface Configuration {
  workload: string;
  size: number;
  workers: number;
  method: ProfileMethod;
  cpuModel: string;
  logicalCores: number;
  /** Rounded to 0.1 GiB: what the kernel keeps for itself moves the exact total between boots of one machine. */
  memoryGiB: number;
}

export function configurationOf(doc: RunDocument, r: VariantResult): Configuration {
  const m = doc.machine;
  const workers = Number(r.parameters.workers ?? doc.config.workers[0]);
  return {
    workload: r.workload,
    size: r.size,
    workers,
    method: profileMethod(doc.config),
    cpuModel: m.cpuModel,
    logicalCores: m.logicalCores,
    memoryGiB: Math.round((m.memoryBytes / 2 ** 30) * 10) / 10,
  };
}

export const configurationLabel = (c: Configuration): string =>
  `${c.workload} size ${c.size} · ${c.workers} worker${c.workers === 1 ? '' : 's'} · ${c.method} · ${c.cpuModel}, ${c.logicalCores} cores, ${c.memoryGiB.toFixed(1)} GiB`;

/**
 * The tools that may change inside a series: an upgrade is what history is for, so it does not
 * split a series but is marked where it happens. Node and Go are the result's own (the Node it ran
 * on, the Go that built it); the rest are the machine's.
 */
export interface Toolchain {
  node: string | null;
  go: string | null;
  clang: string | null;
  hyperfine: string | null;
  kernel: string;
}

export const toolchainOf = (doc: RunDocument, r: VariantResult): Toolchain => ({
  // The JavaScript runtime it ran on; a series never changes runtime (its key names it), only version.
  node: r.runtime ? (r.runtime.name === 'node' ? r.runtime.version : `${r.runtime.name} ${r.runtime.version}`) : null,
  go: r.goToolchain,
  clang: doc.machine.versions.clang,
  hyperfine: doc.machine.versions.hyperfine,
  kernel: doc.machine.os.release,
});

/** Each tool that differs, as `go go1.25.5 → go1.26.8`. */
export function toolchainChanges(before: Toolchain, after: Toolchain): string[] {
  return (Object.keys(after) as Array<keyof Toolchain>).filter((tool) => before[tool] !== after[tool]).map((tool) => `${tool} ${before[tool] ?? 'none'} → ${after[tool] ?? 'none'}`);
}

/** How a run is named on the chart's axis and in the table's header: start time (UTC) and commit, marked when the tree was dirty. */
export const runName = (doc: RunDocument): string => `${doc.createdAt.slice(0, 19).replace('T', ' ')} ${doc.git.commit?.slice(0, 7) ?? 'no git'}${doc.git.dirty ? ' (dirty)' : ''}`;

/** A significant change from the series' previous ok point, by the diff rules (see judgeChange). */
export interface HistoryStep {
  deltaPct: number;
  p: number;
}

interface PointBase {
  runId: string;
  /** See {@link runName}. */
  run: string;
  createdAt: string;
  commit: string | null;
  dirty: boolean;
  /** What changed in the toolchain since the series' previous point; empty when nothing did. */
  toolchain: string[];
}

/** One run's result in a series: its median and CI, or the failure. */
export type HistoryPoint = (PointBase & { status: 'ok'; medianMs: number; ci95LowMs: number; ci95HighMs: number; step: HistoryStep | null }) | (PointBase & { status: 'failed'; error: string });

/** One result (variant, workload, parameters) in one configuration, across the runs that have it, oldest first. */
export interface HistorySeries {
  id: string;
  /** The result, as the tables name it. */
  result: string;
  variant: string;
  configuration: Configuration;
  /** See {@link configurationLabel}. */
  configurationLabel: string;
  points: HistoryPoint[];
}

/** How steps are judged: the diff's alpha, and the noise threshold for two runs (default none). */
export interface HistoryOptions {
  alpha?: number;
  noisePct?: (a: RunDocument, b: RunDocument) => number;
}

/**
 * The history of every result, split into series of comparable runs (same {@link Configuration}).
 * Every stored run lands in some series: another configuration is its own series, not hidden.
 */
export function historySeries(runs: RunDocument[], options: HistoryOptions = {}): HistorySeries[] {
  const alpha = options.alpha ?? 0.05;
  const noisePct = options.noisePct ?? (() => 0);
  const ordered = [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const series = new Map<string, HistorySeries & { last: { doc: RunDocument; r: VariantResult } | null; lastOk: { doc: RunDocument; wallS: WallSeconds } | null }>();
  for (const doc of ordered) {
    for (const r of doc.results) {
      const configuration = configurationOf(doc, r);
      const id = JSON.stringify([resultKey(r), configuration]);
      const s = series.get(id) ?? { id, result: resultLabel(r), variant: r.variant, configuration, configurationLabel: configurationLabel(configuration), points: [], last: null, lastOk: null };
      series.set(id, s);
      const base: PointBase = {
        runId: doc.id,
        run: runName(doc),
        createdAt: doc.createdAt,
        commit: doc.git.commit,
        dirty: doc.git.dirty,
        toolchain: s.last ? toolchainChanges(toolchainOf(s.last.doc, s.last.r), toolchainOf(doc, r)) : [],
      };
      if (r.status === 'failed') {
        s.points.push({ ...base, status: 'failed', error: r.error });
      } else {
        const prev = s.lastOk;
        const verdict = prev ? judgeChange(prev.wallS, r.wallS, alpha, noisePct(prev.doc, doc)) : null;
        const w = r.wallS;
        s.points.push({
          ...base,
          status: 'ok',
          medianMs: w.median * 1000,
          ci95LowMs: w.ci95.low * 1000,
          ci95HighMs: w.ci95.high * 1000,
          step: verdict?.significant ? { deltaPct: verdict.deltaPct, p: verdict.p } : null,
        });
        s.lastOk = { doc, wallS: w };
      }
      s.last = { doc, r };
    }
  }
  return [...series.values()].map(({ last, lastOk, ...s }) => {
    void last;
    void lastOk;
    return s;
  });
}
