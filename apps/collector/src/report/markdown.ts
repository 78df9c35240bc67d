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
 * The Markdown report: the findings, the ratio-to-c-native matrices as tables, and the same tables
 * as the HTML one; no charts, no links. `streamed`: the workloads shown per kernel call too.
 */
export function renderReportMarkdown(doc: RunDocument, runs: RunDocument[], baseline: string, options: { streamed?: ReadonlySet<string> } = {}): string {
  const failed = doc.results.filter((r): r is FailedResult => r.status === 'failed');
  const phases = phasesTable(doc);
  const scaling = scalingTable(doc);
  const nodes = runtimeTable(doc, 'node');
  const gos = runtimeTable(doc, 'go');
  const parts = [
    '# bench-arena report',
    runHeadline(doc),
    doc.git.dirty ? '> **Warning:** the git tree was dirty: the commit does not fully describe the code measured.' : '',
    '## Findings',
    findingsMarkdown(findingSections(findings(doc, options.streamed))),
    '## Ratio to c-native',
    ...reportMatrices(doc).map((m) => `### ${METRICS[m.metric].title}\n\n${renderMarkdown(matrixTable(m))}\n\n${matrixCaption(m)}`),
    '## Results',
    ...workloadTables(doc, baseline, options.streamed).map((t) => `### ${t.heading}\n\n${renderMarkdown(t.table)}`),
    doc.config.profile === 'article' ? `The article's method (best and worst dropped, the rest averaged):\n\n${renderMarkdown(articleTable(doc))}` : '',
    failed.length ? `## Failed (${failed.length})\n\n${failed.map((r) => `- **${resultLabel(r)}**\n\n  \`\`\`text\n${r.error.split('\n').map((l) => `  ${l}`).join('\n')}\n  \`\`\``).join('\n')}` : '',
    phases.header.length > 1 ? `## Phases inside the process (medians, ms)\n\n${renderMarkdown(phases)}` : '',
    scaling.rows.length ? `## Scaling\n\n${renderMarkdown(scaling)}` : '',
    nodes.rows.length ? `## Node versions (median ms, 95 % CI)\n\n${renderMarkdown(nodes)}` : '',
    gos.rows.length ? `## Go toolchains (median ms, 95 % CI)\n\n${renderMarkdown(gos)}` : '',
    runs.length > 1 ? `## History (median ms, last ${Math.min(runs.length, 6)} of ${runs.length} runs)\n\n${renderMarkdown(historyTable(runs))}` : '',
    '## Machine and config',
    renderMarkdown(machineConfigTable(doc)),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
