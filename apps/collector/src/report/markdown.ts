import type { FailedResult, RunDocument } from '@arena/contract';
import type { HistoryOptions } from './history.ts';
import { renderMarkdown, resultLabel } from '../format.ts';
import { articleTable, partialNote, runHeadline, workloadTables } from '../table.ts';
import { findingsMarkdown } from './findings-render.ts';
import { decidedNote, findingSections } from './findings-text.ts';
import { findings } from './findings.ts';
import { matrixCaption, matrixTable } from './matrix-markdown.ts';
import { METRICS, reportMatrices } from './matrix.ts';
import { callsTables, plainRun, settingsTables, variationFindings } from './variations.ts';
import { historyTables, machineConfigTable, phasesTable, runtimeTable, scalingTable } from './tables.ts';

/**
 * One run's part of a Markdown report, from its headline to its machine and config: the findings,
 * the ratio-to-c-native matrices as tables, and the same tables as the HTML one; headings `depth`
 * levels deeper than a one-run report's, so a multi-machine report nests one under each machine.
 */
export function machineMarkdown(full: RunDocument, runs: RunDocument[], baseline: string, options: { streamed?: ReadonlySet<string>; depth?: number; history?: HistoryOptions } = {}): string[] {
  // Settings and warm calls have their own sections; everything else shows the plain results.
  const doc = plainRun(full);
  const h2 = '#'.repeat(2 + (options.depth ?? 0));
  const h3 = `${h2}#`;
  const failed = full.results.filter((r): r is FailedResult => r.status === 'failed');
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
    ...variationsMarkdown(full, h2),
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

/** The engine settings and warm calls sections, when the run has any. */
function variationsMarkdown(doc: RunDocument, h2: string): string[] {
  const settings = settingsTables(doc);
  const calls = callsTables(doc);
  const flips = variationFindings(doc);
  return [
    flips.length ? `${h2} What settings and warm-up change\n\n${flips.map((f) => `- ${f}`).join('\n')}` : '',
    settings.length
      ? [
          `${h2} Engine settings: defaults against tuned`,
          "Each setting against its host at the defaults, same module, runtime and size (a slow setting runs at the workload's size.slow, its defaults too); below 1× the setting is faster. ★: the best setting of its host and module. Against the native twin at defaults: the default's ratio, then the tuned one (≈: an estimate through the default, when the sizes differ). A cache setting's cache was warmed by the verification run, before anything was timed.",
          ...settings.map((t) => `${h2}# ${t.workload}\n\n${renderMarkdown(t.table)}`),
        ].join('\n\n')
      : '',
    calls.length
      ? [
          `${h2} Warm calls: first call against later ones`,
          "Each worker calls the kernel N times in one process on the same input, every answer verified: the slowest worker's first call, the median of the later calls, and the wall time of the N calls over one call at the same size.",
          ...calls.map((t) => `${h2}# ${t.workload}\n\n${renderMarkdown(t.table)}`),
        ].join('\n\n')
      : '',
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
