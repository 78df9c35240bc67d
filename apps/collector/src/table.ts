import type { OkResult, RunDocument } from '@arena/contract';
import { callsTables, plainRun, settingsTables } from './report/variations.ts';
import { ratioCi95 } from '@arena/hyperfine-wrapper';
import { variantLabel } from '@arena/suite';
import { resultLabel, ms, type Table } from './format.ts';
import { cpuSeconds, peakCell, peakHeader } from './resources.ts';
import { streamedWorkloads } from './report/calls.ts';

/** Results noisier than this coefficient of variation are flagged. */
export const NOISY_CV_PCT = 5;

/** `a / b` with its round-paired 95 % CI, as hyperfine prints "x ± y times": `0.66× (0.64–0.68)`. */
function ratio(a: OkResult, b: OkResult | undefined): string {
  if (!b) return '–';
  if (a === b) return '1.00×';
  const r = ratioCi95(a.wallS, b.wallS);
  return `${r.ratio.toFixed(2)}×${r.ci95 ? ` (${r.ci95.low.toFixed(2)}–${r.ci95.high.toFixed(2)})` : ''}`;
}

/** The workloads of a run, in the order its results were planned. */
export const workloadsOf = (doc: RunDocument): string[] => [...new Set(doc.results.map((r) => r.workload))];

/** How a workload ran, for headings: `nbody (steps = 4000000, seeded)`. */
export function workloadHeading(doc: RunDocument, workload: string): string {
  const r = doc.results.find((x) => x.workload === workload);
  const seeded = doc.results.some((x) => x.workload === workload && x.status === 'ok' && x.seeds.length > 0);
  return `${workload} (size ${r?.size ?? doc.config.sizes[workload]}${seeded ? ', a new seed every round' : ''})`;
}

/**
 * The reference an ok result is compared to: the baseline of the same workload with the same worker
 * count, built by the same Go when the baseline ran once per Go toolchain (else its first result).
 */
function resultOf(doc: RunDocument, variant: string, of: OkResult): OkResult | undefined {
  const same = doc.results.filter((x): x is OkResult => x.status === 'ok' && x.variant === variant && x.workload === of.workload && x.parameters.workers === of.parameters.workers);
  return same.find((x) => x.parameters.go === of.parameters.go) ?? same[0];
}

/**
 * The comparison table of one workload: median wall time ± 95 % CI, in-process compute time,
 * precision, ratios to the baseline (default go-native), to c-native and to the fastest of the
 * same workload, each with its 95 % CI (paired by round: every result of a table ran in the same
 * rounds), then the process tree's peak memory (median and range of the memory runs) and CPU time.
 * A `streamed` workload (size = kernel calls per worker) also shows ns per call: compute time (wall
 * when the variant reports none) over the calls.
 */
export function resultsTable(doc: RunDocument, baseline = 'go-native', workload = workloadsOf(doc)[0], streamed = false): Table {
  const results = doc.results.filter((r) => r.workload === workload);
  const ok = results.filter((r): r is OkResult => r.status === 'ok');
  const fastest = new Map<string | undefined, OkResult>();
  for (const r of ok) {
    const w = r.parameters.workers;
    const f = fastest.get(w);
    if (!f || r.wallS.median < f.wallS.median) fastest.set(w, r);
  }
  const rows = results.map((r) => {
    if (r.status === 'failed') return [variantLabel(r), 'FAILED', ...(streamed ? [''] : []), '', '', '', '', '', '', '', '', r.error.split('\n')[0]!.slice(0, 100)];
    const w = r.parameters.workers;
    const m = r.wallS.median;
    const ci = `${ms(m)} (${ms(r.wallS.ci95.low)}–${ms(r.wallS.ci95.high)})`;
    const notes = [r.stop.cvPct > NOISY_CV_PCT ? `noisy: CV ${r.stop.cvPct.toFixed(1)} %` : '', r.stop.reason !== 'precision' && r.stop.reason !== 'fixed-runs' ? `stopped: ${r.stop.reason}` : '']
      .filter(Boolean)
      .join('; ');
    return [
      variantLabel(r),
      ci,
      r.phasesMs.computeMs !== undefined ? r.phasesMs.computeMs.toFixed(1) : '–',
      ...(streamed ? [(((r.phasesMs.computeMs ?? m * 1000) * 1e6) / r.size).toFixed(0)] : []),
      String(r.wallS.times.length),
      `±${r.stop.ciHalfWidthPct.toFixed(1)} %`,
      ratio(r, resultOf(doc, baseline, r)),
      ratio(r, resultOf(doc, 'c-native', r)),
      ratio(r, fastest.get(w)),
      peakCell(r.peakMemory),
      cpuSeconds(r).toFixed(3),
      notes,
    ];
  });
  const header = ['variant', 'median ms (95 % CI)', 'compute ms', ...(streamed ? ['ns/call'] : []), 'runs', 'CI', `× ${baseline}`, '× c-native', '× fastest', peakHeader(ok), 'CPU s', 'notes'];
  return { header, rows, right: header.map((_, i) => i).filter((i) => i >= 2 && i < header.length - 1) };
}

/**
 * What a narrowed run (BENCH_ONLY, BENCH_WORKLOADS) left out, as a sentence; null for a full run.
 * Said where the run is shown, so its absent results are read as not run, never as gone.
 */
export function partialNote(doc: RunDocument): string | null {
  const c = doc.config;
  if (!c.only && !c.workloads) return null;
  const left = (names: string[] | undefined) => (names === undefined ? '' : names.length ? `; left out: ${names.join(', ')}` : '');
  const parts = [
    c.only ? `variants ${c.only.join(', ')} only (BENCH_ONLY${left(c.leftOut?.variants)})` : '',
    c.workloads ? `workloads ${c.workloads.join(', ')} only (BENCH_WORKLOADS${left(c.leftOut?.workloads)})` : '',
  ].filter(Boolean);
  const unrecorded = c.leftOut === null ? ' (what it left out was not recorded before schema 7)' : '';
  return `Partial run: ${parts.join(', ')}${unrecorded}. Results it did not run are not compared, and never counted as gone.`;
}

/** The top of a run's tables: its headline, then what a narrowed run left out. */
export const runHeader = (doc: RunDocument): string => [runHeadline(doc), partialNote(doc)].filter(Boolean).join('\n');

/** One line about the run: commit (dirty), machine, config, and PARTIAL when it was narrowed. */
export function runHeadline(doc: RunDocument): string {
  const commit = doc.git.commit ? `${doc.git.commit.slice(0, 10)}${doc.git.dirty ? ' (dirty tree)' : ''}` : 'no git';
  const c = doc.config;
  const narrowed = [c.only ? `only ${c.only.join(', ')} (BENCH_ONLY)` : '', c.workloads ? `only workloads ${c.workloads.join(', ')} (BENCH_WORKLOADS)` : '']
    .filter(Boolean)
    .map((x) => ` · PARTIAL: ${x}`)
    .join('');
  const sizes = Object.entries(c.sizes)
    .map(([w, size]) => `${w}=${size}`)
    .join(', ');
  return `run ${doc.id} · ${commit} · ${doc.machine.cpuModel}, ${doc.machine.logicalCores} cores · profile ${c.profile}, ${sizes}, workers=${c.workers.join(',')}${narrowed}${doc.status === 'interrupted' ? ' · INTERRUPTED (lock lost: another benchmark may have overlapped)' : ''}`;
}

/**
 * The article's method on the same data: best, worst, and the mean with best and worst dropped
 * (the article's "100 runs, drop the extremes, average"), beside the median.
 */
export function articleTable(doc: RunDocument): Table {
  const rows = doc.results
    .filter((r): r is OkResult => r.status === 'ok')
    .map((r) => {
      const t = [...r.wallS.times].sort((a, b) => a - b);
      const body = t.length > 2 ? t.slice(1, -1) : t;
      const avg = body.reduce((a, b) => a + b, 0) / body.length;
      return [resultLabel(r), ms(t[0]!), ms(t.at(-1)!), ms(avg), `${ms(r.wallS.median)} ± ${r.stop.ciHalfWidthPct.toFixed(1)} %`, String(t.length)];
    });
  return { header: ['variant', 'best ms', 'worst ms', 'trimmed mean ms', 'median ms ± CI', 'runs'], rows, right: [1, 2, 3, 4, 5] };
}

/**
 * One section per workload, in run order: its heading and its results table (ratios within the
 * workload). `streamed`: the workloads whose tables show ns per call (default: the checkout's).
 */
export function workloadTables(full: RunDocument, baseline: string, streamed: ReadonlySet<string> = streamedWorkloads()): Array<{ workload: string; heading: string; table: Table }> {
  // Settings and warm calls are tabled apart (variationTables): their sizes and ratios differ.
  const doc = plainRun(full);
  return workloadsOf(doc).map((workload) => ({ workload, heading: workloadHeading(doc, workload), table: resultsTable(doc, baseline, workload, streamed.has(workload)) }));
}

/** The settings and warm-calls tables of a run, headed, for the terminal (none when it ran neither). */
export function variationTables(doc: RunDocument): Array<{ heading: string; table: Table }> {
  return [
    ...settingsTables(doc).map((t) => ({ heading: `${t.workload} · engine settings against the defaults`, table: t.table })),
    ...callsTables(doc).map((t) => ({ heading: `${t.workload} · warm calls`, table: t.table })),
  ];
}
