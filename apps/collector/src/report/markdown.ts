import type { FailedResult, RunDocument } from '@arena/contract';
import { renderMarkdown, resultLabel } from '../format.ts';
import { articleTable, runHeadline, workloadTables } from '../table.ts';
import { findingsMarkdown } from './findings-render.ts';
import { findingSections } from './findings-text.ts';
import { findings } from './findings.ts';
import { matrixCaption, matrixTable } from './matrix-markdown.ts';
import { METRICS, reportMatrices } from './matrix.ts';
import { historyTable, machineConfigTable, phasesTable, runtimeTable, scalingTable } from './tables.ts';

/**
 * One run's part of a Markdown report, from its headline to its machine and config: the findings,
 * the ratio-to-c-native matrices as tables, and the same tables as the HTML one; headings `depth`
 * levels deeper than a one-run report's, so a multi-machine report nests one under each machine.
 */
export function machineMarkdown(doc: RunDocument, runs: RunDocument[], baseline: string, options: { streamed?: ReadonlySet<string>; depth?: number } = {}): string[] {
  const h2 = '#'.repeat(2 + (options.depth ?? 0));
  const h3 = `${h2}#`;
  const failed = doc.results.filter((r): r is FailedResult => r.status === 'failed');
  const phases = phasesTable(doc);
  const scaling = scalingTable(doc);
  const nodes = runtimeTable(doc, 'node');
  const gos = runtimeTable(doc, 'go');
  return [
    runHeadline(doc),
    doc.git.dirty ? '> **Warning:** the git tree was dirty: the commit does not fully describe the code measured.' : '',
    `${h2} Findings`,
    findingsMarkdown(findingSections(findings(doc, options.streamed)), h3.length),
    `${h2} Ratio to c-native`,
    ...reportMatrices(doc).map((m) => `${h3} ${METRICS[m.metric].title}\n\n${renderMarkdown(matrixTable(m))}\n\n${matrixCaption(m)}`),
    `${h2} Results`,
    ...workloadTables(doc, baseline, options.streamed).map((t) => `${h3} ${t.heading}\n\n${renderMarkdown(t.table)}`),
    doc.config.profile === 'article' ? `The article's method (best and worst dropped, the rest averaged):\n\n${renderMarkdown(articleTable(doc))}` : '',
    failed.length ? `${h2} Failed (${failed.length})\n\n${failed.map((r) => `- **${resultLabel(r)}**\n\n  \`\`\`text\n${r.error.split('\n').map((l) => `  ${l}`).join('\n')}\n  \`\`\``).join('\n')}` : '',
    phases.header.length > 1 ? `${h2} Phases inside the process (medians, ms)\n\n${renderMarkdown(phases)}` : '',
    scaling.rows.length ? `${h2} Scaling\n\n${renderMarkdown(scaling)}` : '',
    nodes.rows.length ? `${h2} Node versions (median ms, 95 % CI)\n\n${renderMarkdown(nodes)}` : '',
    gos.rows.length ? `${h2} Go toolchains (median ms, 95 % CI)\n\n${renderMarkdown(gos)}` : '',
    runs.length > 1 ? `${h2} History (median ms, last ${Math.min(runs.length, 6)} of ${runs.length} runs)\n\n${renderMarkdown(historyTable(runs))}` : '',
    `${h2} Machine and config`,
    renderMarkdown(machineConfigTable(doc)),
  ];
}

/** Markdown parts as one document: the empty ones dropped, a blank line between. */
export const markdownDocument = (parts: string[]): string => `${parts.filter(Boolean).join('\n\n')}\n`;

/**
 * The Markdown report of one run (see {@link machineMarkdown}); no charts, no links. `streamed`: the
 * workloads shown per kernel call too.
 */
export function renderReportMarkdown(doc: RunDocument, runs: RunDocument[], baseline: string, options: { streamed?: ReadonlySet<string> } = {}): string {
  return markdownDocument(['# bench-arena report', ...machineMarkdown(doc, runs, baseline, options)]);
}
