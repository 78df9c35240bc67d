import type { OkResult, RunDocument } from '@arena/contract';
import { compareLines, JS_RUNTIMES } from '@arena/runtimes';
import { variantLabel } from '@arena/suite';
import { resultLabel } from '../format.ts';
import { historySeries, type HistoryOptions } from './history.ts';
import { placeResults } from './hosts.ts';

/** The in-process phases drawn in the phases chart, in the order they happen. */
export const PHASES = ['startupMs', 'spawnMs', 'compileMs', 'instantiateMs', 'computeMs'] as const;

const okResults = (doc: RunDocument) => doc.results.filter((r): r is OkResult => r.status === 'ok');
const toMs = (s: number) => s * 1000;

/**
 * One bar of the median chart: median wall time with its 95 % CI, in ms; `name` is the result within
 * its workload (variant [parameters]) and `host` its matrix row, which picks its colour.
 */
export interface MedianRow {
  label: string;
  workload: string;
  name: string;
  host: string;
  medianMs: number;
  ci95LowMs: number;
  ci95HighMs: number;
}

/** Median wall time per ok result. */
export function medianRows(doc: RunDocument): MedianRow[] {
  const places = placeResults(doc.results);
  return okResults(doc).map((r) => ({
    label: resultLabel(r),
    workload: r.workload,
    name: variantLabel(r),
    host: places.get(r)!.host,
    medianMs: toMs(r.wallS.median),
    ci95LowMs: toMs(r.wallS.ci95.low),
    ci95HighMs: toMs(r.wallS.ci95.high),
  }));
}

/** Every timed run of every ok result, in ms, with its result's median (to sort rows by). */
export function timeRows(doc: RunDocument): Array<{ label: string; workload: string; name: string; host: string; medianMs: number; run: number; wallMs: number }> {
  const places = placeResults(doc.results);
  return okResults(doc).flatMap((r) =>
    r.wallS.times.map((t, i) => ({ label: resultLabel(r), workload: r.workload, name: variantLabel(r), host: places.get(r)!.host, medianMs: toMs(r.wallS.median), run: i + 1, wallMs: toMs(t) })),
  );
}

/** The known phases each ok result reported (medians over its runs), in ms. */
export function phaseRows(doc: RunDocument): Array<{ label: string; phase: string; order: number; phaseMs: number }> {
  return okResults(doc).flatMap((r) =>
    PHASES.flatMap((phase, order) => {
      const v = r.phasesMs[phase];
      return v === undefined ? [] : [{ label: resultLabel(r), phase: phase.replace(/Ms$/, ''), order, phaseMs: v }];
    }),
  );
}

/**
 * One point of the history chart: an ok result of one run, in its series (result × configuration),
 * with its median's CI; `toolchain` says what changed in the tools since the series' previous point
 * and `step` the significant change from its previous ok point (empty strings when none).
 */
export interface HistoryRow {
  series: string;
  result: string;
  configuration: string;
  workload: string;
  run: string;
  runId: string;
  createdAt: string;
  medianMs: number;
  ci95LowMs: number;
  ci95HighMs: number;
  toolchain: string;
  step: string;
}

/** The history chart's points, oldest run first: only ok points carry a time. */
export function historyRows(runs: RunDocument[], options: HistoryOptions = {}): HistoryRow[] {
  return historySeries(runs, options)
    .flatMap((s) =>
      s.points.flatMap((p) =>
        p.status !== 'ok'
          ? []
          : [
              {
                series: s.id,
                result: s.result,
                configuration: s.configurationLabel,
                workload: s.configuration.workload,
                run: p.run,
                runId: p.runId,
                createdAt: p.createdAt,
                medianMs: p.medianMs,
                ci95LowMs: p.ci95LowMs,
                ci95HighMs: p.ci95HighMs,
                toolchain: p.toolchain.join(', '),
                step: p.step ? `${p.step.deltaPct > 0 ? '+' : ''}${p.step.deltaPct.toFixed(1)} %` : '',
              },
            ],
      ),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** One point of the scaling chart: a series (variant + parameters other than workers) at one worker count. */
export interface ScalingRow {
  series: string;
  workers: number;
  medianMs: number;
  speedup: number;
  baseWorkers: number;
}

/**
 * Time and speedup against the worker count, when the run has more than one (results then carry
 * parameters.workers). Speedup is over the series' own smallest worker count (1 when measured).
 */
export function scalingRows(doc: RunDocument): ScalingRow[] {
  if (doc.config.workers.length < 2) return [];
  const bySeries = new Map<string, Array<{ workers: number; medianMs: number }>>();
  for (const r of okResults(doc)) {
    const workers = Number(r.parameters.workers);
    if (!Number.isInteger(workers) || workers < 1) continue;
    const { workers: _, ...rest } = r.parameters;
    const series = resultLabel({ variant: r.variant, workload: r.workload, parameters: rest });
    bySeries.set(series, [...(bySeries.get(series) ?? []), { workers, medianMs: toMs(r.wallS.median) }]);
  }
  return [...bySeries].flatMap(([series, points]) => {
    const base = points.reduce((a, b) => (b.workers < a.workers ? b : a));
    return points.sort((a, b) => a.workers - b.workers).map((p) => ({ series, workers: p.workers, medianMs: p.medianMs, speedup: base.medianMs / p.medianMs, baseWorkers: base.workers }));
  });
}

/**
 * A runtime dimension of results: the JavaScript runtime line a Node-style variant ran on (`node`:
 * Node, Bun, Deno), or the Go that built the Go code.
 */
export type RuntimeDimension = 'node' | 'go';

/** How a dimension is named in the report. */
export const DIMENSION_NAMES: Record<RuntimeDimension, { title: string; line: (l: string) => string }> = {
  node: { title: 'JavaScript runtimes', line: (l) => l },
  go: { title: 'Go toolchains', line: (l) => `Go ${l}` },
};

/** One point of a runtime chart: a series (variant + the other parameters) on one line of the dimension. */
export interface RuntimeRow {
  series: string;
  line: string;
  medianMs: number;
  ci95LowMs: number;
  ci95HighMs: number;
}

/** The JavaScript runtime parameter of a result (`node`, `bun`, `deno`), in the declarations' order. */
const JS_KEYS = JS_RUNTIMES.map((r) => r.name);
const jsTitleOf = (key: string, line: string) => `${JS_RUNTIMES.find((r) => r.name === key)!.title} ${line}`;
const jsOrder = (line: string) => JS_RUNTIMES.findIndex((r) => line.startsWith(`${r.title} `));

/**
 * How each result's time moves with the JavaScript runtime (`node`: parameters.node, .bun, .deno,
 * lines `Node 20`, `Bun 1.4`) or the Go toolchain (`go`), when the run measured more than one.
 * Runtimes in the declarations' order, lines numerically.
 */
export function runtimeRows(doc: RunDocument, dimension: RuntimeDimension = 'node'): RuntimeRow[] {
  const rows = okResults(doc).flatMap((r) => {
    const key = dimension === 'go' ? 'go' : JS_KEYS.find((k) => r.parameters[k] !== undefined);
    if (key === undefined) return [];
    const { [key]: line, ...rest } = r.parameters;
    if (line === undefined) return [];
    const w = r.wallS;
    const shown = dimension === 'go' ? line : jsTitleOf(key, line);
    return [{ series: resultLabel({ variant: r.variant, workload: r.workload, parameters: rest }), line: shown, medianMs: toMs(w.median), ci95LowMs: toMs(w.ci95.low), ci95HighMs: toMs(w.ci95.high) }];
  });
  if (new Set(rows.map((r) => r.line)).size < 2) return [];
  if (dimension === 'go') return rows.sort((a, b) => compareLines(a.line, b.line));
  return rows.sort((a, b) => jsOrder(a.line) - jsOrder(b.line) || compareLines(a.line.split(' ')[1]!, b.line.split(' ')[1]!));
}
