import type { FailedResult, RunDocument } from '@arena/contract';
import { resultLabel } from '../format.ts';
import { articleTable, partialNote, runHeadline, workloadTables } from '../table.ts';
import { callsTables, plainRun, settingsTables, variationFindings } from './variations.ts';
import type { ChartSpec } from './charts.ts';
import { hostColours } from './colour.ts';
import { escapeHtml } from './escape.ts';
import { findingsHtml } from './findings-render.ts';
import { decidedNote, findingSections } from './findings-text.ts';
import { findings } from './findings.ts';
import { orderedHosts, placeResults } from './hosts.ts';
import { tableHtml } from './html-table.ts';
import { MATRIX_STYLE, matrixHtml } from './matrix-html.ts';
import { reportMatrices } from './matrix.ts';
import { machineConfigTable } from './tables.ts';

/** A chart with its rendered SVG. */
export type RenderedChart = ChartSpec & { svg: string };

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
.headline { color: #555; }
table { border-collapse: collapse; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { padding: .2rem .6rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
/* Numbers never wrap: a wide table scrolls instead; only the last column (notes, errors) wraps. */
table.table th, table.table td { white-space: nowrap; }
table.table td:last-child { white-space: normal; min-width: 14rem; }
.scroll { overflow-x: auto; max-width: 100%; }
/* A results table scrolling in its box keeps its first column (the variant) in view, opaque over the
   cells under it; not in a narrow window, where the column could cover the whole box. */
@media (min-width: 48rem) { .scroll > table.table:not(.across) tr > :first-child { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: inset -1px 0 0 #ccc; } }
.findings ul { padding-left: 1.2rem; } .findings li { margin: .2rem 0; }
figure.chart { margin: 1rem 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .9rem; max-width: 48rem; }
pre { background: #f6f6f6; padding: .5rem; white-space: pre-wrap; }
.warn { background: #fff4d6; padding: .4rem .7rem; border-left: 4px solid #e0a800; }
${MATRIX_STYLE}`;

function chartHtml(c: RenderedChart, depth: number): string {
  return `<section>
<h${2 + depth}>${escapeHtml(c.title)}</h${2 + depth}>
<figure class="chart" data-chart="${escapeHtml(c.name)}">
${c.svg}
<figcaption>${escapeHtml(c.caption)}</figcaption>
</figure>
</section>`;
}

function failedHtml(failed: FailedResult[], h2: string): string {
  if (!failed.length) return '';
  const items = failed.map((r) => `<li><strong>${escapeHtml(resultLabel(r))}</strong><pre>${escapeHtml(r.error)}</pre></li>`).join('\n');
  return `<section data-section="failed">\n<${h2}>Failed (${failed.length})</${h2}>\n<ul class="failed">\n${items}\n</ul>\n</section>`;
}

/** Where a machine's part sits in the page: `depth` levels below the page's sections (0: the page is one run). */
export interface MachineHtmlOptions {
  streamed?: ReadonlySet<string>;
  depth?: number;
}

/**
 * One run's part of a page, from its headline to its machine and config: the findings, the heat maps
 * of ratios to c-native (cells in `data-host`/`data-workload`/… attributes), the results table,
 * every chart in a `data-chart` wrapper and failures; headings `depth` levels deeper than a
 * one-run page's, so a multi-machine page nests one under each machine.
 */
export function machineHtml(full: RunDocument, charts: RenderedChart[], baseline: string, options: MachineHtmlOptions = {}): string {
  // Settings and warm calls have their own sections; everything else shows the plain results.
  const doc = plainRun(full);
  const depth = options.depth ?? 0;
  const h2 = `h${2 + depth}`; // a section's heading tag
  const h3 = 3 + depth; // the level of the headings inside it
  const colours = hostColours(orderedHosts(placeResults(doc.results)));
  const failed = full.results.filter((r): r is FailedResult => r.status === 'failed');
  const flips = variationFindings(full);
  const settings = settingsTables(full);
  const calls = callsTables(full);
  const warnings = [
    doc.git.dirty ? 'The git tree was dirty: the commit does not fully describe the code measured.' : '',
    doc.status === 'interrupted' ? 'The run was interrupted: some results may be missing.' : '',
    partialNote(doc) ?? '',
  ].filter(Boolean);
  return `<p class="headline">${escapeHtml(runHeadline(doc))}</p>
${warnings.map((w) => `<p class="warn">${escapeHtml(w)}</p>`).join('\n')}
<section data-section="findings">
<${h2}>Findings</${h2}>
<p class="note" data-decided="${findings(doc, options.streamed).rule?.method ?? 'not-sequential'}">${escapeHtml(decidedNote(findings(doc, options.streamed)))}</p>
${findingsHtml(findingSections(findings(doc, options.streamed)), h3)}
</section>
${
  flips.length || settings.length || calls.length
    ? `<section data-section="variations">
${flips.length ? `<${h2}>What settings and warm-up change</${h2}>\n<ul>${flips.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>` : ''}
${settings.length ? `<${h2}>Engine settings: defaults against tuned</${h2}>\n${settings.map((t) => `<h${h3}>${escapeHtml(t.workload)}</h${h3}>\n<div class="scroll">${tableHtml(t.table)}</div>`).join('\n')}` : ''}
${calls.length ? `<${h2}>Warm calls: first call against later ones</${h2}>\n${calls.map((t) => `<h${h3}>${escapeHtml(t.workload)}</h${h3}>\n<div class="scroll">${tableHtml(t.table)}</div>`).join('\n')}` : ''}
</section>`
    : ''
}
<section data-section="matrices">
<${h2}>Ratio to c-native</${h2}>
${reportMatrices(doc)
  .map((m) => matrixHtml(m, colours, h3))
  .join('\n')}
</section>
<section data-section="results">
<${h2}>Results</${h2}>
${workloadTables(doc, baseline, options.streamed)
  .map((t) => `<h${h3} data-workload="${escapeHtml(t.workload)}">${escapeHtml(t.heading)}</h${h3}>\n<div class="scroll">${tableHtml(t.table)}</div>`)
  .join('\n')}
${doc.config.profile === 'article' ? `<p>The article's method (best and worst dropped, the rest averaged):</p>\n${tableHtml(articleTable(doc))}` : ''}
</section>
${failedHtml(failed, h2)}
${charts.map((c) => chartHtml(c, depth)).join('\n')}
<section data-section="machine">
<${h2}>Machine and config</${h2}>
${tableHtml(machineConfigTable(doc), 'kv')}
</section>`;
}

/** A self-contained page: inline CSS (plus `style`), no script, no external link. */
export function pageHtml(title: string, body: string, style = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The HTML report of one run: one self-contained page with its findings, heat maps, results table,
 * charts, failures and machine/config (see {@link machineHtml}). `streamed`: the workloads shown per
 * kernel call too.
 */
export function renderHtml(doc: RunDocument, charts: RenderedChart[], baseline: string, options: { streamed?: ReadonlySet<string> } = {}): string {
  return pageHtml(`bench-arena report · ${doc.id}`, `<h1>bench-arena report</h1>\n${machineHtml(doc, charts, baseline, options)}`);
}
