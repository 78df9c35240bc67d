import type { OkResult, RunDocument, VariantResult } from '@arena/contract';
import { variantLabel } from '@arena/suite';
import { resultKey } from '../diff/key.ts';
import { ms, type Table } from '../format.ts';
import { baselineOf } from './matrix.ts';
import { REFERENCE, timeRatio, type RatioCi } from './ratio.ts';
import { ratioCiText } from './ratio-text.ts';

/** One result (resultKey) across the machines: what each run recorded for it, undefined where it did not run. */
interface CrossRow {
  key: string;
  workload: string;
  /** The variant and its parameters: `threads-wasi [module=clang, node=20]`. */
  variant: string;
  results: Array<VariantResult | undefined>;
}

/** Every result of any run, a row each: workloads in the order they first appear, then results in run order. */
function crossRows(docs: RunDocument[]): CrossRow[] {
  const byKey = docs.map((d) => new Map(d.results.map((r) => [resultKey(r), r])));
  const first = new Map<string, VariantResult>();
  for (const r of docs.flatMap((d) => d.results)) if (!first.has(resultKey(r))) first.set(resultKey(r), r);
  const workloads = [...new Set([...first.values()].map((r) => r.workload))];
  return workloads.flatMap((w) => [...first].filter(([, r]) => r.workload === w).map(([key, r]) => ({ key, workload: w, variant: variantLabel(r), results: byKey.map((m) => m.get(key)) })));
}

/** The ratio of a result to the baseline measured on the same machine (paired by round), null without one. */
function ratioTo(doc: RunDocument, r: OkResult, baseline: string): RatioCi | null {
  const base = baselineOf(doc.results, r, baseline);
  if (!base) return null;
  return base === r ? REFERENCE : timeRatio(r.wallS, base.wallS);
}

/** The ok result with the lowest median among those of its workload and worker count in a run. */
function isFastest(doc: RunDocument, r: OkResult): boolean {
  return !doc.results.some((x) => x.status === 'ok' && x.workload === r.workload && x.parameters.workers === r.parameters.workers && x.wallS.median < r.wallS.median);
}

/**
 * Where a row's answer differs between machines: the machines where it is its workload's fastest
 * (when not all of them), and a ratio to the baseline significantly below 1× on some, above on others.
 */
function betweenText(row: CrossRow, docs: RunDocument[], tags: string[], baseline: string): string {
  const ok = row.results.flatMap((r, i) => (r?.status === 'ok' ? [{ r, i }] : []));
  const fastest = ok.filter(({ r, i }) => isFastest(docs[i]!, r)).map(({ i }) => tags[i]!);
  const sides = { faster: [] as string[], slower: [] as string[] };
  for (const { r, i } of ok) {
    const ratio = ratioTo(docs[i]!, r, baseline);
    if (ratio?.significant) sides[ratio.ratio < 1 ? 'faster' : 'slower'].push(tags[i]!);
  }
  return [
    fastest.length === docs.length ? 'fastest on every machine' : fastest.length ? `fastest on ${fastest.join(', ')}` : '',
    sides.faster.length && sides.slower.length ? `vs ${baseline}: faster on ${sides.faster.join(', ')}, slower on ${sides.slower.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** What one machine recorded for a result: ok (median ms with its 95 % CI, ratio to the baseline), failed (why) or missing. */
export interface CrossCell {
  status: 'ok' | 'failed' | 'missing';
  /** `297.8 (295.2–303.3)`, or `–`. */
  median: string;
  /** `0.55× (0.54–0.55)`, `no go-native`, or `–`. */
  ratio: string;
  /** A failed result's error, its first line. */
  reason: string | null;
}

/** One row of the summary: a result, its cell on each machine, and where the answer differs between them. */
export interface CrossLine {
  workload: string;
  variant: string;
  cells: CrossCell[];
  between: string;
}

function cell(doc: RunDocument, r: VariantResult | undefined, baseline: string): CrossCell {
  if (!r) return { status: 'missing', median: '–', ratio: '–', reason: null };
  if (r.status === 'failed') return { status: 'failed', median: '–', ratio: '–', reason: r.error.split('\n')[0]!.slice(0, 100) };
  const ratio = ratioTo(doc, r, baseline);
  return { status: 'ok', median: `${ms(r.wallS.median)} (${ms(r.wallS.ci95.low)}–${ms(r.wallS.ci95.high)})`, ratio: ratio ? ratioCiText(ratio) : `no ${baseline}`, reason: null };
}

/** The summary's rows for runs of one commit, one per machine; `tags` name the machines (see machineTags). */
export function crossMachineLines(docs: RunDocument[], tags: string[], baseline: string): CrossLine[] {
  return crossRows(docs).map((row) => ({
    workload: row.workload,
    variant: row.variant,
    cells: row.results.map((r, i) => cell(docs[i]!, r, baseline)),
    between: betweenText(row, docs, tags, baseline),
  }));
}

/**
 * The cross-machine summary as a table (Markdown): a row per result (workload, variant +
 * parameters), per machine its median ms with the 95 % CI and its ratio to the baseline on that
 * machine, then where the answer differs between machines.
 */
export function crossMachineTable(docs: RunDocument[], tags: string[], baseline: string): Table {
  const header = ['workload', 'variant', ...tags.flatMap((t) => [`${t}: ms (95 % CI)`, `${t}: × ${baseline}`]), 'between machines'];
  const rows = crossMachineLines(docs, tags, baseline).map((l) => [l.workload, l.variant, ...l.cells.flatMap((c) => [c.reason ? `– failed: ${c.reason}` : c.median, c.ratio]), l.between]);
  return { header, rows, right: tags.flatMap((_, i) => [2 + 2 * i, 3 + 2 * i]) };
}

/** What the summary's cells mean, under it. */
export function crossMachineCaption(baseline: string): string {
  return `One row per result; per machine, its median wall time in ms with the 95 % CI, and its ratio to ${baseline} measured on the same machine with the 95 % CI of the ratio (~: not significantly different from 1×). Machines are never divided by each other: their runs share no rounds. "–": not run on that machine; "– failed": the run recorded it as failed (first line of the error). "between machines": where the answer differs — the fastest of a workload (lowest median), and ratios to ${baseline} significantly on opposite sides of 1×.`;
}
