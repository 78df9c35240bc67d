import type { RunDocument, VariantResult } from '@arena/contract';
import type { Exporter } from './exporter.ts';

/** The CSV columns, in order. Times in seconds unless the name says otherwise. */
export const CSV_COLUMNS = [
  'run_id', 'created_at', 'commit', 'dirty', 'variant', 'workload', 'size', 'parameters', 'workers', 'status',
  'median_s', 'ci95_low_s', 'ci95_high_s', 'mean_s', 'stddev_s', 'min_s', 'max_s', 'runs',
  'cv_pct', 'user_s_mean', 'system_s_mean', 'compute_ms', 'error',
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function row(doc: RunDocument, r: VariantResult): string[] {
  const base = [
    doc.id, doc.createdAt, doc.git.commit ?? '', String(doc.git.dirty), r.variant, r.workload, String(r.size),
    Object.entries(r.parameters).map(([k, v]) => `${k}=${v}`).join(';'), r.parameters.workers ?? '', r.status,
  ];
  if (r.status === 'failed') return [...base, ...Array(12).fill(''), r.error];
  const w = r.wallS;
  return [
    ...base,
    ...[w.median, w.ci95.low, w.ci95.high, w.mean, w.stddev, w.min, w.max].map(String),
    String(w.times.length), String(r.stop.cvPct), String(r.userS.mean), String(r.systemS.mean),
    r.phasesMs.computeMs === undefined ? '' : String(r.phasesMs.computeMs), '',
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
