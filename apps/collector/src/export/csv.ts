import type { PeakMemory, RunDocument, VariantResult } from '@arena/contract';
import { cpuSeconds } from '../resources.ts';
import type { Exporter } from './exporter.ts';

/**
 * The CSV columns, in order. Times in seconds unless the name says otherwise; cpu_s_mean is
 * user + system; peak memory in bytes over the memory runs, empty when not measured.
 */
export const CSV_COLUMNS = [
  'run_id',
  'created_at',
  'commit',
  'dirty',
  'variant',
  'workload',
  'size',
  'parameters',
  'workers',
  'status',
  'median_s',
  'ci95_low_s',
  'ci95_high_s',
  'mean_s',
  'stddev_s',
  'min_s',
  'max_s',
  'runs',
  'cv_pct',
  'user_s_mean',
  'system_s_mean',
  'cpu_s_mean',
  'compute_ms',
  'peak_memory_method',
  'peak_memory_runs',
  'peak_memory_median_bytes',
  'peak_memory_min_bytes',
  'peak_memory_max_bytes',
  'peak_memory_sample_interval_ms',
  'error',
] as const;

/** The memory columns of a result: empty when it has no memory runs. */
function memoryCells(p: PeakMemory | null): string[] {
  if (!p) return Array(6).fill('');
  return [p.method, String(p.bytes.length), String(p.medianBytes), String(p.minBytes), String(p.maxBytes), p.sampleIntervalMs === null ? '' : String(p.sampleIntervalMs)];
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function row(doc: RunDocument, r: VariantResult): string[] {
  const base = [
    doc.id,
    doc.createdAt,
    doc.git.commit ?? '',
    String(doc.git.dirty),
    r.variant,
    r.workload,
    String(r.size),
    Object.entries(r.parameters)
      .map(([k, v]) => `${k}=${v}`)
      .join(';'),
    r.parameters.workers ?? '',
    r.status,
  ];
  if (r.status === 'failed') return [...base, ...Array(CSV_COLUMNS.length - base.length - 1).fill(''), r.error];
  const w = r.wallS;
  return [
    ...base,
    ...[w.median, w.ci95.low, w.ci95.high, w.mean, w.stddev, w.min, w.max].map(String),
    String(w.times.length),
    String(r.stop.cvPct),
    String(r.userS.mean),
    String(r.systemS.mean),
    String(cpuSeconds(r)),
    r.phasesMs.computeMs === undefined ? '' : String(r.phasesMs.computeMs),
    ...memoryCells(r.peakMemory),
    '',
  ];
}

/** CSV (RFC 4180, CRLF line ends, a header row): one row per result, failed ones with their error. */
export const csvExporter: Exporter = {
  name: 'csv',
  mediaType: 'text/csv',
  description: 'CSV, one row per result (failed rows with status and error)',
  render(doc) {
    return [[...CSV_COLUMNS], ...doc.results.map((r) => row(doc, r))].map((cells) => `${cells.map(field).join(',')}\r\n`).join('');
  },
};
