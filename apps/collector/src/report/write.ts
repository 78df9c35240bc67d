import { baselineSetting } from '@arena/suite';
import path from 'node:path';
import type { RunDocument } from '@arena/contract';
import { noiseSetting } from '../diff/noise.ts';
import { listRuns, writeFileAtomic } from '../store.ts';
import type { HistoryOptions } from './history.ts';
import { reportCharts } from './charts.ts';
import { streamedWorkloads } from './calls.ts';
import { renderHtml, type RenderedChart } from './html.ts';
import { renderReportMarkdown } from './markdown.ts';
import { renderMachinesHtml, renderMachinesMarkdown, type MachineReport } from './multi.ts';

/** The report files, inside a folder (the results folder unless --out says). */
export const reportPaths = (results: string) => ({ html: path.join(results, 'report.html'), markdown: path.join(results, 'report.md') });

/** How a report is written: the baseline (default BENCH_BASELINE), where warnings go, the streamed workloads, and the folder (default the results folder). */
export interface ReportOptions {
  baseline?: string;
  warn?: (message: string) => void;
  /** The workloads also shown per kernel call (default: read from packages/workloads). */
  streamed?: ReadonlySet<string>;
  /** The folder report.html and report.md go to (default: the results folder). */
  out?: string;
}

/** A run's history: the complete stored runs, plus this run if it is not stored there. */
function historyOf(doc: RunDocument, stored: RunDocument[]): RunDocument[] {
  const runs = stored.filter((d) => d.status === 'complete' || d.id === doc.id);
  return runs.some((d) => d.id === doc.id) ? runs : [...runs, doc].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** History steps are judged as `arena diff` would judge the two runs: with the noise learned on their machine, if any. */
const historyOptions = (results: string): HistoryOptions => ({ noisePct: (a, b) => noiseSetting(results, a, b, undefined).noisePct });

async function chartsOf(doc: RunDocument, runs: RunDocument[], history: HistoryOptions): Promise<RenderedChart[]> {
  const { renderSvg } = await import('./svg.ts'); // vega loads in ~1 s: only when a report is written
  return Promise.all(reportCharts(doc, runs, history).map(async (c) => ({ ...c, svg: await renderSvg(c.spec) })));
}

type Texts = { html: string; markdown: string };

/** Reads the stored runs, renders both texts and writes them into `out` (default the results folder). */
async function write(results: string, options: ReportOptions, render: (stored: RunDocument[], baseline: string, streamed: ReadonlySet<string>) => Promise<Texts>): Promise<Texts> {
  const texts = await render(
    listRuns(results, options.warn).map((r) => r.doc),
    options.baseline ?? baselineSetting(),
    options.streamed ?? streamedWorkloads(),
  );
  const paths = reportPaths(options.out ?? results);
  writeFileAtomic(paths.html, texts.html);
  writeFileAtomic(paths.markdown, texts.markdown);
  return paths;
}

/**
 * Writes report.html (self-contained, charts as inline SVG) and report.md for a run into `out`
 * (default the results folder); the history comes from the complete runs in results/runs/ (corrupt
 * files are skipped with a warning), plus this run if it is not stored there.
 */
export function writeReports(doc: RunDocument, results: string, options: ReportOptions = {}): Promise<Texts> {
  return write(results, options, async (stored, baseline, streamed) => {
    const runs = historyOf(doc, stored);
    const history = historyOptions(results);
    const charts = await chartsOf(doc, runs, history);
    return { html: renderHtml(doc, charts, baseline, { streamed }), markdown: renderReportMarkdown(doc, runs, baseline, { streamed, history }) };
  });
}

/**
 * Writes the report of one commit run on several machines (see renderMachinesHtml), same files and
 * options as {@link writeReports}. Each machine's history is its own stored runs (same fingerprint):
 * times from different machines on one chart would read as changes of the code.
 */
export function writeMachineReports(docs: RunDocument[], results: string, options: ReportOptions = {}): Promise<Texts> {
  return write(results, options, async (stored, baseline, streamed) => {
    const machines: MachineReport[] = await Promise.all(
      docs.map(async (doc) => {
        const runs = historyOf(
          doc,
          stored.filter((d) => d.machine.fingerprint === doc.machine.fingerprint),
        );
        return { doc, runs, charts: await chartsOf(doc, runs, historyOptions(results)) };
      }),
    );
    return { html: renderMachinesHtml(machines, baseline, { streamed }), markdown: renderMachinesMarkdown(machines, baseline, { streamed, history: historyOptions(results) }) };
  });
}
