import { baselineSetting } from '@arena/suite';
import path from 'node:path';
import type { RunDocument } from '@arena/contract';
import { listRuns, writeFileAtomic } from '../store.ts';
import { reportCharts } from './charts.ts';
import { streamedWorkloads } from './calls.ts';
import { renderHtml } from './html.ts';
import { renderReportMarkdown } from './markdown.ts';

/** The report files, inside the results folder. */
export const reportPaths = (results: string) => ({ html: path.join(results, 'report.html'), markdown: path.join(results, 'report.md') });

/**
 * Writes results/report.html (self-contained, charts as inline SVG) and results/report.md for a
 * run; the history comes from the complete runs in results/runs/ (corrupt files are skipped with
 * a warning), plus this run if it is not stored there. `streamed` (default: read from
 * packages/workloads) names the workloads also shown per kernel call.
 */
export async function writeReports(
  doc: RunDocument,
  results: string,
  options: { baseline?: string; warn?: (message: string) => void; streamed?: ReadonlySet<string> } = {},
): Promise<{ html: string; markdown: string }> {
  const baseline = options.baseline ?? baselineSetting();
  const streamed = options.streamed ?? streamedWorkloads();
  const stored = listRuns(results, options.warn).map((r) => r.doc).filter((d) => d.status === 'complete' || d.id === doc.id);
  const runs = stored.some((d) => d.id === doc.id) ? stored : [...stored, doc].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const { renderSvg } = await import('./svg.ts'); // vega loads in ~1 s: only when a report is written
  const charts = await Promise.all(reportCharts(doc, runs).map(async (c) => ({ ...c, svg: await renderSvg(c.spec) })));
  const paths = reportPaths(results);
  writeFileAtomic(paths.html, renderHtml(doc, charts, baseline, { streamed }));
  writeFileAtomic(paths.markdown, renderReportMarkdown(doc, runs, baseline, { streamed }));
  return paths;
}
