import type { RunDocument } from '@arena/contract';
import { plainRun } from './variations.ts';
import type { TopLevelSpec } from 'vega-lite';
import { hostColours } from './colour.ts';
import { DIMENSION_NAMES, historyRows, medianRows, phaseRows, runtimeRows, scalingRows, timeRows, type RuntimeDimension } from './data.ts';
import { runName, type HistoryOptions } from './history.ts';
import { orderedHosts, placeResults } from './hosts.ts';

/** A chart of the report: its name (the wrapper's data-chart attribute), title, caption and spec. */
export interface ChartSpec {
  name: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

const WIDTH = 560;
const config = {
  font: 'sans-serif',
  axis: { labelLimit: 320, titleFontWeight: 'normal' as const },
  legend: { labelLimit: 320 },
  view: { stroke: null },
};
const variantAxis = { field: 'label', type: 'nominal' as const, title: null, sort: null };

/** The host colour scale: one colour per host, the same in every chart (and beside the matrix rows). */
function hostColour(doc: RunDocument) {
  const colours = hostColours(orderedHosts(placeResults(doc.results)));
  return { field: 'host', type: 'nominal' as const, title: 'host', scale: { domain: [...colours.keys()], range: [...colours.values()] } };
}

const sortedName = { field: 'name', type: 'nominal' as const, title: null, axis: { labelLimit: 360 }, sort: { field: 'medianMs', op: 'min' as const, order: 'ascending' as const } };

/**
 * One panel per workload (its own axes, titled with the workload), stacked; each panel gets its
 * workload's rows. Concatenated rather than faceted so each panel's scale has one data source; mark
 * names carry the panel's index (`bars_0`, `bars_1`), as Vega-Lite merges panels whose marks share a name.
 */
function perWorkload<T extends { workload: string }>(rows: T[], panel: (index: number) => Record<string, unknown>) {
  const workloads = [...new Set(rows.map((r) => r.workload))];
  return {
    vconcat: workloads.map((w, i) => ({ title: { text: w, anchor: 'start' as const, fontSize: 13 }, data: { values: rows.filter((r) => r.workload === w) }, ...panel(i) })),
    resolve: { scale: { x: 'independent' as const, y: 'independent' as const, color: 'shared' as const } },
  };
}

/** Median wall time per result, a bar each, grouped by workload and sorted by time, with its 95 % CI. */
export function medianChart(doc: RunDocument): ChartSpec {
  const color = hostColour(doc);
  return {
    name: 'median',
    title: 'Median wall time',
    caption: 'One bar per result, per workload, fastest first: the median of its timed runs, coloured by host; the line is the distribution-free 95 % confidence interval of the median.',
    spec: {
      config,
      ...perWorkload(medianRows(doc), (i) => ({
        width: WIDTH,
        height: { step: 22 },
        encoding: { y: sortedName },
        layer: [
          { name: `bars_${i}`, mark: { type: 'bar' }, encoding: { x: { field: 'medianMs', type: 'quantitative', title: 'median wall time (ms)' }, color } },
          { name: `ci_${i}`, mark: { type: 'rule', color: '#222', strokeWidth: 1.5 }, encoding: { x: { field: 'ci95LowMs', type: 'quantitative' }, x2: { field: 'ci95HighMs' } } },
        ],
      })),
    } as TopLevelSpec,
  };
}

/** Every timed run as a tick, one row per result, grouped by workload and sorted by median. */
export function timesChart(doc: RunDocument): ChartSpec {
  const color = hostColour(doc);
  return {
    name: 'times',
    title: 'Every run',
    caption: 'Each tick is one timed run (wall clock, as hyperfine measured it), coloured by host; rows sorted by median within each workload.',
    spec: {
      config,
      ...perWorkload(timeRows(doc), (i) => ({
        width: WIDTH,
        height: { step: 22 },
        layer: [
          {
            name: `ticks_${i}`,
            mark: { type: 'tick', opacity: 0.7, thickness: 1.5 },
            encoding: { y: sortedName, x: { field: 'wallMs', type: 'quantitative', title: 'wall time (ms)', scale: { zero: false } }, color },
          },
        ],
      })),
    } as TopLevelSpec,
  };
}

/** The in-process phases of each variant, stacked (only the variants that report them). */
export function phasesChart(doc: RunDocument): ChartSpec {
  return {
    name: 'phases',
    title: 'Phases inside the process',
    caption: 'Medians over the timed runs of the phases each variant reports (startup, spawning workers, compiling and instantiating wasm, computing), stacked.',
    spec: {
      config,
      width: WIDTH,
      height: { step: 22 },
      data: { values: phaseRows(doc) },
      name: 'phase_bars',
      mark: { type: 'bar' },
      encoding: {
        y: variantAxis,
        x: { field: 'phaseMs', type: 'quantitative', title: 'ms', stack: 'zero' },
        color: { field: 'phase', type: 'nominal', title: 'phase', sort: ['startup', 'spawn', 'compile', 'instantiate', 'compute'] },
        order: { field: 'order', type: 'quantitative' },
      },
    },
  };
}

/**
 * The median of each result in every stored run, one panel per workload, by run (start time and
 * commit). A line joins only comparable runs (same size, workers, profile method and hardware):
 * colour is the result, the dash its configuration. Triangles mark a toolchain change, red rings a
 * step the diff rules call significant.
 */
export function historyChart(runs: RunDocument[], options: HistoryOptions = {}): ChartSpec {
  const rows = historyRows(runs, options);
  const order = [...new Map([...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((d) => [runName(d), true])).keys()];
  const x = { field: 'run', type: 'ordinal' as const, title: 'run (start UTC, commit)', sort: order, axis: { labelAngle: -40, labelLimit: 360 } };
  const y = { field: 'medianMs', type: 'quantitative' as const, title: 'median wall time (ms)', scale: { type: 'log' as const } };
  const results = new Set(rows.map((r) => r.result)).size;
  const color = { field: 'result', type: 'nominal' as const, title: 'result', scale: { scheme: results <= 10 ? 'tableau10' : 'tableau20' } };
  const strokeDash = {
    field: 'configuration',
    type: 'nominal' as const,
    title: 'configuration',
    legend: { symbolType: 'stroke', symbolStrokeColor: '#333', symbolStrokeWidth: 2, symbolSize: 300, labelLimit: 560 },
  };
  const configurations = new Set(rows.map((r) => r.configuration)).size;
  return {
    name: 'history',
    title: 'History',
    caption: `The median of each result in each of the ${runs.length} stored run${runs.length === 1 ? '' : 's'} (results/runs/), with its 95 % CI, in ${configurations} configuration${configurations === 1 ? '' : 's'}: a line joins only runs of one configuration (workload size, workers, profile method, hardware), dashed differently per configuration. ▲ a toolchain change (Node, Go, clang, hyperfine or kernel) at that run; red ring: a change from the line's previous run that the diff rules call significant. "(dirty)": the tree was dirty.`,
    spec: {
      config,
      ...perWorkload(rows, (i) => ({
        width: WIDTH,
        height: 240,
        encoding: { x },
        layer: [
          { name: `history_lines_${i}`, mark: { type: 'line', point: { filled: true } }, encoding: { y, color, strokeDash, detail: { field: 'series' } } },
          { name: `history_ci_${i}`, mark: { type: 'rule' }, encoding: { y: { field: 'ci95LowMs', type: 'quantitative' }, y2: { field: 'ci95HighMs' }, color } },
          {
            name: `history_toolchain_${i}`,
            transform: [{ filter: 'datum.toolchain' }],
            mark: { type: 'point', shape: 'triangle-up', filled: true, size: 110, color: '#222', yOffset: -12 },
            encoding: { y },
          },
          {
            name: `history_toolchain_text_${i}`,
            transform: [{ filter: 'datum.toolchain' }],
            mark: { type: 'text', fontSize: 10, dy: -24, color: '#222' },
            encoding: { y, text: { field: 'toolchain' } },
          },
          { name: `history_steps_${i}`, transform: [{ filter: 'datum.step' }], mark: { type: 'point', size: 220, strokeWidth: 2, color: '#d62728' }, encoding: { y } },
        ],
      })),
    } as TopLevelSpec,
  };
}

/** Time and speedup against the worker count (only for runs with more than one worker count). */
export function scalingChart(doc: RunDocument): ChartSpec | null {
  const rows = scalingRows(doc);
  if (!rows.length) return null;
  const base = Math.min(...rows.map((r) => r.baseWorkers));
  const workers = [...new Set(rows.map((r) => r.workers))].sort((a, b) => a - b);
  const x = { field: 'workers', type: 'quantitative' as const, title: 'workers', axis: { values: workers, format: 'd' } };
  const color = { field: 'series', type: 'nominal' as const, title: 'variant', scale: { scheme: 'tableau20' } };
  return {
    name: 'scaling',
    title: 'Scaling',
    caption: `Median wall time against the number of workers, and the speedup over ${base === 1 ? '1 worker' : `the smallest worker count measured (${base})`}; the dashed line is ideal (linear) speedup.`,
    spec: {
      config,
      hconcat: [
        {
          width: 300,
          height: 260,
          data: { values: rows },
          name: 'scaling_time',
          mark: { type: 'line', point: true },
          encoding: { x, y: { field: 'medianMs', type: 'quantitative', title: 'median wall time (ms)' }, color },
        },
        {
          width: 300,
          height: 260,
          layer: [
            {
              data: { values: workers.map((w) => ({ workers: w, speedup: w / base })) },
              mark: { type: 'line', color: '#999', strokeDash: [4, 4] },
              encoding: { x, y: { field: 'speedup', type: 'quantitative' } },
            },
            {
              data: { values: rows },
              name: 'scaling_speedup',
              mark: { type: 'line', point: true },
              encoding: { x, y: { field: 'speedup', type: 'quantitative', title: `speedup over ${base} worker${base === 1 ? '' : 's'}` }, color },
            },
          ],
        },
      ],
    },
  };
}

/** Median wall time of each result against the JavaScript runtime line or Go toolchain, with 95 % CIs (only for runs over several). */
export function runtimeChart(doc: RunDocument, dimension: RuntimeDimension = 'node'): ChartSpec | null {
  const rows = runtimeRows(doc, dimension);
  if (!rows.length) return null;
  const lines = [...new Set(rows.map((r) => r.line))];
  const names = DIMENSION_NAMES[dimension];
  const x = { field: 'line', type: 'ordinal' as const, title: dimension === 'node' ? 'JavaScript runtime' : 'Go toolchain', sort: lines };
  const color = { field: 'series', type: 'nominal' as const, title: 'variant', scale: { scheme: 'tableau20' } };
  const caption =
    dimension === 'node'
      ? `Median wall time of every Node-style variant on each JavaScript runtime line measured (${lines.join(', ')}), with its 95 % CI; the engine and the flags each ran with are in the run document (results[].runtime).`
      : `Median wall time of every Go-built result (Go variants, and the Go-compiled module on any host) for each Go toolchain measured (${lines.join(', ')}), with its 95 % CI; the exact Go is in the run document (results[].goToolchain).`;
  return {
    name: dimension === 'node' ? 'runtimes' : 'go-toolchains',
    title: names.title,
    caption,
    spec: {
      config,
      width: WIDTH,
      height: 300,
      data: { values: rows },
      layer: [
        {
          name: `${dimension}_lines`,
          mark: { type: 'line', point: true },
          encoding: { x, y: { field: 'medianMs', type: 'quantitative', title: 'median wall time (ms)', scale: { type: 'log' } }, color },
        },
        { mark: { type: 'rule' }, encoding: { x, y: { field: 'ci95LowMs', type: 'quantitative' }, y2: { field: 'ci95HighMs' }, color } },
      ],
    },
  };
}

/** Every chart the report shows for this run, with the stored runs for the history. */
export function reportCharts(full: RunDocument, runs: RunDocument[], history: HistoryOptions = {}): ChartSpec[] {
  const doc = plainRun(full);
  const charts = [medianChart(doc), timesChart(doc)];
  if (phaseRows(doc).length) charts.push(phasesChart(doc));
  charts.push(historyChart(runs, history));
  const scaling = scalingChart(doc);
  if (scaling) charts.push(scaling);
  for (const dimension of ['node', 'go'] as const) {
    const chart = runtimeChart(doc, dimension);
    if (chart) charts.push(chart);
  }
  return charts;
}
