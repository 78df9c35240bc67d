import type { OkResult, RunDocument, VariantResult } from '@arena/contract';
import { resultLabel } from '../format.ts';
import { NATIVE, orderedHosts, placeResults } from './hosts.ts';
import { memoryRatio, pointRatio, REFERENCE, timeRatio, type RatioCi } from './ratio.ts';

/** What a matrix compares. */
export type MatrixMetric = 'wall' | 'compute' | 'cpu' | 'memory';

/** Title, caption and unit of each metric's matrix. */
export const METRICS: Record<MatrixMetric, { title: string; what: string; unit: 's' | 'ms' | 'bytes' }> = {
  wall: { title: 'Whole-process time', what: 'median wall time of the whole process (hyperfine), startup included', unit: 's' },
  compute: { title: 'Compute time', what: "median in-process compute phase (the variant's own computeMs: dispatching the jobs to the last result)", unit: 'ms' },
  cpu: { title: 'CPU time', what: 'mean user + system CPU time per run, all threads and processes', unit: 's' },
  memory: { title: 'Peak memory', what: 'median peak memory of the process tree over the memory runs', unit: 'bytes' },
};

/** The reference every cell is divided by: c-native of the same workload (and worker count). */
export const BASELINE_VARIANT = 'c-native';

/** A column: one producer of one workload. */
export interface MatrixColumn {
  workload: string;
  producer: string;
}

/** One result's cell. ok: it has a ratio; failed: the result failed; no-baseline / not-measured: nothing to divide. */
export interface MatrixCell {
  host: string;
  workload: string;
  producer: string;
  metric: MatrixMetric;
  /** The result's identity (resultLabel). */
  label: string;
  status: 'ok' | 'failed' | 'no-baseline' | 'not-measured';
  /** The result's own value and the baseline's, in the metric's unit. */
  value: number | null;
  baseline: number | null;
  ratio: RatioCi | null;
  /** A decided run's wasm result whose verdict against its native twin stayed undecided (the report marks it ?). */
  undecided: boolean;
}

/** A heat-map matrix: rows are hosts, columns workload × producer, a cell per result. */
export interface Matrix {
  metric: MatrixMetric;
  hosts: string[];
  columns: MatrixColumn[];
  cells: MatrixCell[];
}

/** A metric's value of an ok result, or null when it was not measured. */
function metricValue(r: OkResult, metric: MatrixMetric): number | null {
  switch (metric) {
    case 'wall':
      return r.wallS.median;
    case 'compute':
      return r.phasesMs.computeMs ?? null;
    case 'cpu':
      return r.userS.mean + r.systemS.mean;
    case 'memory':
      return r.peakMemory?.medianBytes ?? null;
  }
}

function ratioOf(r: OkResult, base: OkResult, metric: MatrixMetric): RatioCi {
  if (r === base) return REFERENCE;
  if (metric === 'wall') return timeRatio(r.wallS, base.wallS);
  if (metric === 'memory') return memoryRatio(r.peakMemory!, base.peakMemory!);
  return pointRatio(metricValue(r, metric)!, metricValue(base, metric)!);
}

/** The baseline of a result: the ok c-native result of its workload with its worker count. */
export function baselineOf(results: readonly VariantResult[], r: VariantResult, variant = BASELINE_VARIANT): OkResult | undefined {
  return results.find((x): x is OkResult => x.status === 'ok' && x.variant === variant && x.workload === r.workload && x.parameters.workers === r.parameters.workers);
}

/**
 * The matrix of one metric: every result of the run placed at (host, workload × producer), its
 * value divided by c-native's. Null for memory when no result of the run measured it.
 */
export function buildMatrix(doc: RunDocument, metric: MatrixMetric, baselineVariant = BASELINE_VARIANT): Matrix | null {
  const ok = doc.results.filter((r): r is OkResult => r.status === 'ok');
  if (metric === 'memory' && !ok.some((r) => r.peakMemory)) return null;
  const places = placeResults(doc.results);
  const undecided = new Set((doc.decisions?.workloads ?? []).flatMap((w) => w.pairs.filter((d) => d.outcome === 'undecided').map((d) => d.a)));
  const cells = doc.results.map((r): MatrixCell => {
    const p = places.get(r)!;
    const at = { host: p.host, workload: r.workload, producer: p.producer, metric, label: resultLabel(r), undecided: undecided.has(resultLabel(r)) };
    if (r.status === 'failed') return { ...at, status: 'failed', value: null, baseline: null, ratio: null };
    const value = metricValue(r, metric);
    if (value === null) return { ...at, status: 'not-measured', value, baseline: null, ratio: null };
    const base = baselineOf(doc.results, r, baselineVariant);
    const baseline = base ? metricValue(base, metric) : null;
    if (!base || baseline === null || baseline <= 0) return { ...at, status: 'no-baseline', value, baseline, ratio: null };
    return { ...at, status: 'ok', value, baseline, ratio: ratioOf(r, base, metric) };
  });
  const hosts = orderedHosts(places);
  const workloads = [...new Set(cells.map((c) => c.workload))];
  const producers = [...new Set(cells.map((c) => c.producer))].sort((a, b) => Number(b === NATIVE) - Number(a === NATIVE));
  const columns = workloads.flatMap((workload) => producers.filter((producer) => cells.some((c) => c.workload === workload && c.producer === producer)).map((producer) => ({ workload, producer })));
  return { metric, hosts, columns, cells };
}

/** The cell of a host in a column, if that result exists. */
export const cellAt = (m: Matrix, host: string, column: MatrixColumn): MatrixCell | undefined =>
  m.cells.find((c) => c.host === host && c.workload === column.workload && c.producer === column.producer);

/** Every matrix the report shows: time, compute, CPU, and memory when measured. */
export function reportMatrices(doc: RunDocument): Matrix[] {
  return (['wall', 'compute', 'cpu', 'memory'] as const).flatMap((metric) => buildMatrix(doc, metric) ?? []);
}
