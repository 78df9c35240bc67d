import type { FailedResult, RunDocument } from '@arena/contract';
import type { HistoryOptions } from './history.ts';
import { renderMarkdown, resultLabel } from '../format.ts';
import { articleTable, partialNote, runHeadline, workloadTables } from '../table.ts';
import { findingsMarkdown } from './findings-render.ts';
import { decidedNote, findingSections } from './findings-text.ts';
import { findings } from './findings.ts';
import { matrixCaption, matrixTable } from './matrix-markdown.ts';
import { METRICS, reportMatrices } from './matrix.ts';
import { historyTables, machineConfigTable, phasesTable, runtimeTable, scalingTable } from './tables.ts';

/**
 * One run's part of a Markdown report, from its headline to its machine and config: the findings,
 * the ratio-to-c-native matrices as tables, and the same tables as the HTML one; headings `depth`
 * levels deeper than a one-run report's, so a multi-machine report nests one under each machine.
 */
export function machineMarkdown(doc: RunDocument, runs: RunDocument[], baseline: string, options: { streamed?: ReadonlySet<string>; depth?: number; history?: HistoryOptions } = {}): string[] {
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
    partialNote(doc) ? `> **${partialNote(doc)}**` : '',
    `${h2} Findings`,
    `_${decidedNote(findings(doc, options.streamed))}_`,
    findingsMarkdown(findingSections(findings(doc, options.streamed)), h3.length),
    `${h2} Ratio to c-native`,
    ...reportMatrices(doc).map((m) => `${h3} ${METRICS[m.metric].title}\n\n${renderMarkdown(matrixTable(m))}\n\n${matrixCaption(m)}`),
    `${h2} Results`,
    ...workloadTables(doc, baseline, options.streamed).map((t) => `${h3} ${t.heading}\n\n${renderMarkdown(t.table)}`),
    doc.config.profile === 'article' ? `The article's method (best and worst dropped, the rest averaged):\n\n${renderMarkdown(articleTable(doc))}` : '',
    failed.length
      ? `${h2} Failed (${failed.length})\n\n${failed
          .map(
            (r) =>
              `- **${resultLabel(r)}**\n\n  \`\`\`text\n${r.error
                .split('\n')
                .map((l) => `  ${l}`)
                .join('\n')}\n  \`\`\``,
          )
          .join('\n')}`
      : '',
    phases.header.length > 1 ? `${h2} Phases inside the process (medians, ms)\n\n${renderMarkdown(phases)}` : '',
    scaling.rows.length ? `${h2} Scaling\n\n${renderMarkdown(scaling)}` : '',
    nodes.rows.length ? `${h2} Node versions (median ms, 95 % CI)\n\n${renderMarkdown(nodes)}` : '',
    gos.rows.length ? `${h2} Go toolchains (median ms, 95 % CI)\n\n${renderMarkdown(gos)}` : '',
    runs.length > 1 ? historyMarkdown(runs, h2, options.history) : '',
    `${h2} Machine and config`,
    renderMarkdown(machineConfigTable(doc)),
  ];
}

/** The History section: a table per configuration, the toolchain changes under each. */
function historyMarkdown(runs: RunDocument[], h2: string, options: HistoryOptions = {}): string {
  const tables = historyTables(runs, options);
  const intro = `Median ms (95 % CI) of every result in the ${runs.length} stored runs, a table per configuration (workload size, workers, profile method, hardware), a column per run (its start, UTC, and commit; the last 6). ▲/▼: a step from the row's previous run the diff rules call significant (U test p < 0.05, CIs apart, beyond the machine's learned noise). †: the toolchain changed at that run (listed below the table). (dirty): the tree was dirty. not run: the run was narrowed (BENCH_ONLY / BENCH_WORKLOADS) and left it out. –: the result did not exist in that run.`;
  const sections = tables.map((t) =>
    [`${h2}# ${t.configuration} (${t.shown === t.runs ? `${t.runs} run${t.runs === 1 ? '' : 's'}` : `last ${t.shown} of ${t.runs} runs`})`, renderMarkdown(t.table), t.notes.join('\n\n')]
      .filter(Boolean)
      .join('\n\n'),
  );
  return [`${h2} History`, intro, ...sections].join('\n\n');
}

/** Markdown parts as one document: the empty ones dropped, a blank line between. */
export const markdownDocument = (parts: string[]): string => `${parts.filter(Boolean).join('\n\n')}\n`;

/**
 * The Markdown report of one run (see {@link machineMarkdown}); no charts, no links. `streamed`: the
 * workloads shown per kernel call too.
 */
export function renderReportMarkdown(doc: RunDocument, runs: RunDocument[], baseline: string, options: { streamed?: ReadonlySet<string>; history?: HistoryOptions } = {}): string {
  return markdownDocument(['# bench-arena report', ...machineMarkdown(doc, runs, baseline, options)]);
}
