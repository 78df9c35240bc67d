import type { OkResult, RunDocument } from '@arena/contract';
import { resultLabel, type Table } from '../format.ts';
import { narrowedOut } from '../diff/compare.ts';
import { historySeries, runName, type HistoryOptions, type HistorySeries } from './history.ts';
import { DIMENSION_NAMES, PHASES, runtimeRows, scalingRows, type RuntimeDimension } from './data.ts';

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

/** The machine and the config of a run, as name/value rows. */
export function machineConfigTable(doc: RunDocument): Table {
  const m = doc.machine;
  const c = doc.config;
  const v = m.versions;
  const rows: Array<[string, string]> = [
    ['run', `${doc.id} (${doc.status})`],
    ['started', doc.createdAt],
    ['commit', doc.git.commit ? `${doc.git.commit}${doc.git.dirty ? ' (dirty tree)' : ''}` : 'no git'],
    ['CPU', `${m.cpuModel}, ${m.logicalCores} logical cores`],
    ['memory', gib(m.memoryBytes)],
    ['OS', `${m.os.platform} ${m.os.release} ${m.os.version}`],
    ['tools', `node ${v.node}, go ${v.go ?? '–'}, hyperfine ${v.hyperfine ?? '–'}, clang ${v.clang ?? '–'}`],
    ['machine fingerprint', m.fingerprint],
    ['profile', c.profile],
    [
      'workloads',
      `${Object.entries(c.sizes)
        .map(([w, size]) => `${w} (size ${size})`)
        .join(', ')}${c.workloads ? ' (BENCH_WORKLOADS: a partial run)' : ''}`,
    ],
    ['workers', c.workers.join(', ')],
    ['rounds', `${c.minRounds === c.maxRounds ? c.minRounds : `${c.minRounds}..${c.maxRounds}`} rounds of ${c.runsPerRound} runs per result; every result of a table in every round`],
    ['warmup runs', String(c.warmup)],
    ['stop rule', c.targetCiPct === null ? 'fixed number of rounds' : `a table stops when every median CI half-width ≤ ${c.targetCiPct} % (after the minimum rounds)`],
    ['time budget per result', c.budgetS === null ? 'none' : `${c.budgetS} s (a table's budget is this × its results)`],
    [
      'suite time budget',
      c.suiteBudgetS === null ? 'none' : `${(c.suiteBudgetS / 60).toFixed(0)} min: no round starts that would end past it (tables still short of their precision get the rounds until then)`,
    ],
    ...(doc.accountingS === null
      ? []
      : [
          [
            'time spent',
            `${(doc.accountingS.total / 60).toFixed(1)} min: verification ${doc.accountingS.verification.toFixed(0)} s, reference answers ${doc.accountingS.references.toFixed(1)} s (untimed), rounds ${doc.accountingS.rounds.toFixed(0)} s`,
          ] as [string, string],
        ]),
    ['variants', c.only ? `only ${c.only.join(', ')} (BENCH_ONLY: a partial run)` : 'every discovered variant'],
  ];
  return { header: ['', 'value'], rows };
}

/** The in-process phases of each ok result, in ms (only the phases some result reports). */
export function phasesTable(doc: RunDocument): Table {
  const ok = doc.results.filter((r): r is OkResult => r.status === 'ok');
  const phases = PHASES.filter((p) => ok.some((r) => r.phasesMs[p] !== undefined));
  return {
    header: ['variant', ...phases.map((p) => `${p.replace(/Ms$/, '')} ms`)],
    rows: ok.map((r) => [resultLabel(r), ...phases.map((p) => (r.phasesMs[p] === undefined ? '–' : r.phasesMs[p]!.toFixed(1)))]),
    right: phases.map((_, i) => i + 1),
  };
}

/** Median ms and speedup per worker count, one row per series (empty for a single worker count). */
export function scalingTable(doc: RunDocument): Table {
  const rows = scalingRows(doc);
  const workers = [...new Set(rows.map((r) => r.workers))].sort((a, b) => a - b);
  const series = [...new Set(rows.map((r) => r.series))];
  return {
    header: ['variant', ...workers.map((w) => `${w} worker${w === 1 ? '' : 's'}: ms (speedup)`)],
    rows: series.map((s) => [
      s,
      ...workers.map((w) => {
        const p = rows.find((r) => r.series === s && r.workers === w);
        return p ? `${p.medianMs.toFixed(1)} (${p.speedup.toFixed(2)}×)` : '–';
      }),
    ]),
    right: workers.map((_, i) => i + 1),
  };
}

/** Median ms (95 % CI) of each result per JavaScript runtime line or Go toolchain (empty unless the run measured several). */
export function runtimeTable(doc: RunDocument, dimension: RuntimeDimension = 'node'): Table {
  const rows = runtimeRows(doc, dimension);
  const lines = [...new Set(rows.map((r) => r.line))];
  const series = [...new Set(rows.map((r) => r.series))];
  return {
    header: ['variant', ...lines.map((l) => `${DIMENSION_NAMES[dimension].line(l)}: ms (95 % CI)`)],
    rows: series.map((s) => [
      s,
      ...lines.map((l) => {
        const p = rows.find((r) => r.series === s && r.line === l);
        return p ? `${p.medianMs.toFixed(1)} (${p.ci95LowMs.toFixed(1)}–${p.ci95HighMs.toFixed(1)})` : '–';
      }),
    ]),
    right: lines.map((_, i) => i + 1),
  };
}

/** One configuration's history as a table: a row per result, a column per run (the last `max` of them). */
export interface HistoryTable {
  configuration: string;
  /** Runs with a result in this configuration, and how many of them have a column. */
  runs: number;
  shown: number;
  table: Table;
  /** The toolchain changes marked † in the table, per run. */
  notes: string[];
}

const signed = (pct: number) => `${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)} %`;

function historyCell(s: HistorySeries, doc: RunDocument): string {
  const p = s.points.find((x) => x.runId === doc.id);
  if (!p) return narrowedOut(doc, { variant: s.variant, workload: s.configuration.workload }) ? 'not run' : '–';
  const mark = p.toolchain.length ? ' †' : '';
  if (p.status === 'failed') return `FAILED${mark}`;
  const step = p.step ? ` ${p.step.deltaPct > 0 ? '▲' : '▼'} ${signed(p.step.deltaPct)}` : '';
  const ms = (v: number) => v.toFixed(p.medianMs < 10 ? 2 : 1);
  return `${ms(p.medianMs)} (${ms(p.ci95LowMs)}–${ms(p.ci95HighMs)})${step}${mark}`;
}

/**
 * The history per configuration (see historySeries): runs of another size, worker count, profile
 * method or hardware get their own table, so no row reads a configuration change as a speed-up.
 */
export function historyTables(runs: RunDocument[], options: HistoryOptions = {}, max = 6): HistoryTable[] {
  const groups = new Map<string, HistorySeries[]>();
  for (const s of historySeries(runs, options)) groups.set(s.configurationLabel, [...(groups.get(s.configurationLabel) ?? []), s]);
  return [...groups].map(([configuration, series]) => {
    const ids = new Set(series.flatMap((s) => s.points.map((p) => p.runId)));
    const docs = runs.filter((d) => ids.has(d.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const recent = docs.slice(-max);
    const notes = recent.flatMap((d) => {
      const changes = [...new Set(series.flatMap((s) => s.points.find((p) => p.runId === d.id)?.toolchain ?? []))];
      return changes.length ? [`† at ${runName(d)}: ${changes.join(', ')}`] : [];
    });
    return {
      configuration,
      runs: docs.length,
      shown: recent.length,
      notes,
      table: { header: ['result', ...recent.map(runName)], rows: series.map((s) => [s.result, ...recent.map((d) => historyCell(s, d))]), right: recent.map((_, i) => i + 1) },
    };
  });
}
